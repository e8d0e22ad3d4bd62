import type { Awareness } from 'y-protocols/awareness'
import {
  createUserId,
  InstancePresenceRecordType,
  type Editor,
  type TLInstancePresence,
} from 'tldraw'

/** How often this person's pointer is announced at most: smooth enough, well under the cap. */
const EVERY_MS = 100

/** A peer's presence state on the group canvas: the server stamped `user` (C9). */
interface PeerState {
  user?: { name?: unknown; colour?: unknown; role?: unknown }
  pointer?: { x?: unknown; y?: unknown }
}

/**
 * Live cursors on the group canvas, through the canvas document's presence: this person's
 * pointer (page coordinates, a few times a second) goes out as `pointer`; each peer's comes
 * back with the name and colour the server stamped on it (a pseudonym, never a claimed name)
 * and is shown as a tldraw collaborator cursor. Returns the unbinding.
 */
export function bindPresence(editor: Editor, awareness: Awareness): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const send = () => {
    timer = null
    const { x, y } = editor.inputs.getCurrentPagePoint()
    awareness.setLocalStateField('pointer', { x: Math.round(x), y: Math.round(y) })
  }
  const onEvent = (info: { type: string; name: string }) => {
    if (info.type === 'pointer' && info.name === 'pointer_move' && timer === null) {
      timer = setTimeout(send, EVERY_MS)
    }
  }
  editor.on('event', onEvent)

  // Each peer's cursor as last shown: one that did not move keeps its time of activity.
  let shown = new Map<TLInstancePresence['id'], TLInstancePresence>()
  const onChange = () => {
    const next = new Map<TLInstancePresence['id'], TLInstancePresence>()
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue
      const presence = presenceOf(editor, clientId, state as PeerState)
      if (!presence) continue
      const before = shown.get(presence.id)
      const moved =
        before?.cursor?.x !== presence.cursor?.x || before?.cursor?.y !== presence.cursor?.y
      next.set(presence.id, moved || !before ? presence : before)
    }
    const gone = [...shown.keys()].filter((id) => !next.has(id))
    const put = [...next.values()].filter((p) => shown.get(p.id) !== p)
    editor.store.mergeRemoteChanges(() => {
      if (gone.length > 0) editor.store.remove(gone)
      if (put.length > 0) editor.store.put(put)
    })
    shown = next
  }
  awareness.on('change', onChange)
  onChange()
  return () => {
    if (timer) clearTimeout(timer)
    editor.off('event', onEvent)
    awareness.off('change', onChange)
    awareness.setLocalStateField('pointer', null)
    editor.store.mergeRemoteChanges(() => editor.store.remove([...shown.keys()]))
  }
}

function presenceOf(editor: Editor, clientId: number, state: PeerState) {
  const { user, pointer } = state
  const x = pointer?.x
  const y = pointer?.y
  if (typeof user?.name !== 'string' || typeof x !== 'number' || typeof y !== 'number') return null
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(`peer-${clientId}`),
    userId: createUserId(`peer-${clientId}`),
    userName: user.role === 'facilitator' ? `${user.name} (facilitator)` : user.name,
    color: typeof user.colour === 'string' ? user.colour : '#555555',
    currentPageId: editor.getCurrentPageId(),
    cursor: { x, y, type: 'default', rotation: 0 },
    lastActivityTimestamp: Date.now(),
  })
}
