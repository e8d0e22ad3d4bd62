import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

export interface ConfirmOptions {
  title: string
  body: ReactNode
  /** The button that does it: "End the session". */
  confirm: string
  /** The button that does nothing: "Keep it going". */
  cancel?: string
  danger?: boolean
}

interface Pending extends ConfirmOptions {
  resolve: (ok: boolean) => void
}

/**
 * A confirmation for what cannot be undone, in a modal `<dialog>` (the browser keeps the focus
 * inside it, Escape cancels, and the page behind is inert). `confirm(options)` resolves with
 * true only when the person pressed the confirming button. The focus starts on the safe
 * choice and returns to where it was.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<Pending | null>(null)
  const confirm = (options: ConfirmOptions) =>
    new Promise<boolean>((resolve) => setPending({ ...options, resolve }))
  const element = pending && (
    <ConfirmDialog
      {...pending}
      onDone={(ok) => {
        pending.resolve(ok)
        setPending(null)
      }}
    />
  )
  return [element, confirm]
}

function ConfirmDialog({
  title,
  body,
  confirm,
  cancel = 'Cancel',
  danger = false,
  onDone,
}: ConfirmOptions & { onDone: (ok: boolean) => void }) {
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const dialog = ref.current
    const before = document.activeElement as HTMLElement | null
    dialog?.showModal()
    cancelRef.current?.focus()
    return () => {
      dialog?.close()
      before?.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault()
        onDone(false)
      }}
    >
      <h2 id={`${id}-title`} className="confirm-dialog-title">
        {title}
      </h2>
      <div id={`${id}-body`} className="confirm-dialog-body">
        {body}
      </div>
      <div className="actions">
        <button
          ref={cancelRef}
          type="button"
          className="button button--secondary"
          onClick={() => onDone(false)}
        >
          {cancel}
        </button>
        <button
          type="button"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          onClick={() => onDone(true)}
        >
          {confirm}
        </button>
      </div>
    </dialog>
  )
}
