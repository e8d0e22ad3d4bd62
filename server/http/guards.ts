import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { FacilitatorPrincipal, MemberPrincipal, Principal } from '../auth/Principal.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { facilitatorRoleIn, type FacilitatorRole } from '../access/groupRoleOf.ts'
import type { AppEnv, Services } from './AppEnv.ts'

/** Guards for route handlers. 401: nobody is logged in; 403: this person may not. */

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal')
  if (!principal || principal.kind === 'token') {
    throw new HTTPException(401, { message: 'please sign in' })
  }
  return principal
}

export function requireFacilitator(c: Context<AppEnv>): FacilitatorPrincipal {
  const principal = requirePrincipal(c)
  if (principal.kind !== 'facilitator') throw new HTTPException(403, { message: 'not allowed' })
  return principal
}

export function requireMember(c: Context<AppEnv>): MemberPrincipal {
  const principal = requirePrincipal(c)
  if (principal.kind !== 'member') throw new HTTPException(403, { message: 'not allowed' })
  return principal
}

export async function facilitatorRole(
  services: Services,
  groupId: string,
  facilitatorId: string,
): Promise<FacilitatorRole | null> {
  return facilitatorRoleIn(await services.data(), groupId, facilitatorId)
}

/**
 * A facilitator of this group (the lead only, if asked). A group that does not exist answers
 * like one the caller does not run, so ids cannot be probed. An erased group answers 410
 * Gone, so that its former facilitators' open pages can say so: its id, random and now
 * empty, tells a prober nothing of what it held.
 */
export async function requireGroupFacilitator(
  c: Context<AppEnv>,
  services: Services,
  groupId: string,
  { leadOnly = false } = {},
): Promise<{ principal: FacilitatorPrincipal; role: FacilitatorRole }> {
  const principal = requireFacilitator(c)
  const erased = await (
    await services.data()
  )
    .selectFrom('groups')
    .select('id')
    .where('id', '=', groupId)
    .where('erased_at', 'is not', null)
    .executeTakeFirst()
  if (erased) throw new HTTPException(410, { message: 'This group was deleted.' })
  const role = await facilitatorRole(services, groupId, principal.id)
  if (!role || (leadOnly && role !== 'lead'))
    throw new HTTPException(403, { message: 'not allowed' })
  return { principal, role }
}

/** The group a session belongs to, or 404. */
export async function groupOfSession(services: Services, sessionId: string): Promise<string> {
  const row = await (
    await services.data()
  )
    .selectFrom('sessions')
    .select('group_id')
    .where('id', '=', sessionId)
    .executeTakeFirst()
  if (!row) throw new HTTPException(404, { message: 'no such session' })
  return row.group_id
}

/**
 * The signed-in person, when the rule of `doc`'s kind lets them read it (else 403): for routes
 * that serve what a document's readers may see (older chat messages, the canvas's parts).
 */
export async function requireReader(
  c: Context<AppEnv>,
  services: Services,
  doc: DocName,
): Promise<Principal> {
  const principal = requirePrincipal(c)
  if ((await services.authorize(principal, doc)) === 'none') {
    throw new HTTPException(403, { message: 'not allowed' })
  }
  return principal
}
