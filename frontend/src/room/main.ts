// The participant app's entry (room.html): no framework, plain DOM.
import { RoomApp } from './app'
import './room.css'

/** localStorage, or (where the browser forbids it) a stand-in that lasts while the page is open. */
function storage(): Storage {
  try {
    const s = window.localStorage
    s.getItem('')
    return s
  } catch {
    const m = new Map<string, string>()
    return {
      get length() {
        return m.size
      },
      clear: () => m.clear(),
      getItem: (k) => m.get(k) ?? null,
      key: (i) => [...m.keys()][i] ?? null,
      removeItem: (k) => void m.delete(k),
      setItem: (k, v) => void m.set(k, String(v)),
    }
  }
}

const root = document.getElementById('room')
if (root) {
  const app = new RoomApp(root, {
    fetch: window.fetch.bind(window),
    EventSource: window.EventSource,
    storage: storage(),
    path: location.pathname,
    win: window,
  })
  void app.start()
}
