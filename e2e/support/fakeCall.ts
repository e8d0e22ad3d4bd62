import type { CallPerson, CallRoom, JoinChoices } from '../../client/video/callTypes.ts'

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
    return {
      state: () => 'connected',
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
      setKey: async () => {},
      leave: async () => {},
    }
  }
}
