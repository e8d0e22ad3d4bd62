import type { GroupSettings } from '../../shared/api/schemas.ts'

/** The group settings as the form holds them: text inputs hold text, even for numbers. */
export type GroupFormValues = Omit<GroupSettings, 'capacity'> & { capacity: string }
export type GroupField = keyof GroupFormValues | 'agreement'

export const EMPTY_GROUP_FORM: GroupFormValues = {
  name: '',
  theme: '',
  kind: 'thematic',
  description: '',
  goals: '',
  capacity: '10',
  anonymousChat: true,
  facilitatorsSeeAuthors: false,
  autoAdmit: false,
  chatKept: true,
  videoE2ee: false,
  checkinsNamed: false,
  crisisRegion: 'other',
}

export function groupFormFromSettings(settings: GroupSettings): GroupFormValues {
  return { ...settings, capacity: String(settings.capacity) }
}

/** The values as the API takes them, to be checked with the shared schema. */
export function groupSettingsFromForm(values: GroupFormValues) {
  const capacity = values.capacity.trim()
  return { ...values, capacity: /^\d+$/.test(capacity) ? Number(capacity) : Number.NaN }
}

/** Only what changed, for `PATCH /api/groups/:id`. */
export function changedSettings(
  before: GroupSettings,
  after: GroupSettings,
): Partial<GroupSettings> {
  const changed: Partial<Record<keyof GroupSettings, unknown>> = {}
  for (const key of Object.keys(after) as (keyof GroupSettings)[]) {
    if (after[key] !== before[key]) changed[key] = after[key]
  }
  return changed as Partial<GroupSettings>
}

export const GROUP_MESSAGES: Partial<Record<GroupField, string>> = {
  name: 'Give the group a name (up to 120 characters).',
  theme: 'Name the theme in a few words (up to 120 characters), such as "Anxiety".',
  description: 'Keep the description under 4,000 characters.',
  goals: 'Keep the goals under 4,000 characters.',
  capacity: 'Enter a whole number of members from 2 to 50.',
  agreement: 'Write the group agreement members will accept (up to 20,000 characters).',
}
