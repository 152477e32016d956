/** A small form's submit button with the form's error, announced when it appears. */
export function SubmitRow({ label, busy = false, error }: { label: string; busy?: boolean; error: string }) {
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          {label}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </>
  )
}
