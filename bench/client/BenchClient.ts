import type * as Y from 'yjs'

/** The three servers under comparison, and the join storm's floor (bench/targets/floorMain.ts). */
export type TargetName = 'hearth' | 'hocuspocus' | 'y-websocket' | 'floor'

/** What a client process needs to reach one running server. */
export interface TargetInfo {
  name: TargetName
  port: number
  pid: number
  /** Hearth only: a write token for every document. */
  token?: string
  /**
   * Several Hearth instances serving the same documents: every port (member i of a room goes
   * to ports[i % n], so that a room's members are spread as behind a proxy without sticky
   * sessions), and every process whose CPU is the server side's (instances, Redis, PostgreSQL).
   */
  ports?: number[]
  cpuPids?: number[]
}

/**
 * One member's connection through the target's own standard provider, reduced to what the
 * workloads need. Every implementation wraps the provider without changing what it sends.
 */
export interface BenchClient {
  readonly doc: Y.Doc
  readonly text: Y.Text
  /** Times the socket closed after the first sync. */
  readonly disconnects: number
  /** Resolves once the provider reports its first sync with the server. */
  synced(): Promise<void>
  /**
   * Call right after a local edit: `onSaved` runs once the provider's own save signal covers
   * that edit (Hearth: a durable ack; Hocuspocus: its unsynced-changes count). The y-websocket
   * provider has no such signal, so it never runs there.
   */
  track(onSaved: () => void): void
  /** Resolves once every tracked edit has been reported saved (immediately without a signal). */
  saved(): Promise<void>
  destroy(): void
}
