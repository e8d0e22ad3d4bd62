import { createHash } from 'node:crypto'
import { AccessToken, TokenVerifier } from 'livekit-server-sdk'
import { afterAll, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { ROOM_STATE, WAITING_STATE } from '../../shared/sessions/roomState.ts'
import type { VideoKey, VideoTicket } from '../../shared/video/videoSchemas.ts'
import { facilitator, groupBody, member } from '../test/groupWorld.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { eventually } from '../test/connectProvider.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'
import { startRoomServiceStub } from './test/roomServiceStub.ts'
import { VIDEO_TOKEN_SECONDS } from './mintVideoToken.ts'

const stub = await startRoomServiceStub()
afterAll(() => stub.close())
const KEY = 'hearth-test-key'
const SECRET = 'a-secret-of-at-least-thirty-two-characters'
const LIVEKIT = { LIVEKIT_URL: stub.url, LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET }

const ticketOf = async (who: HttpClient, sessionId: string) =>
  who.post(`/api/sessions/${sessionId}/video/token`)
const claimsOf = (token: string) => new TokenVerifier(KEY, SECRET).verify(token)

describe('video tokens', () => {
  const world = serverPerTest({ env: LIVEKIT })

  it('go only to the room’s people during the session, with the least each role needs, for minutes', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin'])
    const robin = members[0]!
    const ticket = (await ticketOf(robin, sessionId)).json as VideoTicket
    expect(ticket.url).toBe(stub.url)
    // The page may talk to LiveKit's address (and to no other).
    const csp = (await fetch(`${server.url}/health`)).headers.get('content-security-policy')!
    const http = stub.url.replace(/^ws/, 'http')
    expect(csp).toContain(`connect-src 'self' ${stub.url} ${http}`)
    expect(ticket.identity).toMatch(/^v[a-z2-7]{20}$/)
    expect(ticket.e2ee).toBeNull()
    const claims = await claimsOf(ticket.token)
    expect(claims.sub).toBe(ticket.identity)
    expect(claims.name).toBe('Robin')
    expect(claims.attributes).toEqual({ role: 'member' })
    expect(JSON.stringify(claims)).not.toContain(robin.id)
    expect(claims.video).toEqual({
      room: `hearth-${sessionId}`,
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishData: false,
      canUpdateOwnMetadata: false,
      canPublishSources: ['camera', 'microphone'],
    })
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(VIDEO_TOKEN_SECONDS)
    const leads = await claimsOf(((await ticketOf(lead, sessionId)).json as VideoTicket).token)
    expect(leads.video?.canPublishSources).toEqual([
      'camera',
      'microphone',
      'screen_share',
      'screen_share_audio',
    ])
    expect(leads.video?.roomAdmin).toBeUndefined()
    // Not admitted, another group's facilitator, another group's member: refused.
    const waiting = await member(server, lead, groupId, 'Wren')
    await waiting.post(`/api/sessions/${sessionId}/join`)
    const otherLead = await facilitator(server, 'other@x.example')
    const otherGroup = (await otherLead.post('/api/groups', groupBody('H'))).json.id as string
    const stranger = await member(server, otherLead, otherGroup, 'Sky')
    for (const who of [waiting, otherLead, stranger]) {
      expect((await ticketOf(who, sessionId)).status).toBe(403)
    }
    // Removed: no token; after the end: none for anyone.
    await lead.post(`/api/sessions/${sessionId}/remove`, { memberId: robin.id })
    expect((await ticketOf(robin, sessionId)).status).toBe(403)
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    expect((await ticketOf(lead, sessionId)).status).toBe(409)
  })

  it('a facilitator mutes and removes through the room service; members cannot; there is no unmute', async () => {
    const { server } = world
    const { lead, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = [members[0]!, members[1]!]
    const robins = ((await ticketOf(robin, sessionId)).json as VideoTicket).identity
    await ticketOf(sky, sessionId)
    const at = (identity: string, action: string) =>
      `/api/sessions/${sessionId}/video/participants/${identity}/${action}`
    stub.calls.length = 0
    expect((await sky.post(at(robins, 'mute'))).status).toBe(403)
    expect((await sky.post(at(robins, 'remove'))).status).toBe(403)
    expect((await lead.post(at(robins, 'unmute'))).status).toBe(404)
    expect(stub.calls).toEqual([])
    expect((await lead.post(at('vnobodyinthiscall00000', 'mute'))).status).toBe(404)

    expect((await lead.post(at(robins, 'mute'))).status).toBe(200)
    expect(stub.calls.map((c) => [c.method, c.body])).toEqual([
      ['GetParticipant', { room: `hearth-${sessionId}`, identity: robins }],
      [
        'MutePublishedTrack',
        { room: `hearth-${sessionId}`, identity: robins, trackSid: 'TR_mic', muted: true },
      ],
    ])
    // The server, not a browser, holds room admin.
    const admin = await claimsOf(stub.calls[1]!.authorization!.replace(/^Bearer /, ''))
    expect(admin.video).toMatchObject({ roomAdmin: true, room: `hearth-${sessionId}` })

    stub.calls.length = 0
    expect((await lead.post(at(robins, 'remove'))).status).toBe(200)
    expect(stub.calls.map((c) => c.method)).toEqual(['RemoveParticipant'])
    expect(stub.calls[0]!.body).toMatchObject({ room: `hearth-${sessionId}`, identity: robins })
    expect(Number(stub.calls[0]!.body.revokeTokenTs)).toBeGreaterThan(0)
    // Out of the session too: no token, no room.
    expect((await ticketOf(robin, sessionId)).status).toBe(403)
    expect((await robin.get(`/api/sessions/${sessionId}/worksheets`)).status).toBe(403)
  })

  it('an encrypted call: the key only for admitted people, a new one when someone is taken out', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'], {
      videoE2ee: true,
    })
    const [robin, sky] = [members[0]!, members[1]!]
    const first = ((await ticketOf(robin, sessionId)).json as VideoTicket).e2ee!
    expect(first.generation).toBe(1)
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32)
    const skys = ((await ticketOf(sky, sessionId)).json as VideoTicket).e2ee!
    expect(skys).toEqual(first)
    const room = await world.open(sessionDocName.room(groupId, sessionId), sky)
    const robins = ((await ticketOf(robin, sessionId)).json as VideoTicket).identity
    await lead.post(`/api/sessions/${sessionId}/video/participants/${robins}/remove`)
    await eventually(() => room.doc.getMap(ROOM_STATE).get('videoKey') === 2, 'a new key')
    const next = (await sky.get(`/api/sessions/${sessionId}/video/key`)).json as VideoKey
    expect(next.generation).toBe(2)
    expect(next.key).not.toBe(first.key)
    expect((await robin.get(`/api/sessions/${sessionId}/video/key`)).status).toBe(403)
    expect((await ticketOf(robin, sessionId)).status).toBe(403)
  })
})

describe('LiveKit webhooks', () => {
  const world = serverPerTest({ env: LIVEKIT })

  const signed = async (body: string, secret = SECRET) => {
    const token = new AccessToken(KEY, secret)
    token.sha256 = createHash('sha256').update(body).digest('base64')
    return token.toJwt()
  }
  const post = (server: { url: string }, body: string, authorization?: string) =>
    fetch(`${server.url}/api/video/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/webhook+json',
        ...(authorization ? { authorization } : {}),
      },
      body,
    })

  it('are taken only when signed over the raw body, once each, and feed the call’s attendance', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin'])
    const identity = ((await ticketOf(members[0]!, sessionId)).json as VideoTicket).identity
    // The facilitators' list of who came shows who is in the call.
    const signals = await world.open(sessionDocName.signals(groupId, sessionId), lead)
    const robinInList = () =>
      (
        signals.doc.getMap(WAITING_STATE).get('people') as {
          pseudonym: string
          inCall: number | null
          callJoinedAt: number | null
          callLeftAt: number | null
        }[]
      ).find((p) => p.pseudonym === 'Robin')!
    const event = (id: string, kind: string, createdAt: number) =>
      JSON.stringify({
        id,
        event: kind,
        createdAt: String(createdAt),
        room: { name: `hearth-${sessionId}` },
        participant: { identity, sid: 'PA_1' },
      })
    const records = await server.services.data()
    const attendance = () =>
      records
        .selectFrom('video_attendance')
        .select(['joined_at', 'left_at'])
        .where('identity', '=', identity)
        .execute()
    const joined = event('EV_join', 'participant_joined', 1_800_000_000)
    const auth = await signed(joined)
    // A changed body, a wrong secret, no header: refused, nothing kept.
    expect((await post(server, joined.replace('PA_1', 'PA_2'), auth)).status).toBe(401)
    expect((await post(server, joined, await signed(joined, 'x'.repeat(40)))).status).toBe(401)
    expect((await post(server, joined)).status).toBe(401)
    expect(await attendance()).toEqual([])
    expect((await post(server, joined, auth)).status).toBe(200)
    expect(await attendance()).toEqual([{ joined_at: 1_800_000_000_000, left_at: null }])
    await eventually(() => robinInList().inCall === 1, 'Robin shown in the call')
    // LiveKit retries: the same event changes nothing.
    expect(await (await post(server, joined, auth)).json()).toEqual({ duplicate: true })
    const left = event('EV_left', 'participant_left', 1_800_000_600)
    expect((await post(server, left, await signed(left))).status).toBe(200)
    expect(await attendance()).toEqual([
      { joined_at: 1_800_000_000_000, left_at: 1_800_000_600_000 },
    ])
    await eventually(() => robinInList().inCall === 0, 'Robin shown out of the call')
    expect(robinInList()).toMatchObject({
      callJoinedAt: 1_800_000_000_000,
      callLeftAt: 1_800_000_600_000,
    })
  })
})

describe('without LiveKit', () => {
  const world = serverPerTest()

  it('the room says video is not set up, and nothing else changes', async () => {
    const { server } = world
    const { lead, sessionId, members } = await openSession(server, ['Robin'])
    expect((await members[0]!.get(`/api/sessions/${sessionId}/video`)).json).toEqual({
      configured: false,
      e2ee: false,
    })
    const csp = (await fetch(`${server.url}/health`)).headers.get('content-security-policy')!
    expect(csp).toContain("connect-src 'self';")
    const refused = await ticketOf(lead, sessionId)
    expect(refused.status).toBe(409)
    expect(refused.json.error).toMatch(/not set up/)
    expect(
      (await members[0]!.post(`/api/sessions/${sessionId}/chat`, { text: 'hello' })).status,
    ).toBe(201)
  })
})
