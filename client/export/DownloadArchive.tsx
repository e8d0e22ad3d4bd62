import { useId, useState } from 'react'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { downloadWithProgress } from './downloadWithProgress.ts'

/**
 * "Download everything": one zip with a readable index, with a progress bar while it comes
 * (a large export takes a while on a phone).
 */
export function DownloadArchive({
  path,
  label,
  fileName,
}: {
  path: string
  label: string
  fileName: string
}) {
  const id = useId()
  const [progress, setProgress] = useState<number | null | undefined>(undefined)
  const [problem, setProblem] = useState<string | null>(null)
  const busy = progress !== undefined
  const start = async () => {
    if (busy) return
    setProblem(null)
    setProgress(null)
    try {
      await downloadWithProgress(path, fileName, setProgress)
      announce('Your download is ready.')
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setProgress(undefined)
  }
  return (
    <div className="stack-small">
      <div>
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={busy || undefined}
          aria-describedby={busy ? `${id}-progress` : undefined}
          onClick={() => void start()}
        >
          {busy ? 'Preparing your download…' : label}
        </button>
      </div>
      {busy && (
        <div id={`${id}-progress`} className="stack-small" role="status">
          <progress
            max={1}
            {...(progress === null ? {} : { value: progress })}
            aria-label="Download progress"
          />
          <span className="muted">
            {progress === null
              ? 'Putting your files together…'
              : `${Math.round(progress * 100)}% downloaded`}
          </span>
        </div>
      )}
      <FormProblem message={problem} />
    </div>
  )
}
