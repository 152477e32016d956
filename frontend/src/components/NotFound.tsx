import type { ReactNode } from 'react'
import { href } from '../router'
import { PageHeader } from './PageHeader'

/** Where a person can go from a page that is not there. */
export interface Way {
  path: string
  label: string
}

/** The sections to go back to from an address that leads nowhere. */
export const sections: Way[] = [
  { path: '/board', label: 'Board' },
  { path: '/sessions', label: 'Sessions' },
  { path: '/followups', label: 'Follow-ups' },
]

/**
 * A page, or a record behind a link, that does not exist: says so in words
 * and offers the ways back, instead of an error.
 */
export function NotFound({ title, children, ways }: { title: string; children: ReactNode; ways: Way[] }) {
  return (
    <section className="page" aria-label={title}>
      <PageHeader title={title} />
      <div className="not-found">
        {children}
        <nav aria-label="Ways back">
          <ul className="not-found-ways">
            {ways.map((w) => (
              <li key={w.path}>
                <a href={href(w.path)}>{w.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </section>
  )
}

/** The page for an address the app does not know. */
export function PageNotFound({ path }: { path: string }) {
  return (
    <NotFound title="Page not found" ways={sections}>
      <p>
        There is no page at <code>{path}</code>. The link may be out of date or mistyped.
      </p>
    </NotFound>
  )
}
