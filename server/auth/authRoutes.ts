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
import { audit } from '../audit/audit.ts'
import { atomically } from '../data/Data.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireFacilitator, requirePrincipal } from '../http/guards.ts'
import { clientAddress } from '../http/clientAddress.ts'
import { clearLoginCookie, setLoginCookie } from '../http/loginCookie.ts'
import { parseBody } from '../http/parseBody.ts'
import { pseudonymKey } from '../members/pseudonymKey.ts'
import { enableTotp, storeTotpSecret, useTotpStep } from './facilitatorTotp.ts'
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
  const { now, loginPolicy } = services
  const app = new Hono<AppEnv>()

  const startLogin = async (c: Context, owner: LoginOwner) => {
    const policy = loginPolicy[owner.kind]
    const token = await createLogin(await services.data(), owner, policy, now())
    setLoginCookie(c, services.publicOrigin, token, policy.absoluteMs)
    await audit(await services.data(), { actor: owner, action: 'login.succeeded' }, now())
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

  /** A code is accepted once: only past the last step accepted for this account. */
  const useTotp = async (facilitatorId: string, secret: string, code: string | undefined) => {
    const step = code ? totpStep(secret, code, now()) : null
    if (step === null) return false
    return useTotpStep(await services.data(), facilitatorId, step)
  }

  /** The reserved attempt stays counted as a failure. */
  const fail = async (reason: string): Promise<never> => {
    await audit(
      await services.data(),
      { actor: { kind: 'anonymous', id: null }, action: 'login.failed', detail: { reason } },
      now(),
    )
    throw new HTTPException(401, { message: LOGIN_FAILED })
  }

  app.post('/auth/login', async (c) => {
    const body = await parseBody(c, loginRequest)
    const keys = { account: `f:${normaliseEmail(body.email)}`, address: address(c) }
    const reservation = await reserve(keys)
    const row = await (
      await services.data()
    )
      .selectFrom('facilitators')
      .select(['id', 'password_hash', 'totp_secret', 'totp_enabled'])
      .where('email', '=', normaliseEmail(body.email))
      .executeTakeFirst()
    const passwordOk = await verify(reservation, body.password, row?.password_hash)
    if (!row || !passwordOk) return fail('password')
    if (
      row.totp_enabled &&
      !(await useTotp(
        row.id,
        await openTotpSecret(services.keys, row.id, row.totp_secret!),
        body.code,
      ))
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
    const row = await (
      await services.data()
    )
      .selectFrom('members')
      .select(['id', 'passphrase_hash'])
      .where('group_id', '=', body.groupId)
      .where('pseudonym_key', '=', key)
      .where('status', '=', 'active')
      .where('passphrase_hash', 'is not', null)
      .executeTakeFirst()
    const ok = await verify(reservation, body.passphrase, row?.passphrase_hash ?? undefined)
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
      await audit(await services.data(), { actor: principal, action: 'login.ended' }, now())
    }
    clearLoginCookie(c, services.publicOrigin)
    return c.json({ ok: true })
  })

  app.get('/me', async (c) => {
    const principal = requirePrincipal(c)
    if (principal.kind === 'facilitator') {
      const row = await (
        await services.data()
      )
        .selectFrom('facilitators')
        .select(['email', 'totp_enabled', 'signal_sound'])
        .where('id', '=', principal.id)
        .executeTakeFirstOrThrow()
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
    await atomically(await services.data(), async (trx) => {
      await trx
        .updateTable('facilitators')
        .set({ signal_sound: signalSound ? 1 : 0 })
        .where('id', '=', principal.id)
        .execute()
      await audit(trx, { actor: principal, action: 'preferences.changed' }, now())
    })
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
    const data = await services.data()
    if (!(await setupLinkIsOpen(data, body.token, now()))) throw linkGone()
    const created = await createFacilitator(
      data,
      body,
      { kind: 'system', id: null },
      now(),
      (trx) => consumeSetupLink(trx, body.token, now()),
    )
    if (!created.ok && created.error === 'not-claimed') throw linkGone()
    if (!created.ok) throw new HTTPException(400, { message: created.message })
    await startLogin(c, { kind: 'facilitator', id: created.id })
    return c.json({ kind: 'facilitator', id: created.id }, 201)
  })

  app.post('/facilitator/totp/setup', async (c) => {
    const principal = requireFacilitator(c)
    const secret = newTotpSecret()
    const data = await services.data()
    const row = await data
      .selectFrom('facilitators')
      .select(['email', 'totp_enabled'])
      .where('id', '=', principal.id)
      .executeTakeFirstOrThrow()
    const alreadyOn = () => new HTTPException(409, { message: 'two-factor sign-in is already on' })
    if (row.totp_enabled) throw alreadyOn()
    // Turned on by another request since the read: its secret stays.
    const sealed = await sealTotpSecret(services.keys, principal.id, secret)
    if (!(await storeTotpSecret(data, principal.id, sealed))) throw alreadyOn()
    return c.json({ secret, uri: totpUri(secret, row.email) })
  })

  app.post('/facilitator/totp/enable', async (c) => {
    const principal = requireFacilitator(c)
    const { code } = await parseBody(c, totpEnableRequest)
    const data = await services.data()
    const row = await data
      .selectFrom('facilitators')
      .select('totp_secret')
      .where('id', '=', principal.id)
      .executeTakeFirstOrThrow()
    const mismatch = () =>
      new HTTPException(400, { message: 'That code did not match; try the next one.' })
    if (
      !row.totp_secret ||
      !(await useTotp(
        principal.id,
        await openTotpSecret(services.keys, principal.id, row.totp_secret),
        code,
      ))
    ) {
      throw mismatch()
    }
    // A set-up started meanwhile (another tab) replaced the secret this code was checked with.
    if (!(await enableTotp(data, principal.id, row.totp_secret, now()))) throw mismatch()
    return c.json({ ok: true })
  })

  return app
}
