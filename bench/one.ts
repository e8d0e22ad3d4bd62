import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { benchConfig, groupArgs } from './benchConfig.ts'
import { threadCpuMicros } from './procStats.ts'
import { durabilityTable } from './report/durabilityTable.ts'
import { footprintTable } from './report/footprintTable.ts'
import { summariseProfile } from './report/summariseProfile.ts'
import { spawnClientProcess } from './spawnClientProcess.ts'
import { sendCost } from './sendCost.ts'
import { spawnTarget } from './targets/spawnTarget.ts'
import { coldJoinRun, type WritePattern } from './scenarios/benchColdJoin.ts'
import { benchDurability } from './scenarios/benchDurability.ts'
import { benchFootprint } from './scenarios/benchFootprint.ts'
import { stormRun } from './scenarios/benchJoinStorm.ts'
import { spawnHearthCluster } from './targets/spawnHearthCluster.ts'
import {
  floor,
  hearth,
  hearthPair,
  hearthPostgres,
  hearthUnsealed,
  hocuspocus,
  hocuspocusSqlite,
  yWebsocket,
  yWebsocketLeveldb,
} from './targets/targetVariants.ts'

/**
 * One run of one scenario against one server, for working on a single figure without the
 * full run (nothing is written to bench/results except profiles):
 *   npm run bench:one -- group <hearth|'hearth, unsealed'|hocuspocus|y-websocket> [rooms=40] [seconds=20]
 *     (also 'hearth, postgresql' and 'hearth ×2, postgresql+redis': issue 21's instances)
 *   npm run bench:one -- join <hearth|hocuspocus+sqlite|y-websocket> [paced|burst] [updates]
 *   npm run bench:one -- storm <hearth|hocuspocus|y-websocket|floor> [clients]
 *   npm run bench:one -- send   (CPU of one small send, bench/sendCost.ts; run it on one core)
 *   npm run bench:one -- footprint [quick]   (memory and start-up of all three servers, a table)
 *   npm run bench:one -- durability [quick]   (SIGKILL rounds against every persisting server)
 * BENCH_ONE_PROFILE=server|client (group only) also summarises a CPU profile of that side.
 */
const [scenario = 'group', name = 'hearth', ...rest] = process.argv.slice(2)
if (scenario === 'send') {
  for (const r of await sendCost())
    process.stdout.write(`${r.mode}: ${r.usPerSend.toFixed(2)} µs\n`)
  process.exit(0)
}
if (scenario === 'footprint') {
  const runs = await benchFootprint(benchConfig(name === 'quick'), (line) =>
    process.stderr.write(`${line}\n`),
  )
  process.stdout.write(`${footprintTable(runs)}\n`)
  process.exit(0)
}
if (scenario === 'durability') {
  const runs = await benchDurability(benchConfig(name === 'quick'), Date.now(), (line) =>
    process.stderr.write(`${line}\n`),
  )
  process.stdout.write(`${durabilityTable(runs)}\n`)
  process.exit(0)
}
const variants = [
  hearth,
  hearthUnsealed,
  hearthPostgres,
  hearthPair,
  hocuspocus,
  hocuspocusSqlite,
  yWebsocket,
  yWebsocketLeveldb,
  floor,
]
if (!['group', 'join', 'storm'].includes(scenario)) {
  process.stderr.write(
    `unknown scenario "${scenario}": group, join, storm, send, footprint or durability\n`,
  )
  process.exit(2)
}
const variant = variants.find((v) => v.label === name || (v.name === name && !v.persist))
if (!variant) {
  process.stderr.write(`unknown server "${name}": ${variants.map((v) => v.label).join(', ')}\n`)
  process.exit(2)
}
if (scenario === 'join') {
  const [pattern = 'paced', updates = '20000'] = rest
  const r = await coldJoinRun(variant, 0, pattern as WritePattern, Number(updates))
  process.stdout.write(
    `${JSON.stringify({ ...r, output: undefined })}\n${process.env.BENCH_ONE_OUTPUT ? r.output : ''}\n`,
  )
  process.exit(0)
}
if (scenario === 'storm') {
  const r = await stormRun(variant, 0, Number(rest[0] ?? 150), 4 * 1024 * 1024)
  process.stdout.write(`${JSON.stringify({ ...r.result, rss: r.serverRssMiB })}\n`)
  process.exit(0)
}
const [roomsArg = '40', secondsArg = '20'] = rest
const g = benchConfig(false).group
const profile = process.env.BENCH_ONE_PROFILE
const dir = `bench/results/one-${Date.now()}`
if (profile) mkdirSync(dir, { recursive: true })
const target = variant.instances
  ? await spawnHearthCluster(variant.instances)
  : await spawnTarget(variant.name, {
      persist: variant.persist,
      ...(variant.env && { env: variant.env }),
      cpuProfDir: profile === 'server' ? dir : undefined,
    })
const threads0 = threadCpuMicros(target.info.pid)
const client = spawnClientProcess({ cpuProfDir: profile === 'client' ? dir : undefined })
const result = await client.call(
  'groupWorkload',
  groupArgs(g, target.info, Number(roomsArg), Number(secondsArg) * 1000),
)
const threads1 = threadCpuMicros(target.info.pid)
const serverLatency = target.latencyReports()[1] ?? null
await client.close()
await target.stop('SIGTERM')
// Per thread of the server: user and system CPU (ms) over the whole call, warm-up included.
for (const [tid, t] of threads1) {
  const t0 = threads0.get(tid) ?? { name: t.name, user: 0, system: 0 }
  process.stdout.write(
    `thread ${t.name}: user ${(t.user - t0.user) / 1000} ms, system ${(t.system - t0.system) / 1000} ms\n`,
  )
}
const { fanoutMs, saveMs, serverCpuUsPerDelivery, serverCoreUse, clientCoreUse, editRate } = result
process.stdout.write(
  `${JSON.stringify({ fanoutMs, saveMs, serverCpuUsPerDelivery, serverCoreUse, clientCoreUse, editRate, completeness: result.completeness, serverLatency }, null, 1)}\n`,
)
if (profile) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const s = summariseProfile(join(dir, f), 25)
    if (s.busySamples > 100) process.stdout.write(`${JSON.stringify(s, null, 1)}\n`)
  }
}
