/**
 * What a presence (awareness) state may carry, with each field's cap in bytes of JSON. The
 * server keeps only these: `user` it stamps itself (who the sender is, C9); `cursor` is
 * TipTap's caret and selection (relative positions); `pointer` a pointer on the group canvas
 * (page coordinates); `typing` a flag; `guest` the
 * playground's self-chosen name and colour. Anything else, or a field over its cap, is
 * dropped before the state is kept or relayed. A feature that needs another field adds it
 * here, with its cap.
 */
export const PRESENCE_FIELD_BYTES: Readonly<Record<string, number>> = {
  user: 512,
  cursor: 2048,
  pointer: 64,
  typing: 16,
  guest: 512,
}
