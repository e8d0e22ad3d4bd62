import type { Results } from './summariseResults.ts'

/**
 * Everything odd a run saw, one line each: lost deliveries, diverged rooms, dropped sockets,
 * timeouts, incomplete joins, and whatever a server printed besides starting and stopping.
 */
export function listAnomalies(r: Results): string[] {
  const notes: string[] = []
  const printed = (where: string, output: string) => {
    if (output.trim())
      notes.push(`${where}: server printed ${JSON.stringify(output.slice(0, 400))}`)
  }
  for (const g of r.group.runs) {
    const where = `group ${g.rooms} rooms run ${g.run + 1} ${g.target}`
    const x = g.result
    if (x.completeness < 1)
      notes.push(`${where}: ${((1 - x.completeness) * 100).toFixed(3)}% of deliveries missing`)
    if (!x.converged) notes.push(`${where}: members of a room ended with different texts`)
    if (x.disconnects > 0) notes.push(`${where}: ${x.disconnects} sockets closed during the run`)
    printed(where, g.output)
  }
  for (const c of r.coldJoin) {
    const where = `cold join ${c.pattern} run ${c.run + 1} ${c.target}`
    if (!c.complete) notes.push(`${where}: a join did not receive the whole document`)
    printed(where, c.output)
  }
  for (const s of r.storm) {
    const where = `join storm run ${s.run + 1} ${s.target}`
    if (s.result.timedOut) notes.push(`${where}: only ${s.result.completed} clients had it all`)
    if (s.result.disconnects > 0) notes.push(`${where}: ${s.result.disconnects} sockets closed`)
    printed(where, s.output)
  }
  for (const d of r.durability) {
    const where = `durability round ${d.round + 1} ${d.target}`
    if (d.lost > 0 && d.target === 'hearth')
      notes.push(`${where}: lost ${d.lostExamples.join(', ')}`)
    printed(where, d.output)
  }
  for (const f of r.footprint) {
    const where = `footprint run ${f.run + 1} ${f.load} ${f.target}`
    if (f.disconnects > 0) notes.push(`${where}: ${f.disconnects} idle sockets closed`)
    printed(where, f.output)
  }
  return notes
}
