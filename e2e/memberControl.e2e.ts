import { readFile } from 'node:fs/promises'
import { unzipSync } from 'fflate'
import { describe, expect, inject, it } from 'vitest'
import { browserPerFile } from './support/browserPerFile.ts'
import { screenshot } from './support/openPerson.ts'
import { expectClean } from './support/roomPage.ts'
import { GRATITUDE, sessionWrittenThenEnded } from './support/endedSession.ts'

const baseUrl = inject('baseUrl')
const run = browserPerFile()
const people = run.people

describe('the member keeps control of their material', () => {
  it('the facilitator withholds the group’s sheet; the member downloads everything, deletes a copy, then leaves and erases', async () => {
    const made = await sessionWrittenThenEnded(run.browser, 'Ola', {
      situation: 'On the bus home',
      goodThing: 'Soup with my neighbour',
    })
    people.push(made.facilitator, made.member)
    const { facilitator, member: ola } = made
    const f = facilitator.page
    const o = ola.page

    // The facilitator keeps the group's sheet back and releases the rest for a week.
    await f.reload()
    const release = f.getByRole('region', { name: 'After the session' })
    await release.getByLabel('The group’s worksheets, as the group left them').uncheck()
    await release.getByLabel('For how long after the session').selectOption('7')
    await release.getByRole('button', { name: 'Save what is released' }).click()
    await release.getByText(/^Released until /).waitFor()
    await screenshot(facilitator, 'release-panel')

    // Ola's library: her own copy only, and until when the group's material stays.
    await o.goto(`${baseUrl}/`)
    const materials = o.getByRole('region', { name: 'Your materials' })
    await materials.getByRole('link', { name: GRATITUDE, exact: true }).waitFor()
    await materials.getByText(/The group’s materials stay here until/).waitFor()
    expect(await materials.getByRole('link', { name: 'Thought record', exact: true }).count()).toBe(
      0,
    )

    // Everything at once: a zip with an index, her words, not the withheld sheet.
    const [file] = await Promise.all([
      o.waitForEvent('download'),
      materials.getByRole('button', { name: 'Download everything (.zip)' }).click(),
    ])
    expect(file.suggestedFilename()).toBe('my-hearth-materials.zip')
    const files = unzipSync(new Uint8Array(await readFile((await file.path())!)))
    const index = new TextDecoder().decode(files['index.html'])
    expect(index).toContain(`${GRATITUDE} (my copy) (PDF)`)
    const md = Object.entries(files).find(([p]) => p.endsWith('.md'))!
    expect(new TextDecoder().decode(md[1])).toContain('Soup with my neighbour')
    expect(Object.keys(files).join()).not.toContain('thought-record')

    // Deleting her copy: asked first, then gone from the library.
    await materials.getByRole('button', { name: `Delete your copy of ${GRATITUDE}` }).click()
    const ask = o.getByRole('dialog', { name: `Delete your copy of “${GRATITUDE}”?` })
    await ask.getByRole('button', { name: 'Delete my copy' }).click()
    await expect
      .poll(() => materials.getByRole('link', { name: GRATITUDE, exact: true }).count())
      .toBe(0)

    // Leaving: asked first, then signed out with a word of what happened.
    await o.getByRole('button', { name: 'Leave and erase my data' }).click()
    const leave = o.getByRole('dialog', { name: 'Leave the group and erase your data?' })
    await screenshot(ola, 'leave-and-erase')
    await leave.getByRole('button', { name: 'Leave and erase my data' }).click()
    await o.getByText('You have left the group and your data was erased.').waitFor()
    // Signed out: "who am I?" is refused once, as it should be; nothing else went wrong.
    const signedOut = /status of 401 .*"url":"[^"]*\/api\/me"/
    expect(ola.errors.filter((e) => signedOut.test(e))).toHaveLength(1)
    ola.errors.splice(0, ola.errors.length, ...ola.errors.filter((e) => !signedOut.test(e)))
    expectClean([facilitator, ola], { allowRefusedSocket: true })
  }, 120_000)
})
