import { chmodSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startTestServer } from '../test/startTestServer.ts'
import { preparePrivateFile } from './preparePrivateFile.ts'

const mode = (path: string) => statSync(path).mode & 0o777

describe('[C19] the data folder is private to the server', () => {
  it('creates the folder 0700 and the database, its WAL and the secret 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'hearth-perm-')), 'data')
    const server = await startTestServer({}, { sqliteFile: true, dataDir })
    try {
      server.db.sql.exec("INSERT INTO login_failures (key, at) VALUES ('x', 1)")
      const db = join(dataDir, 'hearth.sqlite')
      expect(mode(dataDir)).toBe(0o700)
      for (const file of [db, `${db}-wal`, `${db}-shm`, join(dataDir, 'secret.key')]) {
        expect(existsSync(file), file).toBe(true)
        expect(mode(file), file).toBe(0o600)
      }
    } finally {
      await server.close()
    }
  })

  it('tightens files an older install left readable to others', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hearth-perm-'))
    chmodSync(folder, 0o755)
    const db = join(folder, 'hearth.sqlite')
    for (const file of [db, `${db}-wal`]) {
      writeFileSync(file, '')
      chmodSync(file, 0o644)
    }
    preparePrivateFile(db)
    expect(mode(folder)).toBe(0o700)
    expect(mode(db)).toBe(0o600)
    expect(mode(`${db}-wal`)).toBe(0o600)
  })
})
