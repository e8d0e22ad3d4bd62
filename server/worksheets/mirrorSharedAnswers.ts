import { parseGroupDocName, sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Services } from '../http/AppEnv.ts'
import { extractFields } from './extractFields.ts'
import { readWorksheet } from './readWorksheet.ts'
import { fieldSharesOf } from './worksheetShares.ts'

/**
 * Keeps the audience documents of single shared answers in step with a member's private
 * worksheet: every answer they shared is written there as plain text, under an opaque key,
 * with their pseudonym. The server is the only writer of those documents.
 */
export async function mirrorSharedAnswers(services: Services, privateDoc: DocName): Promise<void> {
  const parsed = parseGroupDocName(privateDoc)
  if (parsed?.kind !== 'member-private') return
  const { groupId, sessionId, itemId, ownerId } = parsed
  const data = await services.data()
  const member = await data
    .selectFrom('members')
    .select(['pseudonym', 'colour'])
    .where('id', '=', ownerId!)
    .executeTakeFirst()
  if (!member) return
  const shares = await fieldSharesOf(data, itemId!, ownerId!)
  const fields = extractFields(await readWorksheet(services, privateDoc))
  for (const audience of ['facilitators', 'group'] as const) {
    const wanted = shares.filter((s) => s.audience === audience && fields.has(s.field_id))
    if (wanted.length === 0) continue
    const target = sessionDocName.answers(groupId, sessionId, itemId!, audience) as DocName
    await services.sync.serverWrite(target, (doc) => {
      const answers = doc.getMap<string>('answers')
      for (const share of wanted) {
        const json = JSON.stringify({
          name: member.pseudonym,
          colour: member.colour,
          ...fields.get(share.field_id)!,
        })
        if (answers.get(share.share_key) !== json) answers.set(share.share_key, json)
      }
    })
  }
}

/** Removes one answer from its audience's document when the member takes it back. */
export async function withdrawSharedAnswer(
  services: Services,
  target: {
    groupId: string
    sessionId: string
    worksheetId: string
    audience: 'facilitators' | 'group'
  },
  shareKey: string,
): Promise<void> {
  const name = sessionDocName.answers(
    target.groupId,
    target.sessionId,
    target.worksheetId,
    target.audience,
  ) as DocName
  await services.sync.serverWrite(name, (doc) => doc.getMap('answers').delete(shareKey))
}
