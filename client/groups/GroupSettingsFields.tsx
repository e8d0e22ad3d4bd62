import { GROUP_KINDS } from '../../shared/api/schemas.ts'
import { CRISIS_REGIONS, REGION_LABELS } from '../../shared/crisis/regions.ts'
import { CheckboxField } from '../ui/CheckboxField.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { TextField } from '../ui/TextField.tsx'
import type { FieldErrors } from '../ui/validateForm.ts'
import { GROUP_KIND_HINT, GROUP_KIND_SHORT } from './groupKinds.ts'
import type { GroupField, GroupFormValues } from './groupFormValues.ts'

const REGION_OPTIONS = CRISIS_REGIONS.map((region) => ({
  value: region,
  label: REGION_LABELS[region],
}))
const KIND_OPTIONS = GROUP_KINDS.map((kind) => ({ value: kind, label: GROUP_KIND_SHORT[kind] }))

/** The fields of a group's settings, shared by creating a group and editing it. */
export function GroupSettingsFields({
  idPrefix,
  values,
  errors,
  onChange,
}: {
  idPrefix: string
  values: GroupFormValues
  errors: FieldErrors<GroupField>
  onChange: (next: Partial<GroupFormValues>) => void
}) {
  const id = (field: GroupField) => `${idPrefix}-${field}`
  return (
    <>
      <fieldset className="fieldset">
        <legend>About the group</legend>
        <TextField
          id={id('name')}
          label="Group name"
          hint="Members see it. For example: Thursday evening anxiety group."
          value={values.name}
          onChange={(name) => onChange({ name })}
          error={errors.name}
        />
        <TextField
          id={id('theme')}
          label="Theme"
          hint="A few words, such as Anxiety, Grief or Living with pain."
          value={values.theme}
          onChange={(theme) => onChange({ theme })}
          error={errors.theme}
        />
        <SelectField
          id={id('kind')}
          label="Kind of group"
          hint={GROUP_KIND_HINT}
          value={values.kind}
          options={KIND_OPTIONS}
          onChange={(kind) => onChange({ kind: kind as GroupFormValues['kind'] })}
        />
        <TextField
          id={id('description')}
          label="Description (optional)"
          hint="Shown to people you invite, before they join."
          rows={3}
          value={values.description}
          onChange={(description) => onChange({ description })}
          error={errors.description}
        />
        <TextField
          id={id('goals')}
          label="Goals (optional)"
          hint="What the group works towards. Members see them on their group page."
          rows={3}
          value={values.goals}
          onChange={(goals) => onChange({ goals })}
          error={errors.goals}
        />
        <TextField
          id={id('capacity')}
          label="Places"
          hint="How many members the group can have, from 2 to 50."
          inputMode="numeric"
          className="input--short"
          value={values.capacity}
          onChange={(capacity) => onChange({ capacity })}
          error={errors.capacity}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Privacy and sessions</legend>
        <CheckboxField
          id={id('anonymousChat')}
          label="Members' chat messages are anonymous to other members"
          hint="Members see a message but not who wrote it."
          checked={values.anonymousChat}
          onChange={(anonymousChat) => onChange({ anonymousChat })}
        />
        <CheckboxField
          id={id('facilitatorsSeeAuthors')}
          label="Facilitators can see who wrote an anonymous message"
          hint="Members are told this before they join."
          checked={values.facilitatorsSeeAuthors}
          onChange={(facilitatorsSeeAuthors) => onChange({ facilitatorsSeeAuthors })}
        />
        <CheckboxField
          id={id('checkinsNamed')}
          label="Facilitators can see each member's check-in"
          hint="Without this, facilitators see only the group's overall answers, as members do. Members are told this whenever they check in."
          checked={values.checkinsNamed}
          onChange={(checkinsNamed) => onChange({ checkinsNamed })}
        />
        <CheckboxField
          id={id('chatKept')}
          label="Keep the chat after each session"
          hint="Members can read it again afterwards, as long as you release it. Without this, the chat is cleared when a session ends. Members are told before they join."
          checked={values.chatKept}
          onChange={(chatKept) => onChange({ chatKept })}
        />
        <SelectField
          id={id('crisisRegion')}
          label="Crisis lines for"
          hint="Where members mostly are: if a message suggests someone is in danger, they are shown this region's crisis lines."
          value={values.crisisRegion}
          options={REGION_OPTIONS}
          onChange={(region) =>
            onChange({ crisisRegion: region as GroupFormValues['crisisRegion'] })
          }
        />
        <CheckboxField
          id={id('videoE2ee')}
          label="Encrypt the group's video end to end"
          hint="Only the people admitted to a session get its key; the video server cannot see or hear the call. A member taken out of a session loses the key at once. Needs a recent browser."
          checked={values.videoE2ee}
          onChange={(videoE2ee) => onChange({ videoE2ee })}
        />
        <CheckboxField
          id={id('autoAdmit')}
          label="Let members straight into sessions"
          hint="Without this, members wait in the waiting room until a facilitator admits them."
          checked={values.autoAdmit}
          onChange={(autoAdmit) => onChange({ autoAdmit })}
        />
      </fieldset>
    </>
  )
}
