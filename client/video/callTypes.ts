/**
 * The call as the room's video UI sees it: a small interface of ours, filled by LiveKit in the
 * product (`livekitCall.ts`) and by a fake room in tests (LiveKit's own simulation does not run
 * in Chromium). Nothing outside `client/video/livekitCall.ts` and the background blur
 * (`client/video/blur/`, loaded only when someone turns it on) imports `livekit-client`.
 */
export type CallState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected'

export interface CallPerson {
  identity: string
  name: string
  role: 'facilitator' | 'member' | 'unknown'
  isLocal: boolean
  speaking: boolean
  microphoneOn: boolean
  cameraOn: boolean
  /** Shows this person's camera in a video element (the element is theirs until detached). */
  attachCamera: ((element: HTMLVideoElement) => () => void) | null
}

/** Who sees a member's camera: the whole group, or the facilitators only. */
export type CameraAudience = 'everyone' | 'facilitators'

export interface CallRoom {
  state: () => CallState
  people: () => CallPerson[]
  /** Called whenever the state or anyone's tracks, speaking or names change. */
  subscribe: (onChange: () => void) => () => void
  setMicrophone: (on: boolean) => Promise<void>
  setCamera: (on: boolean) => Promise<void>
  /** A weak connection: no one's video is received, and one's own camera stays off. */
  setAudioOnly: (on: boolean) => Promise<void>
  setCameraAudience: (audience: CameraAudience) => Promise<void>
  /** Blurs one's background (everything but oneself) before the camera leaves the device. */
  setBlur: (on: boolean) => Promise<void>
  /** A new media key (an encrypted call, after someone was taken out). */
  setKey: (key: string) => Promise<void>
  leave: () => Promise<void>
}

/** What a person chose before joining. */
export interface JoinChoices {
  cameraId: string | null
  microphoneId: string | null
  cameraOn: boolean
  microphoneOn: boolean
  /** The background blurred from the first frame sent. */
  blur: boolean
}

/** Filled by a test page to stand in for LiveKit (see e2e/video.e2e.ts). */
export type FakeCall = (choices: JoinChoices) => CallRoom
declare global {
  interface Window {
    hearthFakeCall?: FakeCall
  }
}
