import type * as Y from 'yjs'
import { bodyFragment, sideFragment, type SlideView } from '../../shared/slides/deckDoc.ts'
import { SlideText } from './SlideText.tsx'

/**
 * A slide as everyone sees it: a 16:9 frame whose text scales with its width (container
 * units), so the same slide reads the same on a phone, a laptop and full screen.
 */
export function SlideFrame({
  doc,
  slide,
  editable,
  label,
}: {
  doc: Y.Doc
  slide: Pick<SlideView, 'id' | 'layout' | 'image'>
  editable: boolean
  /** "Slide 3 of 12": the frame's accessible name. */
  label: string
}) {
  return (
    <div className={`slide slide--${slide.layout}`} role="group" aria-label={label}>
      <div className="slide-inner">
        {slide.layout === 'image' &&
          (slide.image ? (
            <img
              className="slide-image"
              src={`/api/images/${slide.image.hash}`}
              alt={slide.image.alt}
            />
          ) : (
            <p className="muted">No image yet.</p>
          ))}
        <SlideText
          key={`body:${slide.id}:${String(editable)}`}
          fragment={bodyFragment(doc, slide.id)}
          editable={editable}
          label={
            slide.layout === 'two-columns'
              ? `${label}, left column`
              : slide.layout === 'image'
                ? `${label}, caption`
                : label
          }
          className="slide-text"
        />
        {slide.layout === 'two-columns' && (
          <SlideText
            key={`side:${slide.id}:${String(editable)}`}
            fragment={sideFragment(doc, slide.id)}
            editable={editable}
            label={`${label}, right column`}
            className="slide-text"
          />
        )}
      </div>
    </div>
  )
}
