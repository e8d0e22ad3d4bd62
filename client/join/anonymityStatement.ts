/** What a group's settings mean for a member's anonymity, in sentences to read before joining. */
export function anonymityStatement({
  anonymousChat,
  facilitatorsSeeAuthors,
}: {
  anonymousChat: boolean
  facilitatorsSeeAuthors: boolean
}): string[] {
  const chat = !anonymousChat
    ? 'Your chat messages show the name you choose to everyone in the group.'
    : facilitatorsSeeAuthors
      ? 'Your chat messages are anonymous to other members, but the facilitators can see who wrote them.'
      : 'Your chat messages are anonymous: neither other members nor the facilitators can see who wrote them.'
  return [
    'In Hearth, everyone, members and facilitators alike, knows you only by the name you choose. Hearth does not ask for your real name, email or phone number.',
    chat,
  ]
}
