import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CHAT_MESSAGES, CHAT_ORDER, CHAT_SETTINGS } from '../../shared/chat/chatDoc.ts'
import { describeTyping, readChat, readTyping, splitLinks } from './readChat.ts'

describe('readChat', () => {
  it('reads the window in order and leaves out what is malformed', () => {
    const doc = new Y.Doc()
    const messages = doc.getMap(CHAT_MESSAGES)
    messages.set('k1', { id: 'k1', seq: 1, at: 1, author: { kind: 'anonymous' }, text: 'one' })
    messages.set('k2', { id: 'k2', seq: 2, at: 2, author: { kind: 'hacker' }, text: 'bad' })
    messages.set('k3', {
      id: 'k3',
      seq: 3,
      at: 3,
      author: { kind: 'anonymous' },
      text: null,
      removed: 'facilitator',
    })
    doc.getArray(CHAT_ORDER).push(['k1', 'k2', 'k3'])
    doc.getMap(CHAT_SETTINGS).set('locked', true)
    const view = readChat(doc)
    expect(view.messages.map((m) => m.id)).toEqual(['k1', 'k3'])
    expect(view.locked).toBe(true)
    expect(view.olderFrom).toBeNull()
  })
})

describe('typing', () => {
  const typing = (names: string[], others: number) =>
    readTyping(new Map([[0, { chatTyping: { names, others } }]]))
  const reader = { name: 'Sky', anonymous: true, typing: false }

  it('never names an anonymous typist, and leaves the reader out', () => {
    expect(describeTyping(typing([], 1), reader)).toBe('Someone is typing…')
    expect(describeTyping(typing([], 1), { ...reader, typing: true })).toBe('')
    expect(describeTyping(typing(['Dr Lead'], 2), reader)).toBe('3 people are typing…')
    expect(describeTyping(typing(['Dr Lead'], 0), reader)).toBe('Dr Lead is typing…')
    const named = { name: 'Sky', anonymous: false, typing: true }
    expect(describeTyping(typing(['Robin', 'Sky'], 0), named)).toBe('Robin is typing…')
    expect(readTyping(new Map([[5, { user: { name: 'x' } }]]))).toEqual({ names: [], others: 0 })
  })
})

describe('splitLinks', () => {
  it('finds web addresses to show as text, not links', () => {
    expect(splitLinks('see https://example.org/a?b=1 and www.x.org.')).toEqual([
      { text: 'see ', link: false },
      { text: 'https://example.org/a?b=1', link: true },
      { text: ' and ', link: false },
      { text: 'www.x.org.', link: true },
    ])
  })
})
