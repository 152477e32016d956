import { useEffect, useRef, useState } from 'react'
import { errorMessage, saveExport, savedText, type ExportFormat, type MemberQuery } from '../../../api'

const formats: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'vcf', label: 'vCard' },
]

/** Exports the current filtered list as CSV, JSON or vCard. */
export function ExportMenu({ query, disabled }: { query: MemberQuery; disabled?: boolean }) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  async function run(format: ExportFormat) {
    setOpen(false)
    setBusy(true)
    setMessage(null)
    try {
      const saved = await saveExport(format, query)
      if (saved) setMessage({ ok: true, text: savedText(saved) })
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="menu" ref={box}>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-haspopup="true"
        disabled={disabled || busy}
        onClick={() => setOpen((o) => !o)}
      >
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open && (
        <div className="menu-list" role="group" aria-label="Export format">
          {formats.map((f) => (
            <button key={f.format} type="button" className="menu-item" onClick={() => run(f.format)}>
              Export as {f.label}
            </button>
          ))}
        </div>
      )}
      {message && (
        <p className={message.ok ? 'menu-note' : 'menu-note error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  )
}
