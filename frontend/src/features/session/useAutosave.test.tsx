import { act, render } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { AutosaveQueue } from './autosave'
import { SaveIndicator, useAutosave } from './useAutosave'

function Harness({ onQueue }: { onQueue: (q: AutosaveQueue) => void }) {
  const { queue, status } = useAutosave(250)
  onQueue(queue)
  return <SaveIndicator status={status} />
}

describe('useAutosave', () => {
  it('sends what is waiting when the view goes away', async () => {
    let queue!: AutosaveQueue
    const send = vi.fn(async () => {})
    const { unmount } = render(<Harness onQueue={(q) => (queue = q)} />)
    act(() => queue.set('notes', 'typed just before leaving', send))
    expect(send).not.toHaveBeenCalled()
    unmount()
    expect(send).toHaveBeenCalledWith('typed just before leaving')
  })

  it('sends on pagehide and when the page is hidden', async () => {
    let queue!: AutosaveQueue
    const send = vi.fn(async () => {})
    render(<Harness onQueue={(q) => (queue = q)} />)
    act(() => queue.set('a', '1', send))
    act(() => {
      window.dispatchEvent(new Event('pagehide'))
    })
    expect(send).toHaveBeenCalledWith('1')
    await act(async () => queue.set('a', '2', send))
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'))
    })
    expect(send).toHaveBeenLastCalledWith('2')
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
  })

  it('shows the status in a polite live region', async () => {
    let queue!: AutosaveQueue
    let resolve!: () => void
    const send = () => new Promise<void>((r) => (resolve = r))
    const { getByRole } = render(<Harness onQueue={(q) => (queue = q)} />)
    act(() => queue.set('a', '1', send))
    expect(getByRole('status').textContent).toBe('Saving…')
    await act(async () => {
      const done = queue.flush()
      resolve()
      await done
    })
    expect(getByRole('status').textContent).toBe('Saved')
  })
})
