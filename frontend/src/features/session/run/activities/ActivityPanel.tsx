import { Kind } from '../../../../api/activity'
import { kindLabel } from '../../agenda/logic'
import { Extras } from './Extras'
import { NoteBoard } from './NoteBoard'
import { PrototypeRun } from './PrototypeRun'
import { QuestionsRun } from './QuestionsRun'
import type { ActivityProps } from './types'

/** The activity on screen, other than the assumption check: its heading, prompt, its kind's board, reactions and quotes. */
export function ActivityPanel(props: ActivityProps) {
  const a = props.activity
  return (
    <div className="activity-run">
      <div className="run-assumption">
        <p className="run-category">{kindLabel(a.kind)}</p>
        <h2 id="activity-title" className="run-sentence" tabIndex={-1}>
          {a.title}
        </h2>
        {a.prompt && <p className="activity-prompt">{a.prompt}</p>}
      </div>
      {a.kind === Kind.JourneyBoard && <NoteBoard {...props} kind="note" />}
      {a.kind === Kind.IdeaRound && <NoteBoard {...props} kind="idea" />}
      {a.kind === Kind.PrototypeTest && <PrototypeRun {...props} />}
      {(a.kind === Kind.OpenQuestion || a.kind === Kind.Rating) && <QuestionsRun {...props} />}
      {props.participants.length > 0 && <Extras {...props} />}
    </div>
  )
}
