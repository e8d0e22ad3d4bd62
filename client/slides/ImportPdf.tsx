import { useState } from 'react'
import type * as Y from 'yjs'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { addSlide } from './editDeck.ts'
import { uploadImage } from './uploadImage.ts'

/**
 * Brings a PDF deck a facilitator already has: each page becomes an image slide, converted
 * here in their browser (pdf.js loads only now) and uploaded, with a progress bar.
 */
export function ImportPdf({ deckId, doc }: { deckId: string; doc: Y.Doc }) {
  const [progress, setProgress] = useState<{ page: number; pages: number } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const importFile = async (file: File | undefined) => {
    if (!file || progress) return
    setProblem(null)
    setProgress({ page: 0, pages: 0 })
    try {
      const { pdfPages } = await import('./pdfToImages.ts')
      let added = 0
      for await (const { page, pages, image } of pdfPages(file)) {
        setProgress({ page, pages })
        const hash = await uploadImage(deckId, image)
        addSlide(doc, Infinity, 'image', { image: { hash, alt: `Page ${page} of ${file.name}` } })
        added++
      }
      announce(`${added} slides added from the PDF.`)
    } catch (error) {
      setProblem(
        error instanceof Error && error.name === 'InvalidPDFException'
          ? 'This file is not a PDF that can be read.'
          : toApiError(error).message,
      )
    }
    setProgress(null)
  }
  return (
    <div className="stack-small">
      <div className="field">
        <label htmlFor={`pdf-${deckId}`} className="field-label">
          Add slides from a PDF
        </label>
        <p className="field-hint" id={`pdf-${deckId}-hint`}>
          Each page becomes a slide. Write speaker notes for them afterwards.
        </p>
        <input
          id={`pdf-${deckId}`}
          type="file"
          accept="application/pdf"
          aria-describedby={`pdf-${deckId}-hint`}
          disabled={progress !== null}
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </div>
      {progress && (
        <div role="status" className="stack-small">
          <progress
            max={Math.max(1, progress.pages)}
            value={progress.page}
            aria-label="Import progress"
          />
          <span className="muted">
            {progress.pages === 0
              ? 'Reading the PDF…'
              : `Page ${progress.page} of ${progress.pages}`}
          </span>
        </div>
      )}
      <FormProblem message={problem} />
    </div>
  )
}
