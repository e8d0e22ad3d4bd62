import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { ChatMessage, Reaction } from '../../shared/chat/chatDoc.ts'
import { LINE_CHAT } from '../../shared/chat/lineDoc.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { SIGNALS_AUTHORS } from '../../shared/signals/signalDocs.ts'
import { toApiError } from '../api/ApiError.ts'
import type { ChatPolicy } from '../session/sessionSchemas.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { useSyncSnapshot } from '../sync/useSyncSnapshot.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { useConfirm } from '../ui/useConfirm.tsx'
import { chatApi, pageSet } from './chatApi.ts'
import { ChatMessageItem, type MessageActions } from './ChatMessageItem.tsx'
import { ChatModeration } from './ChatModeration.tsx'
import { MessageComposer } from './MessageComposer.tsx'
import { describeTyping, readChat, readTyping } from './readChat.ts'
import { useChatView } from './useChatView.ts'
import './chat.css'

export interface ChatPanelProps {
  sessionId: string
  groupId: string
  role: 'facilitator' | 'member'
  selfName: string
  policy: ChatPolicy
  /** The session is over: the chat is read only. */
  over: boolean
  /** Facilitators: the signals document (who wrote what, where allowed; who is paused). */
  signalsDoc?: Y.Doc | null
  /** Members: their private line (whether a facilitator paused their messages). */
  lineDoc?: Y.Doc | null
}

const readAuthors = (map: Y.Map<unknown>) => {
  const out = new Map<string, string>()
  map.forEach((raw, id) => {
    const name = (raw as { name?: unknown } | null)?.name
    if (typeof name === 'string') out.set(id, name)
  })
  return out
}
const readMuted = (map: Y.Map<unknown>) => map.get('muted') === true

/** The group chat, in the room's side panel (its own lazy chunk). */
export function ChatPanel(props: ChatPanelProps) {
  const name = sessionDocName.chat(props.groupId, props.sessionId) as DocName
  const state = useSyncedDoc(name, null)
  return (
    <section className="chat-panel" aria-labelledby="chat-heading">
      <h2 id="chat-heading" className="panel-heading">
        Chat
      </h2>
      <p className="muted chat-policy">{policyWords(props.policy, props.role)}</p>
      {state.phase === 'loading' && <LoadingNotice>Opening the chat…</LoadingNotice>}
      {state.phase === 'failed' && (
        <ProblemNotice message="The chat could not be opened." onRetry={state.retry} />
      )}
      {state.phase === 'ready' && <Chat {...props} synced={state.synced} />}
    </section>
  )
}

function policyWords(policy: ChatPolicy, role: 'facilitator' | 'member'): string {
  const kept = policy.kept
    ? 'The chat is kept after the session.'
    : 'The chat is cleared when the session ends.'
  if (!policy.anonymous) return `Messages show each member’s chosen name. ${kept}`
  if (role === 'facilitator') {
    return policy.facilitatorsSeeAuthors
      ? `Members write anonymously; only facilitators see who wrote. ${kept}`
      : `Members write anonymously; nobody, facilitators included, sees who wrote. ${kept}`
  }
  return policy.facilitatorsSeeAuthors
    ? `Your messages show as “Anonymous member” to the group; the facilitators can see they are yours. ${kept}`
    : `Your messages show as “Anonymous member” to everyone. ${kept}`
}

function Chat({
  sessionId,
  role,
  selfName,
  policy,
  over,
  signalsDoc = null,
  lineDoc = null,
  synced,
}: ChatPanelProps & { synced: SyncedDoc }) {
  const api = useMemo(() => chatApi(sessionId), [sessionId])
  const { refusedWith } = useSyncSnapshot(synced)
  const view = useChatView(synced.doc, readChat)
  const muted = useSharedMap(lineDoc, LINE_CHAT, readMuted)
  const authors = useSharedMap(signalsDoc, SIGNALS_AUTHORS, readAuthors)
  const mine = useMemo(() => pageSet(`hearth.chat.mine.${sessionId}`), [sessionId])
  const reactedStore = useMemo(() => pageSet(`hearth.chat.reacted.${sessionId}`), [sessionId])
  const [mineIds, setMineIds] = useState(() => mine.read())
  const [reacted, setReacted] = useState(() => reactedStore.read())
  const [older, setOlder] = useState<ChatMessage[]>([])
  const [olderProblem, setOlderProblem] = useState<string | null>(null)
  const [typingNow, setTypingNow] = useState(false)
  const [signed, setSigned] = useState(false)
  const [confirmElement, confirm] = useConfirm()
  const typing = useTyping(synced)
  const anonymous = role === 'member' && policy.anonymous
  const typingWords = describeTyping(typing, { name: selfName, anonymous, typing: typingNow })

  const firstSeq = older[0]?.seq ?? view.olderFrom
  const hasOlder = older.length > 0 ? older[0]!.seq > 1 : view.olderFrom !== null
  const loadOlder = async () => {
    if (firstSeq === null) return
    setOlderProblem(null)
    try {
      const page = await api.older(firstSeq)
      setOlder((held) => [...page.messages, ...held])
    } catch (error) {
      setOlderProblem(toApiError(error).message)
    }
  }

  const actions: MessageActions = {
    reacted,
    react: async (message: ChatMessage, reaction: Reaction, on: boolean) => {
      await api.react(message.id, reaction, on)
      setReacted(reactedStore.toggle(`${message.id}:${reaction}`, on))
    },
    ...(role === 'facilitator'
      ? {
          moderate: {
            remove: async (message: ChatMessage) => {
              const ok = await confirm({
                title: 'Remove this message?',
                body: 'Its words are deleted for everyone, for good. A note that a facilitator removed a message stays in its place.',
                confirm: 'Remove it',
                cancel: 'Keep it',
                danger: true,
              })
              if (ok) await api.remove(message.id)
            },
            muteWriter: async (message: ChatMessage) => {
              await api.muteWriter(message.id)
            },
            authorOf: (id: string) => authors.get(id) ?? null,
          },
        }
      : {}),
  }
  const blocked =
    role === 'member' && muted
      ? 'A facilitator has paused your chat messages for now. You can still write to them privately.'
      : role === 'member' && view.locked
        ? 'The facilitators have paused the chat for now.'
        : null
  const list = useStickToBottom(view.messages.length)
  if (refusedWith !== null && over) {
    return <p className="muted">The chat of this session is not available to read again.</p>
  }
  return (
    <div className="chat">
      {view.locked && <p className="notice--calm chat-state">The chat is paused.</p>}
      {view.slowSeconds > 0 && (
        <p className="muted chat-state">Slow mode: one message every {view.slowSeconds} seconds.</p>
      )}
      {role === 'facilitator' && !over && (
        <ChatModeration
          api={api}
          locked={view.locked}
          slowSeconds={view.slowSeconds}
          signalsDoc={signalsDoc}
        />
      )}
      <div className="chat-scroll" ref={list} tabIndex={0} role="region" aria-label="Chat messages">
        {hasOlder && (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => void loadOlder()}
          >
            Show earlier messages
          </button>
        )}
        {olderProblem && (
          <p className="field-error" role="alert">
            {olderProblem}
          </p>
        )}
        {older.length > 0 && (
          <ol className="chat-list" aria-label="Earlier messages">
            {older.map((m) => (
              <ChatMessageItem
                key={m.id}
                message={m}
                mine={mineIds.has(m.id)}
                still
                actions={actions}
              />
            ))}
          </ol>
        )}
        {view.messages.length === 0 ? (
          <p className="muted">No messages yet.</p>
        ) : (
          <div role="log" aria-label="Group chat">
            <ol className="chat-list">
              {view.messages.map((m) => (
                <ChatMessageItem
                  key={m.id}
                  message={m}
                  mine={mineIds.has(m.id)}
                  still={over}
                  actions={actions}
                />
              ))}
            </ol>
          </div>
        )}
      </div>
      <p className="muted chat-typing" aria-live="polite">
        {typingWords}
      </p>
      {!over && (
        <MessageComposer
          label={anonymous ? 'Message to the group (anonymous)' : 'Message to the group'}
          blocked={blocked}
          send={async (text) => {
            const { id } = await api.post(text, anonymous && signed)
            setMineIds(mine.toggle(id, true))
            setTypingNow(false)
            setSigned(false)
          }}
          {...(anonymous
            ? {
                option: {
                  label: `Show my name (${selfName}) on this message`,
                  checked: signed,
                  onChange: setSigned,
                },
              }
            : {})}
          onTyping={(on) => {
            setTypingNow(on)
            void api.typing(on).catch(() => undefined)
          }}
        />
      )}
      {confirmElement}
    </div>
  )
}

/** Who is typing, from the server's presence entry (clients' own states are dropped there). */
function useTyping(synced: SyncedDoc) {
  const { awareness } = synced.provider
  const [typing, setTyping] = useState(() =>
    readTyping(awareness.getStates() as Map<number, Record<string, unknown>>),
  )
  useEffect(() => {
    const onChange = () =>
      setTyping(readTyping(awareness.getStates() as Map<number, Record<string, unknown>>))
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness])
  return typing
}

/** Keeps the list at its newest message as messages arrive, unless the reader scrolled up. */
function useStickToBottom(count: number) {
  const ref = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const onScroll = () => {
      atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40
    }
    element.addEventListener('scroll', onScroll)
    return () => element.removeEventListener('scroll', onScroll)
  }, [])
  useLayoutEffect(() => {
    const element = ref.current
    if (element && atBottom.current) element.scrollTop = element.scrollHeight
  }, [count])
  return ref
}
