import type { Peer } from './usePresence.ts'

/** Who else has this document open, by guest label. */
export function PresenceList({ peers }: { peers: Peer[] }) {
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence-heading">
        Here now
      </h2>
      <ul className="presence-list">
        {peers.map((peer) => (
          <li key={peer.clientId} className="presence-peer">
            <span
              className="presence-dot"
              aria-hidden="true"
              style={{ backgroundColor: peer.colour }}
            />
            {peer.isSelf ? `${peer.label} (you)` : peer.label}
          </li>
        ))}
      </ul>
    </section>
  )
}
