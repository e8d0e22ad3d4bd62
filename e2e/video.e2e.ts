import type { Page } from 'playwright-core'
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
  it('without LiveKit the room says so once and works; with it, the check before joining shows the camera and a moving level, a failed connection says so, and the grid shows the call', async () => {
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

    // LiveKit loads only now, and a server that cannot be reached is said plainly.
    await f.getByLabel('Join with my microphone off').check()
    await f.getByRole('button', { name: 'Join the call' }).click()
    await f.getByText('The video server could not be reached.', { exact: false }).waitFor()
    expect(loadsLiveKit(facilitatorRequests)).toBe(true)

    // A fake room in LiveKit's place: the grid, the one speaking, muted and camera-off states.
    await f.addInitScript(installFakeCall)
    await f.reload()
    await f.getByRole('button', { name: 'Join video' }).click()
    await f.getByRole('button', { name: 'Join the call' }).click()
    await f.getByRole('listitem', { name: 'Robin, speaking' }).waitFor()
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
    // LiveKit itself reports the refused connection on the console; nothing else may.
    made.facilitator.errors.splice(
      0,
      made.facilitator.errors.length,
      ...made.facilitator.errors.filter((e) => !/127\.0\.0\.1:9|livekit|websocket/i.test(e)),
    )
    expectClean([made.facilitator, robin])
  })
})
