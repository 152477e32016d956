import { href } from '../router'

export const sections = [
  { id: 'board', label: 'Board' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'followups', label: 'Follow-ups' },
  { id: 'reports', label: 'Reports' },
] as const

/** The left navigation between the app's areas. */
export function Nav({ current }: { current: string }) {
  return (
    <nav className="sidenav" aria-label="Main">
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={href(`/${s.id}`)} aria-current={current === s.id ? 'page' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
