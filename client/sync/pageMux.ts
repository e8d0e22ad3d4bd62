import { MuxClient } from '../../shared/sync/MuxClient.ts'
import { muxServerUrl } from './syncServerUrl.ts'

let mux: MuxClient | null = null

/**
 * The page's one sync socket: every document opened with the login cookie is a channel of it,
 * so a member with the room, two worksheets and their answers open holds one socket, not five.
 */
export function pageMux(): MuxClient {
  mux ??= new MuxClient(muxServerUrl(window.location), ['hearth'])
  return mux
}
