import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { ackingWebSocket } from '../shared/sync/ackingWebSocket.ts'
import { MuxClient, type SocketClass } from '../shared/sync/MuxClient.ts'
import { MUX_PATH } from '../shared/sync/muxFrames.ts'
import { processCpuMicros, processMemory } from './procStats.ts'
import { spawnTarget, type RunningTarget } from './targets/spawnTarget.ts'

/**
 * `npm run bench:mux`: one session room of MEMBERS members, each with DOCS documents open,
 * everyone typing, on three set-ups side by side — Hearth with one socket per member (`/mux`),
 * Hearth with one socket per document (`/sync/<doc>`, as before issue 11), and Hocuspocus with
 * its multiplexed provider (one `HocuspocusProviderWebsocket` shared by a member's providers).
 * Reports sockets, server CPU per delivered update and server memory. The server runs on core
 * 0 (spawnTarget); run this process on core 1 (the npm script does).
 */
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 12)
const DOCS = Number(process.env.BENCH_DOCS ?? 8)
const SECONDS = Number(process.env.BENCH_SECONDS ?? (process.env.BENCH_QUICK === '1' ? 5 : 20))
/** Edits per member per second, spread over their documents in turn. */
const EDITS_PER_SECOND = 5
const NodeSocket = WebSocket as unknown as typeof globalThis.WebSocket

type Setup = 'hearth /mux' | 'hearth /sync per document' | 'hocuspocus multiplexed'

interface Member {
  docs: Y.Doc[]
  /** Resolves once every document has synced. */
  synced: Promise<void>
  destroy(): void
}

const noCounter = {
  reset() {},
  sent() {},
  acked() {},
  refused() {},
  notSaved() {},
}

const docName = (room: number, d: number) => `bench/room-${room}/doc-${d}`

function whenSynced(provider: { on(e: 'sync', f: (s: boolean) => void): void }): Promise<void> {
  return new Promise((resolve) => provider.on('sync', (s) => s && resolve()))
}

function hearthMember(target: RunningTarget, room: number, mux: boolean): Member {
  const protocols = ['hearth', `auth.${target.info.token!}`]
  const shared = mux
    ? new MuxClient(
        `ws://127.0.0.1:${target.info.port}${MUX_PATH}`,
        protocols,
        WebSocket as unknown as SocketClass,
      )
    : null
  const providers = Array.from({ length: DOCS }, (_, d) => {
    const doc = new Y.Doc()
    return new WebsocketProvider(
      shared ? shared.url : `ws://127.0.0.1:${target.info.port}/sync`,
      docName(room, d),
      doc,
      {
        WebSocketPolyfill: ackingWebSocket(
          shared ? shared.channelClass : NodeSocket,
          noCounter,
        ) as never,
        protocols,
        disableBc: true,
      },
    )
  })
  return {
    docs: providers.map((p) => p.doc),
    synced: Promise.all(providers.map(whenSynced)).then(() => {}),
    destroy: () => {
      for (const p of providers) p.destroy()
      shared?.destroy()
    },
  }
}

function hocuspocusMember(target: RunningTarget, room: number): Member {
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${target.info.port}`,
    WebSocketPolyfill: WebSocket,
  })
  const providers = Array.from({ length: DOCS }, (_, d) => {
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: docName(room, d),
      document: new Y.Doc(),
    })
    provider.attach()
    return provider
  })
  return {
    docs: providers.map((p) => p.document),
    synced: Promise.all(
      providers.map(
        (p) => new Promise<void>((resolve) => (p.isSynced ? resolve() : p.on('synced', resolve))),
      ),
    ).then(() => {}),
    destroy: () => {
      for (const p of providers) p.destroy()
      socket.destroy()
    },
  }
}

async function measure(setup: Setup, room: number) {
  const target = await spawnTarget(setup.startsWith('hearth') ? 'hearth' : 'hocuspocus', {
    // The typing rate here is far under the limits; the limits stay at their defaults.
    env: {},
  })
  try {
    await new Promise((r) => setTimeout(r, 500))
    const idle = processMemory(target.info.pid)
    const members = Array.from({ length: MEMBERS }, () =>
      setup === 'hocuspocus multiplexed'
        ? hocuspocusMember(target, room)
        : hearthMember(target, room, setup === 'hearth /mux'),
    )
    await Promise.all(members.map((m) => m.synced))
    let delivered = 0
    for (const m of members) {
      for (const doc of m.docs) {
        doc.on('update', (_u: Uint8Array, origin: unknown) => {
          if (origin !== null && origin !== undefined) delivered++
        })
      }
    }
    await new Promise((r) => setTimeout(r, 1_000))
    const joined = processMemory(target.info.pid)
    delivered = 0
    const cpuBefore = processCpuMicros(target.info.pid)
    const started = performance.now()
    let edits = 0
    const timers = members.map((m, i) => {
      let turn = i % DOCS
      return setInterval(() => {
        const doc = m.docs[turn++ % DOCS]!
        doc.getText('t').insert(0, `m${i} ${edits++} `)
      }, 1000 / EDITS_PER_SECOND)
    })
    await new Promise((r) => setTimeout(r, SECONDS * 1000))
    for (const t of timers) clearInterval(t)
    // Every edit is delivered to every other member of the room (the server may merge several
    // edits into one relayed update, so updates received are fewer than deliveries).
    const expected = edits * (MEMBERS - 1)
    const lengths = () => members.map((m) => m.docs.map((d) => d.getText('t').length).join(','))
    const converged = () => new Set(lengths()).size === 1
    const until = performance.now() + 10_000
    while (!converged() && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 20))
    }
    const seconds = (performance.now() - started) / 1000
    const cpu = processCpuMicros(target.info.pid) - cpuBefore
    const after = processMemory(target.info.pid)
    for (const m of members) m.destroy()
    return {
      setup,
      sockets: setup === 'hearth /sync per document' ? MEMBERS * DOCS : MEMBERS,
      edits,
      updatesReceived: delivered,
      expected,
      converged: converged(),
      seconds: Math.round(seconds * 10) / 10,
      cpuMicrosPerDelivery: Math.round((cpu / Math.max(1, expected)) * 10) / 10,
      serverCpuPercent: Math.round((cpu / 1e6 / seconds) * 1000) / 10,
      rssIdleMiB: Math.round(idle.rssMiB),
      rssJoinedMiB: Math.round(joined.rssMiB),
      rssAfterMiB: Math.round(after.rssMiB),
      joinCostMiB: Math.round((joined.rssMiB - idle.rssMiB) * 10) / 10,
    }
  } finally {
    await target.stop()
  }
}

const setups: Setup[] = ['hearth /mux', 'hearth /sync per document', 'hocuspocus multiplexed']
const rounds = Number(process.env.BENCH_ROUNDS ?? (process.env.BENCH_QUICK === '1' ? 1 : 3))
const results = []
for (let round = 0; round < rounds; round++) {
  for (const setup of setups) {
    const result = await measure(setup, round)
    process.stderr.write(`${JSON.stringify(result)}\n`)
    results.push(result)
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const lines = [
  `${MEMBERS} members × ${DOCS} documents, ${EDITS_PER_SECOND} edits/s per member for ${SECONDS} s, median of ${rounds}`,
  '',
  '| set-up | sockets | deliveries | server CPU µs per delivered update | server CPU | RSS idle → joined → after (MiB) | joining cost (MiB) |',
  '| --- | --- | --- | --- | --- | --- | --- |',
]
const base = median(
  results.filter((r) => r.setup === 'hearth /mux').map((r) => r.cpuMicrosPerDelivery),
)
for (const setup of setups) {
  const rs = results.filter((r) => r.setup === setup)
  const m = (f: (r: (typeof rs)[number]) => number) => median(rs.map(f))
  const cpu = m((r) => r.cpuMicrosPerDelivery)
  lines.push(
    `| ${setup} | ${rs[0]!.sockets} | ${m((r) => r.expected)}${rs.every((r) => r.converged) ? '' : ' (did not converge)'} | ${cpu} (${(cpu / base).toFixed(2)}× /mux) | ${m((r) => r.serverCpuPercent)}% | ${m((r) => r.rssIdleMiB)} → ${m((r) => r.rssJoinedMiB)} → ${m((r) => r.rssAfterMiB)} | ${m((r) => r.joinCostMiB)} |`,
  )
}
process.stdout.write(`${lines.join('\n')}\n`)
if (results.some((r) => !r.converged)) {
  process.stderr.write('some set-up did not converge\n')
  process.exit(1)
}
