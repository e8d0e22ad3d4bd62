import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { servePackageFiles } from './http/servePackageFiles.ts'
import { z } from 'zod'
import { authRoutes } from './auth/authRoutes.ts'
import { signDevToken } from './auth/devToken.ts'
import { principalFromLogin } from './auth/principalFromLogin.ts'
import { groupRoutes } from './groups/groupRoutes.ts'
import type { AppEnv, Services } from './http/AppEnv.ts'
import { requireFacilitator } from './http/guards.ts'
import { isAllowedOrigin } from './http/isAllowedOrigin.ts'
import { addressRateLimit } from './http/addressRateLimit.ts'
import { readLimitedText } from './http/parseBody.ts'
import { readLoginCookie } from './http/loginCookie.ts'
import { serveClient } from './http/serveClient.ts'
import { TryLater } from './http/TryLater.ts'
import type { QuickCheck } from './db/quickCheck.ts'
import { KeyErased } from './crypto/keyRing.ts'
import { SealedDataRejected } from './crypto/seal.ts'
import { invitationRoutes } from './members/invitationRoutes.ts'
import { memberRoutes } from './members/memberRoutes.ts'
import { attendanceRoutes } from './sessions/attendanceRoutes.ts'
import { presentRoutes } from './sessions/presentRoutes.ts'
import { sessionRoutes } from './sessions/sessionRoutes.ts'
import { signalRoutes } from './signals/signalRoutes.ts'
import { libraryRoutes } from './library/libraryRoutes.ts'
import { exportRoutes } from './export/exportRoutes.ts'
import { homeworkRoutes } from './worksheets/homeworkRoutes.ts'
import { snapshotRoutes } from './snapshots/snapshotRoutes.ts'
import { releaseRoutes } from './release/releaseRoutes.ts'
import { erasureRoutes } from './erasure/erasureRoutes.ts'
import { reminderRoutes } from './reminders/reminderRoutes.ts'
import { archiveRoutes } from './export/archive/archiveRoutes.ts'
import { deckRoutes } from './slides/deckRoutes.ts'
import { handoutRoutes } from './slides/handoutRoutes.ts'
import { responseRoutes } from './slides/responseRoutes.ts'
import { imageRoutes } from './images/imageRoutes.ts'
import { worksheetRoutes } from './worksheets/worksheetRoutes.ts'
import { chatRoutes } from './chat/chatRoutes.ts'
import { chatModerationRoutes } from './chat/chatModerationRoutes.ts'
import { lineRoutes } from './chat/lineRoutes.ts'
import { canvasRoutes } from './whiteboard/canvasRoutes.ts'
import { canvasImageRoutes } from './whiteboard/canvasImageRoutes.ts'
import { videoRoutes } from './video/videoRoutes.ts'
import { videoModerationRoutes } from './video/videoModerationRoutes.ts'
import { videoWebhookRoutes } from './video/videoWebhookRoutes.ts'
import { handRoutes } from './hands/handRoutes.ts'
import { checkinRoutes } from './checkins/checkinRoutes.ts'
import { measureRoutes } from './measures/measureRoutes.ts'
import { breathingRoutes } from './breathing/breathingRoutes.ts'
import { timeRoutes } from './clock/timeRoutes.ts'
import { goalRoutes } from './goals/goalRoutes.ts'

export interface AppOptions {
  secret: string
  playground: boolean
  /** Folder of the built client, or null when another server (Vite) serves it. */
  clientDir: string | null
  allowedOrigins: ReadonlySet<string>
  allowLoopbackOrigins: boolean
  signInRate: number
  /** What `PRAGMA quick_check` found at start-up. */
  databaseCheck: QuickCheck
}

const HASHING_ROUTES = [
  '/api/auth/login',
  '/api/auth/member-login',
  '/api/setup',
  '/api/invitations/:token/accept',
]

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const PLAYGROUND_TOKEN_MS = 12 * 60 * 60 * 1000
const playgroundTokenRequest = z.object({ access: z.enum(['write', 'read']).default('write') })

/** The origins the browser talks to LiveKit on: its ws(s):// address and the http(s):// twin. */
function videoOrigins(video: Services['video']): string[] {
  if (!video) return []
  const signal = new URL(video.url)
  return [signal.origin, signal.origin.replace(/^ws/, 'http')]
}

/** The HTTP side of Hearth. The sync endpoint is not here: it is taken at the upgrade. */
export function createApp(services: Services, options: AppOptions) {
  const deps = { ...options, log: services.log, sync: services.sync }
  const app = new Hono<AppEnv>()
  app.use(requestId())
  const secure = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // WebAssembly may be compiled (the background blur's segmentation model, pdf.js's
      // decoders); JavaScript `eval` stays refused.
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      // LiveKit's signalling (its WebSocket, and HTTP when a join fails), when video is set up.
      connectSrc: ["'self'", ...videoOrigins(services.video)],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
    },
    referrerPolicy: 'no-referrer',
  })
  // A route may answer with a stricter policy of its own (an uploaded image: nothing in it
  // may run); it stands instead of the site's, which `secureHeaders` would write over it.
  app.use(async (c, next) => {
    let own: string | null = null
    await secure(c, async () => {
      await next()
      own = c.res.headers.get('content-security-policy')
    })
    if (own) c.header('Content-Security-Policy', own)
  })
  app.use('/api/*', async (c, next) => {
    // C14: a state-changing request from another site is refused before it is read.
    const origin = c.req.header('origin')
    const port = (c.env as { incoming?: { socket?: { localPort?: number } } } | undefined)?.incoming
      ?.socket?.localPort
    if (
      !SAFE_METHODS.has(c.req.method) &&
      origin !== undefined &&
      !isAllowedOrigin(origin, port, options.allowedOrigins, options.allowLoopbackOrigins)
    ) {
      throw new HTTPException(403, { message: 'cross-site request refused' })
    }
    const token = readLoginCookie(c, services.publicOrigin)
    c.set('principal', token ? await principalFromLogin(services, token) : null)
    await next()
    c.header('Cache-Control', 'no-store')
  })

  const health = () => {
    const sync = services.sync.health()
    const ok =
      sync.commitsFailing === null && sync.damagedDocuments === 0 && options.databaseCheck.ok
    return { ok, ...sync, databaseProblems: options.databaseCheck.problems.length }
  }
  // Public: a yes or no (503 while edits cannot be stored, or damage was found), nothing
  // about what the server holds. Facilitators get the details at /api/health.
  app.get('/health', (c) => {
    const { ok } = health()
    return c.json({ ok }, ok ? 200 : 503)
  })
  app.get('/api/health', (c) => {
    requireFacilitator(c)
    return c.json(health())
  })

  if (deps.playground) {
    // Development stand-in for accounts: a short-lived token for `playground/` documents only.
    app.post('/api/playground/token', async (c) => {
      const text = await readLimitedText(c, 1024)
      let body: unknown
      try {
        body = text ? JSON.parse(text) : {}
      } catch {
        throw new HTTPException(400, { message: 'body must be JSON' })
      }
      const parsed = playgroundTokenRequest.safeParse(body ?? {})
      if (!parsed.success) throw new HTTPException(400, { message: 'access must be write or read' })
      const expiresAt = services.now() + PLAYGROUND_TOKEN_MS
      const token = signDevToken(deps.secret, {
        id: `p_${randomBytes(9).toString('base64url')}`,
        grants: [{ prefix: 'playground/', access: parsed.data.access }],
        expiresAt,
      })
      return c.json({ token, expiresAt })
    })
  }

  // Routes that hash a password or passphrase: each costs 0.1 s of a core and 32 MiB.
  // Per address over all of them (HEARTH_SIGN_IN_RATE a minute, default 20): a group arriving
  // through one network fits.
  const hashing = addressRateLimit(services, {
    burst: options.signInRate,
    perSecond: options.signInRate / 60,
  })
  for (const path of HASHING_ROUTES) {
    app.use(path, (c, next) => (c.req.method === 'POST' ? hashing(c, next) : next()))
  }

  for (const routes of [
    authRoutes,
    groupRoutes,
    invitationRoutes,
    memberRoutes,
    sessionRoutes,
    attendanceRoutes,
    presentRoutes,
    worksheetRoutes,
    signalRoutes,
    libraryRoutes,
    exportRoutes,
    homeworkRoutes,
    snapshotRoutes,
    releaseRoutes,
    erasureRoutes,
    reminderRoutes,
    archiveRoutes,
    deckRoutes,
    handoutRoutes,
    responseRoutes,
    imageRoutes,
    chatRoutes,
    chatModerationRoutes,
    lineRoutes,
    canvasRoutes,
    canvasImageRoutes,
    videoRoutes,
    videoModerationRoutes,
    videoWebhookRoutes,
    handRoutes,
    checkinRoutes,
    measureRoutes,
    breathingRoutes,
    timeRoutes,
    goalRoutes,
  ]) {
    app.route('/api', routes(services))
  }

  app.all('/api/*', () => {
    throw new HTTPException(404, { message: 'not found' })
  })

  servePackageFiles(app)
  if (deps.clientDir) serveClient(app, deps.clientDir)

  app.onError((error, c) => {
    const id = c.get('requestId')
    if (error instanceof TryLater) {
      c.header('Retry-After', String(error.retryAfterSeconds))
      return c.json({ error: error.message, requestId: id }, error.status)
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ error: error.message, requestId: id }, error.status)
    }
    if (error instanceof SealedDataRejected || error instanceof KeyErased) {
      // The message names the record (table, column, row), never its content.
      deps.log.error(
        { err: error, requestId: id, path: c.req.path },
        'a stored record could not be opened',
      )
      return c.json({ error: 'A stored record could not be read.', requestId: id }, 500)
    }
    deps.log.error({ err: error, requestId: id, path: c.req.path }, 'request failed')
    return c.json({ error: 'internal error', requestId: id }, 500)
  })
  return app
}
