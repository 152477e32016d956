import { teamApi, type Teammate } from '../../api/team'
import { ConfirmButton } from './ConfirmButton'

/** "Remove" a teammate's laptop from the team, confirmed in a dialog that says what follows. */
export function RemoveButton({ mate, onRemoved }: { mate: Teammate; onRemoved: () => void }) {
  const laptop = mate.label || `${mate.person}'s laptop`
  return (
    <ConfirmButton
      small
      label="Remove"
      title={`Remove ${laptop} from the team?`}
      confirm="Remove from the team"
      onConfirm={async () => {
        await teamApi.remove(mate.device)
        onRemoved()
      }}
    >
      <p>
        For someone who left the team, or a lost laptop: {mate.person} can no longer sync from it. The team&apos;s key
        is changed, so that laptop cannot read anything the team writes from now on, and every teammate deletes its
        files from the shared folder. What it synced before stays on the board. It cannot be undone: to come back, it
        joins again with a new invite code.
      </p>
    </ConfirmButton>
  )
}
