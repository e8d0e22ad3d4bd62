import { openTotpSecret, sealTotpSecret } from '../crypto/totpSecrets.ts'
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  loginRequest,
  memberLoginRequest,
  preferencesRequest,
  setupRequest,
  totpEnableRequest,
} from '../../shared/api/schemas.ts'
import { appendAudit } from '../audit/audit.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireFacilitator, requirePrincipal } from '../http/guards.ts'
import { clientAddress } from '../http/clientAddress.ts'
import { clearLoginCookie, setLoginCookie } from '../http/loginCookie.ts'
import { parseBody } from '../http/parseBody.ts'
import { pseudonymKey } from '../members/pseudonymKey.ts'
import { createFacilitator, normaliseEmail } from './facilitators.ts'
import { createLogin, endLogin, type LoginOwner } from './logins.ts'
import {
  cancelAttempt,
  releaseAttempt,
  reserveAttempt,
  type Reservation,
  type ThrottleKeys,
} from './loginThrottle.ts'
import {
  dummySecretHash,
  hashQueue,
  passwordProblem,
  PASSWORD_PROBLEM_TEXT,
  verifySecret,
} from './passwords.ts'
import { consumeSetupLink, setupLinkIsOpen } from './setupLink.ts'
import { newTotpSecret, totpStep, totpUri } from './totp.ts'

/** One answer for every failed login: unknown account, wrong password, wrong code (C15). */
export const LOGIN_FAILED = 'Those details did not match. Check them and try again.'
export const LOGIN_THROTTLED = 'Too many attempts. Please wait 15 minutes and try again.'

/** Sign-in, sign-out, first-facilitator set-up and two-factor enrolment. */
export function authRoutes(services: Services) {
  const { db, now, loginPolicy } = services
  const app = new Hono<AppEnv>()

  const startLogin = async (c: Context, owner: LoginOwner) => {
    const policy = loginPolicy[owner.kind]
    const token = await createLogin(await services.data(), owner, policy, now())
    setLoginCookie(c, services.publicOrigin, token, policy.absoluteMs)
    appendAudit(db, { actor: owner, action: 'login.succeeded' }, now())
  }

  const address = (c: Context) => clientAddress(c, services.trustedProxies)

  /** Counts the attempt before any secret is checked; 429 once a limit is reached. */
  const reserve = async (keys: ThrottleKeys) => {
    hashQueue.refuseIfFull()
    const reservation = await reserveAttempt(await services.data(), keys, services.throttle, now())
    if (!reservation) throw new HTTPException(429, { message: LOGIN_THROTTLED })
    return reservation
  }

  /** Checks a secret; a check the server refused to run (busy) is not counted as an attempt. */
  const verify = async (reservation: Reservation, secret: string, hash: string | undefined) => {
    try {
      return await verifySecret(secret, hash ?? (await dummySecretHash()))
    } catch (error) {
      await cancelAttempt(await services.data(), reservation)
      throw error
    }
  }

  /**
   * A code is accepted once: only past the last step accepted for this account. Recorded in
   * the same statement that checks it, so two requests cannot both use one code.
   */
  const useTotp = (facilitatorId: string, secret: string, code: string | undefined) => {
    const step = code ? totpStep(secret, code, now()) : null
    if (step === null) return false
    const used = db.sql
      .prepare('UPDATE facilitators SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?')
      .run(step, facilitatorId, step)
    return used.changes === 1
  }

  /** The reserved attempt stays counted as a failure. */
  const fail = (reason: string): never => {
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
    const reservation = await reserve(keys)
    const row = db.sql
      .prepare(
        'SELECT id, password_hash, totp_secret, totp_enabled FROM facilitators WHERE email = ?',
      )
      .get(normaliseEmail(body.email)) as
      | { id: string; password_hash: string; totp_secret: string | null; totp_enabled: number }
      | undefined
    const passwordOk = await verify(reservation, body.password, row?.password_hash)
    if (!row || !passwordOk) return fail('password')
    if (
      row.totp_enabled &&
      !useTotp(row.id, openTotpSecret(services.keys, row.id, row.totp_secret!), body.code)
    ) {
      return fail('second-factor')
    }
    await releaseAttempt(await services.data(), keys, reservation)
    await startLogin(c, { kind: 'facilitator', id: row.id })
    return c.json({ kind: 'facilitator', id: row.id })
  })

  app.post('/auth/member-login', async (c) => {
    const body = await parseBody(c, memberLoginRequest)
    const key = pseudonymKey(body.pseudonym)
    const keys = { account: `m:${body.groupId}:${key}`, address: address(c) }
    const reservation = await reserve(keys)
    const row = db.sql
      .prepare(
        `SELECT id, passphrase_hash FROM members WHERE group_id = ? AND pseudonym_key = ?
           AND status = 'active' AND passphrase_hash IS NOT NULL`,
      )
      .get(body.groupId, key) as { id: string; passphrase_hash: string } | undefined
    const ok = await verify(reservation, body.passphrase, row?.passphrase_hash)
    if (!row || !ok) return fail('passphrase')
    await releaseAttempt(await services.data(), keys, reservation)
    await startLogin(c, { kind: 'member', id: row.id })
    return c.json({ kind: 'member' })
  })

  app.post('/auth/logout', async (c) => {
    const principal = c.get('principal')
    if (principal && principal.kind !== 'token') {
      await endLogin(await services.data(), principal.loginHash, now())
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
        .prepare('SELECT email, totp_enabled, signal_sound FROM facilitators WHERE id = ?')
        .get(principal.id) as {
        email: string
        totp_enabled: number
        signal_sound: number
      }
      return c.json({
        kind: 'facilitator',
        id: principal.id,
        name: principal.name,
        email: row.email,
        twoFactor: row.totp_enabled === 1,
        preferences: { signalSound: row.signal_sound === 1 },
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

  // A facilitator's own settings, kept on the server so they follow them to any browser.
  app.put('/me/preferences', async (c) => {
    const principal = requireFacilitator(c)
    const { signalSound } = await parseBody(c, preferencesRequest)
    db.sql
      .prepare('UPDATE facilitators SET signal_sound = ? WHERE id = ?')
      .run(signalSound ? 1 : 0, principal.id)
    appendAudit(db, { actor: principal, action: 'preferences.changed' }, now())
    return c.json({ signalSound })
  })

  app.post('/setup', async (c) => {
    const body = await parseBody(c, setupRequest)
    // A weak password must not use up the link.
    const problem = await passwordProblem(body.password)
    if (problem) throw new HTTPException(400, { message: PASSWORD_PROBLEM_TEXT[problem] })
    const linkGone = () =>
      new HTTPException(410, {
        message: 'This set-up link is used or expired. Restart the server for a new one.',
      })
    if (!setupLinkIsOpen(db, body.token, now())) throw linkGone()
    const created = await createFacilitator(db, body, { kind: 'system', id: null }, now(), () =>
      consumeSetupLink(db, body.token, now()),
    )
    if (!created.ok && created.error === 'not-claimed') throw linkGone()
    if (!created.ok) throw new HTTPException(400, { message: created.message })
    await startLogin(c, { kind: 'facilitator', id: created.id })
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
    db.sql
      .prepare('UPDATE facilitators SET totp_secret = ? WHERE id = ?')
      .run(sealTotpSecret(services.keys, principal.id, secret), principal.id)
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
    if (
      !row.totp_secret ||
      !useTotp(principal.id, openTotpSecret(services.keys, principal.id, row.totp_secret), code)
    ) {
      throw new HTTPException(400, { message: 'That code did not match; try the next one.' })
    }
    db.sql.prepare('UPDATE facilitators SET totp_enabled = 1 WHERE id = ?').run(principal.id)
    appendAudit(db, { actor: principal, action: 'totp.enabled' }, now())
    return c.json({ ok: true })
  })

  return app
}
