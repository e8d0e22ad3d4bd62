import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, anImage, aSession } from '../data/test/graphRows.ts'
import { warmInstances } from '../video/test/warmInstances.ts'
import { canvasDocsUsing, canvasImageCount } from './canvasImages.ts'
import { canvasKeyFor, existingCanvasKey, layerKeysOf } from './canvasKeys.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('canvas keys on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let sessionId: string
  let memberId: string
  beforeEach(async () => {
    opened = await open()
    groupId = (await aGroup(opened.data)).groupId
    sessionId = await aSession(opened.data, groupId)
    memberId = await aMember(opened.data, groupId)
  })
  afterEach(() => opened.close())

  it('one key per person, session and kind, made on first use', async () => {
    const { data } = opened
    expect(await existingCanvasKey(data, sessionId, memberId, 'layer')).toBeNull()
    const layer = await canvasKeyFor(data, sessionId, memberId, 'layer', AT)
    const sketch = await canvasKeyFor(data, sessionId, memberId, 'sketch', AT)
    expect(layer).not.toBe(sketch)
    expect(layer).not.toContain(memberId)
    expect(await canvasKeyFor(data, sessionId, memberId, 'layer', AT + 1)).toBe(layer)
    expect(await existingCanvasKey(data, sessionId, memberId, 'layer')).toBe(layer)
  })

  it('instances making it at once all answer with the same key', async () => {
    const instances = await warmInstances(opened, 6)
    const keys = await Promise.all(
      instances.map((data, i) => canvasKeyFor(data, sessionId, memberId, 'layer', AT + i)),
    )
    expect(new Set(keys).size).toBe(1)
    expect(await layerKeysOf(opened.data, sessionId)).toEqual([keys[0]])
  })

  it('lists the layers only, oldest first, ties by key as SQLite orders them', async () => {
    const { data } = opened
    const rows = [
      ['k_a', 'layer', AT + 1],
      ['k_B', 'layer', AT + 1],
      ['k_z', 'layer', AT],
      ['k_own', 'sketch', AT],
    ] as const
    for (const [key, kind, at] of rows) {
      await data
        .insertInto('canvas_keys')
        .values({ key, session_id: sessionId, owner_id: `${key}-owner`, kind, created_at: at })
        .execute()
    }
    expect(await layerKeysOf(data, sessionId)).toEqual(['k_z', 'k_B', 'k_a'])
  })

  it('finds the canvases a picture was added to, and counts a canvas’s pictures', async () => {
    const { data } = opened
    const layer = await canvasKeyFor(data, sessionId, memberId, 'layer', AT)
    const sketch = await canvasKeyFor(data, sessionId, memberId, 'sketch', AT)
    const [shared, own, unused] = [await anImage(data), await anImage(data), await anImage(data)]
    for (const [key, hash] of [
      [layer, shared],
      [sketch, shared],
      [sketch, own],
    ] as const) {
      await data.insertInto('canvas_images').values({ key, hash, created_at: AT }).execute()
    }
    expect((await canvasDocsUsing(data, shared)).sort()).toEqual(
      [
        sessionDocName.canvasLayer(groupId, sessionId, layer),
        sessionDocName.sketch(groupId, sessionId, sketch),
      ].sort(),
    )
    expect(await canvasDocsUsing(data, unused)).toEqual([])
    expect(await canvasImageCount(data, sketch)).toBe(2)
    expect(await canvasImageCount(data, layer)).toBe(1)
    expect(await canvasImageCount(data, 'no such key')).toBe(0)
  })
})
