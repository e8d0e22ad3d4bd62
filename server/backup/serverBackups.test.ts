import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../clock/clock.ts'
import { connectProvider } from '../test/connectProvider.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { listBackups } from './listBackups.ts'

const HOUR = 3_600_000

describe('the server’s scheduled backups', () => {
  const servers: TestServer[] = []
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close()
  })

  it('are off by default', async () => {
    const server = await startTestServer({}, { sqliteFile: true })
    servers.push(server)
    await server.runBackups()
    expect(listBackups(join(server.dataDir, 'backups'))).toEqual([])
  })

  it('take one when due on the server’s clock, into HEARTH_BACKUP_DIR, logging no content', async () => {
    const now = manualClock(1_780_000_000_000)
    const backups = join(mkdtempSync(join(tmpdir(), 'hearth-backups-')), 'nightly')
    const env = { HEARTH_BACKUP_EVERY_HOURS: '12', HEARTH_BACKUP_DIR: backups }
    const server = await startTestServer(env, { sqliteFile: true, now })
    servers.push(server)
    const writer = connectProvider(server.wsUrl, 'scheduled/doc', server.token())
    await writer.synced()
    writer.text.insert(0, 'a private sentence')
    await writer.saved()
    writer.destroy()
    await server.runBackups()
    expect(listBackups(backups).map((b) => b.createdAt)).toEqual([now()])
    now.advance(11 * HOUR)
    await server.runBackups()
    expect(listBackups(backups)).toHaveLength(1)
    now.advance(1 * HOUR)
    await server.runBackups()
    expect(listBackups(backups).map((b) => b.createdAt)).toEqual([now(), now() - 12 * HOUR])
    const written = server.logs.filter((l) => l.msg === 'backup written')
    expect(written).toHaveLength(2)
    expect(Object.keys(written[0]!).sort()).toEqual(
      ['backup', 'bytes', 'level', 'ms', 'msg', 'pruned', 'service', 'time'].sort(),
    )
    expect(JSON.stringify(server.logs)).not.toContain('private sentence')
  })
})
