/**
 * A server under test opened with `--inspect=127.0.0.1:<port>`, driven over the DevTools protocol: the
 * memory benchmark asks it for a full garbage collection before it reads the resident memory, so a reading
 * tells what the server keeps, not how much garbage happened to be waiting for the collector at that moment.
 */
import WebSocket from 'ws'

export interface Inspector {
  collectGarbage(): Promise<void>
  close(): void
}

export async function openInspector(port: number): Promise<Inspector> {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json() as Array<{ webSocketDebuggerUrl: string }>
  const url = targets[0]?.webSocketDebuggerUrl
  if (!url) throw new Error(`no inspector target on port ${port}`)
  const socket = new WebSocket(url)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  let id = 0
  const call = (method: string) => new Promise<void>((resolve, reject) => {
    const mine = ++id
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number, error?: { message: string } }
      if (message.id !== mine) return
      socket.off('message', onMessage)
      if (message.error) reject(new Error(`${method}: ${message.error.message}`))
      else resolve()
    }
    socket.on('message', onMessage)
    socket.send(JSON.stringify({ id: mine, method }))
  })
  return {
    collectGarbage: () => call('HeapProfiler.collectGarbage'),
    close: () => socket.close(),
  }
}
