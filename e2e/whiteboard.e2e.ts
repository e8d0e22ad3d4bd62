import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { CANVAS_RECORDS } from '../shared/whiteboard/canvasDoc.ts'
import { connectProvider } from '../server/test/connectProvider.ts'
import { browserPerFile } from './support/browserPerFile.ts'
import { callApi } from './support/callApi.ts'
import { eventually } from './support/openPlayground.ts'
import { screenshot, type Person } from './support/openPerson.ts'
import { enter, expectClean } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const baseUrl = inject('baseUrl')
const run = browserPerFile()
const people = run.people

/** Every request the page makes, by URL. */
function recordRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}

async function openWhiteboard(page: Page) {
  await page.getByRole('tab', { name: 'Whiteboard' }).click()
  await page.locator('.tl-canvas').waitFor()
}

/** Draws a rectangle with the keyboard shortcut and a drag, at an offset inside the canvas. */
async function drawRectangle(page: Page, at: number) {
  const canvas = page.locator('.whiteboard-canvas')
  await canvas.scrollIntoViewIfNeeded()
  const box = (await canvas.boundingBox())!
  // The rectangle tool, then a drag clear of tldraw's panels.
  await page.getByTestId('tools.rectangle').click()
  await page.mouse.move(box.x + at, box.y + 100)
  await page.mouse.down()
  await page.mouse.move(box.x + at + 60, box.y + 170, { steps: 5 })
  await page.mouse.up()
}

const shapes = (page: Page) => page.locator('.tl-shape').count()

describe('the whiteboard', () => {
  it('two members draw on the group canvas and see each other’s shapes; undo takes back only one’s own; an own canvas stays private until a copy is shared and taken back; malformed records are dropped; drawings save as PNG and SVG; nothing is asked of another origin', async () => {
    const made = await setUpRoom(run.browser, ['Ida', 'Jo', 'Kit'])
    people.push(made.facilitator, ...made.members)
    const { sessionId } = made
    const [ida, jo] = made.members as [Person, Person]
    const requests = [ida, jo].map((p) => recordRequests(p.page))
    for (const person of [ida, jo]) await enter(person.page, sessionId)
    // The whiteboard's code is not fetched until its tab opens.
    expect(requests.flat().filter((u) => /WhiteboardPanel|CanvasEditor/.test(u))).toEqual([])
    for (const person of [ida, jo]) await openWhiteboard(person.page)

    // The facilitator offers a prompt from the list; it appears above everyone's canvas.
    const f = made.facilitator.page
    await enter(f, sessionId)
    await openWhiteboard(f)
    await f.getByLabel('Prompt for the group').selectOption('safe-place')
    await ida.page.getByText('Draw a place where you feel safe and calm.').waitFor()

    await drawRectangle(ida.page, 80)
    await eventually(async () => (await shapes(jo.page)) === 1, 'Ida’s shape at Jo')
    await drawRectangle(jo.page, 240)
    await eventually(async () => (await shapes(ida.page)) === 2, 'Jo’s shape at Ida')
    await screenshot(ida, 'whiteboard-group')

    // Jo's undo takes back Jo's rectangle, not Ida's.
    await jo.page.keyboard.press('Control+z')

    await eventually(async () => (await shapes(ida.page)) === 1, 'Jo’s undo at Ida')
    expect(await shapes(jo.page)).toBe(1)

    // Ida's own canvas: Jo never sees it.
    await ida.page.getByRole('button', { name: 'My own canvas' }).click()
    await ida.page.locator('.tl-canvas').waitFor()
    await drawRectangle(ida.page, 120)
    await eventually(async () => (await shapes(ida.page)) === 1, 'Ida’s own shape')
    await jo.page.getByRole('button', { name: 'My own canvas' }).click()
    await jo.page.locator('.tl-canvas').waitFor()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await shapes(jo.page)).toBe(0)

    // Ida shares a copy of her own drawing with the group, then takes it back.
    await ida.page.getByRole('button', { name: 'Share a copy with the group' }).click()
    await ida.page
      .getByRole('button', { name: 'Group canvas' })
      .and(ida.page.locator('[aria-pressed="true"]'))
      .waitFor()
    await jo.page.getByRole('button', { name: 'Group canvas' }).click()
    await eventually(async () => (await shapes(jo.page)) === 2, 'the shared copy at Jo')
    await ida.page.getByRole('button', { name: 'Take back what I shared' }).click()
    await eventually(async () => (await shapes(jo.page)) === 1, 'the copy taken back at Jo')

    // Jo's browser, edited, writes malformed records into Jo's own layer: the others' canvases
    // drop them, say so, and go on.
    const joCanvas = await callApi<{ layer: string }>(
      jo.page,
      'POST',
      `/api/sessions/${sessionId}/canvas`,
    )
    const cookie = (await jo.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const raw = connectProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, joCanvas.layer, null, {
      cookie,
    })
    await raw.synced()
    const records = raw.doc.getMap(CANVAS_RECORDS)
    records.set('shape:evil', { id: 'shape:evil', typeName: 'shape', type: 'geo', x: 'NaN' })
    records.set('shape:alien', { id: 'shape:alien', typeName: 'spaceship' })
    await raw.saved()
    raw.destroy()
    await ida.page.getByText('Something on the canvas could not be shown.').waitFor()
    expect(await shapes(ida.page)).toBe(1)

    // Ida saves her drawings: a real PNG and an SVG with the shape in it.
    const [png] = await Promise.all([
      ida.page.waitForEvent('download'),
      ida.page.getByRole('button', { name: 'Save as PNG' }).click(),
    ])
    const pngBytes = await readFile((await png.path())!)
    expect([...pngBytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
    const [svg] = await Promise.all([
      ida.page.waitForEvent('download'),
      ida.page.getByRole('button', { name: 'Save as SVG' }).click(),
    ])
    const svgText = await readFile((await svg.path())!, 'utf8')
    expect(svgText).toMatch(/^<svg[\s\S]*<path[\s\S]*<\/svg>\s*$/)

    // Not one request to another origin (fonts, icons and translations are ours).
    const origin = new URL(baseUrl).origin
    const elsewhere = requests
      .flat()
      .filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))
    expect(elsewhere).toEqual([])
    expectClean([made.facilitator, ida, jo])
  })
})
