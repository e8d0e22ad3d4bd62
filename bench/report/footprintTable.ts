import type { FootprintLoad, FootprintRun } from '../scenarios/benchFootprint.ts'
import { median } from '../stats.ts'
import { fmt, markdownTable } from './markdownTable.ts'

type Pick = (r: FootprintRun) => number

/**
 * Medians over one server's runs. Start-up and idle memory come from every process it started
 * (two per run); each loaded figure from the processes that carried that load.
 */
export function footprintMedians(runs: FootprintRun[], target: string) {
  const mine = runs.filter((r) => r.target === target)
  const all = (pick: Pick) => median(mine.map(pick))
  const of = (load: FootprintLoad, pick: Pick) =>
    median(mine.filter((r) => r.load === load).map(pick))
  const perClientKiB = of('clients', (r) => r.perItemKiB)
  const perDocumentKiB = of('documents', (r) => r.perItemKiB)
  return {
    startupMs: all((r) => r.startupMs),
    listeningMs: all((r) => r.listeningMs),
    idleRssMiB: all((r) => r.idleRssMiB),
    clientsRssMiB: of('clients', (r) => r.loadedRssMiB),
    perClientKiB,
    documentsRssMiB: of('documents', (r) => r.loadedRssMiB),
    perDocumentKiB,
    /** A document's cost without that of the one client holding it open. */
    perBareDocumentKiB: perDocumentKiB - perClientKiB,
  }
}

type Medians = ReturnType<typeof footprintMedians>

/** The lightest (or fastest) of the peers on one figure, to hold Hearth against. */
export function lighterPeer(runs: FootprintRun[], pick: (m: Medians) => number): number {
  const peers = [...new Set(runs.map((r) => r.target))].filter((t) => t !== 'hearth')
  const values = peers.map((t) => pick(footprintMedians(runs, t))).filter((x) => !isNaN(x))
  return values.length > 0 ? Math.min(...values) : NaN
}

/** One row per server, and a last row with Hearth's ratio to the lighter peer per column. */
export function footprintTable(runs: FootprintRun[]): string {
  const targets = [...new Set(runs.map((r) => r.target))]
  const columns: { header: string; pick: (m: Medians) => number; digits: number }[] = [
    { header: 'start-up: spawn → first client synced (ms)', pick: (m) => m.startupMs, digits: 0 },
    { header: 'spawn → "listening" (ms)', pick: (m) => m.listeningMs, digits: 0 },
    { header: 'idle RSS (MiB)', pick: (m) => m.idleRssMiB, digits: 1 },
    {
      header: `RSS with ${count(runs, 'clients')} idle clients (MiB)`,
      pick: (m) => m.clientsRssMiB,
      digits: 1,
    },
    { header: 'per client (KiB)', pick: (m) => m.perClientKiB, digits: 1 },
    {
      header: `RSS with ${count(runs, 'documents')} idle documents (MiB)`,
      pick: (m) => m.documentsRssMiB,
      digits: 1,
    },
    { header: 'per document, its client included (KiB)', pick: (m) => m.perDocumentKiB, digits: 1 },
    { header: 'per document less a client (KiB)', pick: (m) => m.perBareDocumentKiB, digits: 1 },
  ]
  const rows = targets.map((target) => {
    const m = footprintMedians(runs, target)
    return [target, ...columns.map((c) => fmt(c.pick(m), c.digits))]
  })
  if (targets.includes('hearth')) {
    const h = footprintMedians(runs, 'hearth')
    rows.push([
      'Hearth ÷ lighter (faster) peer',
      ...columns.map((c) => fmt(c.pick(h) / lighterPeer(runs, c.pick), 2)),
    ])
  }
  return markdownTable(['server', ...columns.map((c) => c.header)], rows)
}

/** Issue #20's targets for memory and start-up, in the verdict's form. */
export function footprintTargets(runs: FootprintRun[]) {
  const h = footprintMedians(runs, 'hearth')
  const clientsRatio = h.clientsRssMiB / lighterPeer(runs, (m) => m.clientsRssMiB)
  const documentsRatio = h.documentsRssMiB / lighterPeer(runs, (m) => m.documentsRssMiB)
  return [
    {
      target: `RSS with ${count(runs, 'clients')} idle clients ≤ 1.1 × the lighter peer`,
      value: fmt(clientsRatio, 2),
      met: clientsRatio <= 1.1,
    },
    {
      target: `RSS with ${count(runs, 'documents')} idle documents ≤ 1.1 × the lighter peer`,
      value: fmt(documentsRatio, 2),
      met: documentsRatio <= 1.1,
    },
    {
      target: 'start-up (spawn → first client synced) ≤ 0.5 s',
      value: `${fmt(h.startupMs, 0)} ms`,
      met: h.startupMs <= 500,
    },
  ]
}

/** The configured load of the runs (clients for 'clients', documents for 'documents'). */
function count(runs: FootprintRun[], load: FootprintLoad): string {
  const r = runs.find((x) => x.load === load)
  return r ? (load === 'clients' ? `${r.clients}` : `${r.documents}`) : '–'
}
