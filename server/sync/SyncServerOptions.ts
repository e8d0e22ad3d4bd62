import type { Access } from '../../shared/access/Access.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Principal } from '../auth/Principal.ts'
import type { Logger } from '../log/logger.ts'
import type { DocStore } from '../store/DocStore.ts'
import type { ConnectionLimits } from './SyncConnection.ts'

export interface SyncServerOptions {
  store: DocStore
  log: Logger
  limits: ConnectionLimits
  compaction: { maxRows: number; maxBytes: number }
  /** How long a document with no connection stays in memory. */
  idleUnloadMs: number
  /**
   * Least time between the starts of two commits. Each commit costs a thread hand-off, an
   * SQLite transaction and an fsync whatever its size; under steady typing, waiting a few
   * milliseconds lets one commit carry many edits. Fan-out never waits for it; "Saved" does.
   */
  commitIntervalMs?: number
  /**
   * Starting content for a document that has never been written, or null. Applied and stored
   * when the document is first loaded, before any client sees it: seeding on the server means
   * two clients opening a new worksheet at once cannot both fill it in.
   */
  seed?: (name: DocName) => Uint8Array | null | Promise<Uint8Array | null>
  /** The size cap of a document (default: none). */
  maxBytes?: (name: DocName) => number
  /** Documents whose presence only the server sets (see `DocRoom.serverPresenceOnly`). */
  serverPresence?: (name: DocName) => boolean
  /** The access policy, to decide open sockets again after a change (`reauthorize`). */
  authorize?: (principal: Principal, doc: DocName) => Access | Promise<Access>
}
