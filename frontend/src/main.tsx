// The shim must run before anything uses the bindings: in the desktop
// window Wails has injected window.go already; in a browser it has not.
import './api/install'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/base.css'
import './styles/components.css'
import './features/board/board.css'
import './features/session/session.css'
import './features/loop/loop.css'
import './features/report/report.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
