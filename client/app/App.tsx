import { PlaygroundPage } from '../playground/PlaygroundPage.tsx'

/** The page shell. The playground is the only page until accounts and groups exist. */
export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <span className="brand">Hearth</span>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <PlaygroundPage search={window.location.search} />
      </main>
    </>
  )
}
