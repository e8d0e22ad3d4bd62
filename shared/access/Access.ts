/**
 * The right a principal holds on one document, decided once when its connection opens.
 * Yjs cannot restrict part of a document, so there is nothing finer than this.
 */
export type Access = 'write' | 'read' | 'none'

export const ACCESS_LEVELS: readonly Access[] = ['write', 'read', 'none']
