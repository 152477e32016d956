import { href } from '../router'

export const sections = [
  { id: 'board', label: 'Board' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'followups', label: 'Follow-ups' },
  { id: 'reports', label: 'Reports' },
] as const

/** The left navigation between the app's areas, with a count of what is due on Follow-ups. */
export function Nav({ current, badges = {} }: { current: string; badges?: Record<string, number> }) {
  return (
    <nav className="sidenav" aria-label="Main">
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={href(`/${s.id}`)} aria-current={current === s.id ? 'page' : undefined}>
              {s.label}
              {(badges[s.id] ?? 0) > 0 && (
                <span className="nav-badge">
                  <span className="sr-only">, </span>
                  {badges[s.id]}
                  <span className="sr-only"> due</span>
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      <ul className="sidenav-end">
        <li>
          <a href={href('/team')} aria-current={current === 'team' ? 'page' : undefined}>
            Team
          </a>
        </li>
        <li>
          <a href={href('/settings')} aria-current={current === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </li>
      </ul>
    </nav>
  )
}
