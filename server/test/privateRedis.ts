import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export interface PrivateRedis {
  url: string
  /** Kills the server (SIGKILL: it keeps nothing) and resolves once it has exited. */
  kill(): Promise<void>
  /** Starts it again on the same port. */
  start(): Promise<void>
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/**
 * A Redis server of the test's own, on a free port, that the test may kill and start again
 * (the machine's shared Redis must not be restarted under other tests).
 */
export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort()
  let child: ChildProcess | null = null
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      )
      child = started
      const timer = setTimeout(
        () => reject(new Error('redis-server did not start in 10 s')),
        10_000,
      )
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)))
      started.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
  const kill = async () => {
    const running = child
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, kill, start }
}
