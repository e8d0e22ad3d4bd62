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

  it('says whether the chat is kept after a session, and that a risk alerts the facilitators', () => {
    const kept = anonymityStatement({ anonymousChat: true, facilitatorsSeeAuthors: false })
    expect(kept[2]).toMatch(/kept after each session/)
    const cleared = anonymityStatement({
      anonymousChat: true,
      facilitatorsSeeAuthors: false,
      chatKept: false,
    })
    expect(cleared[2]).toMatch(/cleared when each session ends/)
    expect(cleared[3]).toMatch(/facilitators are alerted privately/)
  })
})
