import type { Access } from '../../shared/access/Access.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import type { Principal } from '../auth/Principal.ts'
import { inScope, type AccessScope } from './accessScope.ts'
import type { SyncConnection } from './SyncConnection.ts'

/** Closes the connections of these logins; returns how many. */
export function closeLoginsOf(
  connections: Iterable<SyncConnection>,
  ended: ReadonlySet<string>,
  code: CloseCode,
): number {
  let closed = 0
  for (const connection of [...connections]) {
    const p = connection.principal
    if (p.kind !== 'token' && ended.has(p.loginHash)) {
      connection.close(code, 'signed out')
      closed++
    }
  }
  return closed
}

/**
 * Decides again for every open connection in `scope`. Losing all access closes with
 * `forbidden`; losing or gaining write closes with `documentReset`, so the client reconnects
 * and is let in as it now may.
 */
export async function reauthorizeIn(
  connections: Iterable<SyncConnection>,
  scope: AccessScope,
  authorize: (principal: Principal, doc: DocName) => Access | Promise<Access>,
): Promise<void> {
  for (const connection of [...connections]) {
    if (connection.closed || !inScope(scope, connection.principal, connection.room.name)) continue
    const access = await authorize(connection.principal, connection.room.name)
    if (access === 'none') connection.close(CloseCode.forbidden, 'access withdrawn')
    else if (access !== connection.access) {
      connection.close(CloseCode.documentReset, 'access changed')
    }
  }
}
