// State fixtures for the room's tests: one activity of each kind, as the participant API sends them.
import type { Activity, MyEntry, State } from './types'

export const hostile = '<img src=x onerror=alert(1)>'

export function activity(kind: string, items: Activity['items'], more: Partial<Activity> = {}): Activity {
  return {
    id: 10,
    kind,
    title: 'The activity',
    prompt: '',
    scale: 0,
    dots: 0,
    locked: false,
    revealed: false,
    items,
    ...more,
  }
}

export function state(a: Activity | null, more: Partial<State> = {}): State {
  return { version: 1, status: 'running', activity: a, mine: [], revealed: null, dotsLeft: 0, ...more }
}

export function entry(e: Partial<MyEntry> & Pick<MyEntry, 'key' | 'kind'>): MyEntry {
  return { id: 1, itemId: 0, variantId: 0, targetId: 0, text: '', value: 0, ...e }
}

export const assumptions = activity('assumption_check', [
  { id: 1, role: 'assumption', text: 'We believe teams will share boards because it saves time' },
  { id: 2, role: 'assumption', text: hostile },
])

export const journey = activity(
  'journey_board',
  [
    { id: 3, role: 'stage', text: 'Sign up' },
    { id: 4, role: 'stage', text: 'First use' },
  ],
  { dots: 3 },
)

export const ideas = activity('idea_round', [{ id: 5, role: 'prompt', text: 'How might we onboard faster?' }], {
  dots: 2,
})

export const prototype = activity('prototype_test', [
  { id: 6, role: 'variant', text: 'Variant A' },
  { id: 7, role: 'variant', text: 'Variant B' },
  { id: 8, role: 'task', text: 'Find the export' },
])

export const openQuestion = activity('open_question', [{ id: 9, role: 'question', text: 'What surprised you?' }])

export const rating = activity('rating', [{ id: 11, role: 'question', text: 'How useful was this?' }], { scale: 7 })
