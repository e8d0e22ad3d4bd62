import { useEffect, useRef } from 'react'
import type { CallPerson } from './callTypes.ts'

/** One person in the grid: their camera or their initial, their name, muted or speaking. */
export function CallTile({ person, children }: { person: CallPerson; children?: React.ReactNode }) {
  const video = useRef<HTMLVideoElement>(null)
  const { attachCamera, cameraOn } = person
  useEffect(() => {
    if (!video.current || !attachCamera || !cameraOn) return
    return attachCamera(video.current)
  }, [attachCamera, cameraOn])
  const name = person.isLocal ? `${person.name} (you)` : person.name
  return (
    <li
      className="call-tile"
      data-speaking={person.speaking ? 'true' : 'false'}
      aria-label={`${name}${person.role === 'facilitator' ? ', facilitator' : ''}${
        person.microphoneOn ? '' : ', microphone off'
      }${person.cameraOn ? '' : ', camera off'}${person.speaking ? ', speaking' : ''}`}
    >
      {cameraOn && attachCamera ? (
        <video ref={video} className="call-video" autoPlay playsInline muted />
      ) : (
        <div className="call-avatar" aria-hidden="true">
          {person.name.slice(0, 1).toUpperCase()}
        </div>
      )}
      <p className="call-name">
        {name}
        {person.role === 'facilitator' && <span className="badge">Facilitator</span>}
        {!person.microphoneOn && <span className="call-muted"> · muted</span>}
      </p>
      {children}
    </li>
  )
}
