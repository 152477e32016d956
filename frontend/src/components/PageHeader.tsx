import { useEffect, useRef, type ReactNode } from 'react'

// The first page shown after start keeps focus where the browser put it.
let firstPage = true

/**
 * The page title. It takes focus when a page opens (not on first load), so a
 * keyboard or screen-reader user lands at the top of the new content.
 */
export function PageHeader({ title, children, meta }: { title: ReactNode; meta?: ReactNode; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (firstPage) firstPage = false
    else ref.current?.focus({ preventScroll: true })
  }, [])
  return (
    <div className="page-header">
      <div>
        <h1 tabIndex={-1} ref={ref}>
          {title}
        </h1>
        {meta && <div className="page-meta">{meta}</div>}
      </div>
      {children && <div className="page-actions">{children}</div>}
    </div>
  )
}
