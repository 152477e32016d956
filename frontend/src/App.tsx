import { useEffect, useMemo, useState } from 'react'
import { appInfo, isDesktop } from './api'
import { About } from './components/About'
import { FocusModeContext } from './components/FocusMode'
import { Nav } from './components/Nav'
import { PageNotFound } from './components/NotFound'
import { BoardFeature } from './features/board/BoardFeature'
import { SessionsFeature } from './features/session/SessionsFeature'
import { LoopFeature } from './features/loop/LoopFeature'
import { DueNotices, useDueBadge } from './features/loop/LoopStatus'
import { ReportsPage } from './features/report/ReportsPage'
import { SettingsPage } from './features/settings/SettingsPage'
import { TeamPage } from './features/team/TeamPage'
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
  const due = useDueBadge()

  useEffect(() => {
    if (isDesktop())
      appInfo().then(
        (i) => setVersion(i.version),
        () => {},
      )
  }, [])

  return (
    <FocusModeContext.Provider value={focusCtx}>
      <div className={focus ? 'shell shell-focus' : 'shell'}>
        <a className="skip-link" href="#main" onClick={skipToMain}>
          Skip to content
        </a>
        {!focus && (
          <header className="topbar">
            <span className="brand">
              <svg
                className="brand-mark"
                width="18"
                height="18"
                viewBox="0 0 18 18"
                aria-hidden="true"
                focusable="false"
              >
                <circle cx="9" cy="9" r="7.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
                <circle cx="9" cy="9" r="3.5" fill="currentColor" />
              </svg>
              Sounding Board
            </span>
            <About version={version} />
          </header>
        )}
        <div className="sidecol" hidden={focus}>
          {!focus && <Nav current={section} badges={{ followups: due ?? 0 }} />}
          <DueNotices due={due} />
        </div>
        <main id="main" tabIndex={-1} className="main">
          {section === 'board' && <BoardFeature route={route.slice(1)} />}
          {section === 'sessions' && <SessionsFeature route={route.slice(1)} />}
          {section === 'followups' && <LoopFeature route={route.slice(1)} />}
          {section === 'reports' && <ReportsPage route={route.slice(1)} />}
          {section === 'team' && <TeamPage />}
          {section === 'settings' && <SettingsPage />}
          {!['board', 'sessions', 'followups', 'reports', 'team', 'settings'].includes(section) && (
            <PageNotFound path={`/${route.join('/')}`} />
          )}
        </main>
      </div>
    </FocusModeContext.Provider>
  )
}
