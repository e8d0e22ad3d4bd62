import { useEffect, useId, useRef, useState } from 'react'
import { CheckboxField } from '../ui/CheckboxField.tsx'
import { SelectField } from '../ui/SelectField.tsx'
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
    if (video.current) video.current.srcObject = stream
  }, [stream])
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
        />
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
