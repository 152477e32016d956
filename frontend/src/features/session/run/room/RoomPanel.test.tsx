import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { RoomStatus } from '../../../../api/room'
import { RoomPanel } from './RoomPanel'
import { useRoom } from './useRoom'

// The generated bindings are the edge to Go: replaced here, everything above them is real.
const rooms = vi.hoisted(() => ({
  Open: vi.fn(),
  Close: vi.fn(),
  Status: vi.fn(),
  Confirm: vi.fn(),
  Wait: vi.fn(),
}))
vi.mock('../../../../../wailsjs/go/room/Rooms', () => rooms)

const closed: RoomStatus = { sessionId: 4, open: false, url: '', qr: '', warning: '', claims: [], version: 0 }
const opened = (p: Partial<RoomStatus> = {}): RoomStatus => ({
  sessionId: 4,
  open: true,
  url: 'http://192.168.1.20:7421/j/abcdefghijklmnop/',
  qr: 'data:image/png;base64,iVBORw0KGgo=',
  warning: 'Anyone on this Wi-Fi can see what participants send: it is not encrypted.',
  claims: [
    {
      id: 'c1',
      name: 'Ana',
      member: 'Ana Lima',
      memberId: 11,
      guest: false,
      state: 'pending',
      online: true,
      since: '2026-12-04T10:00:00Z',
    },
    {
      id: 'c2',
      name: 'Bo',
      member: 'Bo Berg',
      memberId: 12,
      guest: false,
      state: 'confirmed',
      online: false,
      since: '2026-12-04T10:01:00Z',
    },
  ],
  version: 3,
  ...p,
})

function Harness({ onChange }: { onChange: () => Promise<unknown> }) {
  const room = useRoom(4, onChange)
  return <RoomPanel room={room} onProjector={() => {}} />
}

/** A Wait that answers only when the test says so. */
function waits() {
  const calls: { version: number; answer: (s: RoomStatus) => void }[] = []
  rooms.Wait.mockImplementation(
    (_: number, version: number) => new Promise<RoomStatus>((answer) => calls.push({ version, answer })),
  )
  return calls
}

beforeEach(() => {
  for (const f of Object.values(rooms)) f.mockReset()
  rooms.Status.mockResolvedValue(closed)
})

describe('RoomPanel', () => {
  it('opens the room, shows the address, QR code, warning and claims, confirms, rejects and closes', async () => {
    waits()
    rooms.Open.mockResolvedValue(opened())
    const user = userEvent.setup()
    render(<Harness onChange={() => Promise.resolve()} />)
    await user.click(screen.getByRole('button', { name: 'Open the room' }))
    expect(rooms.Open).toHaveBeenCalledWith({ sessionId: 4, addr: '', certFile: '', keyFile: '', insist: false })

    expect(screen.getByLabelText<HTMLInputElement>('Join address').value).toBe(opened().url)
    expect(screen.getByRole<HTMLImageElement>('img', { name: 'QR code of the join address' }).src).toBe(opened().qr)
    expect(screen.getByText(/Anyone on this Wi-Fi/)).toBeTruthy()
    const claims = within(screen.getByRole('list', { name: 'Claims' })).getAllByRole('listitem')
    expect(claims.map((c) => c.textContent)).toEqual([
      expect.stringContaining('Ana → Ana Lima'),
      expect.stringContaining('Bo → Bo Berg'),
    ])
    expect(within(claims[0]).getByRole('img', { name: 'online' })).toBeTruthy()
    expect(within(claims[1]).getByRole('img', { name: 'offline' })).toBeTruthy()
    expect(within(claims[1]).queryByRole('button', { name: /Confirm/ })).toBeNull()

    rooms.Confirm.mockResolvedValue(opened())
    await user.click(screen.getByRole('button', { name: 'Confirm Ana' }))
    expect(rooms.Confirm).toHaveBeenLastCalledWith({ sessionId: 4, claimId: 'c1', accept: true })
    await user.click(screen.getByRole('button', { name: 'Reject Bo' }))
    expect(rooms.Confirm).toHaveBeenLastCalledWith({ sessionId: 4, claimId: 'c2', accept: false })

    rooms.Close.mockResolvedValue(closed)
    await user.click(screen.getByRole('button', { name: 'Close the room' }))
    expect(rooms.Close).toHaveBeenCalledWith(4)
    expect(screen.getByRole('button', { name: 'Open the room' })).toBeTruthy()
    expect(screen.queryByLabelText('Join address')).toBeNull()
  })

  it('lists a guest as "Sam (guest)" with Confirm and Reject', async () => {
    waits()
    const sam = {
      id: 'c3',
      name: 'Sam',
      member: 'Sam',
      memberId: 0,
      guest: true,
      state: 'pending',
      online: true,
      since: '2026-12-04T10:02:00Z',
    }
    rooms.Status.mockResolvedValue(opened({ claims: [sam] }))
    const user = userEvent.setup()
    render(<Harness onChange={() => Promise.resolve()} />)
    const row = await screen.findByRole('listitem')
    expect(row.textContent).toContain('Sam (guest)')
    expect(row.textContent).not.toContain('→')
    rooms.Confirm.mockResolvedValue(opened({ claims: [{ ...sam, memberId: 31, state: 'confirmed' }] }))
    await user.click(within(row).getByRole('button', { name: 'Confirm Sam (guest)' }))
    expect(rooms.Confirm).toHaveBeenLastCalledWith({ sessionId: 4, claimId: 'c3', accept: true })
    expect(within(row).getByRole('button', { name: 'Reject Sam (guest)' })).toBeTruthy()
  })

  it('passes the address and TLS files from More options', async () => {
    waits()
    rooms.Open.mockRejectedValue(new Error('the address 203.0.113.9:7421 is not private: use TLS or insist'))
    const user = userEvent.setup()
    render(<Harness onChange={() => Promise.resolve()} />)
    await user.click(screen.getByText('More options'))
    await user.type(screen.getByLabelText('Address (host:port)'), '203.0.113.9:7421')
    await user.type(screen.getByLabelText('Certificate file (TLS)'), '/tmp/c.pem')
    await user.type(screen.getByLabelText('Key file (TLS)'), '/tmp/k.pem')
    await user.click(screen.getByRole('button', { name: 'Open the room' }))
    expect(rooms.Open).toHaveBeenCalledWith({
      sessionId: 4,
      addr: '203.0.113.9:7421',
      certFile: '/tmp/c.pem',
      keyFile: '/tmp/k.pem',
      insist: false,
    })
    expect(screen.getByRole('alert').textContent).toContain('is not private')
  })

  it('while open, waits for each new version and re-reads once per version; stops when the view goes', async () => {
    const calls = waits()
    rooms.Status.mockResolvedValue(opened({ claims: [] }))
    const onChange = vi.fn(() => Promise.resolve())
    const { unmount } = render(<Harness onChange={onChange} />)
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0].version).toBe(0)

    await act(async () => calls[0].answer(opened({ version: 5 })))
    await vi.waitFor(() => expect(calls).toHaveLength(2))
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(calls[1].version).toBe(5)
    expect(screen.getAllByRole('listitem')).toHaveLength(2) // claims came with the answer

    await act(async () => calls[1].answer(opened({ version: 6 })))
    await vi.waitFor(() => expect(calls).toHaveLength(3))
    expect(onChange).toHaveBeenCalledTimes(2)

    unmount()
    await act(async () => calls[2].answer(opened({ version: 7 })))
    await new Promise((r) => setTimeout(r, 20))
    expect(onChange).toHaveBeenCalledTimes(2)
    expect(calls).toHaveLength(3)
  })
})
