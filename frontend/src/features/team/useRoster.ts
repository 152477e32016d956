import { teamApi, type Roster } from '../../api/team'
import { useLoad } from '../session/useLoad'
import { noTeam } from './owners'

/** The board's roster for the owner pickers: null while it loads; a board in no team when it cannot be read. */
export function useRoster(): Roster | null {
  const r = useLoad(() => teamApi.teammates(), [])
  if (r.error) return noTeam
  return r.data
}
