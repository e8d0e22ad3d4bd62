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

/** Two browsers' copies of the named documents, relayed to each other as the server would. */
function relayed(names: readonly string[]) {
  const copies = [new Map<string, Y.Doc>(), new Map<string, Y.Doc>()] as const
  for (const name of names) {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.on('update', (u: Uint8Array, o: unknown) => o !== 'relay' && Y.applyUpdate(b, u, 'relay'))
    b.on('update', (u: Uint8Array, o: unknown) => o !== 'relay' && Y.applyUpdate(a, u, 'relay'))
    copies[0].set(name, a)
    copies[1].set(name, b)
  }
  return copies
}

const tlStore = () =>
  new Store({ schema: createTLSchema(), props: {} as never }) as unknown as Store<UnknownRecord>

/**
 * Two people's browsers: each with its own copy of the documents (a layer each, and the page),
 * relayed to each other the way the server relays them; each with its own store and binding.
 */
function twoPeople() {
  const [forRobin, forSky] = relayed(['page', 'robin', 'sky'])
  const copies = { robin: forRobin, sky: forSky }
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

  it('a facilitator locks a member’s shape into the page, where the member cannot touch it, and unlocks it back to the member’s layer', async () => {
    const [lead, robin] = relayed(['page', 'robin', 'lead'])
    const leadStore = tlStore()
    const robinStore = tlStore()
    const robinProblems: CanvasProblem[] = []
    const asLead = bindCanvas(
      leadStore,
      [
        { doc: lead.get('page')!, writable: true, role: 'page', name: 'page' },
        { doc: lead.get('lead')!, writable: true, role: 'mine', name: 'lead' },
        { doc: lead.get('robin')!, writable: true, role: 'other', name: 'robin' },
      ],
      () => undefined,
    )
    const asRobin = bindCanvas(
      robinStore,
      [
        { doc: robin.get('page')!, writable: false, role: 'page', name: 'page' },
        { doc: robin.get('robin')!, writable: true, role: 'mine', name: 'robin' },
        { doc: robin.get('lead')!, writable: false, role: 'other', name: 'lead' },
      ],
      (p) => robinProblems.push(p),
    )
    unbinds.push(asLead.unbind, asRobin.unbind)
    robinStore.put([geo('shape:r', 10) as never])
    await frame()
    asLead.lock(['shape:r'])
    const inPage = robin.get('page')!.getMap<{ isLocked: boolean; meta: object }>(CANVAS_RECORDS)
    expect(inPage.get('shape:r')).toMatchObject({ isLocked: true, meta: { lockedFrom: 'robin' } })
    expect(robin.get('robin')!.getMap(CANVAS_RECORDS).has('shape:r')).toBe(false)
    expect(asRobin.isMine('shape:r')).toBe(false)
    expect(robinStore.get('shape:r' as never)).toMatchObject({ isLocked: true })
    // Robin's client tries anyway: undone, and nothing written to the page.
    robinStore.remove(['shape:r' as never])
    await frame()
    expect(robinStore.get('shape:r' as never)).toMatchObject({ x: 10 })
    expect(robinProblems).toEqual([{ kind: 'not-yours', id: 'shape:r' }])
    expect(inPage.has('shape:r')).toBe(true)
    asLead.unlock(['shape:r'])
    expect(inPage.has('shape:r')).toBe(false)
    expect(robin.get('robin')!.getMap(CANVAS_RECORDS).get('shape:r')).toMatchObject({
      isLocked: false,
      meta: {},
    })
    expect(asRobin.isMine('shape:r')).toBe(true)
  })

  it('a picture is taken only as an address on this server, and a browser’s own user record never leaves it: neither shown nor written', async () => {
    const [a, b] = relayed(['mine'])
    const image = (id: string, src: string) => ({
      id,
      typeName: 'asset',
      type: 'image',
      props: { name: 'p.png', src, w: 2, h: 2, mimeType: 'image/png', isAnimated: false },
      meta: {},
    })
    const writer = tlStore()
    const reader = tlStore()
    const problems: CanvasProblem[] = []
    const w = bindCanvas(writer, [{ doc: a.get('mine')!, writable: true, role: 'mine' }], (p) =>
      problems.push(p),
    )
    const r = bindCanvas(
      reader,
      [{ doc: b.get('mine')!, writable: false, role: 'other' }],
      () => {},
    )
    unbinds.push(w.unbind, r.unbind)
    const ours = `/api/images/${'a'.repeat(64)}`
    const user = {
      id: 'user:me',
      typeName: 'user',
      name: 'Real Name',
      color: '#000',
      imageUrl: '',
      meta: {},
    }
    writer.put([
      image('asset:ok', ours),
      image('asset:inline', 'data:image/png;base64,AAAA'),
      user,
    ] as never)
    await frame()
    expect([...a.get('mine')!.getMap(CANVAS_RECORDS).keys()]).toEqual(['asset:ok'])
    expect(writer.get('asset:inline' as never)).toBeUndefined()
    expect(problems).toEqual([{ kind: 'invalid-record', id: 'asset:inline' }])
    // tldraw's user record (a name from the browser's preferences) stays in the browser.
    expect(JSON.stringify(a.get('mine')!.toJSON())).not.toContain('Real Name')
    // An edited client writes one straight into the document: the reader drops it.
    b.get('mine')!
      .getMap(CANVAS_RECORDS)
      .set('asset:far', image('asset:far', 'https://x.example/p.png'))
    expect(reader.get('asset:far' as never)).toBeUndefined()
    b.get('mine')!
      .getMap(CANVAS_RECORDS)
      .set('user:them', { ...user, id: 'user:them' })
    expect(reader.get('user:them' as never)).toBeUndefined()
    expect(reader.get('asset:ok' as never)).toMatchObject({ props: { src: ours } })
  })
})
