// MemberForm's state: strings as typed, converted to MemberInput on save.
import type { Member, MemberInput } from '../../../api'

export interface FormState {
  name: string
  email: string
  phone: string
  company: string
  role: string
  segment: string
  persona: string
  timezone: string
  status: string
  joinedOn: string
  source: string
  notes: string
  usageFrequency: string
  articulation: number
  tone: string
  cadenceDays: string
  tags: string
}

export const formFields = [
  'name',
  'email',
  'phone',
  'company',
  'role',
  'segment',
  'persona',
  'timezone',
  'status',
  'joinedOn',
  'source',
  'notes',
  'usageFrequency',
  'articulation',
  'tone',
  'cadenceDays',
  'tags',
] as const

export const emptyForm: FormState = {
  name: '',
  email: '',
  phone: '',
  company: '',
  role: '',
  segment: '',
  persona: '',
  timezone: '',
  status: 'prospect',
  joinedOn: '',
  source: '',
  notes: '',
  usageFrequency: '',
  articulation: 0,
  tone: '',
  cadenceDays: '',
  tags: '',
}

export function memberToForm(m: Member): FormState {
  return {
    name: m.name,
    email: m.email,
    phone: m.phone,
    company: m.company,
    role: m.role,
    segment: m.segment,
    persona: m.persona,
    timezone: m.timezone,
    status: m.status,
    joinedOn: m.joinedOn,
    source: m.source,
    notes: m.notes,
    usageFrequency: m.usageFrequency,
    articulation: m.articulation,
    tone: m.tone,
    cadenceDays: m.cadenceDays ? String(m.cadenceDays) : '',
    tags: (m.tags ?? []).join(', '),
  }
}

/** "beta, pilot ,, Beta" -> ["beta", "pilot", "Beta"]; the backend de-duplicates. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
}

export function formToInput(f: FormState): MemberInput {
  const cadence = f.cadenceDays.trim()
  return {
    ...f,
    cadenceDays: cadence === '' ? 0 : Number(cadence),
    tags: parseTags(f.tags),
  }
}
