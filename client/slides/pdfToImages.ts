import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

// Loaded only when a facilitator imports a PDF: members never fetch pdf.js.
GlobalWorkerOptions.workerSrc = workerUrl

/** How wide each page is drawn: sharp on a projector, a few hundred KB as JPEG. */
const WIDTH = 1600

/**
 * Each page of a PDF as a JPEG image, one after the other, in this browser. Its character
 * maps, fonts and decoders come from our own origin (`server/http/servePackageFiles.ts`).
 */
export async function* pdfPages(
  file: Blob,
): AsyncGenerator<{ page: number; pages: number; image: Blob }> {
  const task = getDocument({
    data: new Uint8Array(await file.arrayBuffer()),
    cMapUrl: '/pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: '/pdfjs/standard_fonts/',
    wasmUrl: '/pdfjs/wasm/',
  })
  try {
    const pdf = await task.promise
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const base = page.getViewport({ scale: 1 })
      const viewport = page.getViewport({ scale: WIDTH / base.width })
      const canvas = document.createElement('canvas')
      canvas.width = Math.round(viewport.width)
      canvas.height = Math.round(viewport.height)
      await page.render({ canvas, viewport }).promise
      const image = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (b) => (b ? resolve(b) : reject(new Error('page not drawn'))),
          'image/jpeg',
          0.85,
        ),
      )
      page.cleanup()
      yield { page: n, pages: pdf.numPages, image }
    }
  } finally {
    // PDFDocumentProxy has no destroy() in pdf.js 6: the loading task frees the worker.
    await task.destroy()
  }
}
