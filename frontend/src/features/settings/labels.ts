// How backups read on the Settings page.

const kinds: Record<string, string> = {
  daily: 'Daily',
  manual: 'Manual',
  'pre-migration': 'Before an upgrade',
  'pre-restore': 'Before a restore',
}

/** A backup kind as a person reads it. */
export function kindLabel(kind: string): string {
  return kinds[kind] ?? kind
}

/** Bytes as "812 KB" or "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** An RFC 3339 instant in the reader's local time, e.g. "3 Mar 2025, 09:15:04". */
export function formatWhen(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}
