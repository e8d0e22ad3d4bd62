/** What a group's settings mean for a member's anonymity, in sentences to read before joining. */
export function anonymityStatement({
  anonymousChat,
  facilitatorsSeeAuthors,
  chatKept = true,
}: {
  anonymousChat: boolean
  facilitatorsSeeAuthors: boolean
  chatKept?: boolean
}): string[] {
  const chat = !anonymousChat
    ? 'Your chat messages show the name you choose to everyone in the group.'
    : facilitatorsSeeAuthors
      ? 'Your chat messages are anonymous to other members, but the facilitators can see who wrote them.'
      : 'Your chat messages are anonymous: neither other members nor the facilitators can see who wrote them.'
  const kept = chatKept
    ? 'The chat is kept after each session, for members to read again, for as long as the facilitators set.'
    : 'The chat is cleared when each session ends.'
  return [
    'In Hearth, everyone, members and facilitators alike, knows you only by the name you choose. Hearth does not ask for your real name, email or phone number.',
    chat,
    kept,
    // Said before joining, so that the private alert never comes as a surprise.
    'If a message of yours suggests you may be in danger, the facilitators are alerted privately so that they can reach out, and you are shown where to find help. Your message is never blocked or hidden.',
  ]
}
