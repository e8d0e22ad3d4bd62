import { z } from 'zod'

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/)

/**
 * Another person's caret with their name. Built with text nodes only: the name comes from a
 * peer's presence (stamped by the server, but still never treated as markup).
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const colour = hexColour.safeParse(user.color)
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  // Who is in the room is said by the people list; read inside the text, names would garble it.
  caret.setAttribute('aria-hidden', 'true')
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  if (colour.success) {
    caret.style.borderColor = colour.data
    label.style.backgroundColor = colour.data
  }
  const name = typeof user.name === 'string' ? user.name : 'Someone'
  // A facilitator is marked on the caret too, so no member can pass as one by their name alone
  // (the role comes from the server's stamp, never from the client).
  label.textContent = user.role === 'facilitator' ? `${name} · Facilitator` : name
  caret.append(label)
  return caret
}
