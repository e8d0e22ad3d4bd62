import { lazy, Suspense, useCallback } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { AuditSection } from '../audit/AuditSection.tsx'
import { RequireFacilitator } from '../auth/RequireSignIn.tsx'
import { InvitationsSection } from '../invitations/InvitationsSection.tsx'
import { MembersSection } from '../members/MembersSection.tsx'
import { Link } from '../router/Link.tsx'
import { ScheduleSection } from '../schedule/ScheduleSection.tsx'
import { Loaded } from '../ui/Loaded.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { useFocusOnChange } from '../ui/useFocusOnChange.ts'
import { AgreementSection } from './AgreementSection.tsx'
import { GROUP_KIND_SHORT } from './groupKinds.ts'
import { groupDetail, type GroupDetail } from './groupSchemas.ts'
import { GROUP_SECTIONS, isGroupSection, type GroupSectionId } from './groupSections.ts'
import { SettingsSection } from './SettingsSection.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'

// The goals' lists and editors load in their own chunk, when the section opens.
const GroupGoalsSection = lazy(() =>
  import('../goals/GroupGoalsSection.tsx').then((m) => ({ default: m.GroupGoalsSection })),
)

/** One group, for its facilitators: a section for each part of running it. */
export function GroupPage({ groupId, section }: { groupId: string; section: string }) {
  return (
    <RequireFacilitator>
      {() => <GroupLoader groupId={groupId} section={section} />}
    </RequireFacilitator>
  )
}

function GroupLoader({ groupId, section }: { groupId: string; section: string }) {
  const load = useCallback(
    (signal: AbortSignal) => apiRequest(`/api/groups/${groupId}`, { schema: groupDetail, signal }),
    [groupId],
  )
  const [group, reload] = useResource(load)
  const name = group.status === 'ready' ? group.data.settings.name : 'Group'
  return (
    <>
      <div className="page-intro">
        <p className="breadcrumb">
          <Link to="/">Your groups</Link>
        </p>
        <PageHeading title={name}>{name}</PageHeading>
        {group.status === 'ready' && (
          <p className="muted">
            {group.data.settings.theme} · {GROUP_KIND_SHORT[group.data.settings.kind]} ·{' '}
            {group.data.yourRole === 'lead' ? 'You lead this group' : 'You co-facilitate'}
          </p>
        )}
      </div>
      <Loaded resource={group} loading="Loading the group…" retry={reload}>
        {(detail) => <GroupSections group={detail} section={section} reload={reload} />}
      </Loaded>
    </>
  )
}

function GroupSections({
  group,
  section,
  reload,
}: {
  group: GroupDetail
  section: string
  reload: () => void
}) {
  const heading = useFocusOnChange<HTMLHeadingElement>(section)
  const current = GROUP_SECTIONS.find((s) => s.id === section)
  return (
    <div className="group-layout">
      <nav className="section-nav" aria-label="Group sections">
        <ul>
          {GROUP_SECTIONS.map((s) => (
            <li key={s.id}>
              <Link
                to={`/groups/${group.id}/${s.id}`}
                aria-current={s.id === section ? 'page' : undefined}
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="group-section" aria-labelledby="section-heading">
        <h2 id="section-heading" ref={heading} tabIndex={-1} className="section-heading">
          {current?.label ?? 'Not found'}
        </h2>
        {isGroupSection(section) ? (
          <SectionBody id={section} group={group} reload={reload} />
        ) : (
          <p>This section does not exist. Choose one from the list.</p>
        )}
      </section>
    </div>
  )
}

function SectionBody({
  id,
  group,
  reload,
}: {
  id: GroupSectionId
  group: GroupDetail
  reload: () => void
}) {
  switch (id) {
    case 'schedule':
      return <ScheduleSection groupId={group.id} />
    case 'members':
      return <MembersSection groupId={group.id} lead={group.yourRole === 'lead'} />
    case 'invitations':
      return <InvitationsSection groupId={group.id} />
    case 'goals':
      return (
        <Suspense fallback={<LoadingNotice>Opening the goals…</LoadingNotice>}>
          <GroupGoalsSection groupId={group.id} />
        </Suspense>
      )
    case 'agreement':
      return <AgreementSection group={group} onPublished={reload} />
    case 'settings':
      return <SettingsSection group={group} onSaved={reload} />
    case 'audit':
      return <AuditSection group={group} />
  }
}
