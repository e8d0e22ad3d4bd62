import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CANVAS_LAYERS, CANVAS_RECORDS } from '../../shared/whiteboard/canvasDoc.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import { sniff } from '../chat/test/chatWorld.ts'
import { eventually, type TestClient } from '../test/connectProvider.ts'
import { foundAtRest } from '../test/foundAtRest.ts'
import { readableInStore } from '../test/readableInStore.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'

const records = (client: TestClient) => client.doc.getMap<Record<string, unknown>>(CANVAS_RECORDS)
const shape = (id: string, x: number, text: string) => ({
  id,
  typeName: 'shape',
  type: 'text',
  x,
  y: 0,
  props: { text },
})

describe('the group canvas: each person draws on a layer only they (and facilitators) write', () => {
  const world = serverPerTest()

  async function canvasOf(who: HttpClient, sessionId: string) {
    const entry = await who.post(`/api/sessions/${sessionId}/canvas`)
    expect(entry.status).toBe(200)
    return entry.json as {
      canvas: string
      layer: string | null
      layers: string[]
      sketch: string | null
      locked: boolean
    }
  }

  it('a member cannot move or erase another member’s shape: the change never reaches the store', async () => {
    const { server } = world
    const { lead, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = members as [(typeof members)[0], (typeof members)[0]]
    const robins = await canvasOf(robin, sessionId)
    const skys = await canvasOf(sky, sessionId)
    expect(robins.layer).not.toBe(skys.layer)
    // Names carry opaque keys only.
    for (const name of [robins.layer!, robins.sketch!, skys.layer!]) {
      expect(name).toMatch(/\/(canvas|sketch)\/y[a-z2-7]{20}$/)
      expect(name).not.toContain(robin.id)
      expect(name).not.toContain(sky.id)
    }
    const listed = await canvasOf(lead, sessionId)
    expect(listed.layers).toEqual(expect.arrayContaining([robins.layer, skys.layer]))
    const canvas = await world.open(listed.canvas, robin)
    expect(canvas.doc.getMap(CANVAS_LAYERS).size).toBe(3)

    const skyOwn = await world.open(skys.layer!, sky)
    records(skyOwn).set('shape:sky', shape('shape:sky', 10, 'SKY-TREE'))
    await skyOwn.saved()
    // Robin reads Sky's layer, and tries to move and erase Sky's shape.
    const robinOnSky = await world.open(skys.layer!, robin)
    await eventually(() => records(robinOnSky).has('shape:sky'), 'Sky’s shape at Robin')
    records(robinOnSky).set('shape:sky', shape('shape:sky', 999, 'ROBIN-MOVED-IT'))
    records(robinOnSky).delete('shape:sky')
    await new Promise((resolve) => setTimeout(resolve, 300))
    const fresh = await world.open(skys.layer!, lead)
    expect(records(fresh).get('shape:sky')).toMatchObject({ x: 10, props: { text: 'SKY-TREE' } })
    expect(await foundAtRest(server, ['ROBIN-MOVED-IT'])).toEqual([])
    // A facilitator may (to take a hurtful drawing away); Robin's own layer is Robin's.
    records(fresh).delete('shape:sky')
    await fresh.saved()
    const robinOwn = await world.open(robins.layer!, robin)
    records(robinOwn).set('shape:robin', shape('shape:robin', 0, 'ROBIN-SUN'))
    await robinOwn.saved()
  })

  it('a member’s own canvas is theirs alone; a made-up key opens nothing', async () => {
    const { server } = world
    const { lead, sessionId, groupId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = members as [(typeof members)[0], (typeof members)[0]]
    const { sketch } = await canvasOf(robin, sessionId)
    const mine = await world.open(sketch!, robin)
    records(mine).set('shape:secret', shape('shape:secret', 0, 'ROBIN-PRIVATE'))
    await mine.saved()
    for (const other of [sky, lead]) {
      await expect(sniff(server, sketch!, other)).rejects.toThrow('HTTP 403')
    }
    expect((await canvasOf(lead, sessionId)).sketch).toBeNull()
    const madeUp = `g/${groupId}/s/${sessionId}/canvas/yaaaaaaaaaaaaaaaaaaaa`
    await expect(sniff(server, madeUp, robin)).rejects.toThrow('HTTP 403')
  })

  it('a locked canvas is read only for members until unlocked; facilitators still draw', async () => {
    const { server } = world
    const { lead, sessionId, members } = await openSession(server, ['Robin'])
    const [robin] = members as [(typeof members)[0]]
    const { layer } = await canvasOf(robin, sessionId)
    expect(
      (await lead.put(`/api/sessions/${sessionId}/canvas/lock`, { locked: true })).status,
    ).toBe(200)
    expect((await canvasOf(robin, sessionId)).locked).toBe(true)
    const locked = await world.open(layer!, robin)
    records(locked).set('shape:late', shape('shape:late', 0, 'WHILE-LOCKED'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    const byLead = await world.open(layer!, lead)
    expect(records(byLead).has('shape:late')).toBe(false)
    records(byLead).set('shape:lead', shape('shape:lead', 0, 'LEAD'))
    await byLead.saved()
    expect(
      (await robin.put(`/api/sessions/${sessionId}/canvas/lock`, { locked: false })).status,
    ).toBe(403)
    await lead.put(`/api/sessions/${sessionId}/canvas/lock`, { locked: false })
    const unlocked = await world.open(layer!, robin)
    records(unlocked).set('shape:now', shape('shape:now', 0, 'AFTER'))
    await unlocked.saved()
    expect(Y.encodeStateAsUpdate(unlocked.doc).byteLength).toBeGreaterThan(0)
    await eventually(() => records(byLead).has('shape:now'), 'Robin’s shape at the lead')
  })

  it('after the session members see the canvas and their layer, and write nothing', async () => {
    const { server } = world
    const { lead, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = members as [(typeof members)[0], (typeof members)[0]]
    const { layer } = await canvasOf(robin, sessionId)
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    const after = await canvasOf(robin, sessionId)
    expect(after.layer).toBe(layer)
    // Sky never drew: no layer is made after the session.
    expect((await canvasOf(sky, sessionId)).layer).toBeNull()
    const view = await world.open(layer!, robin)
    records(view).set('shape:after', shape('shape:after', 0, 'AFTER-THE-END'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await foundAtRest(server, ['AFTER-THE-END'])).toEqual([])
    // The library lists the group canvas and Robin's own; withheld, only Robin's own.
    const titles = async () => {
      const { sessions } = (await robin.get('/api/member/library')).json as {
        sessions: { session: { id: string }; items: { kind: string; title: string }[] }[]
      }
      const items = sessions.find((x) => x.session.id === sessionId)!.items
      return items.filter((i) => i.kind === 'canvas').map((i) => i.title)
    }
    expect(await titles()).toEqual(['The group canvas', 'My own canvas'])
    await lead.put(`/api/sessions/${sessionId}/release`, { withheld: ['canvas'], days: null })
    const withheld = await canvasOf(robin, sessionId)
    expect(withheld).toMatchObject({ group: false, layer: null, layers: [] })
    expect(withheld.sketch).toMatch(/\/sketch\//)
    expect((await sky.post(`/api/sessions/${sessionId}/canvas`)).status).toBe(403)
    expect(await titles()).toEqual(['My own canvas'])
  })

  it('erasing a member deletes their layers and own canvas, and the canvas stops listing them', async () => {
    const { server } = world
    const { lead, sessionId, members } = await openSession(server, ['Robin'])
    const [robin] = members as [(typeof members)[0]]
    const { layer, sketch, canvas } = await canvasOf(robin, sessionId)
    await canvasOf(lead, sessionId)
    for (const name of [layer!, sketch!]) {
      const own = await world.open(name, robin)
      records(own).set('shape:x', shape('shape:x', 0, 'ROBIN-DRAWING-ZQ'))
      await own.saved()
    }
    // Sealed at rest (C19): readable with the server's keys, not as bytes of the file.
    expect(await readableInStore(server, ['ROBIN-DRAWING-ZQ'])).toEqual(['ROBIN-DRAWING-ZQ'])
    expect((await robin.post('/api/member/erase', { confirm: 'erase' })).status).toBe(200)
    expect(await foundAtRest(server, ['ROBIN-DRAWING-ZQ'])).toEqual([])
    expect(await readableInStore(server, ['ROBIN-DRAWING-ZQ'])).toEqual([])
    const view = await world.open(canvas, lead)
    expect(view.doc.getMap(CANVAS_LAYERS).size).toBe(1)
  })

  it('a facilitator shows a prompt from the list; members cannot; an unknown one is refused', async () => {
    const { server } = world
    const { lead, sessionId, members } = await openSession(server, ['Robin'])
    const [robin] = members as [(typeof members)[0]]
    const { canvas } = await canvasOf(robin, sessionId)
    const view = await world.open(canvas, robin)
    const set = (who: HttpClient, promptId: string | null) =>
      who.put(`/api/sessions/${sessionId}/canvas/prompt`, { promptId })
    expect((await set(lead, 'safe-place')).status).toBe(200)
    await eventually(() => view.doc.getMap('settings').get('prompt') === 'safe-place', 'shown')
    expect((await set(robin, 'bridge')).status).toBe(403)
    expect((await set(lead, 'not-a-prompt')).status).toBe(400)
    expect((await set(lead, null)).status).toBe(200)
    await eventually(() => view.doc.getMap('settings').get('prompt') === null, 'cleared')
  })

  it('a gallery walk: facilitators reveal works of this canvas one by one and spotlight one for everyone; members cannot', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = [members[0]!, members[1]!]
    const keyOf = (name: string | null) => name!.slice(name!.lastIndexOf('/') + 1)
    const robins = keyOf((await canvasOf(robin, sessionId)).layer)
    const skys = keyOf((await canvasOf(sky, sessionId)).layer)
    const { canvas } = await canvasOf(lead, sessionId)
    const view = await world.open(canvas, sky)
    const gallery = () => view.doc.getMap('settings').get('gallery')
    const walk = (who: HttpClient, shown: string[] | null) =>
      who.put(`/api/sessions/${sessionId}/canvas/gallery`, { shown })
    expect((await walk(robin, [])).status).toBe(403)
    expect((await walk(lead, ['ynotalayerofthiscanvas'])).status).toBe(400)
    expect((await walk(lead, [])).status).toBe(200)
    await eventually(() => Array.isArray(gallery()), 'the walk begins')
    expect((await walk(lead, [robins])).status).toBe(200)
    await eventually(() => JSON.stringify(gallery()) === JSON.stringify([robins]), 'revealed')
    // The spotlight brings everyone to Sky's work, and reveals it.
    const present = (who: HttpClient, canvasWork: string | null) =>
      who.post(`/api/sessions/${sessionId}/present`, { canvasWork })
    expect((await present(robin, skys)).status).toBe(403)
    expect((await present(lead, 'ynotalayerofthiscanvas')).status).toBe(404)
    expect((await present(lead, skys)).status).toBe(200)
    await eventually(() => JSON.stringify(gallery()) === JSON.stringify([robins, skys]), 'spotlit')
    const room = await world.open(sessionDocName.room(groupId, sessionId), sky)
    await eventually(
      () => (room.doc.getMap(ROOM_STATE).get('presented') as { work?: string })?.work === skys,
      'everyone brought to Sky’s work',
    )
    expect((await walk(lead, null)).status).toBe(200)
    await eventually(() => gallery() === null, 'the walk ends')
  })
})
