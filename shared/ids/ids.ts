/**
 * Branded ids. Every id is random and opaque (C1): no name, email or pseudonym ever appears in
 * an id, a document name or a URL. Lower-case letters and digits only, so ids can be document
 * name segments.
 */
export type FacilitatorId = string & { readonly __brand: 'FacilitatorId' }
export type MemberId = string & { readonly __brand: 'MemberId' }
export type GroupId = string & { readonly __brand: 'GroupId' }
export type SessionId = string & { readonly __brand: 'SessionId' }
export type InvitationId = string & { readonly __brand: 'InvitationId' }

/** The one-letter prefix of each kind of id, so a reader can tell them apart in logs. */
export const ID_PREFIX = {
  facilitator: 'f',
  member: 'm',
  group: 'g',
  session: 's',
  invitation: 'i',
  series: 'r',
  worksheet: 'w',
  template: 't',
  copy: 'c',
  signal: 'a',
  line: 'l',
  snapshot: 'n',
  push: 'p',
  deck: 'd',
  handout: 'h',
  chatMessage: 'k',
  lineMessage: 'e',
  mute: 'u',
  canvas: 'y',
  video: 'v',
  checkin: 'j',
  measure: 'q',
  goals: 'o',
} as const

export type WorksheetId = string & { readonly __brand: 'WorksheetId' }
