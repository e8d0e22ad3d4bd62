import { describe, expect, it } from 'vitest'
import { ACCESS_RULES, parseGroupDocName, sessionDocName, type AccessContext } from './docKinds.ts'

const g = 'g' + 'a'.repeat(20)
const s = 's' + 'b'.repeat(20)
const m = 'm' + 'c'.repeat(20)

describe('document names', () => {
  it('round-trip every kind through its builder', () => {
    expect(parseGroupDocName(sessionDocName.room(g, s))).toEqual({
      kind: 'session-room',
      groupId: g,
      sessionId: s,
    })
    expect(parseGroupDocName(sessionDocName.shared(g, s, 'w1'))).toEqual({
      kind: 'session-shared',
      groupId: g,
      sessionId: s,
      itemId: 'w1',
    })
    expect(parseGroupDocName(sessionDocName.private(g, s, 'w1', m))).toEqual({
      kind: 'member-private',
      groupId: g,
      sessionId: s,
      itemId: 'w1',
      ownerId: m,
    })
    expect(parseGroupDocName(sessionDocName.notes(g, s))?.kind).toBe('facilitator-only')
    expect(parseGroupDocName(sessionDocName.handout(g, s, 'h'))?.kind).toBe('handout')
    expect(parseGroupDocName(sessionDocName.chat(g, s))?.kind).toBe('chat')
    expect(parseGroupDocName(sessionDocName.signals(g, s))?.kind).toBe('signals')
    expect(parseGroupDocName(sessionDocName.answers(g, s, 'w1', 'group'))).toEqual({
      kind: 'shared-answers',
      groupId: g,
      sessionId: s,
      itemId: 'w1',
      audience: 'group',
    })
  })

  it.each([
    `g/${g}/s/${s}/room/extra`,
    `g/${s}/s/${g}/room`,
    `g/${g}/s/${s}/private/w1/m/${g}`,
    `g/${g}/s/${s}/private/w1`,
    'playground/main',
    `x/g/${g}/s/${s}/room`,
  ])('refuses %s', (name) => {
    expect(parseGroupDocName(name)).toBeNull()
  })
})

describe('what members may revisit after a session', () => {
  const after = (over: Partial<AccessContext>): AccessContext => ({
    role: 'member',
    sessionStatus: 'ended',
    attendance: 'admitted',
    isOwner: false,
    sharedWith: { facilitators: false, group: false },
    ...over,
  })
  it('withheld or expired group material is closed to members, never their own copy', () => {
    const shared = ACCESS_RULES['session-shared']
    expect(shared(after({}))).toBe('read')
    expect(shared(after({ withheld: true }))).toBe('none')
    expect(shared(after({ expired: true }))).toBe('none')
    expect(shared(after({ role: 'lead', withheld: true }))).toBe('write')
    // Deleted by retention: a facilitator may look, nobody writes it back.
    expect(shared(after({ role: 'lead', expired: true }))).toBe('read')
    const answers = ACCESS_RULES['shared-answers']
    expect(answers(after({ audience: 'group' }))).toBe('read')
    expect(answers(after({ audience: 'group', withheld: true }))).toBe('none')
    const copy = ACCESS_RULES['member-private']
    expect(copy(after({ isOwner: true, withheld: true }))).toBe('write')
    expect(copy(after({ sharedWith: { facilitators: false, group: true } }))).toBe('read')
    expect(copy(after({ sharedWith: { facilitators: false, group: true }, withheld: true }))).toBe(
      'none',
    )
  })
})
