import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindTextarea } from './bindTextarea.ts'
import { FakeTextarea } from './test/FakeTextarea.ts'

function setup(initial = '') {
  const doc = new Y.Doc()
  const text = doc.getText('text')
  text.insert(0, initial)
  const area = new FakeTextarea()
  const unbind = bindTextarea(area, text)
  const remote = (change: (text: Y.Text) => void) => doc.transact(() => change(text), 'peer')
  return { doc, text, area, unbind, remote }
}

describe('bindTextarea', () => {
  it('shows the current text when bound', () => {
    expect(setup('hello').area.value).toBe('hello')
  })

  it('writes each input as one minimal splice in one transaction', () => {
    const { doc, text, area } = setup('hello world')
    const deltas: unknown[] = []
    text.observe((event) => deltas.push(event.delta))
    let updates = 0
    doc.on('update', () => updates++)
    area.setSelectionRange(6, 11)
    area.type('there')
    expect(text.toString()).toBe('hello there')
    expect(updates).toBe(1)
    expect(deltas).toEqual([[{ retain: 6 }, { delete: 5 }, { insert: 'there' }]])
  })

  it('keeps the caret on its characters when a peer inserts before it', () => {
    const { area, remote } = setup('world')
    area.setSelectionRange(2, 4, 'backward')
    remote((t) => t.insert(0, 'hello '))
    expect(area.value).toBe('hello world')
    expect([area.selectionStart, area.selectionEnd, area.selectionDirection]).toEqual([
      8,
      10,
      'backward',
    ])
  })

  it('keeps the caret when a peer edits after it, or deletes before it', () => {
    const { area, remote } = setup('one two three')
    area.setSelectionRange(7, 7)
    remote((t) => t.insert(13, '!'))
    expect([area.selectionStart, area.selectionEnd]).toEqual([7, 7])
    remote((t) => t.delete(0, 4))
    expect(area.value).toBe('two three!')
    expect([area.selectionStart, area.selectionEnd]).toEqual([3, 3])
  })

  it('lets typing continue where the caret was after a remote change', () => {
    const { text, area, remote } = setup('ac')
    area.setSelectionRange(1, 1)
    remote((t) => t.insert(0, '>> '))
    area.type('b')
    expect(text.toString()).toBe('>> abc')
  })

  it('holds remote changes during a composition and merges both afterwards', () => {
    const { text, area, remote } = setup('cafe ole')
    area.setSelectionRange(3, 4)
    area.compose('é')
    remote((t) => t.insert(0, 'Le '))
    expect(area.value).toBe('café ole')
    area.endComposition()
    expect(text.toString()).toBe('Le café ole')
    expect(area.value).toBe('Le café ole')
    expect(area.selectionStart).toBe('Le café'.length)
  })

  it('writes a composition once it ends', () => {
    const { text, area } = setup('')
    area.compose('こんにちは')
    expect(text.toString()).toBe('')
    area.endComposition()
    expect(text.toString()).toBe('こんにちは')
  })

  it('stops following both sides once unbound', () => {
    const { text, area, unbind, remote } = setup('a')
    unbind()
    remote((t) => t.insert(1, 'b'))
    expect(area.value).toBe('a')
    area.type('z')
    expect(text.toString()).toBe('ab')
  })
})
