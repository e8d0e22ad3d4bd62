import { describe, expect, it } from 'vitest'
import { anonymityStatement } from './anonymityStatement.ts'

describe('anonymityStatement', () => {
  it('always says members are known only by their chosen name', () => {
    const [first] = anonymityStatement({ anonymousChat: false, facilitatorsSeeAuthors: false })
    expect(first).toMatch(/only by the name you choose/)
  })

  it('says plainly who can see the author of a chat message', () => {
    const say = (anonymousChat: boolean, facilitatorsSeeAuthors: boolean) =>
      anonymityStatement({ anonymousChat, facilitatorsSeeAuthors })[1]
    expect(say(false, false)).toMatch(/show the name you choose to everyone/)
    expect(say(false, true)).toMatch(/show the name you choose to everyone/)
    expect(say(true, true)).toMatch(/anonymous to other members, but the facilitators can see/)
    expect(say(true, false)).toMatch(/neither other members nor the facilitators/)
  })
})
