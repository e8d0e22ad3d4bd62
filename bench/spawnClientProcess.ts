import { spawn } from 'node:child_process'
import type { ClientCommands } from './client/clientCommands.ts'
import { killOnExit } from './killOnExit.ts'

/** The core the client processes run on; the server has the other one. */
export const CLIENT_CORE = '1'

export interface ClientProcess {
  pid: number
  call<K extends keyof ClientCommands>(
    cmd: K,
    args: Parameters<ClientCommands[K]>[0],
  ): Promise<Awaited<ReturnType<ClientCommands[K]>>>
  close(): Promise<void>
}

/**
 * Starts a client process pinned to CLIENT_CORE: all members of a run live in it, each with
 * its own provider and socket. Commands go over the IPC channel, one at a time.
 */
export function spawnClientProcess(opts: { cpuProfDir?: string } = {}): ClientProcess {
  const profile = opts.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProfDir] : []
  const flags = (process.env.BENCH_CLIENT_FLAGS ?? '').split(' ').filter(Boolean)
  const args = [
    '-c',
    CLIENT_CORE,
    process.execPath,
    ...flags,
    ...profile,
    'bench/client/clientMain.ts',
  ]
  const child = spawn('taskset', args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  killOnExit(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  let nextId = 1
  child.on('message', (reply: { id: number; ok: boolean; result?: unknown; error?: string }) => {
    const waiter = pending.get(reply.id)
    pending.delete(reply.id)
    if (reply.ok) waiter?.resolve(reply.result)
    else waiter?.reject(new Error(`client process: ${reply.error}`))
  })
  child.once('exit', (code) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`client process exited (${code})`))
    pending.clear()
  })
  return {
    pid: child.pid!,
    call: (cmd, args) =>
      new Promise((resolve, reject) => {
        const id = nextId++
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
        child.send({ id, cmd, args })
      }),
    close: async () => {
      if (child.connected) child.disconnect()
      await exited
    },
  }
}
