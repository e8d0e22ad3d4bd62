import { useState } from 'react'
import type * as Y from 'yjs'
import { deckParts, type SlideImage } from '../../shared/slides/deckDoc.ts'
import { toApiError } from '../api/ApiError.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { TextField } from '../ui/TextField.tsx'
import { uploadImage } from './uploadImage.ts'

/** An image slide's picture: upload one, and say what it shows for those who cannot see it. */
export function ImagePicker({
  deckId,
  doc,
  slideId,
  image,
}: {
  deckId: string
  doc: Y.Doc
  slideId: string
  image: SlideImage | null
}) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const save = (next: SlideImage) => {
    const { slides } = deckParts(doc)
    slides.set(slideId, { ...slides.get(slideId)!, image: next })
  }
  const choose = async (file: File | undefined) => {
    if (!file) return
    setBusy(true)
    setProblem(null)
    try {
      save({ hash: await uploadImage(deckId, file), alt: image?.alt ?? '' })
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  const id = `image-${slideId}`
  return (
    <div className="stack-small">
      <div className="field">
        <label htmlFor={id} className="field-label">
          {image ? 'Replace the image' : 'Choose an image'}
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          PNG, JPEG, GIF or WebP, up to 5 MB.
        </p>
        <input
          id={id}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {busy && <p role="status">Uploading the image…</p>}
      <FormProblem message={problem} />
      {image && (
        <TextField
          id={`${id}-alt`}
          label="What the image shows"
          hint="Read out to people who cannot see it."
          value={image.alt}
          maxLength={300}
          onChange={(alt) => save({ ...image, alt })}
        />
      )}
    </div>
  )
}
