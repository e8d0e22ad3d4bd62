import { z } from 'zod'
import { chatMessage, type Reaction } from '../../shared/chat/chatDoc.ts'
import { apiRequest } from '../api/apiRequest.ts'

const ok = z.unknown()

/** The chat's calls to the server: every write to the chat goes through it, never the socket. */
export const chatApi = (sessionId: string) => {
  const base = `/api/sessions/${sessionId}`
  return {
    post: (text: string, named = false) =>
      apiRequest(`${base}/chat`, {
        method: 'POST',
        body: { text, ...(named ? { named } : {}) },
        schema: z.object({ id: z.string() }),
      }),
    typing: (typing: boolean) =>
      apiRequest(`${base}/chat/typing`, { method: 'POST', body: { typing }, schema: ok }),
    react: (id: string, reaction: Reaction, on: boolean) =>
      apiRequest(`${base}/chat/${id}/reactions`, {
        method: 'POST',
        body: { reaction, on },
        schema: ok,
      }),
    older: (before: number) =>
      apiRequest(`${base}/chat/older?before=${before}`, {
        schema: z.object({ messages: z.array(chatMessage) }),
      }),
    remove: (id: string) => apiRequest(`${base}/chat/${id}`, { method: 'DELETE', schema: ok }),
    settings: (body: { locked?: boolean; slowSeconds?: number }) =>
      apiRequest(`${base}/chat/settings`, { method: 'PUT', body, schema: ok }),
    muteWriter: (messageId: string) =>
      apiRequest(`${base}/chat/mutes`, { method: 'POST', body: { messageId }, schema: ok }),
    muteMember: (memberId: string) =>
      apiRequest(`${base}/chat/mutes`, { method: 'POST', body: { memberId }, schema: ok }),
    unmute: (muteId: string) =>
      apiRequest(`${base}/chat/mutes/${muteId}`, { method: 'DELETE', schema: ok }),
    writeLine: (text: string) =>
      apiRequest(`${base}/line`, { method: 'POST', body: { text }, schema: ok }),
    answerLine: (lineKey: string, text: string) =>
      apiRequest(`${base}/lines/${lineKey}`, { method: 'POST', body: { text }, schema: ok }),
    sendResources: (alertId: string) =>
      apiRequest(`${base}/alerts/${alertId}/resources`, { method: 'POST', schema: ok }),
  }
}
export type ChatApi = ReturnType<typeof chatApi>

const held = new Map<string, Set<string>>()

/**
 * A set of ids kept in this page's memory only (which messages are mine, which reactions I
 * gave): never in browser storage (C22), where it would tie a shared computer's user to
 * anonymous messages. A reload forgets it.
 */
export function pageSet(key: string) {
  const read = (): Set<string> => new Set(held.get(key) ?? [])
  return {
    read,
    toggle(id: string, on: boolean): Set<string> {
      const set = held.get(key) ?? new Set<string>()
      if (on) set.add(id)
      else set.delete(id)
      held.set(key, set)
      return new Set(set)
    },
  }
}
