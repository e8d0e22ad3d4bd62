import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { createLogger } from '../../server/log/logger.ts'
import { SqliteDocStore } from '../../server/store/SqliteDocStore.ts'
import { encodeUpdate } from '../../server/sync/encodeFrames.ts'
import { SyncServer } from '../../server/sync/SyncServer.ts'
import { threadCpuMicros } from '../procStats.ts'
import type { SyncConnection } from '../../server/sync/SyncConnection.ts'

/**
 * The server's own cost per update without sockets: one room of `members` connections whose
 * transports only count frames, fed one small update every `everyMs` (paced by a timer, as
 * typing is), through the real SyncServer, CommitQueue and store. Reports CPU per update of
 * the whole process (libuv's pool included), so that the sync path's fixed costs can be
 * compared store against store without the kernel's socket work:
 *   node bench/inproc/syncPathCost.ts [store=full|normal|memory] [updates=1000] [everyMs=20]
 */
const [storeKind = 'full', updatesArg = '1000', everyArg = '20'] = process.argv.slice(2)
const updates = Number(updatesArg)
const everyMs = Number(everyArg)
const members = 12
const dir = mkdtempSync(join(tmpdir(), 'hearth-path-'))
const store = new SqliteDocStore({
  path: storeKind === 'memory' ? ':memory:' : join(dir, 'docs.sqlite'),
  synchronous: storeKind === 'normal' ? 'NORMAL' : 'FULL',
})
const sync = new SyncServer({
  store,
  log: createLogger('warn'),
  limits: {
    maxUpdateBytes: 1 << 20,
    maxAwarenessBytes: 1 << 16,
    maxBufferedBytes: 1 << 24,
    updateRate: { perSecond: 1000, burst: 1000 },
    awarenessRate: { perSecond: 100, burst: 100 },
  },
  compaction: { maxRows: 500, maxBytes: 1 << 20 },
  idleUnloadMs: 60_000,
  commitIntervalMs: Number(process.env.HEARTH_COMMIT_INTERVAL_MS ?? 30),
})
const name = 'bench/path' as DocName
let frames = 0
const connections: SyncConnection[] = []
for (let i = 0; i < members; i++) {
  const room = await sync.reserve(name)
  const connection = sync.attach({
    room,
    principal: { kind: 'token', id: `m${i}`, grants: [], expiresAt: Date.now() + 3_600_000 },
    access: 'write',
    transport: {
      send: () => void frames++,
      sendWith: () => void (frames += 2),
      close: () => {},
      bufferedAmount: 0,
    },
  })
  connection.receive(Uint8Array.of(100)) // ask for acknowledgements, as Hearth's client does
  connections.push(connection)
}
// One writer document per member, each typing at the end of its own copy.
const writers = connections.map(() => new Y.Doc())
const frameOf = (i: number) => {
  const w = writers[i % members]!
  let update: Uint8Array | null = null
  const take = (u: Uint8Array) => (update = u)
  w.on('update', take)
  w.getText('t').insert(w.getText('t').length, `m${i % members}.${i} `)
  w.off('update', take)
  return encodeUpdate(update!)
}
const warm = 100
for (let i = 0; i < warm; i++) connections[i % members]!.receive(frameOf(i))
await sync.drain()
const threads0 = threadCpuMicros(process.pid)
const cpu0 = process.cpuUsage()
const t0 = performance.now()
let sent = 0
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    connections[sent % members]!.receive(frameOf(warm + sent))
    if (++sent === updates) resolve(clearInterval(timer))
  }, everyMs)
})
await sync.drain()
const cpu = process.cpuUsage(cpu0)
const threads1 = threadCpuMicros(process.pid)
const byThread: Record<string, number> = {}
for (const [tid, t] of threads1) {
  const t0 = threads0.get(tid) ?? { user: 0, system: 0 }
  byThread[t.name] =
    (byThread[t.name] ?? 0) + Math.round((t.user - t0.user + t.system - t0.system) / updates)
}
const seconds = (performance.now() - t0) / 1000
process.stdout.write(
  `${JSON.stringify({
    store: storeKind,
    updates,
    everyMs,
    usPerUpdate: Math.round((cpu.user + cpu.system) / updates),
    userUs: Math.round(cpu.user / updates),
    systemUs: Math.round(cpu.system / updates),
    framesPerUpdate: +(frames / (updates + warm)).toFixed(2),
    seconds: +seconds.toFixed(1),
    usPerUpdateByThread: byThread,
  })}\n`,
)
await sync.close()
await store.close()
rmSync(dir, { recursive: true, force: true })
