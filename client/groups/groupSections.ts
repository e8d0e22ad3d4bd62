/** The sections of a group's page, in the order of the section navigation. */
export const GROUP_SECTIONS = [
  { id: 'schedule', label: 'Sessions' },
  { id: 'members', label: 'Members' },
  { id: 'invitations', label: 'Invitations' },
  { id: 'goals', label: 'Goals' },
  { id: 'agreement', label: 'Agreement' },
  { id: 'settings', label: 'Settings' },
  { id: 'audit', label: 'Audit trail' },
] as const

export type GroupSectionId = (typeof GROUP_SECTIONS)[number]['id']

export function isGroupSection(id: string): id is GroupSectionId {
  return GROUP_SECTIONS.some((section) => section.id === id)
}
