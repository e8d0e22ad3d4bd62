import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  loginRequest,
  memberLoginRequest,
  setupRequest,
  totpEnableRequest,
} from '../../shared/api/schemas.ts'
import { appendAudit } from '../audit/audit.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireFacilitator, requirePrincipal } from '../http/guards.ts'
import { clearLoginCookie, setLoginCookie } from '../http/loginCookie.ts'
import { parseBody } from '../http/parseBody.ts'
import { pseudonymKey } from '../members/pseudonymKey.ts'
import { createFacilitator, normaliseEmail } from './facilitators.ts'
import { createLogin, endLogin, type LoginOwner } from './logins.ts'
import { isThrottled, recordFailure } from './loginThrottle.ts'
import {
  dummySecretHash,
  passwordProblem,
  PASSWORD_PROBLEM_TEXT,
  verifySecret,
} from './passwords.ts'
import { consumeSetupLink } from './setupLink.ts'
import { checkTotp, newTotpSecret, totpUri } from './totp.ts'

/** One answer for every failed login: unknown account, wrong password, wrong code (C15). */
export const LOGIN_FAILED = 'Those details did not match. Check them and try again.'
export const LOGIN_THROTTLED = 'Too many attempts. Please wait 15 minutes and try again.'

const address = (c: Context) => getConnInfo(c).remote.address ?? 'unknown'

/** Sign-in, sign-out, first-facilitator set-up and two-factor enrolment. */
export function authRoutes(services: Services) {
  const { db, now, loginPolicy } = services
  const app = new Hono<AppEnv>()

  const startLogin = (c: Context, owner: LoginOwner) => {
    const policy = loginPolicy[owner.kind]
    const token = createLogin(db, owner, policy, now())
    setLoginCookie(c, services.publicOrigin, token, policy.absoluteMs)
    appendAudit(db, { actor: owner, action: 'login.succeeded' }, now())
  }

  const fail = (keys: { account: string; address: string }, reason: string): never => {
    recordFailure(db, keys, now())
    appendAudit(
      db,
      { actor: { kind: 'anonymous', id: null }, action: 'login.failed', detail: { reason } },
      now(),
    )
    throw new HTTPException(401, { message: LOGIN_FAILED })
  }

  app.post('/auth/login', async (c) => {
    const body = await parseBody(c, loginRequest)
    const keys = { account: `f:${normaliseEmail(body.email)}`, address: address(c) }
    if (isThrottled(db, keys, services.throttle, now()))
      throw new HTTPException(429, { message: LOGIN_THROTTLED })
    const row = db.sql
      .prepare(
        'SELECT id, password_hash, totp_secret, totp_enabled FROM facilitators WHERE email = ?',
      )
      .get(normaliseEmail(body.email)) as
      | { id: string; password_hash: string; totp_secret: string | null; totp_enabled: number }
      | undefined
    const passwordOk = await verifySecret(
      body.password,
      row?.password_hash ?? (await dummySecretHash()),
    )
    if (!row || !passwordOk) return fail(keys, 'password')
    if (row.totp_enabled && !(body.code && checkTotp(row.totp_secret!, body.code, now()))) {
      return fail(keys, 'second-factor')
    }
    startLogin(c, { kind: 'facilitator', id: row.id })
    return c.json({ kind: 'facilitator', id: row.id })
  })

  app.post('/auth/member-login', async (c) => {
    const body = await parseBody(c, memberLoginRequest)
    const key = pseudonymKey(body.pseudonym)
    const keys = { account: `m:${body.groupId}:${key}`, address: address(c) }
    if (isThrottled(db, keys, services.throttle, now()))
      throw new HTTPException(429, { message: LOGIN_THROTTLED })
    const row = db.sql
      .prepare(
        `SELECT id, passphrase_hash FROM members WHERE group_id = ? AND pseudonym_key = ?
           AND status = 'active' AND passphrase_hash IS NOT NULL`,
      )
      .get(body.groupId, key) as { id: string; passphrase_hash: string } | undefined
    const ok = await verifySecret(
      body.passphrase,
      row?.passphrase_hash ?? (await dummySecretHash()),
    )
    if (!row || !ok) return fail(keys, 'passphrase')
    startLogin(c, { kind: 'member', id: row.id })
    return c.json({ kind: 'member' })
  })

  app.post('/auth/logout', (c) => {
    const principal = c.get('principal')
    if (principal && principal.kind !== 'token') {
      endLogin(db, principal.loginHash, now())
      services.sync.closeLogins([principal.loginHash])
      appendAudit(db, { actor: principal, action: 'login.ended' }, now())
    }
    clearLoginCookie(c, services.publicOrigin)
    return c.json({ ok: true })
  })

  app.get('/me', (c) => {
    const principal = requirePrincipal(c)
    if (principal.kind === 'facilitator') {
      const row = db.sql
        .prepare('SELECT email, totp_enabled FROM facilitators WHERE id = ?')
        .get(principal.id) as {
        email: string
        totp_enabled: number
      }
      return c.json({
        kind: 'facilitator',
        id: principal.id,
        name: principal.name,
        email: row.email,
        twoFactor: row.totp_enabled === 1,
      })
    }
    if (principal.kind === 'member') {
      return c.json({
        kind: 'member',
        name: principal.name,
        colour: principal.colour,
        groupId: principal.groupId,
      })
    }
    throw new HTTPException(401, { message: 'please sign in' })
  })

  app.post('/setup', async (c) => {
    const body = await parseBody(c, setupRequest)
    // A weak password must not use up the link.
    const problem = passwordProblem(body.password)
    if (problem) throw new HTTPException(400, { message: PASSWORD_PROBLEM_TEXT[problem] })
    const result = db.transaction(() => consumeSetupLink(db, body.token, now()))
    if (!result)
      throw new HTTPException(410, {
        message: 'This set-up link is used or expired. Restart the server for a new one.',
      })
    const created = await createFacilitator(db, body, { kind: 'system', id: null }, now())
    if (!created.ok) throw new HTTPException(400, { message: created.message })
    startLogin(c, { kind: 'facilitator', id: created.id })
    return c.json({ kind: 'facilitator', id: created.id }, 201)
  })

  app.post('/facilitator/totp/setup', (c) => {
    const principal = requireFacilitator(c)
    const secret = newTotpSecret()
    const row = db.sql
      .prepare('SELECT email, totp_enabled FROM facilitators WHERE id = ?')
      .get(principal.id) as {
      email: string
      totp_enabled: number
    }
    if (row.totp_enabled)
      throw new HTTPException(409, { message: 'two-factor sign-in is already on' })
    db.sql.prepare('UPDATE facilitators SET totp_secret = ? WHERE id = ?').run(secret, principal.id)
    return c.json({ secret, uri: totpUri(secret, row.email) })
  })

  app.post('/facilitator/totp/enable', async (c) => {
    const principal = requireFacilitator(c)
    const { code } = await parseBody(c, totpEnableRequest)
    const row = db.sql
      .prepare('SELECT totp_secret FROM facilitators WHERE id = ?')
      .get(principal.id) as {
      totp_secret: string | null
    }
    if (!row.totp_secret || !checkTotp(row.totp_secret, code, now())) {
      throw new HTTPException(400, { message: 'That code did not match; try the next one.' })
    }
    db.sql.prepare('UPDATE facilitators SET totp_enabled = 1 WHERE id = ?').run(principal.id)
    appendAudit(db, { actor: principal, action: 'totp.enabled' }, now())
    return c.json({ ok: true })
  })

  return app
}
