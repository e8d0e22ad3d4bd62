import { useCallback, useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { readFragment } from '../auth/readFragment.ts'
import { useLocation } from '../router/navigation.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { useFocusOnChange } from '../ui/useFocusOnChange.ts'
import { AgreementStep } from './AgreementStep.tsx'
import { GroupIntroStep } from './GroupIntroStep.tsx'
import { IdentityStep } from './IdentityStep.tsx'
import { invitationPreview } from './invitationPreview.ts'
import { JoinedStep } from './JoinedStep.tsx'

/** `/join#<token>`: joining a group from an invitation link. */
export function JoinPage() {
  const { hash } = useLocation()
  const token = readFragment(hash)
  if (!token) {
    return (
      <div className="narrow">
        <div className="page-intro">
          <PageHeading title="Join a group">Join a group</PageHeading>
        </div>
        <div className="notice notice--calm" role="status">
          <p>
            This page opens from the invitation link your facilitator sent you. Open that link
            exactly as you received it; if part of it is missing, ask your facilitator to send it
            again.
          </p>
        </div>
      </div>
    )
  }
  return <JoinFlow key={token} token={token} />
}

export type JoinStep = 'intro' | 'agreement' | 'identity' | 'done'

function JoinFlow({ token }: { token: string }) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/invitations/${encodeURIComponent(token)}`, {
        schema: invitationPreview,
        signal,
      }),
    [token],
  )
  const [preview, reload] = useResource(load)
  const [step, setStep] = useState<JoinStep>('intro')
  const [joinedAs, setJoinedAs] = useState('')
  const [agreementChanged, setAgreementChanged] = useState(false)
  const stepHeading = useFocusOnChange<HTMLHeadingElement>(step)

  const group = preview.status === 'ready' ? preview.data.group.name : null
  const title = !group ? 'Join a group' : step === 'done' ? `Welcome to ${group}` : `Join ${group}`
  return (
    <div className="narrow">
      <div className="page-intro">
        <PageHeading title={title}>{title}</PageHeading>
      </div>
      {preview.status === 'loading' && <LoadingNotice>Opening your invitation…</LoadingNotice>}
      {preview.status === 'error' && (
        <div className="notice notice--calm" role="alert">
          <p>{preview.error.message}</p>
          <p className="field-hint">
            If you have joined already, sign in with your group&apos;s sign-in link instead.
          </p>
        </div>
      )}
      {preview.status === 'ready' && (
        <div className="card join-card">
          {step === 'intro' && (
            <GroupIntroStep
              preview={preview.data}
              headingRef={stepHeading}
              onNext={() => setStep('agreement')}
            />
          )}
          {step === 'agreement' && (
            <AgreementStep
              preview={preview.data}
              headingRef={stepHeading}
              changed={agreementChanged}
              onBack={() => setStep('intro')}
              onNext={() => setStep('identity')}
            />
          )}
          {step === 'identity' && (
            <IdentityStep
              token={token}
              preview={preview.data}
              headingRef={stepHeading}
              onBack={() => setStep('agreement')}
              onAgreementChanged={() => {
                setAgreementChanged(true)
                reload()
                setStep('agreement')
              }}
              onJoined={(pseudonym) => {
                setJoinedAs(pseudonym)
                setStep('done')
              }}
            />
          )}
          {step === 'done' && (
            <JoinedStep preview={preview.data} pseudonym={joinedAs} headingRef={stepHeading} />
          )}
        </div>
      )}
    </div>
  )
}
