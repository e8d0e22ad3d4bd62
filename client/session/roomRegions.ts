/** The regions of the room. On a wide screen they sit side by side; on a phone, one at a time. */
export type RegionId = 'stage' | 'workspace' | 'people' | 'chat' | 'session'

export interface Region {
  id: RegionId
  /** The region's name in the phone's bottom bar. */
  label: string
}

/** The regions a person has, in the bottom bar's order. */
export function roomRegions(role: 'facilitator' | 'member'): Region[] {
  const regions: Region[] = [
    { id: 'stage', label: 'Video' },
    { id: 'workspace', label: 'Workspace' },
    { id: 'people', label: 'People' },
    { id: 'chat', label: 'Chat' },
  ]
  return role === 'facilitator' ? [...regions, { id: 'session', label: 'Session' }] : regions
}
