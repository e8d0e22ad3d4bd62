import { useState, type FormEvent } from 'react'
import { groupSettings } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { focusField, validateForm, type FieldErrors } from '../ui/validateForm.ts'
import { DeleteGroupSection } from '../erasure/DeleteGroupSection.tsx'
import { FacilitatorsPanel } from './FacilitatorsPanel.tsx'
import {
  changedSettings,
  GROUP_MESSAGES,
  groupFormFromSettings,
  groupSettingsFromForm,
  type GroupField,
} from './groupFormValues.ts'
import type { GroupDetail } from './groupSchemas.ts'
import { GroupSettingsFields } from './GroupSettingsFields.tsx'

/** The group's settings, who facilitates it, and (for its lead) deleting it. */
export function SettingsSection({ group, onSaved }: { group: GroupDetail; onSaved: () => void }) {
  const [values, setValues] = useState(() => groupFormFromSettings(group.settings))
  const [errors, setErrors] = useState<FieldErrors<GroupField>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const checked = validateForm(groupSettings, groupSettingsFromForm(values), GROUP_MESSAGES)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusField(`settings-${checked.first}`)
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/groups/${group.id}`, {
        method: 'PATCH',
        body: changedSettings(group.settings, checked.data),
        schema: okResponse,
      })
      setSaved(true)
      announce('Settings saved.')
      onSaved()
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
    setBusy(false)
  }

  return (
    <div className="stack">
      <form className="form" onSubmit={save} noValidate>
        <GroupSettingsFields
          idPrefix="settings"
          values={values}
          errors={errors}
          onChange={(next) => {
            setSaved(false)
            setValues((v) => ({ ...v, ...next }))
          }}
        />
        <FormProblem message={problem} />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Saving…">
            Save settings
          </SubmitButton>
          {saved && <span className="muted">Saved.</span>}
        </div>
      </form>
      <FacilitatorsPanel group={group} onAdded={onSaved} />
      {group.yourRole === 'lead' && <DeleteGroupSection group={group} />}
    </div>
  )
}
