/**
 * A first draft of a group agreement, so a facilitator edits rather than starts from nothing.
 * It is plain text: each member reads and accepts it before joining.
 */
export const STARTER_AGREEMENT = `What is said in the group stays in the group. We do not share other members' stories, names or details outside.

We join from a private place where no one else can see or hear the session, and we do not record it.

We listen without interrupting, speak from our own experience, and give advice only when asked.

We may pass: no one has to speak or share.

We arrive on time. If we cannot come, we let the facilitator know.

If someone is at risk of harm, the facilitator may need to act to keep them safe.`
