import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { connectProvider, eventually, type TestClient } from '../test/connectProvider.ts'
import { rng, testSeed } from '../test/rng.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { tokenWriter } from '../test/tokenWriter.ts'
import { restoreBackup } from './restoreBackup.ts'
import { takeBackup } from './takeBackup.ts'

// One document under the system key, one under a group's key (only the key ring opens it).
const DOCS = ['drill/notes', 'g/gdrilldrilldrilldrill/drill']
const WRITERS_PER_DOC = 2
const TOKEN = /<\d+:\d+>/g

type Writer = ReturnType<typeof tokenWriter>
const all = (writers: Writer[], pick: (w: Writer) => string[]) =>
  new Set(writers.flatMap((w) => pick(w)))

describe('restore drill', () => {
  const clients: TestClient[] = []
  const servers: TestServer[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of servers.splice(0)) await s.close()
  })

  it('a backup taken under a stream of edits restores every acknowledged edit and nothing unsent', async () => {
    const seed = testSeed()
    const random = rng(seed)
    const env = { HEARTH_MASTER_KEY: randomBytes(32).toString('base64') }
    const first = await startTestServer(env, { sqliteFile: true })
    servers.push(first)
    const writers = DOCS.flatMap((doc, d) =>
      Array.from({ length: WRITERS_PER_DOC }, (_, i) => tokenWriter(first, doc, d * 10 + i)),
    )
    clients.push(...writers.map((w) => w.client))
    await Promise.all(writers.map((w) => w.client.synced()))
    const timers = writers.map((w) => setInterval(w.write, 2 + Math.floor(random() * 5)))
    try {
      // Enough acknowledged before the backup begins for the drill to mean something.
      await eventually(
        () => writers.every((w) => w.acknowledged.length >= 20),
        'acknowledged edits on every writer',
      )
      const ackedBefore = all(writers, (w) => w.acknowledged)
      const backup = await takeBackup({
        dbPath: join(first.dataDir, 'hearth.sqlite'),
        dir: join(first.dataDir, 'backups'),
        key: await first.services.keys.key('backup'),
        keep: 14,
        createdAt: first.services.now(),
      })
      const sentBefore = all(writers, (w) => w.sent)
      // The stream goes on after the backup: what it sends now must not be in the restore.
      await eventually(
        () => writers.every((w) => w.sent.length > 0 && !sentBefore.has(w.sent.at(-1)!)),
        'edits sent after the backup',
      )
      timers.forEach(clearInterval)

      const target = join(mkdtempSync(join(tmpdir(), 'hearth-restore-')), 'data')
      restoreBackup({
        file: backup.file,
        target,
        key: await first.services.keys.key('backup'),
        keyRingPath: join(first.dataDir, 'keys.sqlite'),
      })
      const second = await startTestServer(env, { sqliteFile: true, dataDir: target })
      servers.push(second)
      for (const doc of DOCS) {
        const reader = connectProvider(second.wsUrl, doc, second.token())
        clients.push(reader)
        await reader.synced()
        const present: string[] = reader.text.toString().match(TOKEN) ?? []
        const ownWriters = writers.filter((w) => w.doc === doc)
        const acked = [...all(ownWriters, (w) => w.acknowledged)].filter((t) => ackedBefore.has(t))
        const lost = acked.filter((t) => !present.includes(t))
        const unsent = present.filter((t) => !sentBefore.has(t))
        expect(lost, `seed ${seed}, ${doc}: acknowledged before the backup, missing`).toEqual([])
        expect(unsent, `seed ${seed}, ${doc}: in the restore, sent after the backup`).toEqual([])
        expect(acked.length).toBeGreaterThanOrEqual(20 * WRITERS_PER_DOC)
      }
      // The restored folder is the second server's whole world: the first one's data is gone.
      expect(second.dataDir).toBe(target)
    } finally {
      timers.forEach(clearInterval)
    }
  })
})
