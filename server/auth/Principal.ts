import type { Access } from '../../shared/access/Access.ts'

/** What a grant allows: every document whose name starts with `prefix`. */
export interface Grant {
  prefix: string
  access: Exclude<Access, 'none'>
}

/** Who is connecting, as established at the upgrade. Ids are opaque (C1). */
export interface Principal {
  id: string
  grants: readonly Grant[]
  /** Milliseconds since the epoch after which the credentials are no longer valid. */
  expiresAt: number
}
