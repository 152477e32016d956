import { api } from '../../../api'
import { BackIcon } from '../../../components/Icons'
import { PageHeader } from '../../../components/PageHeader'
import { href, navigate } from '../../../router'
import { useBoard } from '../BoardContext'
import { MemberForm } from './MemberForm'
import { emptyForm } from './memberForm'

/** Adds one member by hand. */
export function NewMemberPage() {
  const { changed } = useBoard()
  return (
    <section className="page" aria-label="Add member">
      <a className="back-link" href={href('/board')}>
        <BackIcon /> All members
      </a>
      <PageHeader title="Add member" />
      <div className="narrow">
        <MemberForm
          initial={emptyForm}
          submitLabel="Add member"
          onCancel={() => navigate('/board')}
          onSubmit={async (input) => {
            const m = await api.createMember(input)
            changed()
            navigate(`/board/member/${m.id}`)
          }}
        />
      </div>
    </section>
  )
}
