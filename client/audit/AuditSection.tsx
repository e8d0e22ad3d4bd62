import { useCallback } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import type { GroupDetail } from '../groups/groupSchemas.ts'
import { memberList } from '../members/memberSchemas.ts'
import { sessionList } from '../session/sessionSchemas.ts'
import { formatMoment } from '../ui/formatSessionTime.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { auditTrail } from './auditSchemas.ts'
import { describeAudit } from './describeAudit.ts'

/** The group's audit trail: who did what and when, and whether the chain of entries is intact. */
export function AuditSection({ group }: { group: GroupDetail }) {
  const load = useCallback(
    async (signal: AbortSignal) => {
      const base = `/api/groups/${group.id}`
      const [trail, { members }, { sessions }] = await Promise.all([
        apiRequest(`${base}/audit`, { schema: auditTrail, signal }),
        apiRequest(`${base}/members`, { schema: memberList, signal }),
        apiRequest(`${base}/sessions`, { schema: sessionList, signal }),
      ])
      const names = new Map<string, string>([
        ...group.facilitators.map((f) => [f.id, f.name] as const),
        ...members.map((m) => [m.id, m.pseudonym] as const),
        ...sessions.map((s) => [s.id, s.title] as const),
      ])
      return { trail, names }
    },
    [group],
  )
  const [audit, reload] = useResource(load)
  return (
    <Loaded resource={audit} loading="Loading the audit trail…" retry={reload}>
      {({ trail, names }) => (
        <div className="stack-small">
          {trail.chainVerified ? (
            <p className="status-line" data-state="ok">
              <span className="status-dot" aria-hidden="true" />
              The trail is intact: no entry has been changed or removed.
            </p>
          ) : (
            <p className="notice notice--problem">
              Warning: the trail does not check out. An entry may have been changed or removed. Tell
              whoever runs this Hearth server.
            </p>
          )}
          <p className="muted">
            The latest {trail.entries.length} entries, newest first. The trail records who did what,
            never what anyone wrote.
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Audit trail entries">
            <table className="table">
              <caption className="visually-hidden">Audit trail</caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Concerning</th>
                </tr>
              </thead>
              <tbody>
                {trail.entries.map((entry) => {
                  const line = describeAudit(entry, names)
                  return (
                    <tr key={entry.seq}>
                      <td className="nowrap">{formatMoment(entry.at)}</td>
                      <td>{line.actor}</td>
                      <td>{line.action}</td>
                      <td>{line.target}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Loaded>
  )
}
