// Words the UI shows for the backend's codes.

export const statuses = ['prospect', 'invited', 'active', 'paused', 'alumni', 'declined', 'opted_out'] as const
export const usageFrequencies = ['daily', 'weekly', 'monthly', 'rarely', 'never'] as const
export const tones = ['too_agreeable', 'balanced', 'too_negative'] as const
export const consentKinds = ['contact', 'recording', 'quoting'] as const
export const touchpointKinds = ['session', 'call', 'email', 'meeting', 'message', 'note'] as const

const words: Record<string, string> = {
  opted_out: 'Opted out',
  too_agreeable: 'Too agreeable',
  too_negative: 'Too negative',
  joinedOn: 'Joined on',
  usageFrequency: 'Usage frequency',
  cadenceDays: 'Contact cadence (days)',
  email: 'Email',
  vcard: 'vCard',
  csv: 'CSV',
}

/** "opted_out" -> "Opted out", "joinedOn" -> "Joined on", "active" -> "Active". */
export function label(code: string): string {
  if (!code) return ''
  if (words[code]) return words[code]
  const spaced = code.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`
}
