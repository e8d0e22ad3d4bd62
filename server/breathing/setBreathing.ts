import { ROOM_BREATHING, type BreathingState } from '../../shared/breathing/patterns.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import type { Services } from '../http/AppEnv.ts'

/**
 * Writes the group's breathing exercise (or none) into the session's room document, which
 * the facilitators and every admitted member read and only the server writes. Stopping what
 * is not going on writes nothing.
 */
export async function setBreathing(
  services: Services,
  groupId: string,
  sessionId: string,
  breathing: BreathingState | null,
): Promise<void> {
  await services.sync.serverWrite(sessionDocName.room(groupId, sessionId) as DocName, (doc) => {
    const state = doc.getMap(ROOM_STATE)
    if (breathing || state.get(ROOM_BREATHING)) state.set(ROOM_BREATHING, breathing)
  })
}
