import type { Access } from '../../shared/access/Access.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Principal } from '../auth/Principal.ts'

/**
 * Decides a principal's right to one document. The sync server calls it once per connection,
 * before the document is loaded. Later issues replace the grant-based rule with roles and
 * document kinds; the signature stays.
 */
export type Authorize = (principal: Principal, doc: DocName) => Access | Promise<Access>

/** The development policy: the strongest grant whose prefix matches, else 'none'. */
export const authorizeByGrants: Authorize = (principal, doc) => {
  if (principal.kind !== 'token') return 'none'
  let best: Access = 'none'
  for (const grant of principal.grants) {
    if (!doc.startsWith(grant.prefix)) continue
    if (grant.access === 'write') return 'write'
    best = 'read'
  }
  return best
}
