import type { CallPerson, CallRoom, CallState, JoinChoices } from '../../client/video/callTypes.ts'

/**
 * Stands in for LiveKit in the page (`window.hearthFakeCall`), since LiveKit's own simulation
 * cannot run in Chromium: this person, Robin speaking with a live camera (a canvas stream), and
 * Sky with microphone and camera off. Runs inside the browser: everything it needs is in it.
 */
export function installFakeCall() {
  window.hearthFakeCall = (choices: JoinChoices): CallRoom => {
    const canvas = document.createElement('canvas')
    canvas.width = 160
    canvas.height = 120
    const paint = canvas.getContext('2d')!
    let hue = 0
    setInterval(() => {
      paint.fillStyle = `hsl(${(hue += 20) % 360}, 60%, 50%)`
      paint.fillRect(0, 0, 160, 120)
    }, 100)
    const stream = canvas.captureStream(10)
    const robinsCamera = (element: HTMLVideoElement) => {
      element.srcObject = stream
      return () => {
        element.srcObject = null
      }
    }
    const people: CallPerson[] = [
      {
        identity: 'vfakelocal',
        name: 'Me',
        role: 'facilitator',
        isLocal: true,
        speaking: false,
        microphoneOn: choices.microphoneOn,
        cameraOn: false,
        attachCamera: null,
      },
      {
        identity: 'vfakerobin',
        name: 'Robin',
        role: 'member',
        isLocal: false,
        speaking: true,
        microphoneOn: true,
        cameraOn: true,
        attachCamera: robinsCamera,
      },
      {
        identity: 'vfakesky',
        name: 'Sky',
        role: 'member',
        isLocal: false,
        speaking: false,
        microphoneOn: false,
        cameraOn: false,
        attachCamera: null,
      },
    ]
    const listeners = new Set<() => void>()
    const changed = () => listeners.forEach((fn) => fn())
    let state: CallState = 'connected'
    window.hearthFakeCallState = (next) => {
      state = next
      changed()
    }
    return {
      state: () => state,
      people: () => people.map((p) => ({ ...p })),
      subscribe: (fn) => {
        listeners.add(fn)
        return () => listeners.delete(fn)
      },
      setMicrophone: async (on) => {
        people[0]!.microphoneOn = on
        changed()
      },
      setCamera: async () => {},
      setAudioOnly: async () => {},
      setCameraAudience: async () => {},
      setBlur: async (on) => {
        window.hearthFakeCallBlur = on
      },
      setKey: async () => {},
      leave: async () => {},
    }
  }
}

declare global {
  interface Window {
    /** The fake room's record of the last background blur asked for. */
    hearthFakeCallBlur?: boolean
    /** Moves the fake room to another connection state (a line dropping, coming back). */
    hearthFakeCallState?: (state: CallState) => void
  }
}
