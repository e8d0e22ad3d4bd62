import type { DocName } from '../../shared/documents/docName.ts'
import type { Principal } from '../auth/Principal.ts'

/**
 * Which open connections an access change touches, as plain data so that it can cross to other
 * instances (`AccessEvent`). Every part given must hold; an empty scope touches every socket.
 */
export interface AccessScope {
  /** Connections to these documents. */
  docs?: string[]
  /** Connections to documents whose names start with this. */
  docPrefix?: string
  /** Connections of these people (every person of the kind when `ids` is absent). */
  people?: { kind: 'member' | 'facilitator'; ids?: string[] }
}

/** Whether a connection of `principal` to `doc` is one `scope` touches. */
export function inScope(scope: AccessScope, principal: Principal, doc: DocName): boolean {
  if (scope.docs && !scope.docs.includes(doc)) return false
  if (scope.docPrefix !== undefined && !doc.startsWith(scope.docPrefix)) return false
  if (scope.people) {
    if (principal.kind !== scope.people.kind) return false
    if (scope.people.ids && !scope.people.ids.includes(principal.id)) return false
  }
  return true
}

const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 10_000 && value.every((v) => typeof v === 'string')

/** Whether `value` (decoded from another instance's message) is an `AccessScope`. */
export function isAccessScope(value: unknown): value is AccessScope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { docs, docPrefix, people, ...rest } = value as Record<string, unknown>
  if (Object.keys(rest).length > 0) return false
  if (docs !== undefined && !strings(docs)) return false
  if (docPrefix !== undefined && typeof docPrefix !== 'string') return false
  if (people === undefined) return true
  if (typeof people !== 'object' || people === null) return false
  const { kind, ids, ...other } = people as Record<string, unknown>
  return (
    Object.keys(other).length === 0 &&
    (kind === 'member' || kind === 'facilitator') &&
    (ids === undefined || strings(ids))
  )
}
