import { Store, type UnknownRecord } from '@tldraw/store'
import { createTLSchema } from '@tldraw/tlschema'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CANVAS_META, CANVAS_RECORDS } from '../../shared/whiteboard/canvasDoc.ts'
import { bindCanvas, type CanvasProblem, type CanvasSource } from './bindCanvas.ts'

// tldraw tells listeners on the next animation frame.
beforeAll(() => {
  globalThis.requestAnimationFrame ??= ((fn: (t: number) => void) =>
    setTimeout(() => fn(Date.now()), 0)) as unknown as typeof requestAnimationFrame
})

const frame = () => new Promise((resolve) => setTimeout(resolve, 20))

const geo = (id: string, x: number) => ({
  id,
  typeName: 'shape',
  type: 'geo',
  x,
  y: 0,
  rotation: 0,
  index: 'a1',
  parentId: 'page:page',
  isLocked: false,
  opacity: 1,
  meta: {},
  props: {
    geo: 'rectangle',
    dash: 'draw',
    url: '',
    w: 100,
    h: 80,
    growY: 0,
    scale: 1,
    flipX: false,
    flipY: false,
    labelColor: 'black',
    color: 'black',
    fill: 'none',
    size: 'm',
    font: 'draw',
    align: 'middle',
    verticalAlign: 'middle',
    richText: { type: 'doc', content: [{ type: 'paragraph' }] },
  },
})

/**
 * Two people's browsers: each with its own copy of the documents (a layer each, and the page),
 * relayed to each other the way the server relays them; each with its own store and binding.
 */
function twoPeople() {
  const names = ['page', 'robin', 'sky'] as const
  const copies = { robin: new Map<string, Y.Doc>(), sky: new Map<string, Y.Doc>() }
  for (const name of names) {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.on(
      'update',
      (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, u, 'relay'),
    )
    b.on(
      'update',
      (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, u, 'relay'),
    )
    copies.robin.set(name, a)
    copies.sky.set(name, b)
  }
  const person = (who: 'robin' | 'sky') => {
    const store = new Store({ schema: createTLSchema(), props: {} as never })
    const problems: CanvasProblem[] = []
    const docs = copies[who]
    const sources: CanvasSource[] = [
      { doc: docs.get('page')!, writable: false, role: 'page' },
      { doc: docs.get(who)!, writable: true, role: 'mine' },
      { doc: docs.get(who === 'robin' ? 'sky' : 'robin')!, writable: false, role: 'other' },
    ]
    const { unbind } = bindCanvas(store as unknown as Store<UnknownRecord>, sources, (p) =>
      problems.push(p),
    )
    return { store, problems, docs, unbind }
  }
  return { robin: person('robin'), sky: person('sky') }
}

describe('bindCanvas', () => {
  const unbinds: (() => void)[] = []
  afterEach(() => unbinds.splice(0).forEach((u) => u()))

  it('a shape drawn by one person reaches the other, in the drawer’s own layer', async () => {
    const { robin, sky } = twoPeople()
    unbinds.push(robin.unbind, sky.unbind)
    robin.store.put([geo('shape:robin', 10) as never])
    await frame()
    expect(robin.docs.get('robin')!.getMap(CANVAS_RECORDS).has('shape:robin')).toBe(true)
    expect(robin.docs.get('robin')!.getMap(CANVAS_META).get('schema')).toBeTruthy()
    expect(sky.store.get('shape:robin' as never)).toMatchObject({ x: 10 })
    expect(sky.docs.get('sky')!.getMap(CANVAS_RECORDS).size).toBe(0)
  })

  it('moving or erasing someone else’s shape is undone at once and never written', async () => {
    const { robin, sky } = twoPeople()
    unbinds.push(robin.unbind, sky.unbind)
    robin.store.put([geo('shape:robin', 10) as never])
    await frame()
    sky.store.update('shape:robin' as never, (r: never) => ({ ...(r as object), x: 500 }) as never)
    await frame()
    expect(sky.store.get('shape:robin' as never)).toMatchObject({ x: 10 })
    sky.store.remove(['shape:robin' as never])
    await frame()
    expect(sky.store.get('shape:robin' as never)).toMatchObject({ x: 10 })
    expect(sky.problems).toEqual([
      { kind: 'not-yours', id: 'shape:robin' },
      { kind: 'not-yours', id: 'shape:robin' },
    ])
    expect(
      robin.docs.get('robin')!.getMap<{ x: number }>(CANVAS_RECORDS).get('shape:robin')?.x,
    ).toBe(10)
  })

  it('a malformed record in a document is dropped and reported; the canvas goes on', async () => {
    const { robin, sky } = twoPeople()
    unbinds.push(robin.unbind, sky.unbind)
    const layer = robin.docs.get('robin')!.getMap(CANVAS_RECORDS)
    layer.set('shape:bad', { ...geo('shape:bad', 0), x: 'not a number' })
    layer.set('shape:odd', { id: 'shape:odd', typeName: 'spaceship' })
    layer.set('shape:good', geo('shape:good', 5))
    await frame()
    expect(sky.store.get('shape:bad' as never)).toBeUndefined()
    expect(sky.store.get('shape:odd' as never)).toBeUndefined()
    expect(sky.store.get('shape:good' as never)).toMatchObject({ x: 5 })
    expect(sky.problems).toEqual(
      expect.arrayContaining([
        { kind: 'invalid-record', id: 'shape:bad' },
        { kind: 'invalid-record', id: 'shape:odd' },
      ]),
    )
  })

  it('a layer that joins later shows what it holds and follows it', async () => {
    const store = new Store({ schema: createTLSchema(), props: {} as never })
    const late = new Y.Doc()
    late.getMap(CANVAS_RECORDS).set('shape:late', geo('shape:late', 7))
    const bound = bindCanvas(store as unknown as Store<UnknownRecord>, [], () => undefined)
    unbinds.push(bound.unbind)
    bound.add({ doc: late, writable: false, role: 'other' })
    expect(store.get('shape:late' as never)).toMatchObject({ x: 7 })
    late.getMap(CANVAS_RECORDS).set('shape:late', geo('shape:late', 8))
    expect(store.get('shape:late' as never)).toMatchObject({ x: 8 })
  })

  it('a canvas written by a newer schema is refused, not half-loaded', () => {
    const doc = new Y.Doc()
    doc.getMap(CANVAS_RECORDS).set('shape:x', geo('shape:x', 0))
    doc.getMap(CANVAS_META).set('schema', {
      schemaVersion: 2,
      sequences: { 'com.tldraw.shape.geo': 999 },
    })
    const store = new Store({ schema: createTLSchema(), props: {} as never })
    const problems: CanvasProblem[] = []
    bindCanvas(
      store as unknown as Store<UnknownRecord>,
      [{ doc, writable: false, role: 'other' }],
      (p) => problems.push(p),
    )
    expect(problems).toEqual([{ kind: 'newer-schema' }])
    expect(store.allRecords()).toEqual([])
  })
})
