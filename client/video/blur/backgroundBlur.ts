import { ProcessorWrapper } from '@livekit/track-processors'
import { Track } from 'livekit-client'
import { loadSegmenter } from './segmenter.ts'
import { SelfieBlurTransformer, type BlurOptions } from './SelfieBlurTransformer.ts'

/** Strong enough that a room's details (photos, papers, other people) cannot be made out. */
const BLUR_RADIUS = 14

/** LiveKit's processor around our blur: set on a camera track, or on a preview (below). */
export async function createBackgroundBlur(): Promise<ProcessorWrapper<BlurOptions>> {
  const segmenter = await loadSegmenter()
  return new ProcessorWrapper(
    new SelfieBlurTransformer(segmenter, BLUR_RADIUS),
    'background-blur',
    {
      maxFps: 24,
    },
  )
}

/**
 * The same blur on a camera before joining (no LiveKit room yet): the track one would send,
 * to see oneself as the group would. `stop` ends the processing, not the camera.
 */
export async function blurPreview(
  camera: MediaStreamTrack,
): Promise<{ track: MediaStreamTrack; stop: () => Promise<void> }> {
  const processor = await createBackgroundBlur()
  const element = document.createElement('video')
  element.muted = true
  element.playsInline = true
  element.srcObject = new MediaStream([camera])
  await element.play()
  await processor.init({ kind: Track.Kind.Video, track: camera, element })
  const track = processor.processedTrack
  if (!track) throw new Error('The background blur could not start.')
  return {
    track,
    stop: async () => {
      await processor.destroy()
      element.srcObject = null
    },
  }
}
