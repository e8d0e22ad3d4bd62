import type { DocName } from '../../shared/documents/docName.ts'
import { parseDocName } from '../../shared/documents/docName.ts'
import type { Access } from '../../shared/access/Access.ts'
import type { Authorize } from '../access/authorize.ts'
import type { Principal } from '../auth/Principal.ts'
import type { Logger } from '../log/logger.ts'
import type { DocRoom } from './DocRoom.ts'
import type { SyncConnection } from './SyncConnection.ts'
import type { SyncServer } from './SyncServer.ts'

export interface OpenDocumentDeps {
  sync: SyncServer
  authorize: Authorize
  log: Logger
  /** The document an opened name stands for (an alias resolved), or null when unknown. */
  resolve?: (name: DocName) => DocName | null | Promise<DocName | null>
}

export type OpenDecision =
  | {
      ok: true
      name: DocName
      access: Exclude<Access, 'none'>
      /** Reserved for one connection: attach it, or release it. */
      room: DocRoom<SyncConnection>
    }
  | { ok: false; refusal: 'bad-name' | 'forbidden' | 'failed' }

/**
 * Decides whether `principal` may open the document named `raw`, for a `/sync/<doc>` socket and
 * for a channel of a multiplexed one alike: name, alias, access policy, then loading. Nothing
 * tells an unknown alias from a document one may not open.
 */
export async function openDocument(
  deps: OpenDocumentDeps,
  principal: Principal,
  raw: string,
): Promise<OpenDecision> {
  const opened = parseDocName(raw)
  if (!opened) return { ok: false, refusal: 'bad-name' }
  const name = deps.resolve ? await deps.resolve(opened) : opened
  if (!name) return { ok: false, refusal: 'forbidden' }
  const access = await deps.authorize(principal, name)
  if (access === 'none') {
    deps.log.info({ principal: principal.id, doc: name }, 'open refused: no access')
    return { ok: false, refusal: 'forbidden' }
  }
  try {
    return { ok: true, name, access, room: await deps.sync.reserve(name) }
  } catch (error) {
    deps.log.error({ err: error, doc: name }, 'document failed to load')
    return { ok: false, refusal: 'failed' }
  }
}
