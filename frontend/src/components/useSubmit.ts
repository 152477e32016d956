import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { fieldErrors } from '../api/errors'

/** What a form needs to submit and show the backend's answer. */
export interface Submit {
  /** True while the action runs. */
  busy: boolean
  /** The problem of one field, until the user changes that field's value. */
  fieldError: (field: string) => string | undefined
  /** The problems no field of the form shows, as one message ("" when none). */
  message: string
  /** The form's submit handler: runs action, keeping its error if it fails. */
  handle: (action: () => Promise<unknown>) => (e?: FormEvent) => Promise<void>
  /** Shows an error that came from elsewhere (a load the form needs). */
  fail: (e: unknown) => void
}

/**
 * The one submit pattern of the forms: busy while saving, the backend's
 * field problems shown at their fields (named as in the input's JSON, the
 * form's `fields`), the rest as one message. A field's problem clears as
 * soon as its value in `values` (the form's state, keyed by the same names)
 * differs from the value that was submitted, so fixing it takes the error
 * away while the user types, not only on the next submit. After a failed
 * submit, focus goes to the first invalid field, else to the message.
 */
export function useSubmit(fields: readonly string[], values: object): Submit {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [submitted, setSubmitted] = useState<object>(values)
  const form = useRef<HTMLFormElement | null>(null)
  const errs = useMemo(() => fieldErrors(error, fields), [error, fields])

  useEffect(() => {
    if (error)
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid input, .form-error')?.focus()
  }, [error])

  const fieldError = (field: string) => {
    const msg = errs.byField[field]
    if (!msg) return undefined
    const now = values as Record<string, unknown>
    const then = submitted as Record<string, unknown>
    return field in now && !Object.is(now[field], then[field]) ? undefined : msg
  }
  const handle = (action: () => Promise<unknown>) => async (e?: FormEvent) => {
    e?.preventDefault()
    form.current = e?.currentTarget instanceof HTMLFormElement ? e.currentTarget : null
    setSubmitted(values)
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return { busy, fieldError, message: errs.other.join(' '), handle, fail: setError }
}
