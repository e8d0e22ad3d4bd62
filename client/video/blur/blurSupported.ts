let supported: boolean | null = null

/**
 * Whether this browser can blur a camera: WebGL 2 (MediaPipe's segmentation), canvas filters
 * (the blur itself), and a way to turn frames back into a track. Asked before anything loads.
 */
export function blurSupported(): boolean {
  if (supported === null) {
    const canvas = document.createElement('canvas')
    supported =
      typeof OffscreenCanvas !== 'undefined' &&
      'filter' in CanvasRenderingContext2D.prototype &&
      ('MediaStreamTrackProcessor' in window || 'captureStream' in HTMLCanvasElement.prototype) &&
      canvas.getContext('webgl2') !== null
  }
  return supported
}
