import { connectProvider } from './connectProvider.ts'

/**
 * A writer that appends numbered tokens `<id:n>` to a document's text and remembers every
 * token it sent and, from the server's durable acknowledgements (an ack of n: n of its update
 * frames are stored), which are durable. For the tests of what survives a crash or a backup.
 */
export function tokenWriter(server: { wsUrl: string; token(): string }, doc: string, id: number) {
  const client = connectProvider(server.wsUrl, doc, server.token())
  const inFlight: { token: string; frame: number }[] = []
  const sent: string[] = []
  const acknowledged: string[] = []
  const originalAcked = client.save.acked.bind(client.save)
  client.save.acked = (count: number) => {
    originalAcked(count)
    while (inFlight.length > 0 && inFlight[0]!.frame <= count)
      acknowledged.push(inFlight.shift()!.token)
  }
  const originalReset = client.save.reset.bind(client.save)
  client.save.reset = () => {
    originalReset()
    inFlight.length = 0 // what a dead socket carried was never acknowledged on it
  }
  let n = 0
  const write = () => {
    if (!client.provider.wsconnected) return
    const token = `<${id}:${n++}>`
    // Recorded as sent before it can leave: the insert sends the frame synchronously.
    sent.push(token)
    client.text.insert(client.text.length, token)
    inFlight.push({ token, frame: client.save.counts.sent })
  }
  return { doc, client, sent, acknowledged, write }
}
