import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { FacilitatorPrincipal, MemberPrincipal } from '../auth/Principal.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requirePrincipal } from '../http/guards.ts'
import { isAdmitted } from './isAdmitted.ts'
import { inProgress, sessionRow } from './roomState.ts'

/** Someone in a session's room: a facilitator of its group, or a member admitted to it. */
export type RoomPerson = (
  | { role: 'facilitator'; principal: FacilitatorPrincipal }
  | { role: 'member'; principal: MemberPrincipal }
) & { groupId: string }

/**
 * The gate of what only the room's people may do (chat, video): anyone else is refused the same
 * way ("not allowed"), so ids cannot be probed. The session's state is the caller's to check.
 */
export async function roomPerson(
  c: Context<AppEnv>,
  services: Services,
  sessionId: string,
): Promise<RoomPerson> {
  const principal = requirePrincipal(c)
  const groupId = await groupOfSession(services, sessionId)
  if (principal.kind === 'facilitator') {
    const { principal: facilitator } = await requireGroupFacilitator(c, services, groupId)
    return { role: 'facilitator', principal: facilitator, groupId }
  }
  if (
    principal.kind === 'member' &&
    principal.groupId === groupId &&
    (await isAdmitted(await services.data(), sessionId, principal.id))
  ) {
    return { role: 'member', principal, groupId }
  }
  throw new HTTPException(403, { message: 'not allowed' })
}

/**
 * Someone in the room who must hold one role (a facilitator leads, a member answers); anyone
 * else in the room is refused with `refusal`, and anyone outside it as `roomPerson` refuses.
 */
export async function roomPersonAs<R extends RoomPerson['role']>(
  c: Context<AppEnv>,
  services: Services,
  sessionId: string,
  role: R,
  refusal = 'not allowed',
): Promise<Extract<RoomPerson, { role: R }>> {
  const person = await roomPerson(c, services, sessionId)
  if (person.role !== role) throw new HTTPException(403, { message: refusal })
  return person as Extract<RoomPerson, { role: R }>
}

/** Refuses (409, in the words given) what only happens while the session is open or live. */
export async function requireInProgress(
  services: Services,
  sessionId: string,
  refusal: string,
): Promise<void> {
  if (!inProgress((await sessionRow(await services.data(), sessionId)).status)) {
    throw new HTTPException(409, { message: refusal })
  }
}
