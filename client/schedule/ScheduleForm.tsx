import { useMemo, useState, type FormEvent } from 'react'
import { z } from 'zod'
import { scheduleSessionRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { focusField, validateForm, type FieldErrors } from '../ui/validateForm.ts'
import {
  initialSchedule,
  SCHEDULE_MESSAGES,
  scheduleRequestFrom,
  type ScheduleField,
  type ScheduleFormValues,
} from './scheduleValues.ts'
import { browserTimeZone, timeZoneOptions } from './timeZones.ts'

const DURATIONS = [45, 60, 75, 90, 105, 120, 150, 180].map((m) => ({
  value: String(m),
  label: m < 60 ? `${m} minutes` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`,
}))
const scheduled = z.object({ ids: z.array(z.string()) })
// Which input to focus for each field the shared schema names.
const INPUT_OF: Record<ScheduleField, string> = {
  title: 'schedule-title',
  startsAtLocal: 'schedule-date',
  timeZone: 'schedule-zone',
  durationMinutes: 'schedule-duration',
  weeklyOccurrences: 'schedule-weeks',
}

/** Schedules one session, or the same time every week for a number of weeks. */
export function ScheduleForm({
  groupId,
  onScheduled,
}: {
  groupId: string
  onScheduled: () => void
}) {
  const [values, setValues] = useState(() => initialSchedule(new Date(), browserTimeZone()))
  const zones = useMemo(() => timeZoneOptions(values.timeZone), [values.timeZone])
  const [errors, setErrors] = useState<FieldErrors<ScheduleField>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (next: Partial<ScheduleFormValues>) => setValues((v) => ({ ...v, ...next }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const checked = validateForm(
      scheduleSessionRequest,
      scheduleRequestFrom(values),
      SCHEDULE_MESSAGES,
    )
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusField(INPUT_OF[checked.first])
    setBusy(true)
    setProblem(null)
    try {
      const { ids } = await apiRequest(`/api/groups/${groupId}/sessions`, {
        method: 'POST',
        body: checked.data,
        schema: scheduled,
      })
      announce(ids.length === 1 ? 'Session scheduled.' : `${ids.length} weekly sessions scheduled.`)
      set({ title: '' })
      onScheduled()
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
    setBusy(false)
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="schedule-heading">
      <h3 id="schedule-heading">Schedule a session</h3>
      <TextField
        id="schedule-title"
        label="Title"
        hint="Members see it, for example: Week 1: Getting to know each other."
        value={values.title}
        onChange={(title) => set({ title })}
        error={errors.title}
      />
      <div className="field-grid">
        <TextField
          id="schedule-date"
          label="Date"
          type="date"
          value={values.date}
          onChange={(date) => set({ date })}
          error={errors.startsAtLocal}
        />
        <TextField
          id="schedule-time"
          label="Start time"
          type="time"
          value={values.time}
          onChange={(time) => set({ time })}
        />
        <SelectField
          id="schedule-duration"
          label="Length"
          value={values.durationMinutes}
          options={DURATIONS}
          onChange={(durationMinutes) => set({ durationMinutes })}
          error={errors.durationMinutes}
        />
      </div>
      <SelectField
        id="schedule-zone"
        label="Time zone"
        hint="Members see the time in their own zone."
        value={values.timeZone}
        options={zones}
        onChange={(timeZone) => set({ timeZone })}
        error={errors.timeZone}
      />
      <fieldset className="fieldset fieldset--plain">
        <legend>How often</legend>
        <div className="radio">
          <input
            type="radio"
            id="schedule-once"
            name="repeat"
            checked={values.repeat === 'once'}
            onChange={() => set({ repeat: 'once' })}
          />
          <label htmlFor="schedule-once">Once</label>
        </div>
        <div className="radio">
          <input
            type="radio"
            id="schedule-weekly"
            name="repeat"
            checked={values.repeat === 'weekly'}
            onChange={() => set({ repeat: 'weekly' })}
          />
          <label htmlFor="schedule-weekly">Every week, at the same time</label>
        </div>
        {values.repeat === 'weekly' && (
          <TextField
            id="schedule-weeks"
            label="Number of weeks"
            inputMode="numeric"
            className="input--short"
            value={values.weeks}
            onChange={(weeks) => set({ weeks })}
            error={errors.weeklyOccurrences}
          />
        )}
      </fieldset>
      <FormProblem message={problem} />
      <div>
        <SubmitButton busy={busy} busyLabel="Scheduling…">
          Schedule
        </SubmitButton>
      </div>
    </form>
  )
}
