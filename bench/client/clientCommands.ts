import { durabilityRound } from './durabilityRound.ts'
import { groupWorkload } from './groupWorkload.ts'
import { connectIdle, releaseIdle } from './idleClients.ts'
import { joinStorm } from './joinStorm.ts'
import { timeJoin } from './timeJoin.ts'
import { verifyTokens } from './verifyTokens.ts'
import { releaseWriter, writeDocument } from './writeDocument.ts'

/** What the parent may ask of a client process (see spawnClientProcess). */
export const clientCommands = {
  groupWorkload,
  writeDocument,
  releaseWriter,
  timeJoin,
  joinStorm,
  durabilityRound,
  verifyTokens,
  connectIdle,
  releaseIdle,
}

export type ClientCommands = typeof clientCommands
