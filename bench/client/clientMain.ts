import { clientCommands } from './clientCommands.ts'

/**
 * Entry of a client process (pinned to the client core by its parent). Runs one command at a
 * time from the parent over IPC and answers with its result; exits when the parent goes away.
 */
process.setMaxListeners(0) // each y-websocket provider adds an exit listener

interface Request {
  id: number
  cmd: keyof typeof clientCommands
  args: never
}

process.on('message', (request: Request) => {
  const run = clientCommands[request.cmd] as (args: unknown) => Promise<unknown>
  run(request.args).then(
    (result) => process.send!({ id: request.id, ok: true, result }),
    (error: unknown) =>
      process.send!({ id: request.id, ok: false, error: String((error as Error)?.stack ?? error) }),
  )
})
process.on('disconnect', () => process.exit(0))
