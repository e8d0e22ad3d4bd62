import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { facilitator, groupBody } from '../test/groupWorld.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'

describe('adding a co-facilitator', () => {
  let server: TestServer
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    await server.close()
  })

  it('answers the same whether or not the email has an account, or is already in the group', async () => {
    const lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    await facilitator(server, 'co@x.example', 'Dr Co')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    const add = (email: string) =>
      lead.post(`/api/groups/${groupId}/facilitators`, { email, role: 'co' })
    const answers = [
      await add('nobody@x.example'),
      await add('co@x.example'),
      await add('co@x.example'),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(202)
      expect(answer.json).toEqual({ ok: true })
    }
    // The one with an account was added, once.
    const rows = await (
      await server.services.data()
    )
      .selectFrom('group_facilitators')
      .select('facilitator_id')
      .where('group_id', '=', groupId)
      .execute()
    expect(rows).toHaveLength(2)
  })
})
