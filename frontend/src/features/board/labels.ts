// Words the UI shows for the backend's codes.

import { ConsentKind, inOrder, MemberStatus, Tone, TouchpointKind, UsageFrequency } from '../../api/enums'

// The backend's codes (api/enums) in the order the UI offers them; the
// empty code ("" = not known, not rated) is left out.
const S = MemberStatus
export const statuses = inOrder(S, [S.PROSPECT, S.INVITED, S.ACTIVE, S.PAUSED, S.ALUMNI, S.DECLINED, S.OPTED_OUT])
const U = UsageFrequency
export const usageFrequencies = inOrder(U, [U.DAILY, U.WEEKLY, U.MONTHLY, U.RARELY, U.NEVER])
export const tones = inOrder(Tone, [Tone.TOO_AGREEABLE, Tone.BALANCED, Tone.TOO_NEGATIVE])
const C = ConsentKind
export const consentKinds = inOrder(C, [C.CONTACT, C.RECORDING, C.QUOTING])
const T = TouchpointKind
export const touchpointKinds = inOrder(T, [T.SESSION, T.CALL, T.EMAIL, T.MEETING, T.MESSAGE, T.NOTE])

const words: Record<string, string> = {
  opted_out: 'Opted out',
  too_agreeable: 'Too agreeable',
  too_negative: 'Too negative',
  joinedOn: 'Joined on',
  usageFrequency: 'Usage frequency',
  cadenceDays: 'Contact cadence (days)',
  email: 'Email',
  consent_contact: 'Contact consent (yes/no)',
  consent_contact_date: 'Contact consent date',
  consent_recording: 'Recording consent (yes/no)',
  consent_recording_date: 'Recording consent date',
  consent_quoting: 'Quoting consent (yes/no)',
  consent_quoting_date: 'Quoting consent date',
  consent_date: 'Consent date (every kind)',
  vcard: 'vCard',
  csv: 'CSV',
}

/** "opted_out" -> "Opted out", "joinedOn" -> "Joined on", "active" -> "Active". */
export function label(code: string): string {
  if (!code) return ''
  if (words[code]) return words[code]
  const spaced = code
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}
