import { HTTPException } from 'hono/http-exception'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { CANVAS_GALLERY, CANVAS_SETTINGS } from '../../shared/whiteboard/canvasDoc.ts'
import type { Services } from '../http/AppEnv.ts'
import { layerKeysOf } from './canvasKeys.ts'

/**
 * A facilitator brings everyone to one work on the group canvas (a layer, by key): it must be a
 * layer of this session, and during a gallery walk it is revealed too (a spotlit work that
 * members' screens still hid would show them an empty spot).
 */
export async function spotlightWork(
  services: Services,
  groupId: string,
  sessionId: string,
  key: string,
): Promise<void> {
  if (!(await layerKeysOf(await services.data(), sessionId)).includes(key)) {
    throw new HTTPException(404, { message: 'no such work on this canvas' })
  }
  await services.sync.serverWrite(sessionDocName.canvas(groupId, sessionId) as DocName, (doc) => {
    const settings = doc.getMap(CANVAS_SETTINGS)
    const shown = settings.get(CANVAS_GALLERY)
    if (Array.isArray(shown) && !shown.includes(key)) settings.set(CANVAS_GALLERY, [...shown, key])
  })
}
