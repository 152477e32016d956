import { useEffect, useMemo, useState } from 'react'
import { appInfo, isDesktop } from './api'
import { FocusModeContext } from './components/FocusMode'
import { Nav } from './components/Nav'
import { Placeholder } from './components/Placeholder'
import { BoardFeature } from './features/board/BoardFeature'
import { SessionsFeature } from './features/session/SessionsFeature'
import { useRoute } from './router'

function skipToMain(e: React.MouseEvent) {
  // The hash belongs to the router, so move focus by hand.
  e.preventDefault()
  document.getElementById('main')?.focus()
}

export function App() {
  const route = useRoute()
  const section = route[0] ?? 'board'
  const [version, setVersion] = useState('')
  const [focus, setFocus] = useState(false)
  const focusCtx = useMemo(() => ({ focus, setFocus }), [focus])

  useEffect(() => {
    if (isDesktop()) appInfo().then((i) => setVersion(i.version), () => {})
  }, [])

  return (
    <FocusModeContext.Provider value={focusCtx}>
    <div className={focus ? 'shell shell-focus' : 'shell'}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      {!focus && <header className="topbar">
        <span className="brand">
          <svg className="brand-mark" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
            <circle cx="9" cy="9" r="7.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <circle cx="9" cy="9" r="3.5" fill="currentColor" />
          </svg>
          Sounding Board
        </span>
        {version && <span className="muted small">{version}</span>}
      </header>}
      {!focus && <Nav current={section} />}
      <main id="main" tabIndex={-1} className="main">
        {section === 'board' && <BoardFeature route={route.slice(1)} />}
        {section === 'sessions' && <SessionsFeature route={route.slice(1)} />}
        {section === 'followups' && (
          <Placeholder
            title="Follow-ups"
            description="Reminders to thank participants within a day, share insights within a week and report back what changed within a month."
          />
        )}
        {section === 'reports' && (
          <Placeholder
            title="Reports"
            description="PDF reports of sessions, the assumption ledger and the board, ready to share with the team."
          />
        )}
        {!['board', 'sessions', 'followups', 'reports'].includes(section) && (
          <Placeholder title="Not found" description="There is no page at this address. Choose a section on the left." />
        )}
      </main>
    </div>
    </FocusModeContext.Provider>
  )
}
