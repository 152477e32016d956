import { NotFound } from '../../components/NotFound'

/** What a session's pages show for an id with no session behind it. */
export function SessionNotFound({ id }: { id: number }) {
  return (
    <NotFound title="Session not found" ways={[{ path: '/sessions', label: 'All sessions' }]}>
      <p>There is no session {id}: it may have been deleted, or the link is out of date.</p>
    </NotFound>
  )
}
