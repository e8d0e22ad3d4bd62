import type { BenchClient, TargetInfo } from './BenchClient.ts'
import { hearthClient } from './hearthClient.ts'
import { hocuspocusClient } from './hocuspocusClient.ts'
import { yWebsocketClient } from './yWebsocketClient.ts'

/** Connects one member to `docName` on `target` through that server's standard provider. */
export function connectBenchClient(target: TargetInfo, docName: string): BenchClient {
  switch (target.name) {
    case 'hearth':
      return hearthClient(target, docName)
    case 'hocuspocus':
      return hocuspocusClient(target, docName)
    case 'y-websocket':
    case 'floor':
      return yWebsocketClient(target, docName)
  }
}
