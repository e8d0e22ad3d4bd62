/**
 * Resolves on the first event after which `ready` holds (or at once). Event-driven rather than
 * polled, so that join times are not rounded up to a polling interval.
 */
export function whenReady(
  ready: () => boolean,
  subscribe: (wake: () => void) => () => void,
): Promise<void> {
  return new Promise((resolve) => {
    if (ready()) return resolve()
    const off = subscribe(() => {
      if (!ready()) return
      off()
      resolve()
    })
  })
}
