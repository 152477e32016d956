import type { ReactNode } from 'react'

type Tone = 'error' | 'warning' | 'success' | 'info'

/** A message block. Errors and warnings are announced immediately; the rest politely. */
export function Alert({
  tone,
  title,
  children,
  className,
}: {
  tone: Tone
  title?: ReactNode
  children?: ReactNode
  className?: string
}) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status'
  return (
    <div className={`alert alert-${tone}${className ? ` ${className}` : ''}`} role={role}>
      {title && <p className="alert-title">{title}</p>}
      {children && <div className="alert-body">{children}</div>}
    </div>
  )
}

/** An error from the backend, verbatim, or nothing. */
export function ErrorText({ message }: { message: string }) {
  if (!message) return null
  return (
    <p className="error-text" role="alert">
      {message}
    </p>
  )
}

/**
 * A form's error that no field shows; useSubmit moves focus to it (the
 * form-error class) after a failed submit.
 */
export function FormError({ message }: { message: string }) {
  if (!message) return null
  return (
    <p className="error-text form-error" role="alert" tabIndex={-1}>
      {message}
    </p>
  )
}
