import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

/** `__Host-` binds the cookie to this host over HTTPS; plain HTTP (localhost) cannot use it. */
export const cookieName = (publicOrigin: string) =>
  publicOrigin.startsWith('https:') ? '__Host-hearth' : 'hearth_login'

export function setLoginCookie(c: Context, publicOrigin: string, token: string, maxAgeMs: number) {
  setCookie(c, cookieName(publicOrigin), token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: publicOrigin.startsWith('https:'),
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  })
}

export function readLoginCookie(c: Context, publicOrigin: string): string | undefined {
  return getCookie(c, cookieName(publicOrigin))
}

export function clearLoginCookie(c: Context, publicOrigin: string) {
  deleteCookie(c, cookieName(publicOrigin), {
    path: '/',
    secure: publicOrigin.startsWith('https:'),
  })
}

/** The login token from a raw Cookie header (the WebSocket upgrade has no Hono context). */
export function loginTokenFromHeader(header: string | undefined, publicOrigin: string) {
  if (!header) return undefined
  const name = cookieName(publicOrigin)
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name)
      return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}
