import { describe, expect, it, vi } from 'vitest'
import { errorCode, errorMessage } from './errors'
import { byteLength, installShim, isDesktop, makeGoProxy, rpcCall } from './shim'

function fakeFetch(status: number, body: string, headers: Record<string, string> = {}) {
  return vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body, { status, statusText: status === 200 ? 'OK' : 'Bad', headers }),
  )
}

describe('rpcCall', () => {
  it('posts the arguments as a JSON array to /rpc/<name> and resolves with the JSON result', async () => {
    const f = fakeFetch(200, '{"members":[],"total":3}')
    const out = await rpcCall('board.Service.ListMembers', [{ search: 'zoë' }], f as unknown as typeof fetch)
    expect(out).toEqual({ members: [], total: 3 })
    const [url, init] = f.mock.calls[0]
    expect(url).toBe('/rpc/board.Service.ListMembers')
    expect(init?.method).toBe('POST')
    expect(init?.body).toBe('[{"search":"zoë"}]')
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })

  it('rejects with the error, its code and its field problems from a refusal (200 with Sb-Refusal)', async () => {
    const f = fakeFetch(
      200,
      '{"error":"Email \\"x\\" is not a valid address.","code":"invalid","fields":[{"field":"email","message":"Email \\"x\\" is not a valid address."}]}',
      { 'Sb-Refusal': 'invalid' },
    )
    await expect(rpcCall('board.Service.CreateMember', [{}], f as unknown as typeof fetch)).rejects.toEqual({
      error: 'Email "x" is not a valid address.',
      code: 'invalid',
      fields: [{ field: 'email', message: 'Email "x" is not a valid address.' }],
    })
  })

  it('rejects with the JSON error body of a failed request', async () => {
    const f = fakeFetch(500, '{"error":"Something went wrong.","code":"internal"}')
    await expect(rpcCall('a.B.C', [], f as unknown as typeof fetch)).rejects.toEqual({
      error: 'Something went wrong.',
      code: 'internal',
      fields: undefined,
    })
  })

  it('rejects with plain-text bodies, and with the status when the body is empty', async () => {
    await expect(
      rpcCall('x.Y.Z', [], fakeFetch(401, 'not signed in\n') as unknown as typeof fetch),
    ).rejects.toMatchObject({ error: 'not signed in', code: 'unauthorized' })
    await expect(rpcCall('x.Y.Z', [], fakeFetch(500, '') as unknown as typeof fetch)).rejects.toMatchObject({
      error: 'Request failed: 500 Bad',
    })
  })

  it('resolves void methods (null or empty body)', async () => {
    expect(
      await rpcCall('board.Service.DeleteReward', [1], fakeFetch(200, 'null') as unknown as typeof fetch),
    ).toBeNull()
    expect(
      await rpcCall('board.Service.DeleteReward', [1], fakeFetch(200, '') as unknown as typeof fetch),
    ).toBeUndefined()
  })

  it('rejects with code unreachable when the network fails', async () => {
    const f = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const err: unknown = await rpcCall('a.B.C', [], f as unknown as typeof fetch).catch((e: unknown) => e)
    expect(errorCode(err)).toBe('unreachable')
    expect(errorMessage(err)).toContain('Failed to fetch')
  })

  it('counts the keepalive budget in UTF-8 bytes, as browsers do', async () => {
    expect(byteLength('["李雷"]')).toBe(10)
    // 15,000 CJK characters are 15,000 UTF-16 units but 45,000 bytes: four such
    // saves in flight would pass the browser's 64 KiB limit, so only the first goes keepalive.
    const big = '雷'.repeat(15_000)
    let release = () => {}
    const held = new Promise<void>((r) => (release = r))
    const f = vi.fn(async (_url: string, _init?: RequestInit) => {
      await held
      return new Response('null', { status: 200 })
    })
    const calls = [1, 2].map(() => rpcCall('session.Runs.SetNote', [big], f as unknown as typeof fetch))
    await Promise.resolve()
    expect(f.mock.calls.map((c) => c[1]?.keepalive)).toEqual([true, false])
    release()
    await Promise.all(calls)
  })
})

describe('window.go proxy', () => {
  it('maps go.pkg.Struct.Method(...args) to the right RPC', async () => {
    const f = fakeFetch(200, '{"members":1}')
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const go = makeGoProxy(f as unknown as typeof fetch) as any
    await go.board.Service.LoadDemo()
    await go.main.App.SaveMembersExport('csv', { search: '' })
    expect(f.mock.calls[0][0]).toBe('/rpc/board.Service.LoadDemo')
    expect(f.mock.calls[0][1]?.body).toBe('[]')
    expect(f.mock.calls[1][0]).toBe('/rpc/main.App.SaveMembersExport')
    expect(f.mock.calls[1][1]?.body).toBe('["csv",{"search":""}]')
  })

  it('is not a thenable, so awaiting a namespace does not call the server', async () => {
    const f = fakeFetch(200, '{}')
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const go = makeGoProxy(f as unknown as typeof fetch) as any
    expect(go.board.then).toBeUndefined()
    await go.board
    expect(f).not.toHaveBeenCalled()
  })
})

describe('installShim', () => {
  it('installs go and runtime in a browser and reports browser mode', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shim installs untyped Wails runtime objects
    const win = { open: vi.fn(), document: { title: '' } } as unknown as Window & { go?: any; runtime?: any }
    const f = fakeFetch(400, '{"error":"not implemented yet"}')
    expect(installShim(win, f as unknown as typeof fetch)).toBe(false)
    expect(isDesktop()).toBe(false)
    await expect(win.go.board.Service.ListSegments()).rejects.toMatchObject({ error: 'not implemented yet' })
    const off = win.runtime.EventsOnMultiple('x', () => {}, -1)
    expect(typeof off).toBe('function')
    win.runtime.LogInfo('hello')
    win.runtime.WindowMaximise()
    win.runtime.BrowserOpenURL('https://example.com')
    expect(win.open).toHaveBeenCalledWith('https://example.com', '_blank', 'noopener')
  })

  it('leaves an injected window.go alone and reports desktop', () => {
    const go = { board: {} }
    const win = { go } as unknown as Window & { go?: unknown }
    expect(installShim(win)).toBe(true)
    expect(isDesktop()).toBe(true)
    expect(win.go).toBe(go)
  })
})
