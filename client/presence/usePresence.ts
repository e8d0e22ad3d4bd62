import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { Guest } from './createGuest.ts'
import { parseGuest } from './parseGuest.ts'

export interface Peer extends Guest {
  clientId: number
  isSelf: boolean
}

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const guest = parseGuest(state)
    if (guest) peers.push({ ...guest, clientId, isSelf: clientId === awareness.clientID })
  }
  return peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.clientId - b.clientId)
}

/** Publishes `self` as this tab's presence and lists everyone present, this tab first. */
export function usePresence(awareness: Awareness, self: Guest): Peer[] {
  const [peers, setPeers] = useState(() => readPeers(awareness))
  useEffect(() => {
    const onChange = () => setPeers(readPeers(awareness))
    awareness.on('change', onChange)
    awareness.setLocalStateField('guest', self)
    return () => awareness.off('change', onChange)
  }, [awareness, self])
  return peers
}
