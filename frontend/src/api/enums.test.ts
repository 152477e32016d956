import { describe, expect, it } from 'vitest'
import * as boardLabels from '../features/board/labels'
import * as loopLabels from '../features/loop/labels'
import * as sessionLabels from '../features/session/labels'
import * as E from './enums'

// Each list the UI offers holds every value of its generated enum once (the
// empty code, "" = none, only where the list offers it).
const lists: [string, readonly string[], Record<string, string>][] = [
  ['statuses', boardLabels.statuses, E.MemberStatus],
  ['usageFrequencies', boardLabels.usageFrequencies, E.UsageFrequency],
  ['tones', boardLabels.tones, E.Tone],
  ['consentKinds', boardLabels.consentKinds, E.ConsentKind],
  ['touchpointKinds', boardLabels.touchpointKinds, E.TouchpointKind],
  ['stances', sessionLabels.stances, E.Stance],
  ['reactions', sessionLabels.reactions, E.Reaction],
  ['verdicts', sessionLabels.verdicts, E.VerdictKind],
  ['categories', sessionLabels.categories, E.Category],
  ['outcomes', sessionLabels.outcomes, E.Outcome],
  ['participantStates', sessionLabels.participantStates, E.ParticipantState],
  ['kinds', loopLabels.kinds, E.ReminderKind],
  ['channels', loopLabels.channels, E.Channel],
  ['repeatUnits', loopLabels.repeatUnits, E.RepeatUnit],
  ['views', loopLabels.views, E.TicklerView],
]

describe('the UI lists derive from the generated enums', () => {
  it.each(lists)('%s holds every value of its enum once', (_, list, all) => {
    const values = Object.values(all)
    const offered = list.includes('') ? values : values.filter((v) => v !== '')
    expect([...list].sort()).toEqual([...offered].sort())
  })
  it('has the Go values in models.ts', () => {
    // A spot check that the enums are Go's strings, not numbers or names.
    expect(E.MemberStatus.OPTED_OUT).toBe('opted_out')
    expect(E.Stance.NONE).toBe('')
    expect(E.SessionStatus.RUNNING).toBe('running')
  })
})
