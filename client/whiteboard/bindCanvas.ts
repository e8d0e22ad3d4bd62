import { atom } from '@tldraw/state'
import type { Store, UnknownRecord } from '@tldraw/store'
import type * as Y from 'yjs'
import { CANVAS_META, CANVAS_RECORDS, isCanvasAsset } from '../../shared/whiteboard/canvasDoc.ts'

/** Our writes to the documents, so that their observers skip them. */
const ORIGIN = Symbol('hearth-canvas')

/** Records of these types make the canvas's frame: they live in the page document. */
const FRAME_TYPES = new Set(['document', 'page'])

/**
 * Records never shared: tldraw's `user` records carry a name and picture from the browser's own
 * preferences, and peers' identity comes from the server alone (C9). Neither written nor read.
 */
const LOCAL_TYPES = new Set(['user'])
const isLocal = (raw: unknown) =>
  LOCAL_TYPES.has(String((raw as { typeName?: unknown } | null)?.typeName))

export interface CanvasSource {
  doc: Y.Doc
  /** Whether this person may write it (the server decides; this only avoids refused writes). */
  writable: boolean
  /** `page`: the frame (document, pages); `mine`: where this person's new records go. */
  role: 'page' | 'mine' | 'other'
  /** The document's name: a locked shape remembers the layer it came from by it. */
  name?: string
}

/** Where a shape locked by a facilitator came from (its record's meta, in the page document). */
export const LOCKED_FROM = 'lockedFrom'

export interface CanvasBinding {
  /** A document that joined the canvas later (a person's new layer), already synced. */
  add: (source: CanvasSource) => void
  /** Whether a record is in this person's own layer (theirs to move, erase, export). */
  isMine: (id: string) => boolean
  /** The document a record lives in. */
  sourceOf: (id: string) => CanvasSource | undefined
  /** Grows when any record's document changes; read in a tldraw computed to follow it. */
  version: () => number
  /**
   * A facilitator locks shapes: each moves from its layer into the page document, which only
   * facilitators write (so no member can move or erase it, whatever their client does), and
   * `unlock` moves it back to the layer it came from.
   */
  lock: (ids: readonly string[]) => void
  unlock: (ids: readonly string[]) => void
  unbind: () => void
}

export type CanvasProblem =
  | { kind: 'invalid-record'; id: string }
  | { kind: 'newer-schema' }
  | { kind: 'not-yours'; id: string }
  /** An SVG pasted: refused (see CanvasEditor's guardPastes). */
  | { kind: 'no-svg' }
  /** The server refused a picture, for the reason it gives. */
  | { kind: 'picture-refused'; message: string }

/**
 * Binds a tldraw store to the documents a canvas is made of (shared/whiteboard/canvasDoc.ts):
 * each document's records are validated by the store's schema before they reach the editor (a
 * malformed one is dropped and reported, never applied), and applied as remote changes, so
 * they are not echoed and not in this person's undo history. This person's own changes go, in
 * one transaction each, to the document that owns the record: new shapes to their layer. A
 * change to a record this person may not write (another member's shape) is undone at once; the
 * server would refuse it anyway. Returns `add`, for a document that joins later (a new layer),
 * and `unbind`.
 *
 * Bind only after every document's first sync, so that nothing is mistaken for new.
 */
export function bindCanvas<R extends UnknownRecord>(
  store: Store<R>,
  sources: readonly CanvasSource[],
  onProblem: (problem: CanvasProblem) => void,
): CanvasBinding {
  const all = [...sources]
  const owner = new Map<string, CanvasSource>()
  // Grows whenever a record's document changes, so that what reads `isMine` and `sourceOf` in
  // tldraw's reactive world (the text list, the gallery walk's hiding) reads them again.
  const owners = atom('canvas owners', 0)
  const changed = () => owners.update((n) => n + 1)
  const page = sources.find((s) => s.role === 'page') ?? null
  const mine = sources.find((s) => s.role === 'mine') ?? null
  const recordsOf = (source: CanvasSource) => source.doc.getMap<unknown>(CANVAS_RECORDS)

  const valid = (raw: unknown): R | null => {
    const typeName = (raw as { typeName?: unknown } | null)?.typeName
    const types = store.schema.types as Record<string, { validate(record: unknown): unknown }>
    const type =
      typeof typeName === 'string' && Object.hasOwn(types, typeName) ? types[typeName] : undefined
    if (!type || !isCanvasAsset(raw as object)) return null
    try {
      return type.validate(raw) as R
    } catch {
      return null
    }
  }

  /** A document's records, migrated from the schema they were written with. */
  const loadRecords = (source: CanvasSource): R[] | null => {
    const stored = Object.fromEntries(recordsOf(source).entries())
    const schema = source.doc.getMap(CANVAS_META).get('schema')
    if (!schema) return Object.values(stored).flatMap((raw) => (isLocal(raw) ? [] : checked(raw)))
    const migrated = store.schema.migrateStoreSnapshot({
      schema: schema as never,
      store: stored as never,
    })
    if (migrated.type === 'error') {
      onProblem({ kind: 'newer-schema' })
      return null
    }
    return Object.values(migrated.value).flatMap((raw) => (isLocal(raw) ? [] : checked(raw)))
  }
  const checked = (raw: unknown): R[] => {
    const record = valid(raw)
    if (record) return [record]
    const id = (raw as { id?: unknown } | null)?.id
    onProblem({ kind: 'invalid-record', id: typeof id === 'string' ? id : '?' })
    return []
  }

  const stops: (() => void)[] = []
  /** Shows what a document holds, and follows what others change in it. */
  const attach = (source: CanvasSource) => {
    const records = loadRecords(source)
    // A document from a newer Hearth is not half-loaded: none of it is shown.
    if (records === null) return
    for (const record of records) owner.set(record.id, source)
    store.mergeRemoteChanges(() => store.put(records))
    changed()
    const observe = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
      if (transaction.origin === ORIGIN) return
      const put: R[] = []
      const removed: R['id'][] = []
      for (const [id, change] of event.changes.keys) {
        if (change.action === 'delete') {
          if (owner.get(id) === source) {
            owner.delete(id)
            removed.push(id as R['id'])
          }
          continue
        }
        const raw = recordsOf(source).get(id)
        if (isLocal(raw)) continue
        const record = checked(raw)[0]
        if (!record) continue
        owner.set(id, source)
        put.push(record)
      }
      store.mergeRemoteChanges(() => {
        if (removed.length > 0) store.remove(removed)
        if (put.length > 0) store.put(put)
      })
      changed()
    }
    recordsOf(source).observe(observe)
    stops.push(() => recordsOf(source).unobserve(observe))
  }
  sources.forEach(attach)

  // What this person changes.
  const write = (source: CanvasSource, fn: (records: Y.Map<unknown>) => void) => {
    source.doc.transact(() => {
      const meta = source.doc.getMap(CANVAS_META)
      if (!meta.has('schema')) meta.set('schema', store.schema.serialize())
      fn(recordsOf(source))
    }, ORIGIN)
  }
  const targetOf = (record: R) =>
    owner.get(record.id) ?? (FRAME_TYPES.has(record.typeName) ? page : mine)
  const stopListening = store.listen(
    ({ changes }) => {
      const undo: { put: R[]; remove: R['id'][] } = { put: [], remove: [] }
      const refuse = (id: string) => onProblem({ kind: 'not-yours', id })
      for (const record of Object.values(changes.added) as R[]) {
        const target = targetOf(record)
        if (isLocal(record)) continue
        if (!isCanvasAsset(record)) {
          // A picture not on the server (tldraw would inline it): never written, not kept.
          undo.remove.push(record.id)
          onProblem({ kind: 'invalid-record', id: record.id })
        } else if (target?.writable) {
          owner.set(record.id, target)
          write(target, (records) => records.set(record.id, record))
        } else if (!FRAME_TYPES.has(record.typeName)) {
          // Every editor makes the same default page: kept locally where it may not be written.
          undo.remove.push(record.id)
          refuse(record.id)
        }
      }
      for (const [from, to] of Object.values(changes.updated) as [R, R][]) {
        const target = targetOf(to)
        if (isLocal(to)) continue
        if (!isCanvasAsset(to)) {
          undo.put.push(from)
          onProblem({ kind: 'invalid-record', id: to.id })
        } else if (target?.writable) write(target, (records) => records.set(to.id, to))
        else if (!FRAME_TYPES.has(to.typeName)) {
          undo.put.push(from)
          refuse(to.id)
        }
      }
      for (const record of Object.values(changes.removed) as R[]) {
        const target = targetOf(record)
        if (isLocal(record)) continue
        if (target?.writable) {
          owner.delete(record.id)
          write(target, (records) => records.delete(record.id))
        } else if (!FRAME_TYPES.has(record.typeName)) {
          undo.put.push(record)
          refuse(record.id)
        }
      }
      if (undo.put.length > 0 || undo.remove.length > 0) {
        store.mergeRemoteChanges(() => {
          if (undo.remove.length > 0) store.remove(undo.remove)
          if (undo.put.length > 0) store.put(undo.put)
        })
      }
      changed()
    },
    { source: 'user', scope: 'document' },
  )

  /** Moves records to another document, as one change each side, shown at once. */
  const move = (
    ids: readonly string[],
    to: (from: CanvasSource, record: R) => CanvasSource | null,
    change: (record: R) => R,
  ) => {
    const moved: R[] = []
    for (const id of ids) {
      const record = store.get(id as R['id']) as R | undefined
      const from = owner.get(id)
      if (!record || !from) continue
      const dest = to(from, record)
      if (!dest?.writable || !from.writable || dest === from) continue
      const next = change(record)
      write(from, (records) => records.delete(id))
      write(dest, (records) => records.set(id, next))
      owner.set(id, dest)
      moved.push(next)
    }
    if (moved.length > 0) store.mergeRemoteChanges(() => store.put(moved))
    changed()
  }
  const metaOf = (record: R) => (record as unknown as { meta: Record<string, unknown> }).meta

  return {
    add: (source) => {
      all.push(source)
      attach(source)
    },
    isMine: (id: string) => owners.get() >= 0 && owner.get(id)?.role === 'mine',
    sourceOf: (id: string) => (owners.get() >= 0 ? owner.get(id) : undefined),
    version: () => owners.get(),
    lock: (ids) =>
      move(
        ids,
        (from) => (from.role === 'page' ? null : page),
        (record) => ({
          ...record,
          isLocked: true,
          meta: { ...metaOf(record), [LOCKED_FROM]: owner.get(record.id)?.name ?? null },
        }),
      ),
    unlock: (ids) =>
      move(
        ids,
        (from, record) =>
          from.role !== 'page'
            ? null
            : (all.find((s) => s.name !== undefined && s.name === metaOf(record)[LOCKED_FROM]) ??
              mine),
        (record) => {
          const { [LOCKED_FROM]: _from, ...meta } = metaOf(record)
          return { ...record, isLocked: false, meta }
        },
      ),
    unbind: () => {
      stopListening()
      for (const stop of stops) stop()
    },
  }
}
