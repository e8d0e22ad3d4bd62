import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { acceptInvitationRequest, createInvitationRequest } from '../../shared/api/schemas.ts'
import { audit } from '../audit/audit.ts'
import { createLogin, endLoginsOf, hashToken } from '../auth/logins.ts'
import { hashQueue, hashSecret, passwordProblem, PASSWORD_PROBLEM_TEXT } from '../auth/passwords.ts'
import { groupScope, invitationLabel } from '../crypto/sealedColumns.ts'
import { atomically } from '../data/Data.ts'
import { newId, newSecret } from '../db/newId.ts'
import { currentAgreement, groupSettingsOf } from '../groups/groupQueries.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireGroupFacilitator } from '../http/guards.ts'
import { setLoginCookie } from '../http/loginCookie.ts'
import { parseBody } from '../http/parseBody.ts'
import { joinThroughInvitation } from './joinThroughInvitation.ts'
import { usableInvitation } from './usableInvitation.ts'

/** Invitations (single- and multi-use, expiring, stored hashed) and joining under a pseudonym. */
export function invitationRoutes(services: Services) {
  const { now } = services
  // A facilitator's note on an invitation is the group's: sealed (even when empty) to its row.
  const sealLabel = (groupId: string, id: string, label: string) =>
    invitationLabel.seal(services.keys, groupScope(groupId), id, label)
  const app = new Hono<AppEnv>()

  const linkFor = (token: string) => `${services.publicOrigin}/join#${token}`

  app.post('/groups/:groupId/invitations', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const body = await parseBody(c, createInvitationRequest)
    const token = newSecret()
    const id = newId('invitation')
    const expiresAt = now() + body.expiresInHours * 3_600_000
    await atomically(await services.data(), async (trx) => {
      await trx
        .insertInto('invitations')
        .values({
          id,
          group_id: groupId,
          token_hash: hashToken(token),
          max_uses: body.maxUses,
          expires_at: expiresAt,
          created_by: principal.id,
          created_at: now(),
          label: await sealLabel(groupId, id, body.label ?? ''),
        })
        .execute()
      await audit(
        trx,
        {
          actor: principal,
          action: 'invitation.created',
          target: { kind: 'invitation', id },
          groupId,
          detail: { maxUses: body.maxUses },
        },
        now(),
      )
    })
    // The token is shown once, here; only its hash is kept.
    return c.json({ id, url: linkFor(token), expiresAt, maxUses: body.maxUses }, 201)
  })

  app.get('/groups/:groupId/invitations', async (c) => {
    const groupId = c.req.param('groupId')
    await requireGroupFacilitator(c, services, groupId)
    const rows = await (
      await services.data()
    )
      .selectFrom('invitations')
      .select([
        'id',
        'max_uses',
        'uses',
        'expires_at',
        'revoked_at',
        'created_at',
        'member_id',
        'label',
      ])
      .where('group_id', '=', groupId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute()
    return c.json({
      invitations: await Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          maxUses: r.max_uses,
          uses: r.uses,
          expiresAt: r.expires_at,
          revokedAt: r.revoked_at,
          createdAt: r.created_at,
          isReissue: r.member_id !== null,
          label: await invitationLabel.open(services.keys, groupScope(groupId), r.id, r.label),
        })),
      ),
    })
  })

  app.post('/groups/:groupId/invitations/:invitationId/revoke', async (c) => {
    const groupId = c.req.param('groupId')
    const id = c.req.param('invitationId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    await atomically(await services.data(), async (trx) => {
      const result = await trx
        .updateTable('invitations')
        .set({ revoked_at: now() })
        .where('id', '=', id)
        .where('group_id', '=', groupId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0)
        throw new HTTPException(404, { message: 'no such invitation' })
      await audit(
        trx,
        {
          actor: principal,
          action: 'invitation.revoked',
          target: { kind: 'invitation', id },
          groupId,
        },
        now(),
      )
    })
    return c.json({ ok: true })
  })

  app.post('/groups/:groupId/members/:memberId/reissue', async (c) => {
    const groupId = c.req.param('groupId')
    const memberId = c.req.param('memberId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const data = await services.data()
    const member = await data
      .selectFrom('members')
      .select('id')
      .where('id', '=', memberId)
      .where('group_id', '=', groupId)
      .where('status', '=', 'active')
      .executeTakeFirst()
    if (!member) throw new HTTPException(404, { message: 'no such member' })
    const token = newSecret()
    const id = newId('invitation')
    const expiresAt = now() + 72 * 3_600_000
    await atomically(data, async (trx) => {
      await trx
        .insertInto('invitations')
        .values({
          id,
          group_id: groupId,
          token_hash: hashToken(token),
          max_uses: 1,
          expires_at: expiresAt,
          created_by: principal.id,
          created_at: now(),
          member_id: memberId,
          label: await sealLabel(groupId, id, ''),
        })
        .execute()
      await audit(
        trx,
        {
          actor: principal,
          action: 'member.access-reissued',
          target: { kind: 'member', id: memberId },
          groupId,
        },
        now(),
      )
    })
    return c.json({ url: linkFor(token), expiresAt }, 201)
  })

  app.get('/invitations/:token', async (c) => {
    const data = await services.data()
    const invitation = await usableInvitation(data, c.req.param('token'), now())
    const group = (await groupSettingsOf(data, invitation.group_id))!
    const restoring = invitation.member_id
      ? await data
          .selectFrom('members')
          .select('pseudonym')
          .where('id', '=', invitation.member_id)
          .executeTakeFirstOrThrow()
      : null
    return c.json({
      group: {
        id: invitation.group_id,
        name: group.name,
        theme: group.theme,
        description: group.description,
        kind: group.kind,
      },
      agreement: await currentAgreement(data, services.keys, invitation.group_id),
      anonymousChat: group.anonymousChat,
      facilitatorsSeeAuthors: group.facilitatorsSeeAuthors,
      chatKept: group.chatKept,
      // A re-issued link restores an existing member: they keep their pseudonym.
      pseudonym: restoring?.pseudonym ?? null,
    })
  })

  app.post('/invitations/:token/accept', async (c) => accept(c, services, c.req.param('token')))

  return app
}

async function accept(c: Context<AppEnv>, services: Services, token: string) {
  const { now, loginPolicy } = services
  // The token first: a bogus or used link costs a lookup, never a hash (0.1 s, 32 MiB).
  await usableInvitation(await services.data(), token, now())
  const body = await parseBody(c, acceptInvitationRequest)
  const problem = await passwordProblem(body.passphrase)
  if (problem) throw new HTTPException(400, { message: PASSWORD_PROBLEM_TEXT[problem] })
  hashQueue.refuseIfFull()
  const hash = await hashSecret(body.passphrase)
  const memberId = await joinThroughInvitation(
    await services.data(),
    {
      token,
      pseudonym: body.pseudonym,
      agreementVersion: body.agreementVersion,
      passphraseHash: hash,
    },
    now(),
  )
  // A restored member's old logins (a lost device) end now.
  services.sync.closeLogins(
    await endLoginsOf(await services.data(), [{ kind: 'member', id: memberId }], now()),
  )
  const policy = loginPolicy.member
  const loginToken = await createLogin(
    await services.data(),
    { kind: 'member', id: memberId },
    policy,
    now(),
  )
  setLoginCookie(c, services.publicOrigin, loginToken, policy.absoluteMs)
  return c.json({ ok: true }, 201)
}
