import { useState } from 'react'
import type * as Y from 'yjs'
import {
  LAYOUT_LABELS,
  LAYOUTS,
  deckParts,
  NOTE_MAX,
  notesFragment,
  type Layout,
} from '../../shared/slides/deckDoc.ts'
import { SelectField } from '../ui/SelectField.tsx'
import { TextField } from '../ui/TextField.tsx'
import { useConfirm } from '../ui/useConfirm.tsx'
import { addSlide, deleteSlide, moveSlide, setLayout, setNote } from './editDeck.ts'
import { ImagePicker } from './ImagePicker.tsx'
import { ImportPdf } from './ImportPdf.tsx'
import { ResponseSpecEditor } from './ResponseSpecEditor.tsx'
import { SlideFrame } from './SlideFrame.tsx'
import { SlideText } from './SlideText.tsx'
import { useDeck } from './useDeck.ts'

const LAYOUT_OPTIONS = LAYOUTS.map((l) => ({ value: l, label: LAYOUT_LABELS[l] }))

/**
 * Writing a deck with colleagues, live: the slides in order on one side, the chosen slide as
 * everyone will see it, and its speaker notes below (another document, which members never
 * receive).
 */
export function DeckEditor({ deckId, doc, notes }: { deckId: string; doc: Y.Doc; notes: Y.Doc }) {
  const deck = useDeck(doc)
  const [current, setCurrent] = useState(0)
  const [dialog, confirm] = useConfirm()
  const index = Math.min(current, Math.max(0, deck.slides.length - 1))
  const slide = deck.slides[index]
  const label = (i: number) => `Slide ${i + 1} of ${deck.slides.length}`
  const add = () => {
    addSlide(doc, index, 'text')
    setCurrent(index + 1)
  }
  const remove = async () => {
    if (!slide) return
    const ok = await confirm({
      title: `Delete slide ${index + 1}?`,
      body: <p>Its text and speaker notes are deleted for everyone editing this deck.</p>,
      confirm: 'Delete the slide',
      cancel: 'Keep it',
      danger: true,
    })
    if (ok) deleteSlide(doc, notes, slide.id)
  }
  return (
    <div className="stack">
      <TextField
        id="deck-title"
        label="Title"
        value={deck.title}
        onChange={(value) => deckParts(doc).meta.set('title', value.slice(0, 120))}
        maxLength={120}
      />
      <TextField
        id="deck-note"
        label="Content note for the whole deck (optional)"
        hint="For example: “Discusses death and loss”. Members see it first and may skip the slides; nobody is told."
        value={deck.note}
        onChange={(value) => deckParts(doc).meta.set('note', value.slice(0, NOTE_MAX))}
        maxLength={NOTE_MAX}
      />
      <div className="deck-editor">
        <nav aria-label="Slides">
          <ol className="slide-list">
            {deck.slides.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-current={i === index ? 'true' : undefined}
                  onClick={() => setCurrent(i)}
                >
                  {i + 1}. {LAYOUT_LABELS[s.layout]}
                </button>
              </li>
            ))}
          </ol>
          <div className="stack-small">
            <button type="button" className="button button--secondary" onClick={add}>
              Add a slide
            </button>
            <ImportPdf deckId={deckId} doc={doc} />
          </div>
        </nav>
        {slide ? (
          <div className="stack-small">
            <div className="actions">
              <SelectField
                id="slide-layout"
                label="Layout"
                value={slide.layout}
                onChange={(value) => setLayout(doc, slide.id, value as Layout)}
                options={LAYOUT_OPTIONS}
              />
              <button
                type="button"
                className="button button--quiet button--small"
                aria-disabled={index === 0 || undefined}
                onClick={() => {
                  if (index === 0) return
                  moveSlide(doc, index, -1)
                  setCurrent(index - 1)
                }}
              >
                Move earlier
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-disabled={index === deck.slides.length - 1 || undefined}
                onClick={() => {
                  if (index === deck.slides.length - 1) return
                  moveSlide(doc, index, 1)
                  setCurrent(index + 1)
                }}
              >
                Move later
              </button>
              <button
                type="button"
                className="button button--quiet-danger button--small"
                onClick={() => void remove()}
              >
                Delete slide
              </button>
            </div>
            <TextField
              id={`slide-note-${slide.id}`}
              label="Content note for this slide (optional)"
              value={slide.note}
              onChange={(value) => setNote(doc, slide.id, value)}
              maxLength={NOTE_MAX}
            />
            <SlideFrame doc={doc} slide={slide} editable label={label(index)} />
            {slide.layout === 'image' && (
              <ImagePicker
                key={slide.id}
                deckId={deckId}
                doc={doc}
                slideId={slide.id}
                image={slide.image}
              />
            )}
            {slide.layout === 'response' && (
              <ResponseSpecEditor
                key={slide.id}
                doc={doc}
                slideId={slide.id}
                spec={slide.response}
              />
            )}
            <h2 className="panel-heading">Speaker notes</h2>
            <p className="muted">Only facilitators see these, never the group.</p>
            <SlideText
              key={`notes:${slide.id}`}
              fragment={notesFragment(notes, slide.id)}
              editable
              label={`Speaker notes for slide ${index + 1}`}
              className="notes-text"
            />
          </div>
        ) : (
          <p className="muted">This deck has no slides yet: add one.</p>
        )}
      </div>
      {dialog}
    </div>
  )
}
