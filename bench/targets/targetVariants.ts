import type { TargetName } from '../client/BenchClient.ts'

/** A server as the tables name it: which process, and whether Hocuspocus stores to SQLite. */
export interface TargetVariant {
  label: string
  name: TargetName
  persist?: boolean
  /** Extra environment for the server process. */
  env?: Record<string, string>
  /** Hearth on PostgreSQL, as this many instances (joined through Redis when more than one). */
  instances?: number
}

export const hearth: TargetVariant = { label: 'hearth', name: 'hearth' }
/** Hearth with its rows stored in clear: what sealing them at rest costs (issue 19). */
export const hearthUnsealed: TargetVariant = {
  label: 'hearth, unsealed',
  name: 'hearth',
  env: { HEARTH_BENCH_UNSEALED: '1' },
}
/** One Hearth instance storing to PostgreSQL: the base the pair below is compared with. */
export const hearthPostgres: TargetVariant = {
  label: 'hearth, postgresql',
  name: 'hearth',
  instances: 1,
}
/** Two Hearth instances on PostgreSQL joined through Redis, each room's members split (issue 21). */
export const hearthPair: TargetVariant = {
  label: 'hearth ×2, postgresql+redis',
  name: 'hearth',
  instances: 2,
}
/** Hocuspocus with its default configuration: no extension, documents in memory only. */
export const hocuspocus: TargetVariant = { label: 'hocuspocus', name: 'hocuspocus' }
/** Hocuspocus with its Database extension storing to SQLite, at its default debounce. */
export const hocuspocusSqlite: TargetVariant = {
  label: 'hocuspocus+sqlite',
  name: 'hocuspocus',
  persist: true,
}
export const yWebsocket: TargetVariant = { label: 'y-websocket', name: 'y-websocket' }
/**
 * The y-websocket server with its LevelDB persistence (y-leveldb: each update stored as it is
 * applied, without waiting, and nothing told to the client).
 */
export const yWebsocketLeveldb: TargetVariant = {
  label: 'y-websocket+leveldb',
  name: 'y-websocket',
  persist: true,
}
/** Not a peer: the least any y-websocket server could do (bench/targets/floorMain.ts). */
export const floor: TargetVariant = { label: 'floor', name: 'floor' }
