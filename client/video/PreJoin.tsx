import { useEffect, useId, useRef, useState } from 'react'
import { CheckboxField } from '../ui/CheckboxField.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { blurSupported } from './blur/blurSupported.ts'
import type { JoinChoices } from './callTypes.ts'
import { useLevel } from './useLevel.ts'

/** The devices of one kind the browser offers, as choices. */
function useDevices(kind: MediaDeviceKind, refresh: unknown) {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([])
  useEffect(() => {
    void navigator.mediaDevices
      ?.enumerateDevices()
      .then((all) => setDevices(all.filter((d) => d.kind === kind && d.deviceId)))
  }, [kind, refresh])
  return devices
}

type BlurState = 'off' | 'preparing' | 'on' | 'failed'

/**
 * The preview through the background blur, when it is asked for: its code and MediaPipe's model
 * load only then. Until it runs, the plain camera shows (nothing leaves the device here).
 */
function useBlurredPreview(stream: MediaStream | null, blur: boolean) {
  const camera = stream?.getVideoTracks()[0] ?? null
  const [result, setResult] = useState<{
    camera: MediaStreamTrack
    blurred: MediaStream | null
  } | null>(null)
  useEffect(() => {
    if (!blur || !camera) return
    let live = true
    let stop: (() => Promise<void>) | null = null
    import('./blur/backgroundBlur.ts')
      .then(({ blurPreview }) => blurPreview(camera))
      .then((preview) => {
        stop = preview.stop
        if (!live) return void preview.stop()
        setResult({ camera, blurred: new MediaStream([preview.track]) })
      })
      .catch(() => live && setResult({ camera, blurred: null }))
    return () => {
      live = false
      void stop?.()
      setResult(null)
    }
  }, [camera, blur])
  const current = blur && camera && result?.camera === camera ? result : null
  const state: BlurState =
    !blur || !camera ? 'off' : !current ? 'preparing' : current.blurred ? 'on' : 'failed'
  return { blurred: current?.blurred ?? null, state }
}

/**
 * Before joining the call: choose a camera and microphone, see oneself, watch the level move
 * when speaking, and join muted or with the camera off. Nothing leaves the device here.
 */
export function PreJoin({
  onJoin,
  onCancel,
}: {
  onJoin: (choices: JoinChoices) => void
  onCancel: () => void
}) {
  const id = useId()
  const video = useRef<HTMLVideoElement>(null)
  const [cameraId, setCameraId] = useState<string | null>(null)
  const [microphoneId, setMicrophoneId] = useState<string | null>(null)
  const [stream, setStream] = useState<MediaStream | null>(null)
  const [denied, setDenied] = useState(false)
  const [cameraOn, setCameraOn] = useState(true)
  const [microphoneOn, setMicrophoneOn] = useState(true)
  const [blur, setBlur] = useState(false)
  const { blurred, state: blurState } = useBlurredPreview(stream, blur)
  useEffect(() => {
    let live = true
    let opened: MediaStream | null = null
    navigator.mediaDevices
      .getUserMedia({
        video: cameraId ? { deviceId: { exact: cameraId } } : true,
        audio: microphoneId ? { deviceId: { exact: microphoneId } } : true,
      })
      .then((s) => {
        opened = s
        if (!live) return s.getTracks().forEach((t) => t.stop())
        setDenied(false)
        setStream(s)
      })
      .catch(() => live && setDenied(true))
    return () => {
      live = false
      opened?.getTracks().forEach((t) => t.stop())
    }
  }, [cameraId, microphoneId])
  useEffect(() => {
    if (video.current) video.current.srcObject = blurred ?? stream
  }, [stream, blurred])
  const cameras = useDevices('videoinput', stream)
  const microphones = useDevices('audioinput', stream)
  const level = useLevel(stream)
  const options = (devices: MediaDeviceInfo[], what: string) =>
    devices.map((d, n) => ({ value: d.deviceId, label: d.label || `${what} ${n + 1}` }))
  return (
    <div className="prejoin stack-small">
      <h3>Before you join</h3>
      {denied ? (
        <p className="notice notice--calm" role="status">
          Your browser did not let Hearth use a camera or microphone. You can still join, see and
          hear the group; allow them in the browser’s site settings to be seen or heard.
        </p>
      ) : (
        <video
          ref={video}
          className="prejoin-preview"
          aria-label="Your camera, as the group would see it"
          autoPlay
          muted
          playsInline
          data-live={stream ? 'true' : 'false'}
          data-blurred={blurred ? 'true' : 'false'}
        />
      )}
      {!denied && blurSupported() && (
        <>
          <CheckboxField
            id={`${id}-blur`}
            label="Blur my background"
            hint="Only you stay sharp; the room behind you is blurred before your picture leaves this device."
            checked={blur}
            onChange={setBlur}
          />
          {blurState === 'preparing' && (
            <p className="hint" role="status">
              Preparing the blur (a first time takes a few seconds)…
            </p>
          )}
          {blurState === 'failed' && (
            <p className="field-error" role="alert">
              The blur could not start on this device. You can join with your camera off instead.
            </p>
          )}
        </>
      )}
      {cameras.length > 1 && (
        <SelectField
          id={`${id}-camera`}
          label="Camera"
          value={cameraId ?? cameras[0]!.deviceId}
          options={options(cameras, 'Camera')}
          onChange={setCameraId}
        />
      )}
      {microphones.length > 1 && (
        <SelectField
          id={`${id}-microphone`}
          label="Microphone"
          value={microphoneId ?? microphones[0]!.deviceId}
          options={options(microphones, 'Microphone')}
          onChange={setMicrophoneId}
        />
      )}
      {!denied && (
        <div className="prejoin-level">
          <label htmlFor={`${id}-level`}>Microphone level</label>{' '}
          <meter id={`${id}-level`} min={0} max={1} low={0.05} value={level} />
        </div>
      )}
      <CheckboxField
        id={`${id}-muted`}
        label="Join with my microphone off"
        checked={!microphoneOn}
        onChange={(off) => setMicrophoneOn(!off)}
      />
      <CheckboxField
        id={`${id}-camera-off`}
        label="Join with my camera off"
        checked={!cameraOn}
        onChange={(off) => setCameraOn(!off)}
      />
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            stream?.getTracks().forEach((t) => t.stop())
            onJoin({
              cameraId,
              microphoneId,
              cameraOn: cameraOn && !denied,
              microphoneOn: microphoneOn && !denied,
              blur,
            })
          }}
        >
          Join the call
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Not now
        </button>
      </div>
    </div>
  )
}
