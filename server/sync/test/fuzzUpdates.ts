import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * A realistic history of updates (text, formatting, maps, arrays, XML, deletions), seeded, for
 * the fuzz test to mutate. The first half establishes the document on the server.
 */
export function realHistory(random: () => number, count = 60): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const text = doc.getText('t')
  const map = doc.getMap('m')
  const list = doc.getArray<unknown>('a')
  const xml = doc.getXmlFragment('x')
  while (updates.length < count) {
    const pick = random()
    if (pick < 0.35) text.insert(Math.floor(random() * (text.length + 1)), `word${updates.length} `)
    else if (pick < 0.45 && text.length > 4)
      text.delete(Math.floor(random() * (text.length - 3)), 3)
    else if (pick < 0.55) text.format(0, Math.min(3, text.length), { bold: random() < 0.5 })
    else if (pick < 0.7) map.set(`k${Math.floor(random() * 5)}`, { n: random(), s: 'x'.repeat(3) })
    else if (pick < 0.85) list.push([random(), 'item', [1, 2], new Uint8Array([1, 2, 3])])
    else {
      const el = new Y.XmlElement('p')
      el.insert(0, [new Y.XmlText('para')])
      xml.insert(xml.length, [el])
    }
  }
  return updates
}

export type Mutation = 'bitflip' | 'truncate' | 'inflate' | 'byte' | 'splice' | 'frame'

const bigVarUint = [0xff, 0xff, 0xff, 0xff, 0x0f]

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

function mutateBytes(bytes: Uint8Array, kind: Mutation, random: () => number): Uint8Array {
  const out = Array.from(bytes)
  const at = () => Math.floor(random() * Math.max(1, out.length))
  switch (kind) {
    case 'bitflip':
    case 'frame': {
      const flips = 1 + Math.floor(random() * 4)
      for (let i = 0; i < flips; i++) {
        const p = at()
        out[p] = (out[p] ?? 0) ^ (1 << Math.floor(random() * 8))
      }
      break
    }
    case 'truncate':
      out.length = Math.floor(random() * out.length)
      break
    case 'inflate':
      out.splice(at(), 1 + Math.floor(random() * 2), ...bigVarUint)
      break
    case 'byte':
      out[at()] = [0, 0xff, 0x7f, 0x80, Math.floor(random() * 256)][Math.floor(random() * 5)]!
      break
    case 'splice': {
      const start = at()
      const piece = out.slice(start, start + 1 + Math.floor(random() * 8))
      out.splice(at(), 0, ...piece)
      break
    }
  }
  return new Uint8Array(out)
}

/** One fuzz case: a frame built from a real update, mutated. */
export function mutatedFrame(
  history: readonly Uint8Array[],
  random: () => number,
): { frame: Uint8Array; kind: Mutation } {
  const source = history[Math.floor(random() * history.length)]!
  const kinds: Mutation[] = ['bitflip', 'truncate', 'inflate', 'byte', 'splice', 'frame']
  const kind = kinds[Math.floor(random() * kinds.length)]!
  if (kind === 'frame') return { frame: mutateBytes(syncUpdateFrame(source), kind, random), kind }
  return { frame: syncUpdateFrame(mutateBytes(source, kind, random)), kind }
}
