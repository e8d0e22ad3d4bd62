import { parseGroupDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { DocCipher } from '../store/docCipher.ts'
import type { KeyScope } from './keyRing.ts'
import type { Keys } from './Keys.ts'

const GROUP_PREFIX = /^g\/(g[a-z2-7]{20})\//

/**
 * Whose key seals a document: a member's private copy of a worksheet is theirs (erasing them
 * destroys it); everything else under `g/<group>/` is the group's (erasing the group destroys
 * that); the facilitators' libraries (`deck/…`) and anything else use the system key.
 */
export function scopeOfDoc(doc: DocName): KeyScope {
  const parsed = parseGroupDocName(doc)
  if (parsed?.kind === 'member-private' && parsed.ownerId) return `member:${parsed.ownerId}`
  const group = GROUP_PREFIX.exec(doc)?.[1]
  return group ? `group:${group}` : 'system'
}

/** The document store's view of the key ring. */
export function docCipher(keys: Keys): DocCipher {
  // Every commit asks for the key of each document in it: the name is parsed once.
  const scopes = new Map<string, KeyScope>()
  const scopeOf = (doc: DocName): KeyScope => {
    let scope = scopes.get(doc)
    if (!scope) {
      if (scopes.size >= 10_000) scopes.clear()
      scope = scopeOfDoc(doc)
      scopes.set(doc, scope)
    }
    return scope
  }
  return {
    key: (doc) => keys.key(scopeOf(doc)),
    keyOf: (doc) => keys.keyOf(scopeOf(doc)),
  }
}
