import { useState, type FormEvent } from 'react'
import { createGroupRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { RequireFacilitator } from '../auth/RequireSignIn.tsx'
import { Link } from '../router/Link.tsx'
import { navigate } from '../router/navigation.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { focusField, validateForm, type FieldErrors } from '../ui/validateForm.ts'
import {
  EMPTY_GROUP_FORM,
  GROUP_MESSAGES,
  groupSettingsFromForm,
  type GroupField,
} from './groupFormValues.ts'
import { createdGroup } from './groupSchemas.ts'
import { GroupSettingsFields } from './GroupSettingsFields.tsx'
import { STARTER_AGREEMENT } from './starterAgreement.ts'

/** A new group: its settings and the first version of its agreement. */
export function CreateGroupPage() {
  return (
    <div className="narrow">
      <div className="page-intro">
        <p className="breadcrumb">
          <Link to="/">Your groups</Link>
        </p>
        <PageHeading title="Create a group">Create a group</PageHeading>
        <p className="lede">You can change all of this later. You will be its lead facilitator.</p>
      </div>
      <RequireFacilitator>{() => <CreateGroupForm />}</RequireFacilitator>
    </div>
  )
}

function CreateGroupForm() {
  const [values, setValues] = useState(EMPTY_GROUP_FORM)
  const [agreement, setAgreement] = useState(STARTER_AGREEMENT)
  const [errors, setErrors] = useState<FieldErrors<GroupField>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const body = { ...groupSettingsFromForm(values), agreement }
    const checked = validateForm(createGroupRequest, body, GROUP_MESSAGES)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusField(`group-${checked.first}`)
    setBusy(true)
    setProblem(null)
    try {
      const { id } = await apiRequest('/api/groups', {
        method: 'POST',
        body: checked.data,
        schema: createdGroup,
      })
      announce(`${checked.data.name} was created.`)
      navigate(`/groups/${id}`)
    } catch (error) {
      setProblem(toApiError(error).message)
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <GroupSettingsFields
        idPrefix="group"
        values={values}
        errors={errors}
        onChange={(next) => setValues((v) => ({ ...v, ...next }))}
      />
      <fieldset className="fieldset">
        <legend>Group agreement</legend>
        <TextField
          id="group-agreement"
          label="Agreement"
          hint="Every member reads and accepts it before joining. A starting draft is filled in: make it yours."
          rows={12}
          value={agreement}
          onChange={setAgreement}
          error={errors.agreement}
        />
      </fieldset>
      <FormProblem message={problem} />
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Creating the group…">
          Create group
        </SubmitButton>
        <Link to="/" className="button button--quiet">
          Cancel
        </Link>
      </div>
    </form>
  )
}
