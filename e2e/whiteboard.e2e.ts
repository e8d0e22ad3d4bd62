import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { CANVAS_RECORDS } from '../shared/whiteboard/canvasDoc.ts'
import { connectProvider } from '../server/test/connectProvider.ts'
import { png } from '../server/test/pngBytes.ts'
import { browserPerFile } from './support/browserPerFile.ts'
import { recordRequests } from './support/recordRequests.ts'
import { callApi } from './support/callApi.ts'
import { eventually } from './support/openPlayground.ts'
import { screenshot, type Person } from './support/openPerson.ts'
import { enter, expectClean } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const baseUrl = inject('baseUrl')
const run = browserPerFile()
const people = run.people

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

/** Selects everything on the canvas (the picture is too small to click). */
async function selectAll(page: Page) {
  const box = (await page.locator('.whiteboard-canvas').boundingBox())!
  await page.mouse.click(box.x + 120, box.y + 420)
  await page.keyboard.press('Control+a')
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

  it('cursors carry pseudonyms; a dropped picture goes to the server; an author describes it; a facilitator locks it; a gallery walk reveals works one by one and spotlights one; afterwards the whiteboard is in the library', async () => {
    const made = await setUpRoom(run.browser, ['Lea', 'Max'])
    people.push(made.facilitator, ...made.members)
    const { sessionId } = made
    const [lea, max] = made.members as [Person, Person]
    const f = made.facilitator.page
    const requests = [lea, max].map((p) => recordRequests(p.page))
    for (const page of [lea.page, max.page, f]) {
      await enter(page, sessionId)
      await openWhiteboard(page)
    }

    // Lea's pointer over the canvas: Max sees a cursor with her name, as the server stamped it.
    // The canvas is measured where it is now: the goals moment above it loads in its own chunk
    // and may push it down (below the window) after the first look.
    const canvas = lea.page.locator('.whiteboard-canvas')
    const leaTag = max.page.locator('.tl-nametag', { hasText: 'Lea' })
    for (let i = 0; i < 20 && !(await leaTag.isVisible()); i++) {
      await canvas.scrollIntoViewIfNeeded()
      const at = (await canvas.boundingBox())!
      await lea.page.mouse.move(at.x + 200 + (i % 2) * 60, at.y + 150 + (i % 2) * 30, {
        steps: 4,
      })
      await max.page.waitForTimeout(250)
    }
    await leaTag.waitFor()
    const box = (await canvas.boundingBox())!

    // Lea drops a picture: it is uploaded, and the document holds its address only.
    const bytes = [...png()]
    await lea.page.locator('.tl-canvas').evaluate(
      (canvas, { bytes, x, y }) => {
        const data = new DataTransfer()
        data.items.add(new File([new Uint8Array(bytes)], 'calm.png', { type: 'image/png' }))
        canvas.dispatchEvent(
          new DragEvent('drop', { dataTransfer: data, clientX: x, clientY: y, bubbles: true }),
        )
      },
      { bytes, x: box.x + 300, y: box.y + 200 },
    )
    const image = max.page.locator('.tl-shape img[src*="/api/images/"]')
    await image.waitFor()
    expect(requests[0]!.filter((u) => u.includes('/canvas/images?to=group'))).toHaveLength(1)
    const { layer } = await callApi<{ layer: string }>(
      lea.page,
      'POST',
      `/api/sessions/${sessionId}/canvas`,
    )
    const cookie = (await lea.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const raw = connectProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, layer, null, { cookie })
    await raw.synced()
    const stored = JSON.stringify(raw.doc.getMap(CANVAS_RECORDS).toJSON())
    raw.destroy()
    expect(stored).toMatch(/"src":"\/api\/images\/[0-9a-f]{64}"/)
    expect(stored).not.toContain('base64')

    // Lea describes it; Max reads her words in the canvas's text list.
    await selectAll(lea.page)
    await lea.page.getByLabel('Describe your drawing').fill('A calm lake at dawn')
    await lea.page.getByRole('button', { name: 'Save the description' }).click()
    await max.page.getByText('What is on this canvas, as text (1)').click()
    await max.page.getByText('An image: A calm lake at dawn — someone else’s').waitFor()

    // The facilitator locks it: it is the facilitators' now, on every screen.
    await selectAll(f)
    await f.getByRole('button', { name: 'Lock the selected drawing' }).click()
    await max.page.getByText('An image: A calm lake at dawn — locked by a facilitator').waitFor()
    await lea.page.getByText('What is on this canvas, as text (1)').click()
    await lea.page.getByText('An image: A calm lake at dawn — locked by a facilitator').waitFor()
    await f.getByRole('button', { name: 'Unlock all drawings (1)' }).click()
    await lea.page.getByText('An image: A calm lake at dawn — yours').waitFor()

    // A gallery walk: Max's screen hides Lea's work until it is revealed; the spotlight brings
    // Max (who had gone to the worksheets) back to it.
    await f.getByRole('button', { name: 'Start a gallery walk' }).click()
    await max.page.getByText('What is on this canvas, as text (0)').waitFor()
    await f.getByRole('button', { name: 'Reveal Work 1' }).waitFor()
    await max.page.getByRole('tab', { name: 'Worksheets' }).click()
    await f.getByRole('button', { name: 'Spotlight Work 1' }).click()
    await max.page.getByRole('tab', { name: 'Whiteboard', selected: true }).waitFor()
    await max.page
      .getByText('Your facilitator is showing the group a work on the canvas.')
      .waitFor()
    await lea.page.getByText('Your facilitator is showing your work to the group.').waitFor()
    await max.page.getByText('What is on this canvas, as text (1)').waitFor()
    await screenshot(max, 'whiteboard-gallery')
    await f.getByRole('button', { name: 'End the gallery walk' }).click()
    await f.getByRole('button', { name: 'Start a gallery walk' }).waitFor()

    // After the session: the whiteboard is in Lea's library and opens on her session page.
    await callApi(f, 'POST', `/api/sessions/${sessionId}/status`, { status: 'ended' })
    await lea.page.goto(`${baseUrl}/`)
    await lea.page.getByRole('link', { name: 'The group canvas' }).waitFor()
    await lea.page.getByRole('link', { name: 'My own canvas' }).click()
    await lea.page.getByRole('button', { name: 'Open the whiteboard' }).click()
    await lea.page.locator('.tl-shape img[src*="/api/images/"]').waitFor()
    expectClean([made.facilitator, lea, max])
  })
})
