import { teamApi } from '../../api/team'
import { ConfirmButton } from './ConfirmButton'

/** "Leave the team", confirmed in a dialog that says what stays. */
export function LeaveButton({ onLeft }: { onLeft: () => void }) {
  return (
    <ConfirmButton
      label="Leave the team"
      title="Leave the team?"
      onConfirm={async () => {
        await teamApi.leave()
        onLeft()
      }}
    >
      <p>
        This laptop writes out its last changes and stops syncing. The board stays on this laptop, as it is now, as a
        board of its own; your teammates keep theirs. To join again you need a new invite code.
      </p>
    </ConfirmButton>
  )
}
