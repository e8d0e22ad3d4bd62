import type { BenchClient } from './BenchClient.ts'

/** Clients kept connected between two commands of the parent (a writer holding a document). */
export const heldClients = new Map<string, BenchClient>()
