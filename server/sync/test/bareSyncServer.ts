import { createLogger } from '../../log/logger.ts'
import type { DocStore } from '../../store/DocStore.ts'
import { SyncServer } from '../SyncServer.ts'

/** Generous per-connection limits: tests of the write path, not of the limits. */
export const TEST_LIMITS = {
  maxUpdateBytes: 1 << 20,
  maxAwarenessBytes: 1 << 16,
  maxBufferedBytes: 1 << 24,
  updateRate: { perSecond: 1000, burst: 1000 },
  awarenessRate: { perSecond: 100, burst: 100 },
}

/** A SyncServer without HTTP or sockets: connections are attached by hand with transports. */
export function bareSyncServer(store: DocStore, commitIntervalMs: number): SyncServer {
  return new SyncServer({
    store,
    log: createLogger('silent'),
    limits: TEST_LIMITS,
    compaction: { maxRows: 500, maxBytes: 1 << 20 },
    idleUnloadMs: 60_000,
    commitIntervalMs,
  })
}
