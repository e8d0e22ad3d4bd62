/** A form's failure, read out as soon as it appears. Nothing is rendered when there is none. */
export function FormProblem({ message }: { message: string | null }) {
  return (
    <div role="alert" className={message ? 'notice notice--problem' : undefined}>
      {message && <p>{message}</p>}
    </div>
  )
}
