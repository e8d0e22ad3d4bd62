import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedCall {
  method: string
  body: Record<string, unknown>
  authorization: string | undefined
}

/**
 * A stand-in for LiveKit's room service (Twirp over JSON, `/twirp/livekit.RoomService/<Method>`):
 * records each call and answers like LiveKit would, with one participant whose microphone is on.
 */
export async function startRoomServiceStub() {
  const calls: RecordedCall[] = []
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
    req.on('end', () => {
      const method = req.url?.split('/').pop() ?? ''
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
      calls.push({ method, body, authorization: req.headers.authorization })
      const answers: Record<string, unknown> = {
        GetParticipant: {
          sid: 'PA_stub',
          identity: body.identity,
          tracks: [
            { sid: 'TR_camera', source: 'CAMERA', type: 'VIDEO' },
            { sid: 'TR_mic', source: 'MICROPHONE', type: 'AUDIO' },
          ],
        },
        MutePublishedTrack: { track: { sid: body.trackSid, muted: true } },
        RemoveParticipant: {},
      }
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(answers[method] ?? {}))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
