import type { Access } from '../../shared/access/Access.ts'
import type { FacilitatorId, GroupId, MemberId } from '../../shared/ids/ids.ts'

/** What a grant allows: every document whose name starts with `prefix`. */
export interface Grant {
  prefix: string
  access: Exclude<Access, 'none'>
}

/**
 * Who is making a request or holding a socket, as established from a cookie or a signed token.
 * Ids are opaque (C1); `name` and `colour` are what peers may see.
 */
export type Principal =
  | {
      kind: 'token'
      id: string
      grants: readonly Grant[]
      /** Milliseconds since the epoch after which the credentials are no longer valid. */
      expiresAt: number
    }
  | {
      kind: 'facilitator'
      id: FacilitatorId
      loginHash: string
      expiresAt: number
      name: string
    }
  | {
      kind: 'member'
      id: MemberId
      groupId: GroupId
      loginHash: string
      expiresAt: number
      name: string
      colour: string
    }

export type FacilitatorPrincipal = Extract<Principal, { kind: 'facilitator' }>
export type MemberPrincipal = Extract<Principal, { kind: 'member' }>

/** Who is behind a principal, as one string (kind and id): for per-person counts and presence. */
export const personOf = (principal: Principal): string => `${principal.kind}:${principal.id}`
