import { z } from 'zod'

// Colours come from the server, but they end up in a style: only a plain hex colour is used.
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/)

/** A pseudonym or name with the person's colour as a dot; the name carries the meaning. */
export function PersonName({ name, colour }: { name: string; colour?: string }) {
  const safe = hexColour.safeParse(colour)
  return (
    <span className="person">
      <span
        className="person-dot"
        aria-hidden="true"
        style={safe.success ? { backgroundColor: safe.data } : undefined}
      />
      {name}
    </span>
  )
}
