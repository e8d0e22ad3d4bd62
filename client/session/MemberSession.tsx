import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError, type ApiError } from '../api/ApiError.ts'
import type { MemberMe } from '../auth/meSchema.ts'
import { SignInPrompt } from '../auth/SignInPrompt.tsx'
import { Link } from '../router/Link.tsx'
import { requestHeadingFocus } from '../router/navigation.ts'
import { announce } from '../ui/announce.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { SessionHeader } from './SessionHeader.tsx'
import { joinAnswer, sessionEntry, type SessionEntry } from './sessionSchemas.ts'
import { usePolling } from '../polling/usePolling.ts'
import { WaitingScreen } from './WaitingScreen.tsx'
import { EndedWhiteboard } from '../whiteboard/EndedWhiteboard.tsx'

// Only the waiting page asks: it has no socket before admission. In the room, the room
// document brings the session's state, and its socket closes when the member is sent back.
const WAITING_POLL_MS = 3000
// The room (and the sync client in it) loads once the member is admitted: the waiting page
// stays light on a phone.
// After the session: its worksheets to come back to (the sync client loads with them).
const WorksheetsPanel = lazy(() =>
  import('../worksheets/WorksheetsPanel.tsx').then((m) => ({ default: m.WorksheetsPanel })),
)
const RoomView = lazy(() => import('./RoomView.tsx').then((m) => ({ default: m.RoomView })))
const ChatPanel = lazy(() =>
  import('../chat/ChatPanel.tsx').then((m) => ({ default: m.ChatPanel })),
)
const SessionSlides = lazy(() =>
  import('../slides/SessionSlides.tsx').then((m) => ({ default: m.SessionSlides })),
)
const HOME = { to: '/', label: 'Your group' }

const isOpen = (entry: SessionEntry) =>
  entry.session.status === 'open' || entry.session.status === 'live'

/**
 * Where the member stands in the session; joins its waiting room when it is open and they
 * are not in it yet. A refusal to join comes back with the latest standing.
 */
async function enterSession(
  sessionId: string,
  signal?: AbortSignal,
): Promise<{ entry: SessionEntry | null; problem: ApiError | null }> {
  const read = () => apiRequest(`/api/sessions/${sessionId}`, { schema: sessionEntry, signal })
  let entry: SessionEntry | null = null
  try {
    entry = await read()
    if (entry.you === 'none' && isOpen(entry)) {
      await apiRequest(`/api/sessions/${sessionId}/join`, {
        method: 'POST',
        schema: joinAnswer,
        signal,
      })
      entry = await read()
    }
    return { entry, problem: null }
  } catch (error) {
    return { entry, problem: toApiError(error) }
  }
}

/**
 * A member's way into a session: they arrive in the waiting room (joining as soon as it is
 * open), wait there while the page asks every 3 s, and enter the room once admitted.
 */
export function MemberSession({ sessionId, me }: { sessionId: string; me: MemberMe }) {
  const [entry, setEntry] = useState<SessionEntry | null>(null)
  const [problem, setProblem] = useState<ApiError | null>(null)

  const check = useCallback(
    async (signal?: AbortSignal) => {
      const outcome = await enterSession(sessionId, signal)
      if (signal?.aborted) return
      if (outcome.entry) setEntry(outcome.entry)
      setProblem(outcome.problem)
    },
    [sessionId],
  )

  useEffect(() => {
    const abort = new AbortController()
    enterSession(sessionId, abort.signal).then((outcome) => {
      if (abort.signal.aborted) return
      if (outcome.entry) setEntry(outcome.entry)
      setProblem(outcome.problem)
    })
    return () => abort.abort()
  }, [sessionId])

  const room = entry?.you === 'admitted' ? (entry.documents?.room ?? null) : null
  const settled =
    entry !== null &&
    (entry.you === 'removed' ||
      entry.session.status === 'ended' ||
      entry.session.status === 'cancelled')
  usePolling(check, WAITING_POLL_MS, room === null && !settled && problem?.status !== 401)

  // Said once, when the facilitator lets them in.
  const was = useRef(entry?.you)
  useEffect(() => {
    if (was.current === 'waiting' && entry?.you === 'admitted') {
      requestHeadingFocus()
      announce('You have been admitted. Welcome to the session.')
    }
    if (was.current === 'admitted' && entry?.you === 'waiting') {
      announce('Your facilitator has moved you to the waiting room.')
    }
    was.current = entry?.you
  }, [entry?.you])

  if (problem?.status === 401) return <SignInPrompt />
  if (entry && room) {
    return (
      <Suspense fallback={<LoadingNotice>Opening the room…</LoadingNotice>}>
        <RoomView
          key={room}
          room={room}
          line={entry.documents?.line ?? null}
          session={entry.session}
          chat={entry.chat}
          self={{ name: me.name, colour: me.colour, role: 'member' }}
          backTo={HOME}
          onRefused={() => void check()}
        />
      </Suspense>
    )
  }
  return (
    <div className="session-page">
      <SessionHeader session={entry?.session ?? null} backTo={HOME} />
      {problem && (
        <div className="notice notice--calm" role="alert">
          <p>{problem.message}</p>
          {problem.message.includes('agreement') && (
            <p>
              <Link to="/">Go to your group page to read it</Link>
            </p>
          )}
        </div>
      )}
      {!entry && !problem && <LoadingNotice>Finding your session…</LoadingNotice>}
      {entry && <MemberStanding entry={entry} me={me} blocked={problem !== null} />}
    </div>
  )
}

function MemberStanding({
  entry,
  me,
  blocked,
}: {
  entry: SessionEntry
  me: MemberMe
  /** Joining was refused; the problem above says why. */
  blocked: boolean
}) {
  const { session, you } = entry
  if (you === 'removed') {
    return (
      <div className="notice notice--calm" role="status">
        <p>Your facilitator has asked you to leave this session. You can contact them directly.</p>
      </div>
    )
  }
  if (session.status === 'ended' && you === 'admitted') {
    return (
      <>
        <div className="notice notice--calm" role="status">
          <p>
            This session has ended. What the group wrote, and your own copies, are here to come back
            to. <Link to="/">Back to your group</Link>
          </p>
        </div>
        <Suspense fallback={<LoadingNotice>Finding your materials…</LoadingNotice>}>
          <WorksheetsPanel
            sessionId={session.id}
            role="member"
            user={{ name: me.name, colour: me.colour }}
            over
          />
          <SessionSlides sessionId={session.id} groupId={session.groupId} />
          <EndedWhiteboard sessionId={session.id} />
          {entry.chat.kept && (
            <ChatPanel
              sessionId={session.id}
              groupId={session.groupId}
              role="member"
              selfName={me.name}
              policy={entry.chat}
              over
            />
          )}
        </Suspense>
      </>
    )
  }
  if (session.status === 'ended' || session.status === 'cancelled') {
    return (
      <div className="notice notice--calm" role="status">
        <p>
          {session.status === 'ended' ? 'This session has ended.' : 'This session was cancelled.'}{' '}
          <Link to="/">Back to your group</Link>
        </p>
      </div>
    )
  }
  if (session.status === 'scheduled') {
    return (
      <div className="waiting card" role="status">
        <h2>The waiting room is not open yet</h2>
        <p>
          Your facilitator opens it shortly before the start. Keep this page open: you will go into
          the waiting room by yourself as soon as it opens.
        </p>
      </div>
    )
  }
  if (you === 'none') {
    return blocked ? null : <LoadingNotice>Going into the waiting room…</LoadingNotice>
  }
  return <WaitingScreen session={session} name={me.name} message={entry.waitingMessage} />
}
