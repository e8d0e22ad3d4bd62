import { HTTPException } from 'hono/http-exception'
import { audit } from '../audit/audit.ts'
import { hashToken } from '../auth/logins.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'
import { newId } from '../db/newId.ts'
import { currentAgreementVersion } from '../groups/groupQueries.ts'
import { nextColour } from './memberColours.ts'
import { claimsARole, looksLikeAny, nameSkeletons } from './nameSkeletons.ts'
import { pseudonymKey } from './pseudonymKey.ts'
import { invitationRefused, usableInvitation } from './usableInvitation.ts'

export interface Joining {
  token: string
  pseudonym: string
  /** The agreement version the person read and accepted. */
  agreementVersion: number
  /** The passphrase, hashed before (never inside the transaction). */
  passphraseHash: string
}

/**
 * Uses an invitation: a new member joins under their pseudonym, or a re-issued link restores
 * the member it was made for with a new passphrase; either accepts the agreement. Returns the
 * member's id; throws the HTTP answer when the invitation, the agreement or the name will not do.
 *
 * The checks run again inside the transaction: two people may take the last place, the last
 * use or look-alike names at once. On PostgreSQL, where they may be on different instances,
 * joins of one group take turns (an advisory lock held to the commit; SQLite's transactions
 * take the write lock when they begin), and a use is counted only below the limit.
 */
export async function joinThroughInvitation(
  data: Data,
  joining: Joining,
  now: number,
): Promise<string> {
  return atomically(data, async (trx) => {
    if (onPostgres(trx)) {
      const owner = await trx
        .selectFrom('invitations')
        .select('group_id')
        .where('token_hash', '=', hashToken(joining.token))
        .executeTakeFirst()
      if (owner) await advisoryLock(trx, `group members:${owner.group_id}`)
    }
    const invitation = await usableInvitation(trx, joining.token, now)
    const groupId = invitation.group_id
    if (joining.agreementVersion !== (await currentAgreementVersion(trx, groupId))) {
      throw new HTTPException(409, {
        message: 'The group agreement has just changed. Please read it again.',
      })
    }
    let id = invitation.member_id
    if (id) {
      await trx
        .updateTable('members')
        .set({ passphrase_hash: joining.passphraseHash })
        .where('id', '=', id)
        .execute()
      await audit(
        trx,
        { actor: { kind: 'member', id }, action: 'member.access-restored', groupId },
        now,
      )
    } else {
      id = await addMember(trx, groupId, joining, now)
      await audit(
        trx,
        {
          actor: { kind: 'member', id },
          action: 'member.joined',
          target: { kind: 'invitation', id: invitation.id },
          groupId,
        },
        now,
      )
    }
    const counted = await trx
      .updateTable('invitations')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('id', '=', invitation.id)
      .whereRef('uses', '<', 'max_uses')
      .executeTakeFirst()
    if (Number(counted.numUpdatedRows) !== 1) throw invitationRefused('used')
    await trx
      .insertInto('agreement_acceptances')
      .values({ member_id: id, version: joining.agreementVersion, accepted_at: now })
      .onConflict((oc) => oc.columns(['member_id', 'version']).doNothing())
      .execute()
    await audit(
      trx,
      {
        actor: { kind: 'member', id },
        action: 'agreement.accepted',
        groupId,
        detail: { version: joining.agreementVersion },
      },
      now,
    )
    return id
  })
}

/** A new member under a pseudonym nobody in the group has, or could be mistaken for. */
async function addMember(trx: Data, groupId: string, joining: Joining, now: number) {
  const key = pseudonymKey(joining.pseudonym)
  if (nameSkeletons(joining.pseudonym).every((k) => k === '')) {
    throw new HTTPException(400, {
      message: 'Choose a name with at least one letter or digit.',
    })
  }
  // Not only the same name: one that looks like a member's or a facilitator's of this
  // group ("Wrеn" with a Cyrillic е, "Dr Οther", "W r e n") would let someone pass as them.
  const members = await trx
    .selectFrom('members')
    .select(['pseudonym', 'pseudonym_key', 'colour'])
    .where('group_id', '=', groupId)
    .execute()
  const facilitators = await trx
    .selectFrom('facilitators as f')
    .innerJoin('group_facilitators as gf', 'gf.facilitator_id', 'f.id')
    .select('f.display_name')
    .where('gf.group_id', '=', groupId)
    .execute()
  const taken = members.some((m) => m.pseudonym_key === key)
  if (claimsARole(joining.pseudonym))
    throw new HTTPException(409, {
      message:
        'That name includes a word kept for the group’s facilitators. Please choose another.',
    })
  const names = [...members.map((m) => m.pseudonym), ...facilitators.map((f) => f.display_name)]
  if (taken || looksLikeAny(joining.pseudonym, names))
    throw new HTTPException(409, {
      message:
        'That name is taken, or looks too much like someone else’s in this group. Please choose another.',
    })
  const id = newId('member')
  await trx
    .insertInto('members')
    .values({
      id,
      group_id: groupId,
      pseudonym: joining.pseudonym.trim(),
      pseudonym_key: key,
      colour: nextColour(members.map((m) => m.colour)),
      passphrase_hash: joining.passphraseHash,
      status: 'active',
      created_at: now,
    })
    .execute()
  return id
}
