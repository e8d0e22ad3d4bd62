import type { ReactNode } from 'react'
import type { Region, RegionId } from './roomRegions.ts'

interface RoomBarProps {
  regions: Region[]
  active: RegionId
  onSelect: (region: RegionId) => void
  /** Marks on a region's button ("1 waiting", a dot for a signal), for words beside the label. */
  marks?: Partial<Record<RegionId, string>>
  /** Always at hand at the end of the bar: the member's "Tell your facilitator". */
  children?: ReactNode
}

/**
 * On a phone, the room shows one region at a time; this bar, fixed at the bottom of the
 * screen, switches between them. Hidden on wide screens, where every region is in view.
 */
export function RoomBar({ regions, active, onSelect, marks = {}, children }: RoomBarProps) {
  return (
    <nav className="room-bar" aria-label="Room">
      <ul className="room-bar-list">
        {regions.map((region) => (
          <li key={region.id}>
            <button
              type="button"
              className="room-bar-button"
              aria-pressed={region.id === active}
              onClick={() => onSelect(region.id)}
            >
              {region.label}
              {marks[region.id] && <span className="room-bar-mark"> {marks[region.id]}</span>}
            </button>
          </li>
        ))}
        {children && <li className="room-bar-end">{children}</li>}
      </ul>
    </nav>
  )
}
