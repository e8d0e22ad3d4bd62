import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiError, friendlyMessage, UNEXPECTED, UNREACHABLE } from './ApiError.ts'
import { apiRequest } from './apiRequest.ts'

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const schema = z.object({ id: z.string() })

describe('apiRequest', () => {
  it('parses the answer with the schema', async () => {
    await expect(apiRequest('/api/x', { schema }, answer(200, { id: 'g1' }))).resolves.toEqual({
      id: 'g1',
    })
  })

  it('sends writes as JSON, an empty object when there is no body', async () => {
    let seen: RequestInit | undefined
    const fake = async (_: RequestInfo | URL, init?: RequestInit) => {
      seen = init
      return new Response('{"id":"a"}', { status: 201 })
    }
    await apiRequest('/api/x', { method: 'POST', schema }, fake)
    expect(seen?.body).toBe('{}')
    expect(seen?.headers).toEqual({ 'content-type': 'application/json' })
    expect(seen?.credentials).toBe('same-origin')
  })

  it("rejects with the server's message and request id", async () => {
    const failing = answer(410, { error: 'This invitation has expired.', requestId: 'r1' })
    const error = await apiRequest('/api/x', { schema }, failing).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 410,
      message: 'This invitation has expired.',
      requestId: 'r1',
    })
  })

  it('says the server could not be reached when fetch fails', async () => {
    const offline = async () => {
      throw new TypeError('Failed to fetch')
    }
    await expect(apiRequest('/api/x', { schema }, offline)).rejects.toMatchObject({
      status: 0,
      message: UNREACHABLE,
    })
  })

  it('refuses an answer of the wrong shape', async () => {
    await expect(apiRequest('/api/x', { schema }, answer(200, { id: 3 }))).rejects.toMatchObject({
      message: UNEXPECTED,
    })
  })
})

describe('friendlyMessage', () => {
  it('keeps messages written for people, capitalised', () => {
    expect(friendlyMessage(409, 'Someone in this group already uses that name.')).toBe(
      'Someone in this group already uses that name.',
    )
    expect(friendlyMessage(404, 'no such member')).toBe('No such member')
  })

  it('rewords the short internal ones', () => {
    expect(friendlyMessage(401, 'please sign in')).toBe('Please sign in to continue.')
    expect(friendlyMessage(403, 'not allowed')).toBe('You do not have access to this.')
    expect(friendlyMessage(400, 'invalid: email')).toMatch(/not accepted \(email\)/)
  })

  it('never shows what a server fault said', () => {
    expect(friendlyMessage(500, 'internal error')).toMatch(/on our side/)
    expect(friendlyMessage(502, undefined)).toMatch(/on our side/)
  })
})
