import { activityApi, type Template } from '../../../api/activity'
import { kindLabel } from '../agenda/logic'
import { useLoadedOnce, type Once } from './useLoadedOnce'

const templates: Once<Template> = { list: null }

export function TemplatePreview({ format }: { format: string }) {
  const t = useLoadedOnce(templates, activityApi.templates).find((x) => x.format === format)
  if (!t) return null
  const minutes = t.activities.reduce((n, a) => n + a.minutes, 0)
  return (
    <div className="span-2 template-preview">
      <h3 className="small-heading" id="template-preview">
        Agenda it starts with ({minutes} min)
      </h3>
      <ol aria-labelledby="template-preview">
        {t.activities.map((a, i) => (
          <li key={i}>
            {a.title}{' '}
            <span className="muted small">
              · {kindLabel(a.kind)} · {a.minutes} min
            </span>
          </li>
        ))}
      </ol>
    </div>
  )
}
