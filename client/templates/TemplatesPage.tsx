import { useCallback, useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { RequireFacilitator } from '../auth/RequireSignIn.tsx'
import { Link } from '../router/Link.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { templateList, type WorksheetTemplateView } from '../worksheets/worksheetSchemas.ts'
import { TemplateEditor } from './TemplateEditor.tsx'

/** `/templates`: the worksheet library, with the facilitator's own templates to write and edit. */
export function TemplatesPage() {
  return (
    <div className="stack">
      <div className="page-intro">
        <p className="breadcrumb">
          <Link to="/">Your groups</Link>
        </p>
        <PageHeading title="Worksheet templates">Worksheet templates</PageHeading>
        <p className="lede">
          Write your own exercises, or start from a copy of one in the library.
        </p>
      </div>
      <RequireFacilitator>{() => <Templates />}</RequireFacilitator>
    </div>
  )
}

type Editing = { template: WorksheetTemplateView | null } | null

function Templates() {
  const load = useCallback(
    (signal: AbortSignal) => apiRequest('/api/templates', { schema: templateList, signal }),
    [],
  )
  const [templates, reload] = useResource(load)
  const [editing, setEditing] = useState<Editing>(null)
  if (templates.status === 'loading') return <LoadingNotice>Loading the library…</LoadingNotice>
  if (templates.status === 'error')
    return <ProblemNotice message={templates.error.message} onRetry={reload} />
  if (editing) {
    return (
      <section className="stack" aria-labelledby="template-editor-heading">
        <h2 id="template-editor-heading">
          {editing.template?.builtIn === false ? `Edit ${editing.template.title}` : 'New template'}
        </h2>
        <TemplateEditor
          key={editing.template?.id ?? 'new'}
          template={editing.template}
          onSaved={() => {
            setEditing(null)
            reload()
          }}
        />
        <button type="button" className="button button--quiet" onClick={() => setEditing(null)}>
          Back to the library
        </button>
      </section>
    )
  }
  return (
    <section className="stack" aria-labelledby="library-heading">
      <div className="row-between">
        <h2 id="library-heading">Library</h2>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setEditing({ template: null })}
        >
          New template
        </button>
      </div>
      <ul className="card-list" aria-label="Templates">
        {templates.data.templates.map((t) => (
          <li key={t.id} className="card stack-small">
            <h3 className="card-title">{t.title}</h3>
            <p>{t.summary}</p>
            {t.source && <p className="muted">Source: {t.source}</p>}
            <p>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`${t.builtIn ? 'Start from a copy of' : 'Edit'} ${t.title}`}
                onClick={() => setEditing({ template: t })}
              >
                {t.builtIn ? 'Start from a copy' : 'Edit'}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
