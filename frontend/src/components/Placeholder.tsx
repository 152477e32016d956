import { PageHeader } from './PageHeader'

/** A section that is planned but not built yet. */
export function Placeholder({ title, description }: { title: string; description: string }) {
  return (
    <section className="page" aria-labelledby="placeholder-title">
      <PageHeader title={<span id="placeholder-title">{title}</span>} />
      <div className="placeholder">
        <p>{description}</p>
        <p className="muted">Coming soon.</p>
      </div>
    </section>
  )
}
