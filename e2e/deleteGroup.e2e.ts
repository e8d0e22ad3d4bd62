import { describe, expect, inject, it } from 'vitest'
import { browserPerFile } from './support/browserPerFile.ts'
import { callApi } from './support/callApi.ts'
import { screenshot } from './support/openPerson.ts'
import { expectClean } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const baseUrl = inject('baseUrl')
const run = browserPerFile()

describe('the lead deletes a group', () => {
  it('types the group’s name, deletes it for good, and is back home without it', async () => {
    const room = await setUpRoom(run.browser, ['Noor'])
    run.people.push(room.facilitator, ...room.members)
    const f = room.facilitator.page
    const { settings } = await callApi<{ settings: { name: string } }>(
      f,
      'GET',
      `/api/groups/${room.groupId}`,
    )
    await f.goto(`${baseUrl}/groups/${room.groupId}/settings`)
    const danger = f.getByRole('region', { name: 'Danger zone' })
    const button = danger.getByRole('button', { name: 'Delete this group permanently' })
    const field = danger.getByLabel('Type the group’s name to confirm')
    await danger.getByText(/Backups cannot bring any of it back/).waitFor()
    expect(await button.isDisabled()).toBe(true)

    // Almost the name is not the name; the keyboard alone does the rest.
    await field.fill(settings.name.toUpperCase())
    expect(await button.isDisabled()).toBe(true)
    await field.fill('')
    await field.focus()
    await f.keyboard.type(settings.name)
    expect(await button.isEnabled()).toBe(true)
    await screenshot(room.facilitator, 'delete-group', { dark: true })
    await f.keyboard.press('Enter')

    // Home, told so, and the group is gone from the list.
    await f.waitForURL(`${baseUrl}/`)
    await f.getByRole('heading', { name: 'Your groups', level: 1 }).waitFor()
    await f.getByRole('status').filter({ hasText: 'was deleted permanently' }).waitFor()
    const groups = f.getByRole('list', { name: 'Groups' })
    await groups.or(f.getByRole('heading', { name: 'No groups yet' })).waitFor()
    expect(await groups.getByText(settings.name).count()).toBe(0)
    const { groups: listed } = await callApi<{ groups: { id: string }[] }>(f, 'GET', '/api/groups')
    expect(listed.map((g) => g.id)).not.toContain(room.groupId)
    // Its member is signed out.
    const me = await room.members[0]!.page.evaluate(async () => (await fetch('/api/me')).status)
    expect(me).toBe(401)
    expectClean([room.facilitator])
  }, 120_000)
})
