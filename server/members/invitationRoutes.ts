import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { acceptInvitationRequest, createInvitationRequest } from '../../shared/api/schemas.ts'
import { appendAudit } from '../audit/audit.ts'
import { createLogin, endLoginsOf, hashToken } from '../auth/logins.ts'
import { hashQueue, hashSecret, passwordProblem, PASSWORD_PROBLEM_TEXT } from '../auth/passwords.ts'
import { groupScope, invitationLabel } from '../crypto/sealedColumns.ts'
import { newId, newSecret } from '../db/newId.ts'
import {
  currentAgreement,
  currentAgreementVersion,
  groupSettingsOf,
} from '../groups/groupQueries.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireGroupFacilitator } from '../http/guards.ts'
import { setLoginCookie } from '../http/loginCookie.ts'
import { parseBody } from '../http/parseBody.ts'
import { nextColour } from './memberColours.ts'
import { claimsARole, looksLikeAny, nameSkeletons } from './nameSkeletons.ts'
import { pseudonymKey } from './pseudonymKey.ts'

interface InvitationRow {
  id: string
  group_id: string
  max_uses: number
  uses: number
  expires_at: number
  revoked_at: number | null
  member_id: string | null
}

/** Why an invitation cannot be used; each has its own clear message and status. */
const REFUSALS = {
  unknown: [404, 'This invitation link is not valid. Ask your facilitator for a new one.'],
  revoked: [410, 'This invitation was withdrawn. Ask your facilitator for a new one.'],
  expired: [410, 'This invitation has expired. Ask your facilitator for a new one.'],
  used: [410, 'This invitation has already been used. Ask your facilitator for a new one.'],
  full: [409, 'This group is full at the moment. Your facilitator can tell you more.'],
} as const

/** Invitations (single- and multi-use, expiring, stored hashed) and joining under a pseudonym. */
export function invitationRoutes(services: Services) {
  const { db, now } = services
  // A facilitator's note on an invitation is the group's: sealed (even when empty) to its row.
  const sealLabel = (groupId: string, id: string, label: string) =>
    invitationLabel.seal(services.keys, groupScope(groupId), id, label)
  const app = new Hono<AppEnv>()

  const linkFor = (token: string) => `${services.publicOrigin}/join#${token}`

  /** The invitation a token opens, or the reason it cannot be used right now. */
  const check = (token: string): InvitationRow => {
    const row = db.sql
      .prepare('SELECT * FROM invitations WHERE token_hash = ?')
      .get(hashToken(token)) as InvitationRow | undefined
    const refuse = (why: keyof typeof REFUSALS): never => {
      const [status, message] = REFUSALS[why]
      throw new HTTPException(status, { message, cause: why })
    }
    if (!row) return refuse('unknown')
    if (row.revoked_at !== null) return refuse('revoked')
    if (row.expires_at <= now()) return refuse('expired')
    if (row.uses >= row.max_uses) return refuse('used')
    if (!row.member_id) {
      const { capacity } = groupSettingsOf(db, row.group_id)!
      const active = (
        db.sql
          .prepare("SELECT COUNT(*) AS n FROM members WHERE group_id = ? AND status = 'active'")
          .get(row.group_id) as { n: number }
      ).n
      if (active >= capacity) return refuse('full')
    }
    return row
  }

  app.post('/groups/:groupId/invitations', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const body = await parseBody(c, createInvitationRequest)
    const token = newSecret()
    const id = newId('invitation')
    const expiresAt = now() + body.expiresInHours * 3_600_000
    db.transaction(() => {
      db.sql
        .prepare(
          `INSERT INTO invitations (id, group_id, token_hash, max_uses, expires_at, created_by, created_at, label)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          groupId,
          hashToken(token),
          body.maxUses,
          expiresAt,
          principal.id,
          now(),
          sealLabel(groupId, id, body.label ?? ''),
        )
      appendAudit(
        db,
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
    const rows = db.sql
      .prepare(
        `SELECT id, max_uses AS maxUses, uses, expires_at AS expiresAt, revoked_at AS revokedAt,
           created_at AS createdAt, member_id IS NOT NULL AS isReissue, label
         FROM invitations WHERE group_id = ? ORDER BY created_at DESC`,
      )
      .all(groupId) as { id: string; isReissue: number; label: string }[]
    return c.json({
      invitations: rows.map((r) => ({
        ...r,
        isReissue: r.isReissue === 1,
        label: invitationLabel.open(services.keys, groupScope(groupId), r.id, r.label),
      })),
    })
  })

  app.post('/groups/:groupId/invitations/:invitationId/revoke', async (c) => {
    const groupId = c.req.param('groupId')
    const id = c.req.param('invitationId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const result = db.sql
      .prepare(
        'UPDATE invitations SET revoked_at = ? WHERE id = ? AND group_id = ? AND revoked_at IS NULL',
      )
      .run(now(), id, groupId)
    if (result.changes === 0) throw new HTTPException(404, { message: 'no such invitation' })
    appendAudit(
      db,
      {
        actor: principal,
        action: 'invitation.revoked',
        target: { kind: 'invitation', id },
        groupId,
      },
      now(),
    )
    return c.json({ ok: true })
  })

  app.post('/groups/:groupId/members/:memberId/reissue', async (c) => {
    const groupId = c.req.param('groupId')
    const memberId = c.req.param('memberId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const member = db.sql
      .prepare("SELECT 1 FROM members WHERE id = ? AND group_id = ? AND status = 'active'")
      .get(memberId, groupId)
    if (!member) throw new HTTPException(404, { message: 'no such member' })
    const token = newSecret()
    const id = newId('invitation')
    const expiresAt = now() + 72 * 3_600_000
    db.transaction(() => {
      db.sql
        .prepare(
          `INSERT INTO invitations (id, group_id, token_hash, max_uses, expires_at, created_by, created_at, member_id, label)
           VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          groupId,
          hashToken(token),
          expiresAt,
          principal.id,
          now(),
          memberId,
          sealLabel(groupId, id, ''),
        )
      appendAudit(
        db,
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

  app.get('/invitations/:token', (c) => {
    const invitation = check(c.req.param('token'))
    const group = groupSettingsOf(db, invitation.group_id)!
    const restoring = invitation.member_id
      ? (db.sql.prepare('SELECT pseudonym FROM members WHERE id = ?').get(invitation.member_id) as {
          pseudonym: string
        })
      : null
    return c.json({
      group: {
        id: invitation.group_id,
        name: group.name,
        theme: group.theme,
        description: group.description,
        kind: group.kind,
      },
      agreement: currentAgreement(db, services.keys, invitation.group_id),
      anonymousChat: group.anonymousChat,
      facilitatorsSeeAuthors: group.facilitatorsSeeAuthors,
      chatKept: group.chatKept,
      // A re-issued link restores an existing member: they keep their pseudonym.
      pseudonym: restoring?.pseudonym ?? null,
    })
  })

  app.post('/invitations/:token/accept', async (c) =>
    accept(c, services, check, c.req.param('token')),
  )

  return app
}

async function accept(
  c: Context<AppEnv>,
  services: Services,
  check: (t: string) => InvitationRow,
  token: string,
) {
  const { db, now, loginPolicy } = services
  // The token first: a bogus or used link costs a lookup, never a hash (0.1 s, 32 MiB).
  check(token)
  const body = await parseBody(c, acceptInvitationRequest)
  const problem = await passwordProblem(body.passphrase)
  if (problem) throw new HTTPException(400, { message: PASSWORD_PROBLEM_TEXT[problem] })
  hashQueue.refuseIfFull()
  const hash = await hashSecret(body.passphrase)
  const memberId = db.transaction(() => {
    // Checked again inside the transaction: two people may use the last place at once.
    const invitation = check(token)
    const groupId = invitation.group_id
    if (body.agreementVersion !== currentAgreementVersion(db, groupId)) {
      throw new HTTPException(409, {
        message: 'The group agreement has just changed. Please read it again.',
      })
    }
    let id = invitation.member_id
    if (id) {
      db.sql.prepare('UPDATE members SET passphrase_hash = ? WHERE id = ?').run(hash, id)
      appendAudit(
        db,
        { actor: { kind: 'member', id }, action: 'member.access-restored', groupId },
        now(),
      )
    } else {
      const key = pseudonymKey(body.pseudonym)
      if (nameSkeletons(body.pseudonym).every((k) => k === '')) {
        throw new HTTPException(400, {
          message: 'Choose a name with at least one letter or digit.',
        })
      }
      // Not only the same name: one that looks like a member's or a facilitator's of this
      // group ("Wrеn" with a Cyrillic е, "Dr Οther", "W r e n") would let someone pass as them.
      const names = db.sql
        .prepare(
          `SELECT pseudonym AS name FROM members WHERE group_id = ?
           UNION ALL SELECT f.display_name FROM facilitators f
           JOIN group_facilitators gf ON gf.facilitator_id = f.id WHERE gf.group_id = ?`,
        )
        .all(groupId, groupId) as { name: string }[]
      const taken = db.sql
        .prepare('SELECT 1 FROM members WHERE group_id = ? AND pseudonym_key = ?')
        .get(groupId, key)
      if (claimsARole(body.pseudonym))
        throw new HTTPException(409, {
          message:
            'That name includes a word kept for the group’s facilitators. Please choose another.',
        })
      if (
        taken ||
        looksLikeAny(
          body.pseudonym,
          names.map((n) => n.name),
        )
      )
        throw new HTTPException(409, {
          message:
            'That name is taken, or looks too much like someone else’s in this group. Please choose another.',
        })
      const used = (
        db.sql.prepare('SELECT colour FROM members WHERE group_id = ?').all(groupId) as {
          colour: string
        }[]
      ).map((r) => r.colour)
      id = newId('member')
      db.sql
        .prepare(
          `INSERT INTO members (id, group_id, pseudonym, pseudonym_key, colour, passphrase_hash, status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'active', ?)`,
        )
        .run(id, groupId, body.pseudonym.trim(), key, nextColour(used), hash, now())
      appendAudit(
        db,
        {
          actor: { kind: 'member', id },
          action: 'member.joined',
          target: { kind: 'invitation', id: invitation.id },
          groupId,
        },
        now(),
      )
    }
    db.sql.prepare('UPDATE invitations SET uses = uses + 1 WHERE id = ?').run(invitation.id)
    db.sql
      .prepare(
        'INSERT OR IGNORE INTO agreement_acceptances (member_id, version, accepted_at) VALUES (?, ?, ?)',
      )
      .run(id, body.agreementVersion, now())
    appendAudit(
      db,
      {
        actor: { kind: 'member', id },
        action: 'agreement.accepted',
        groupId,
        detail: { version: body.agreementVersion },
      },
      now(),
    )
    return id
  })
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
