import { mkdirSync, writeFileSync } from 'node:fs'
import { benchConfig } from './benchConfig.ts'
import { hearthSourceStamp } from './hearthSourceStamp.ts'
import { loadTime } from './loadTime.ts'
import { machineInfo } from './machineInfo.ts'
import { listAnomalies } from './report/listAnomalies.ts'
import { summariseResults } from './report/summariseResults.ts'
import { benchColdJoin } from './scenarios/benchColdJoin.ts'
import { benchDurability } from './scenarios/benchDurability.ts'
import { benchFootprint } from './scenarios/benchFootprint.ts'
import { benchGroup } from './scenarios/benchGroup.ts'
import { benchJoinStorm } from './scenarios/benchJoinStorm.ts'
import { profileHearth } from './scenarios/profileHearth.ts'

/**
 * `npm run bench`: Hearth against Hocuspocus and the y-websocket reference server, each its own
 * process on core 0, driven by its own standard client from a process on core 1. Progress goes
 * to stderr; the summary tables (Markdown) to stdout; everything measured to
 * bench/results/<time>.json. BENCH_QUICK=1: a smoke run of a minute or so. BENCH_PROFILE=1:
 * instead, CPU profiles of Hearth's server under each workload. docs/PERFORMANCE.md explains it.
 */
const cfg = benchConfig(process.env.BENCH_QUICK === '1')
const seed = Number(process.env.BENCH_SEED ?? Math.floor(Math.random() * 1e9))
const log = (line: string) => process.stderr.write(`${line}\n`)
const started = new Date()
const stamp = started.toISOString().replace(/[:.]/g, '-')
mkdirSync('bench/results', { recursive: true })

if (process.env.BENCH_PROFILE === '1') {
  const profiles = await profileHearth(cfg, `bench/results/profile-${stamp}`, log)
  writeFileSync(`bench/results/profile-${stamp}.json`, JSON.stringify(profiles, null, 2))
  process.stdout.write(`${JSON.stringify(profiles, null, 2)}\n`)
  process.exit(0)
}

const machine = machineInfo()
log(
  `bench ${cfg.quick ? '(quick) ' : ''}seed ${seed}, load average ${machine.loadAverage.join(' ')}`,
)
const group = await benchGroup(cfg, log)
const coldJoin = await benchColdJoin(cfg, log)
const storm = await benchJoinStorm(cfg, log)
const durability = await benchDurability(cfg, seed, log)
const footprint = await benchFootprint(cfg, log)
const loadTimes = []
for (const n of cfg.loadTime) loadTimes.push(await loadTime(n, 500))
const finished = new Date()
const results = {
  started: started.toISOString(),
  minutes: Math.round((finished.getTime() - started.getTime()) / 600) / 100,
  seed,
  machine,
  hearthSource: hearthSourceStamp(),
  loadAverageAfter: machineInfo().loadAverage,
  config: cfg,
  group,
  coldJoin,
  storm,
  durability,
  footprint,
  loadTime: loadTimes,
}
// Fan-out and "Saved" are judged at 10 rooms, where the client process is not saturated.
const summary = summariseResults(results, 10)
const anomalies = listAnomalies(results)
const file = `bench/results/${stamp}${cfg.quick ? '-quick' : ''}.json`
writeFileSync(file, JSON.stringify({ ...results, targets: summary.targets, anomalies }, null, 2))
process.stdout.write(
  [
    `# Bench ${results.started} (${results.minutes} min, seed ${seed}; load average before ` +
      `${machine.loadAverage.join(' ')}, after ${results.loadAverageAfter.join(' ')})`,
    `## Group workload (${cfg.group.members} members a room, an edit each ${cfg.group.intervalMs} ms, ` +
      `${cfg.group.measureMs / 1000} s measured; medians of ${cfg.runs} runs)`,
    summary.group,
    `Room counts stopped because ${group.stoppedBecause}.`,
    '## Several instances (PostgreSQL; two instances joined by Redis, each room split between them)',
    summary.instances,
    `## Cold join (${cfg.coldJoin.updates} updates)`,
    summary.coldJoin,
    '## Join storm',
    summary.storm,
    '## Durability (SIGKILL during the group workload, 10 rooms)',
    summary.durability,
    `## Memory and start-up (idle, ${cfg.footprint.settleMs / 1000} s settled; medians of ${cfg.runs} runs)`,
    summary.footprint,
    '## Hearth store load time (in-process, no server)',
    ...loadTimes.map((l) => JSON.stringify(l)),
    '## Targets',
    summary.verdict,
    '## Anything odd',
    anomalies.length > 0 ? anomalies.map((a) => `- ${a}`).join('\n') : 'Nothing.',
    `Raw results: ${file}`,
    '',
  ].join('\n\n'),
)
