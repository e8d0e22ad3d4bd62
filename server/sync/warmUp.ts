import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { SYNC_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../auth/authenticateRequest.ts'
import { signDevToken } from '../auth/devToken.ts'
import type { Clock } from '../clock/clock.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Logger } from '../log/logger.ts'
import { MessageType, SyncMessageType } from '../../shared/sync/messageTypes.ts'
import { encodeAwarenessFrame, encodeSyncFrame } from './encodeFrames.ts'
import { SYNC_PATH } from './handleUpgrade.ts'

/** A document nobody else can name: only the warm-up's own token grants it. */
export const WARM_UP_DOC = 'system/warm-up' as DocName
const TIMEOUT_MS = 5_000
const EMPTY_STATE_VECTOR = Uint8Array.of(0)
const EMPTY_UPDATE = Uint8Array.of(0, 0)

/**
 * The Yjs side of a real load, which the empty scratch document does not reach: applying and
 * encoding a state with long strings, many items, deletions and nested types.
 */
function warmUpYjs(): void {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  for (let i = 0; i < 200; i++) text.insert(text.length, `line ${i} `)
  text.delete(0, 50)
  text.insert(0, 'x'.repeat(70_000))
  doc.getMap('m').set('k', new Y.Array())
  const state = Y.encodeStateAsUpdate(doc)
  const copy = new Y.Doc()
  Y.applyUpdate(copy, state)
  Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc))
  Y.encodeStateVectorFromUpdate(state)
  Y.decodeUpdate(state)
  doc.destroy()
  copy.destroy()
}

/**
 * One real client joins a scratch document over loopback as the server starts, before it
 * reports that it is listening. The first join after a restart otherwise pays once for
 * everything V8 and the process set up lazily on that path (the upgrade's crypto, token and
 * name parsing, the first SQLite read, Yjs encoding, socket set-up): measured at about 10 ms,
 * which landed on the first member to reconnect. The document stays empty and is never stored
 * (an empty update is not written); the caller unloads it right after (`SyncServer.unloadNow`).
 */
export async function warmUpSync(args: {
  host: string
  port: number
  secret: string
  log: Logger
  now: Clock
}) {
  const started = performance.now()
  warmUpYjs()
  const token = signDevToken(args.secret, {
    id: 'warm-up',
    grants: [{ prefix: WARM_UP_DOC, access: 'write' }],
    expiresAt: args.now() + 60_000,
  })
  const ws = new WebSocket(
    `ws://${loopbackFor(args.host)}:${args.port}${SYNC_PATH}${WARM_UP_DOC}`,
    [SYNC_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`],
  )
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('warm-up timed out')), TIMEOUT_MS)
      ws.once('error', reject)
      ws.once('open', () => {
        ws.send(Uint8Array.of(MessageType.ackRequest))
        ws.send(encodeSyncFrame(SyncMessageType.step1, EMPTY_STATE_VECTOR))
        ws.send(encodeSyncFrame(SyncMessageType.step2, EMPTY_UPDATE))
        ws.send(encodeAwarenessFrame([{ clientId: 1, clock: 1, json: '{"warm":true}' }]))
      })
      ws.on('message', (data: Buffer) => {
        // The answer to step 1 is the last thing the server sends on this path.
        if (data[0] === MessageType.sync && data[1] === SyncMessageType.step2) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    args.log.debug({ ms: Math.round(performance.now() - started) }, 'sync path warmed up')
  } catch (error) {
    // Only speed depends on it: the server starts anyway.
    args.log.warn({ err: error }, 'sync warm-up failed')
  } finally {
    const closed = new Promise((resolve) => ws.once('close', resolve))
    ws.close()
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS))])
  }
}

/** Where to reach a server listening on `host` from the same machine. */
function loopbackFor(host: string): string {
  if (host === '' || host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}
