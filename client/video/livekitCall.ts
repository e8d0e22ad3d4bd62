import {
  ConnectionState,
  type LocalVideoTrack,
  ExternalE2EEKeyProvider,
  Room,
  RoomEvent,
  Track,
  type Participant,
  type RemoteTrack,
} from 'livekit-client'
import E2EEWorker from 'livekit-client/e2ee-worker?worker'
import type { VideoTicket } from '../../shared/video/videoSchemas.ts'
import type { CallPerson, CallRoom, CallState, CameraAudience, JoinChoices } from './callTypes.ts'

const STATES: Partial<Record<ConnectionState, CallState>> = {
  [ConnectionState.Connecting]: 'connecting',
  [ConnectionState.Connected]: 'connected',
  [ConnectionState.Reconnecting]: 'reconnecting',
  [ConnectionState.SignalReconnecting]: 'reconnecting',
  [ConnectionState.Disconnected]: 'disconnected',
}

/** Every event after which what the grid shows may have changed. */
const CHANGES = [
  RoomEvent.ConnectionStateChanged,
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.ActiveSpeakersChanged,
  RoomEvent.ParticipantAttributesChanged,
] as const

function personOf(p: Participant, isLocal: boolean): CallPerson {
  const camera = p.getTrackPublication(Track.Source.Camera)
  const track = camera?.track
  const role = p.attributes.role
  return {
    identity: p.identity,
    name: p.name || 'Someone',
    role: role === 'facilitator' || role === 'member' ? role : 'unknown',
    isLocal,
    speaking: p.isSpeaking,
    microphoneOn: p.isMicrophoneEnabled,
    cameraOn: p.isCameraEnabled && !!track && !camera.isMuted,
    attachCamera: track
      ? (element) => {
          track.attach(element)
          return () => void track.detach(element)
        }
      : null,
  }
}

/**
 * Joins the session's LiveKit room with the ticket the server gave: adaptive stream (video only
 * as large as the tile shows it) and dynacast (layers nobody watches are not sent), and, for an
 * encrypted call, LiveKit's end-to-end encryption with the key the server handed out. Remote
 * sound plays through audio elements kept off screen. Fails with LiveKit's ConnectionError when
 * the server cannot be reached.
 */
export async function connectLiveKit(ticket: VideoTicket, choices: JoinChoices): Promise<CallRoom> {
  const keyProvider = ticket.e2ee ? new ExternalE2EEKeyProvider() : null
  const room = new Room({
    adaptiveStream: true,
    dynacast: true,
    ...(choices.cameraId ? { videoCaptureDefaults: { deviceId: choices.cameraId } } : {}),
    ...(choices.microphoneId ? { audioCaptureDefaults: { deviceId: choices.microphoneId } } : {}),
    ...(keyProvider ? { e2ee: { keyProvider, worker: new E2EEWorker() } } : {}),
  })
  if (keyProvider && ticket.e2ee) await keyProvider.setKey(ticket.e2ee.key)
  const sound = document.createElement('div')
  sound.hidden = true
  document.body.append(sound)
  const listeners = new Set<() => void>()
  const changed = () => listeners.forEach((fn) => fn())
  for (const event of CHANGES) room.on(event, changed)
  let audioOnly = false
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, publication) => {
    if (track.kind === Track.Kind.Audio) sound.append(track.attach())
    if (audioOnly && track.kind === Track.Kind.Video) publication.setSubscribed(false)
  })
  room.on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => {
    for (const element of track.detach()) element.remove()
  })
  let audience: CameraAudience = 'everyone'
  const applyAudience = async () => {
    const local = room.localParticipant
    if (audience === 'everyone') return local.setTrackSubscriptionPermissions(true)
    const microphone = local.getTrackPublication(Track.Source.Microphone)?.trackSid
    local.setTrackSubscriptionPermissions(
      false,
      [...room.remoteParticipants.values()].map((p) =>
        p.attributes.role === 'facilitator'
          ? { participantIdentity: p.identity, allowAll: true }
          : { participantIdentity: p.identity, allowedTrackSids: microphone ? [microphone] : [] },
      ),
    )
  }
  room.on(RoomEvent.ParticipantConnected, () => void applyAudience())
  room.on(RoomEvent.LocalTrackPublished, () => void applyAudience())
  await room.connect(ticket.url, ticket.token)
  if (keyProvider) await room.setE2EEEnabled(true)
  await room.startAudio()
  await room.localParticipant.setMicrophoneEnabled(choices.microphoneOn)
  // Blur is set before the camera is published: not one unblurred frame is sent.
  let blur = choices.blur
  const newBlur = async () => (await import('./blur/backgroundBlur.ts')).createBackgroundBlur()
  const cameraTrack = () =>
    room.localParticipant.getTrackPublication(Track.Source.Camera)?.track as
      LocalVideoTrack | undefined
  const enableCamera = async (on: boolean) => {
    const track = cameraTrack()
    if (!on || track) return room.localParticipant.setCameraEnabled(on)
    return room.localParticipant.setCameraEnabled(true, blur ? { processor: await newBlur() } : {})
  }
  await enableCamera(choices.cameraOn)
  return {
    state: () => STATES[room.state] ?? 'connecting',
    people: () => [
      personOf(room.localParticipant, true),
      ...[...room.remoteParticipants.values()].map((p) => personOf(p, false)),
    ],
    subscribe: (fn) => {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    setMicrophone: async (on) => {
      await room.localParticipant.setMicrophoneEnabled(on)
    },
    setCamera: async (on) => {
      await enableCamera(on && !audioOnly)
    },
    setAudioOnly: async (on) => {
      audioOnly = on
      for (const p of room.remoteParticipants.values()) {
        p.getTrackPublication(Track.Source.Camera)?.setSubscribed(!on)
      }
      if (on) await room.localParticipant.setCameraEnabled(false)
      changed()
    },
    setCameraAudience: async (next) => {
      audience = next
      await applyAudience()
    },
    setBlur: async (on) => {
      blur = on
      const track = cameraTrack()
      if (!track) return
      if (on) await track.setProcessor(await newBlur())
      else await track.stopProcessor()
    },
    setKey: async (key) => {
      await keyProvider?.setKey(key)
    },
    leave: async () => {
      await room.disconnect()
      sound.remove()
    },
  }
}
