import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindTextarea } from '../bindTextarea.ts'
import { FakeTextarea } from './FakeTextarea.ts'

const NETWORK = Symbol('network')

function peer() {
  const doc = new Y.Doc()
  const text = doc.getText('text')
  const area = new FakeTextarea()
  bindTextarea(area, text)
  const outbox: Uint8Array[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== NETWORK) outbox.push(update)
  })
  return { doc, text, area, outbox }
}
type Peer = ReturnType<typeof peer>

/** Delivers the oldest `count` updates `from` has sent, in order, as a socket would. */
function deliver(from: Peer, to: Peer, count = from.outbox.length): void {
  for (const update of from.outbox.splice(0, count)) Y.applyUpdate(to.doc, update, NETWORK)
}

/** One person's edit at a random place; a composition may see the peer's updates arrive. */
function randomEdit(gen: prng.PRNG, actor: Peer, other: Peer): void {
  const area = actor.area
  const length = area.value.length
  const start = prng.int32(gen, 0, length)
  const end = prng.bool(gen) ? start : prng.int32(gen, start, length)
  area.setSelectionRange(start, end)
  const roll = prng.int32(gen, 0, 9)
  if (roll < 3) area.backspace()
  else if (roll < 5) {
    area.compose(prng.word(gen, 1, 4))
    if (prng.bool(gen)) deliver(other, actor, prng.int32(gen, 0, other.outbox.length))
    area.endComposition()
  } else area.type(prng.oneOf(gen, ['a', 'b', ' ', '\n', 'é', '😀', prng.word(gen, 1, 6)]))
}

describe('bindTextarea convergence', () => {
  it('two textareas editing concurrently end with the same text (seeded)', () => {
    const seed = Number(process.env.SEED ?? Date.now() % 1_000_000)
    const gen = prng.create(seed)
    const a = peer()
    const b = peer()
    for (let step = 0; step < 3000; step++) {
      const context = `seed ${seed}, step ${step}`
      const [actor, other] = prng.bool(gen) ? [a, b] : [b, a]
      if (prng.int32(gen, 0, 2) === 0) {
        deliver(actor, other, prng.int32(gen, 0, actor.outbox.length))
      } else {
        randomEdit(gen, actor, other)
      }
      expect(actor.area.value, context).toBe(actor.text.toString())
      expect(other.area.value, context).toBe(other.text.toString())
    }
    deliver(a, b)
    deliver(b, a)
    expect(a.area.value, `seed ${seed}`).toBe(b.area.value)
    expect(a.text.toString(), `seed ${seed}`).toBe(a.area.value)
  })
})
