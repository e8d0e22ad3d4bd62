import { useState } from 'react'
import { useAction } from '../ui/useAction.ts'
import { blurSupported } from './blur/blurSupported.ts'
import type { CallPerson, CallRoom, CameraAudience } from './callTypes.ts'

/**
 * One's own controls: microphone, camera, background blur, audio only, who sees one's camera,
 * leaving.
 */
export function CallControls({
  call,
  me,
  member,
  blurAtJoin,
  onLeave,
}: {
  call: CallRoom
  me: CallPerson | undefined
  /** Members choose who sees their camera; facilitators are seen by their group. */
  member: boolean
  blurAtJoin: boolean
  onLeave: () => void
}) {
  const { problem, run } = useAction()
  const [audioOnly, setAudioOnly] = useState(false)
  const [blur, setBlur] = useState(blurAtJoin)
  const [blurring, setBlurring] = useState(false)
  const [audience, setAudience] = useState<CameraAudience>('everyone')
  const microphoneOn = me?.microphoneOn ?? false
  const cameraOn = me?.cameraOn ?? false
  return (
    <div className="call-controls stack-small">
      <div className="actions" role="group" aria-label="Your microphone and camera">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={!microphoneOn}
          onClick={() => void run(() => call.setMicrophone(!microphoneOn))}
        >
          {microphoneOn ? 'Mute' : 'Unmute'}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={!cameraOn}
          disabled={audioOnly}
          onClick={() => void run(() => call.setCamera(!cameraOn))}
        >
          {cameraOn ? 'Turn camera off' : 'Turn camera on'}
        </button>
        {blurSupported() && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={blur}
            disabled={blurring || audioOnly}
            onClick={() =>
              void run(async () => {
                setBlurring(true)
                try {
                  await call.setBlur(!blur)
                  setBlur(!blur)
                } finally {
                  setBlurring(false)
                }
              })
            }
          >
            {blurring ? 'Preparing the blur…' : 'Blur my background'}
          </button>
        )}
        <button
          type="button"
          className="button button--quiet button--small"
          aria-pressed={audioOnly}
          onClick={() =>
            void run(async () => {
              await call.setAudioOnly(!audioOnly)
              setAudioOnly(!audioOnly)
            })
          }
        >
          Audio only (weak connection)
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => void run(async () => onLeave())}
        >
          Leave the call
        </button>
      </div>
      {member && (
        <fieldset className="call-audience">
          <legend>Who sees your camera</legend>
          {(
            [
              ['everyone', 'Everyone in the call'],
              ['facilitators', 'The facilitators only'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="camera-audience"
                value={value}
                checked={audience === value}
                onChange={() =>
                  void run(async () => {
                    await call.setCameraAudience(value)
                    setAudience(value)
                  })
                }
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
