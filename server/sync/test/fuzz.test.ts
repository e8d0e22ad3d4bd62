import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeAck } from '../../../shared/sync/ackMessages.ts'
import { closeCodeName } from '../../../shared/sync/closeCodes.ts'
import { MessageType } from '../../../shared/sync/messageTypes.ts'
import { openRawSocket } from '../../test/rawSocket.ts'
import { rng, testSeed } from '../../test/rng.ts'
import { spawnServer, type ServerProcess } from '../../test/spawnServer.ts'
import { encodeStep1, encodeUpdate } from '../encodeFrames.ts'
import { mutatedFrame, realHistory } from './fuzzUpdates.ts'

const CASES = Number(process.env.FUZZ_CASES ?? 1000)
const HANG_MS = 5000
const DOC = 'fuzz/doc'
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

type Outcome = { kind: 'processed' } | { kind: 'rejected'; code: number } | { kind: 'hang' }

/**
 * Sends the case, then a query-awareness as a sentinel: the server handles a connection's frames
 * in order, so its awareness reply means the case was processed; a close means it was refused.
 */
async function runCase(server: ServerProcess, frame: Uint8Array): Promise<Outcome> {
  const socket = await openRawSocket(server.wsUrl, DOC, server.token(), { acks: false })
  socket.ws.send(frame)
  socket.ws.send(new Uint8Array([MessageType.queryAwareness]))
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'hang' }), HANG_MS)
    socket
      .next((f) => f[0] === MessageType.awareness, HANG_MS)
      .then(
        () => {
          clearTimeout(timer)
          socket.ws.close()
          resolve({ kind: 'processed' })
        },
        () => undefined,
      )
    void socket.closed.then((code) => {
      clearTimeout(timer)
      resolve({ kind: 'rejected', code })
    })
  })
}

/** The server's whole state, as a snapshot of a fresh doc built from its sync step 2. */
async function serverState(server: ServerProcess): Promise<Y.Snapshot> {
  const reader = await openRawSocket(
    server.wsUrl,
    DOC,
    server.token([{ prefix: '', access: 'read' }]),
    {
      acks: false,
    },
  )
  reader.ws.send(encodeStep1(new Uint8Array([0])))
  const step2 = await reader.next((f) => f[0] === 0 && f[1] === 1, HANG_MS)
  reader.ws.close()
  const doc = new Y.Doc()
  const d = decoding.createDecoder(step2)
  decoding.readVarUint(d)
  decoding.readVarUint(d)
  Y.applyUpdate(doc, decoding.readVarUint8Array(d))
  return Y.snapshot(doc)
}

describe('[C10] seeded fuzz over mutated real updates', () => {
  let server: ServerProcess | undefined
  afterEach(async () => {
    await server?.stop('SIGKILL')
  })

  it(`${CASES} cases: never a crash, a hang, an unnamed close code, or a changed document on refusal`, async () => {
    const seed = testSeed()
    const random = rng(seed)
    const where = (i: number, frame: Uint8Array, kind: string) =>
      `seed ${seed} (replay with SEED=${seed}), case ${i} (${kind}): ${hex(frame).slice(0, 400)}`
    const history = realHistory(random)
    server = await spawnServer()
    const setup = await openRawSocket(server.wsUrl, DOC, server.token())
    for (const u of history.slice(0, history.length / 2)) setup.ws.send(encodeUpdate(u))
    await setup.next((f) => decodeAck(f) === history.length / 2, HANG_MS)
    setup.ws.close()
    let state = await serverState(server)
    const tally = { processed: 0, rejected: 0 }

    for (let i = 0; i < CASES; i++) {
      const { frame, kind } = mutatedFrame(history, random)
      const outcome = await runCase(server, frame)
      if (outcome.kind === 'hang') throw new Error(`hang: ${where(i, frame, kind)}`)
      if (outcome.kind === 'processed') {
        tally.processed++
        state = await serverState(server)
        continue
      }
      tally.rejected++
      expect(closeCodeName(outcome.code), where(i, frame, kind)).not.toMatch(/^unknown\(/)
      const after = await serverState(server)
      expect(Y.equalSnapshots(after, state), `document changed: ${where(i, frame, kind)}`).toBe(
        true,
      )
    }

    // An acknowledged no-op means every update processed before it is committed.
    const last = await openRawSocket(server.wsUrl, DOC, server.token())
    last.ws.send(encodeUpdate(new Uint8Array([0, 0])))
    await last.next((f) => decodeAck(f) === 1, HANG_MS)
    // Everything accepted was acknowledged, so it must survive a SIGKILL.
    const dataDir = server.dataDir
    await server.stop('SIGKILL')
    server = await spawnServer({ dataDir })
    expect(Y.equalSnapshots(await serverState(server), state), `after restart, seed ${seed}`).toBe(
      true,
    )
    expect(tally.rejected).toBeGreaterThan(CASES / 4)
  }, 300_000)
})
