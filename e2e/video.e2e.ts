import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserPerFile } from './support/browserPerFile.ts'
import { recordRequests } from './support/recordRequests.ts'
import { installFakeCall } from './support/fakeCall.ts'
import { eventually } from './support/openPlayground.ts'
import { screenshot, type Person } from './support/openPerson.ts'
import { enter, expectClean } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const run = browserPerFile()
const people = run.people

const loadsLiveKit = (urls: string[]) => urls.some((u) => /livekit|VideoCall/i.test(u))

/**
 * How sharp the preview is: the mean difference between neighbouring pixels' brightness (a
 * blurred picture has soft edges, so a small one).
 */
function sharpness(preview: Locator): Promise<number> {
  return preview.evaluate((v: HTMLVideoElement) => {
    const canvas = document.createElement('canvas')
    canvas.width = v.videoWidth
    canvas.height = v.videoHeight
    const paint = canvas.getContext('2d')!
    paint.drawImage(v, 0, 0)
    const { data, width, height } = paint.getImageData(0, 0, canvas.width, canvas.height)
    const light = (i: number) => data[i]! * 0.3 + data[i + 1]! * 0.59 + data[i + 2]! * 0.11
    let sum = 0
    for (let y = 0; y < height; y++) {
      for (let x = 0; x + 1 < width; x++) {
        const i = (y * width + x) * 4
        sum += Math.abs(light(i) - light(i + 4))
      }
    }
    return sum / (width * height)
  })
}

/**
 * This server has no LiveKit: as a deployment with video would answer, the page is told video
 * is set up, and given a ticket to a port where nothing listens (LiveKit's connect then fails
 * fast with ConnectionError).
 */
async function pretendVideoIsSetUp(page: Page, mutes: string[]) {
  await page.route('**/api/sessions/*/video', (route) =>
    route.fulfill({ json: { configured: true, e2ee: false } }),
  )
  await page.route('**/api/sessions/*/video/token', (route) =>
    route.fulfill({
      json: { url: 'ws://127.0.0.1:9', token: 'not-a-token', identity: 'vfakelocal', e2ee: null },
    }),
  )
  await page.route('**/api/sessions/*/video/participants/*/mute', (route) => {
    mutes.push(new URL(route.request().url()).pathname)
    return route.fulfill({ json: { muted: true } })
  })
}

describe('video', () => {
  it('without LiveKit the room says so once and works; with it, the check before joining shows the camera and a moving level, the background blur softens the preview, a failed connection says so, and the grid shows the call and its state', async () => {
    const made = await setUpRoom(run.browser, ['Robin'])
    people.push(made.facilitator, ...made.members)
    const { sessionId } = made
    const robin = made.members[0] as Person
    const requests = recordRequests(robin.page)

    // No video on this server: said once, calmly; the workspace works; LiveKit never loads.
    await enter(robin.page, sessionId)
    // (Robin is on a phone: the stage is one of the regions the bar at the bottom switches to.)
    await robin.page
      .getByText('Video is not set up on this server. Everything else in the room works.')
      .waitFor({ state: 'attached' })
    expect(await robin.page.getByText('Video is not set up').count()).toBe(1)
    await robin.page.getByRole('tab', { name: 'Worksheets', selected: true }).waitFor()
    expect(loadsLiveKit(requests)).toBe(false)

    // Video set up: the check before joining, with Chromium's fake camera and microphone.
    const f = made.facilitator.page
    const facilitatorRequests = recordRequests(f)
    const mutes: string[] = []
    await pretendVideoIsSetUp(f, mutes)
    await enter(f, sessionId)
    expect(loadsLiveKit(facilitatorRequests)).toBe(false)
    await f.getByRole('button', { name: 'Join video' }).click()
    const preview = f.getByLabel('Your camera, as the group would see it')
    await eventually(
      () => preview.evaluate((v: HTMLVideoElement) => v.videoWidth > 0 && !v.paused),
      'the camera preview to play',
    )
    const levels = new Set<number>()
    await eventually(async () => {
      levels.add(await f.getByLabel('Microphone level').evaluate((m: HTMLMeterElement) => m.value))
      return levels.size >= 3
    }, 'the level meter to move')
    await screenshot(made.facilitator, 'video-prejoin')

    // The background blur: MediaPipe's model from our own origin, the preview visibly softer.
    const sharp = await sharpness(preview)
    await f.getByLabel('Blur my background').check()
    await preview.and(f.locator('[data-blurred="true"]')).waitFor({ timeout: 30_000 })
    let blurred = sharp
    await eventually(
      async () => {
        blurred = await sharpness(preview)
        return blurred < sharp / 2
      },
      () => `the preview to blur (sharpness ${sharp.toFixed(2)}, now ${blurred.toFixed(2)})`,
    )
    const origin = new URL(f.url()).origin
    expect(
      facilitatorRequests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:')),
    ).toEqual([])
    expect(
      facilitatorRequests.some((u) => /\/mediapipe\/selfie_segmentation\/.+\.wasm$/.test(u)),
    ).toBe(true)
    await screenshot(made.facilitator, 'video-prejoin-blurred')
    await f.getByLabel('Blur my background').uncheck()
    await preview.and(f.locator('[data-blurred="false"]')).waitFor()

    // LiveKit loads only now, and a server that cannot be reached is said plainly.
    await f.getByLabel('Join with my microphone off').check()
    await f.getByRole('button', { name: 'Join the call' }).click()
    await f.getByText('The video server could not be reached.', { exact: false }).waitFor()
    expect(loadsLiveKit(facilitatorRequests)).toBe(true)

    // A fake room in LiveKit's place: the grid, the one speaking, muted and camera-off states.
    await f.addInitScript(installFakeCall)
    await f.reload()
    await f.getByRole('button', { name: 'Join video' }).click()
    await f.getByLabel('Blur my background').check()
    await f.getByRole('button', { name: 'Join the call' }).click()
    await f.getByRole('listitem', { name: 'Robin, speaking' }).waitFor()
    // The call's connection sits beside the workspace's, and says when it is reconnecting.
    const callBadge = f.getByTestId('call-state')
    await f.getByText('Call: connected').waitFor()
    await f.evaluate(() => window.hearthFakeCallState?.('reconnecting'))
    await f.getByText('Call: reconnecting…').waitFor()
    expect(await f.getByTestId('connection-state').textContent()).toBe('Connected')
    await f.evaluate(() => window.hearthFakeCallState?.('connected'))
    await f.getByText('Call: connected').waitFor()
    // Asked for before joining, the blur is on in the call, and can be turned off there.
    const blurButton = f.getByRole('button', { name: 'Blur my background' })
    expect(await blurButton.getAttribute('aria-pressed')).toBe('true')
    await blurButton.click()
    await eventually(
      async () =>
        (await blurButton.getAttribute('aria-pressed')) === 'false' &&
        (await f.evaluate(() => window.hearthFakeCallBlur)) === false,
      'the blur to turn off in the call',
    )
    await f.getByRole('listitem', { name: 'Sky, microphone off, camera off' }).waitFor()
    await f.getByRole('listitem', { name: 'Me (you), facilitator, camera off' }).waitFor()
    await eventually(
      () =>
        f
          .locator('.call-tile[data-speaking="true"] video')
          .evaluate((v: HTMLVideoElement) => v.videoWidth > 0),
      'Robin’s video to play',
    )
    await f.getByRole('button', { name: 'Mute Robin' }).click()
    await eventually(async () => mutes.length === 1, 'the mute request')
    expect(mutes[0]).toBe(`/api/sessions/${sessionId}/video/participants/vfakerobin/mute`)
    // Nobody can turn anyone else's microphone on: there is no such control.
    expect(await f.getByRole('button', { name: /Unmute Robin/ }).count()).toBe(0)
    await f.getByRole('button', { name: 'Mute', exact: true }).click()
    await f
      .getByRole('listitem', { name: 'Me (you), facilitator, microphone off, camera off' })
      .waitFor()
    await screenshot(made.facilitator, 'video-call')
    // Leaving the call takes its state out of the header.
    await f.getByRole('button', { name: 'Leave the call' }).click()
    await callBadge.waitFor({ state: 'detached' })
    // LiveKit itself reports the refused connection on the console; nothing else may.
    made.facilitator.errors.splice(
      0,
      made.facilitator.errors.length,
      ...made.facilitator.errors.filter((e) => !/127\.0\.0\.1:9|livekit|websocket/i.test(e)),
    )
    expectClean([made.facilitator, robin])
  })
})
