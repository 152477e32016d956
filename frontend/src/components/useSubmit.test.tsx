import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { AppError } from '../api/errors'
import { Field } from './Field'
import { useSubmit } from './useSubmit'

const fields = ['name', 'email']

/** A form as the app's forms use the hook: its state keyed by the input's JSON names. */
function Form({ save }: { save: (v: { name: string; email: string }) => Promise<void> }) {
  const [v, setV] = useState({ name: '', email: 'x' })
  const submit = useSubmit(fields, v)
  return (
    <form onSubmit={submit.handle(() => save(v))} noValidate>
      <Field label="Name" error={submit.fieldError('name')}>
        {(p) => <input {...p} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
      </Field>
      <Field label="Email" error={submit.fieldError('email')}>
        {(p) => <input {...p} value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} />}
      </Field>
      {submit.message && <p role="alert">{submit.message}</p>}
      <button type="submit" disabled={submit.busy}>
        Save
      </button>
    </form>
  )
}

const refusal: AppError = {
  error: 'Name is required; email "x" is not a valid address.',
  code: 'invalid',
  fields: [
    { field: 'name', message: 'Name is required.' },
    { field: 'email', message: 'Email "x" is not a valid address.' },
    { message: 'Nothing was saved.' },
  ],
}

describe('useSubmit', () => {
  it('shows each problem at its field, described by it, and the rest as the message', async () => {
    render(<Form save={() => Promise.reject(refusal)} />)
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    const name = screen.getByLabelText('Name')
    await screen.findByText('Name is required.')
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Name is required.')
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true')
    // The whole message is not repeated at the top: only what no field shows.
    expect(screen.getByRole('alert').textContent).toBe('Nothing was saved.')
    // Focus goes to the first field to fix.
    expect(document.activeElement).toBe(name)
  })

  it("clears a field's error as soon as the field changes, and only that field's", async () => {
    render(<Form save={() => Promise.reject(refusal)} />)
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Name is required.')
    await userEvent.type(screen.getByLabelText('Name'), 'A')
    expect(screen.queryByText('Name is required.')).toBeNull()
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull()
    screen.getByText('Email "x" is not a valid address.')
    await userEvent.type(screen.getByLabelText('Email'), '@example.com')
    expect(screen.queryByText(/is not a valid address/)).toBeNull()
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull()
  })

  it('clears every error when a later submit succeeds', async () => {
    let fail = true
    render(<Form save={() => (fail ? Promise.reject(refusal) : Promise.resolve())} />)
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Nothing was saved.')
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('button', { name: 'Save' })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByText('Name is required.')).toBeNull()
  })
})
