import { useEffect, useState } from 'react'
import { activityApi, type Template } from '../../../api/activity'
import { kindLabel } from '../agenda/logic'

let cached: Template[] | null = null

/** The agenda a new session of format starts with (the backend writes it when the session is created). */
export function TemplatePreview({ format }: { format: string }) {
  const [templates, setTemplates] = useState<Template[]>(cached ?? [])
  useEffect(() => {
    if (cached) return
    activityApi.templates().then(
      (t) => {
        cached = t
        setTemplates(t)
      },
      () => {},
    )
  }, [])
  const t = templates.find((x) => x.format === format)
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
