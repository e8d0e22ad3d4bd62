import { useState, type FormEvent } from 'react'
import { toApiError } from '../api/ApiError.ts'
import { focusField, type FieldErrors, type Validation } from './validateForm.ts'

/**
 * The state and submit cycle of a form whose text fields go to the server: the values, an
 * error per field, the form's problem, and whether it is sending. `submit(check, send)` makes
 * the submit handler: it checks first (and on a wrong field moves the focus to the input with
 * id `${idPrefix}-${field}`), then sends once at a time. A failure becomes the form's problem
 * and the form can be sent again; after a success it stays busy, since the page moves on.
 */
export function useForm<F extends string>(initial: Record<F, string>, idPrefix: string) {
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors<F>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (field: F) => (value: string) => setValues((v) => ({ ...v, [field]: value }))

  function submit<T>(check: () => Validation<T, F>, send: (data: T) => Promise<void>) {
    return async (event: FormEvent) => {
      event.preventDefault()
      if (busy) return
      const checked = check()
      setErrors(checked.ok ? {} : checked.errors)
      if (!checked.ok) return focusField(`${idPrefix}-${checked.first}`)
      setBusy(true)
      setProblem(null)
      try {
        await send(checked.data)
      } catch (error) {
        setProblem(toApiError(error).message)
        setBusy(false)
      }
    }
  }

  /** The props that tie a text field to the form: its id (the one focused when wrong), value, change and error. */
  const field = (name: F) => ({
    id: `${idPrefix}-${name}`,
    value: values[name],
    onChange: set(name),
    error: errors[name],
  })

  return { values, errors, problem, busy, set, field, submit }
}
