import { describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { DAY_MS } from '../../shared/sessions/release.ts'
import { manualClock } from '../clock/clock.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { openRawSocket } from '../test/rawSocket.ts'
import { addWorksheet, LONG_LOGINS, openSession, serverPerTest } from '../test/roomWorld.ts'
import { typeIntoField } from '../test/typeIntoField.ts'

const START = Date.UTC(2031, 2, 3, 9)

describe('release and retention of a session’s materials', () => {
  const world = serverPerTest({ env: LONG_LOGINS, now: () => manualClock(START) })

  it('members revisit only what is released, only for as long as it is, then it is deleted', async () => {
    const server = world.server
    const clock = server.services.now as ReturnType<typeof manualClock>
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = members as [(typeof members)[0], (typeof members)[0]]
    const add = (mode: 'shared' | 'private') => addWorksheet(lead, sessionId, mode)
    const shared = await add('shared')
    const priv = await add('private')
    const sharedDoc = sessionDocName.shared(groupId, sessionId, shared)
    const answersDoc = sessionDocName.answers(groupId, sessionId, priv, 'group')
    const group = await world.open(sharedDoc, robin)
    typeIntoField(group.doc, 'situation', 'GROUP-SHEET-WORDS')
    await group.saved()
    const own = await world.open(sessionDocName.private(groupId, sessionId, priv, robin.id), robin)
    typeIntoField(own.doc, 'balanced-thought', 'ROBIN-OWN-WORDS')
    await own.saved()
    const sharing = await robin.post(`/api/worksheets/${priv}/share`, {
      audience: 'group',
      shared: true,
      fieldId: 'balanced-thought',
    })
    expect(sharing.status).toBe(200)
    group.destroy()
    own.destroy()
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })

    const library = async (who: HttpClient) =>
      (await who.get('/api/member/library')).json.sessions[0] as {
        releasedUntil: number | null
        items: { kind: string; title: string }[]
      }
    const canOpen = async (who: HttpClient, doc: string) => {
      try {
        const socket = await openRawSocket(server.wsUrl, doc, null, { cookie: who.cookie! })
        socket.ws.close()
        return true
      } catch {
        return false
      }
    }
    const found = async (who: HttpClient, q: string) =>
      ((await who.get(`/api/member/search?q=${q}`)).json.results as unknown[]).length
    const snapshotTitles = async (who: HttpClient) =>
      (
        (await who.get(`/api/sessions/${sessionId}/snapshots`)).json.snapshots as {
          title: string
        }[]
      ).map((s) => s.title)

    // By default everything is released, with no end.
    expect((await library(sky)).items.map((i) => i.kind)).toEqual([
      'worksheet',
      'worksheet',
      'answers',
    ])
    expect(await canOpen(sky, sharedDoc)).toBe(true)
    expect(await canOpen(sky, answersDoc)).toBe(true)

    // Withheld: gone from the library, search, snapshots, the session's list and the socket.
    const set = (body: unknown, who: HttpClient = lead) =>
      who.put(`/api/sessions/${sessionId}/release`, body)
    expect((await set({ withheld: ['worksheets', 'answers'], days: 7 })).status).toBe(200)
    expect((await library(sky)).items.map((i) => i.title)).toEqual(['Thought record'])
    expect(await found(sky, 'GROUP-SHEET')).toBe(0)
    expect(await found(sky, 'ROBIN-OWN')).toBe(0)
    // Sky never opened their own copy: the group's sheet was their only snapshot.
    expect(await snapshotTitles(sky)).toEqual([])
    expect(await snapshotTitles(robin)).toEqual(['Thought record (your copy)'])
    const listed = (await sky.get(`/api/sessions/${sessionId}/worksheets`)).json.worksheets
    expect(listed.map((w: { mode: string }) => w.mode)).toEqual(['private'])
    expect(JSON.stringify(listed)).not.toContain('/answers/')
    expect(await canOpen(sky, sharedDoc)).toBe(false)
    expect(await canOpen(sky, answersDoc)).toBe(false)
    // Robin's own copy is Robin's: no release setting takes it away.
    expect(await found(robin, 'ROBIN-OWN')).toBe(1)
    // Facilitators keep their view.
    expect(await canOpen(lead, sharedDoc)).toBe(true)

    // Released again, for 7 days after the end.
    expect((await set({ withheld: [], days: 7 })).status).toBe(200)
    const records = await server.services.data()
    const { ended_at: endedAt } = await records
      .selectFrom('sessions')
      .select('ended_at')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow()
    expect((await library(sky)).releasedUntil).toBe(endedAt! + 7 * DAY_MS)
    expect(await found(sky, 'GROUP-SHEET')).toBe(1)
    expect(await canOpen(sky, sharedDoc)).toBe(true)

    // Bad settings change nothing; members cannot set it.
    for (const body of [{ withheld: [], days: 5 }, { withheld: ['everything'], days: 7 }, {}]) {
      expect((await set(body)).status).toBe(400)
    }
    expect((await set({ withheld: [], days: null }, sky)).status).toBe(403)
    expect((await lead.get(`/api/sessions/${sessionId}/release`)).json.release).toMatchObject({
      withheld: [],
      days: 7,
    })

    // A day before the end of it, nothing has changed.
    clock.set(endedAt! + 6 * DAY_MS)
    await server.runJobs()
    expect(await canOpen(sky, sharedDoc)).toBe(true)

    // Past it: gone for members at once, deleted by the job for everyone.
    clock.set(endedAt! + 7 * DAY_MS + 60_000)
    expect((await library(sky)).items.map((i) => i.title)).toEqual(['Thought record'])
    expect(await canOpen(sky, sharedDoc)).toBe(false)
    // The documents' own store (server/store/), which is not relational data, and the snapshots
    // taken of them at the end, which are.
    const stored = async (doc: string) => {
      const loaded = await server.store.load(doc as DocName)
      const inStore = loaded.updates.length + (loaded.snapshot ? 1 : 0)
      const snapshots = await records
        .selectFrom('session_snapshots')
        .select('id')
        .where('doc', '=', doc)
        .execute()
      return inStore + snapshots.length
    }
    expect(await stored(sharedDoc)).toBeGreaterThan(0)
    await server.runJobs()
    expect(await stored(sharedDoc)).toBe(0)
    expect(await stored(answersDoc)).toBe(0)
    // Robin's own copy, and its snapshot, are still Robin's.
    expect(await found(robin, 'ROBIN-OWN')).toBe(1)
    expect(await snapshotTitles(robin)).toEqual(['Thought record (your copy)'])
    // The job logged counts, never a title or a word; the trail says when, not what.
    const line = server.logs.find((l) => l.msg === 'retention: expired materials deleted')
    expect(line).toMatchObject({ sessions: 1, documents: 2 })
    expect(JSON.stringify(server.logs)).not.toMatch(/GROUP-SHEET|ROBIN-OWN|Thought record/)
    const audit = await records
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'session.materials-deleted')
      .execute()
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ documents: 2, reason: 'retention' }])
    // Ran again, it finds nothing more; the release can no longer be changed.
    await server.runJobs()
    expect(
      server.logs.filter((l) => l.msg === 'retention: expired materials deleted'),
    ).toHaveLength(1)
    expect((await set({ withheld: [], days: null })).status).toBe(409)
    // A facilitator opening the deleted sheet finds it as it was before anyone wrote in it.
    const after = await world.open(sharedDoc, lead)
    expect(after.doc.getXmlFragment('default').toString()).not.toContain('GROUP-SHEET')
  })
})
