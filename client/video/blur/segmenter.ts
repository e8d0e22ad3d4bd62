import type { Results, SelfieSegmentation } from '@mediapipe/selfie_segmentation'

/** MediaPipe's files, served by our own server from the npm package (no CDN, no Google). */
const FILES = '/mediapipe/selfie_segmentation/'

declare global {
  interface Window {
    SelfieSegmentation?: typeof SelfieSegmentation
  }
}

/** Who is in front of the camera, as an image whose opacity is the person (the latest frame). */
export interface Segmenter {
  /** The latest mask, or null before the first frame was read. */
  mask: () => OffscreenCanvas | null
  /** Reads one frame of the video; the mask changes when it is done. */
  segment: (video: HTMLVideoElement) => Promise<void>
}

/**
 * MediaPipe's script sets a global (it is not a module a bundler can take in), so it is added
 * to the page as a script of our origin, once.
 */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.onload = () => resolve()
    script.onerror = () => reject(new Error('The background blur could not be loaded.'))
    document.head.append(script)
  })
}

async function openSegmenter(): Promise<Segmenter> {
  if (!window.SelfieSegmentation) await loadScript(`${FILES}selfie_segmentation.js`)
  const Solution = window.SelfieSegmentation
  if (!Solution) throw new Error('The background blur could not be loaded.')
  const solution = new Solution({ locateFile: (file) => FILES + file })
  // The landscape model: smaller input (256×144), made for video calls; faster on weak laptops.
  solution.setOptions({ modelSelection: 1, selfieMode: false })
  let mask: OffscreenCanvas | null = null
  // The result's mask belongs to MediaPipe and is reused: it is copied while it is valid.
  solution.onResults((results: Results) => {
    const { width, height } = results.segmentationMask
    if (!mask || mask.width !== width || mask.height !== height) {
      mask = new OffscreenCanvas(width, height)
    }
    const paint = mask.getContext('2d')!
    paint.globalCompositeOperation = 'copy'
    paint.drawImage(results.segmentationMask, 0, 0)
  })
  await solution.initialize()
  return {
    mask: () => mask,
    segment: (video) => solution.send({ image: video }),
  }
}

let opening: Promise<Segmenter> | null = null

/** The page's one segmenter (its model is 5.7 MB of WebAssembly: loaded once, kept). */
export function loadSegmenter(): Promise<Segmenter> {
  if (!opening) {
    opening = openSegmenter()
    opening.catch(() => {
      opening = null
    })
  }
  return opening
}
