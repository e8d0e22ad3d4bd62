import type { GROUP_KINDS } from '../../shared/api/schemas.ts'

type GroupKind = (typeof GROUP_KINDS)[number]

/** What each kind of group is, for the hint beside the choice. */
export const GROUP_KIND_HINT =
  'Thematic: a shared concern, such as anxiety or grief. Psychoeducational: learning skills and knowledge. Support: peer support and open conversation. Experiential: art, movement or mindfulness.'

/** The short name, for cards and headings. */
export const GROUP_KIND_SHORT: Record<GroupKind, string> = {
  thematic: 'Thematic',
  psychoeducational: 'Psychoeducational',
  support: 'Support',
  experiential: 'Experiential',
}
