import { readFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'

const PACKAGES = [
  'yjs',
  'y-protocols',
  'y-websocket',
  'ws',
  'lib0',
  '@hocuspocus/server',
  '@hocuspocus/provider',
  '@hocuspocus/extension-database',
  '@y/websocket-server',
]

const version = (pkg: string) =>
  (
    JSON.parse(
      readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8'),
    ) as { version: string }
  ).version

/** The machine and the exact versions under test, recorded with every result. */
export function machineInfo() {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    versions: Object.fromEntries(PACKAGES.map((p) => [p, version(p)])),
  }
}
