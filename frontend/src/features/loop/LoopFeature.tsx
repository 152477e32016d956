import { href } from '../../router'
import { ReminderFormPage } from './ReminderFormPage'
import { SettingsPage } from './SettingsPage'
import { TemplatesPage } from './TemplatesPage'
import { TicklerPage } from './TicklerPage'
import { viewOf } from './ticklerState'

const tabs = [
  { path: '', label: 'Tickler', pages: ['', 'overdue', 'today', 'week', 'later', 'done', 'new', 'edit'] },
  { path: 'templates', label: 'Message templates', pages: ['templates'] },
  { path: 'settings', label: 'Follow-up settings', pages: ['settings'] },
]

/** Follow-ups: the tickler, reminders, drafts and their templates, the chain's settings. */
export function LoopFeature({ route }: { route: string[] }) {
  const [page = '', arg] = route
  return (
    <>
      <nav className="subnav" aria-label="Follow-ups">
        {tabs.map((t) => (
          <a
            key={t.path}
            href={href(`/followups/${t.path}`)}
            aria-current={t.pages.includes(page) ? 'page' : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      {page === 'new' ? (
        <ReminderFormPage key="new" id={0} />
      ) : page === 'edit' && Number(arg) ? (
        <ReminderFormPage key={arg} id={Number(arg)} />
      ) : page === 'templates' ? (
        <TemplatesPage />
      ) : page === 'settings' ? (
        <SettingsPage />
      ) : (
        <TicklerPage view={viewOf(page)} />
      )}
    </>
  )
}
