import type { VideoTrackTransformer, VideoTransformerInitOptions } from '@livekit/track-processors'
import type { Segmenter } from './segmenter.ts'

export type BlurOptions = { blurRadius: number }

type Paint = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D

/**
 * Blurs everything but the person, frame by frame, for LiveKit's `ProcessorWrapper`. The
 * segmentation runs beside the frames, never holding one up: each frame is drawn with the
 * latest mask, so on a weak laptop the picture stays fluid and only the outline lags. Until the
 * first mask arrives the whole picture is blurred: someone who asked for blur never shows their
 * room, not even for a moment.
 */
export class SelfieBlurTransformer implements VideoTrackTransformer<BlurOptions> {
  transformer?: TransformStream
  private output: Paint | null = null
  private canvas: OffscreenCanvas | HTMLCanvasElement | null = null
  private video: HTMLVideoElement | null = null
  private person: OffscreenCanvas | null = null
  private reading = false
  private closed = true

  private readonly segmenter: Segmenter
  private radius: number

  constructor(segmenter: Segmenter, radius: number) {
    this.segmenter = segmenter
    this.radius = radius
  }

  init(options: VideoTransformerInitOptions): void {
    this.transformer = new TransformStream({
      transform: (frame: VideoFrame, controller) => this.transform(frame, controller),
    })
    this.restart(options)
  }

  restart({ outputCanvas, inputElement }: VideoTransformerInitOptions): void {
    this.canvas = outputCanvas
    this.output = outputCanvas.getContext('2d') as Paint | null
    this.video = inputElement
    this.closed = false
  }

  destroy(): void {
    this.closed = true
    this.output = null
    this.video = null
  }

  update({ blurRadius }: BlurOptions): void {
    this.radius = blurRadius
  }

  transform(frame: VideoFrame, controller: TransformStreamDefaultController<VideoFrame>): void {
    const { output, canvas } = this
    const width = frame.displayWidth
    const height = frame.displayHeight
    if (this.closed || !output || !canvas || width === 0 || height === 0) {
      frame.close()
      return
    }
    this.readNextMask()
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width
      canvas.height = height
    }
    // The background: the frame blurred, drawn a little larger so the blur's soft rim (which
    // would fade to transparent) falls outside the picture.
    const r = this.radius
    output.globalCompositeOperation = 'copy'
    output.filter = `blur(${r}px)`
    output.drawImage(frame, -2 * r, -2 * r, width + 4 * r, height + 4 * r)
    output.filter = 'none'
    const mask = this.segmenter.mask()
    if (mask) {
      // The person: the frame kept only where the mask is, laid over the blurred background.
      if (!this.person || this.person.width !== width || this.person.height !== height) {
        this.person = new OffscreenCanvas(width, height)
      }
      const person = this.person.getContext('2d')!
      person.globalCompositeOperation = 'copy'
      person.filter = 'blur(2px)'
      person.drawImage(mask, 0, 0, width, height)
      person.filter = 'none'
      person.globalCompositeOperation = 'source-in'
      person.drawImage(frame, 0, 0, width, height)
      output.globalCompositeOperation = 'source-over'
      output.drawImage(this.person, 0, 0)
    }
    const timestamp = frame.timestamp
    frame.close()
    controller.enqueue(new VideoFrame(canvas, { timestamp }))
  }

  /** One segmentation at a time; frames that arrive meanwhile use the mask there is. */
  private readNextMask() {
    const video = this.video
    if (this.reading || !video || video.readyState < 2) return
    this.reading = true
    void this.segmenter
      .segment(video)
      .catch(() => undefined)
      .finally(() => {
        this.reading = false
      })
  }
}
