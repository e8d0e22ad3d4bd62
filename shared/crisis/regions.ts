import { z } from 'zod'

/**
 * The regions a group can be set to, so that a member who writes something worrying is shown
 * the crisis lines of where the group meets (issue 15). Only regions whose lines we could
 * check against their official pages are listed; everyone else gets 'other', the
 * international fallback. Adding one: docs/CRISIS.md. Kept apart from the lines themselves
 * (server/crisis/defaultResources.ts) so the group settings form ships only these labels.
 */
export const CRISIS_REGIONS = [
  'US',
  'CA',
  'GB',
  'IE',
  'AU',
  'NZ',
  'DE',
  'AT',
  'CH',
  'FR',
  'BE',
  'NL',
  'ES',
  'IT',
  'SE',
  'NO',
  'DK',
  'FI',
  'other',
] as const
export type CrisisRegion = (typeof CRISIS_REGIONS)[number]

export const REGION_LABELS: Record<CrisisRegion, string> = {
  US: 'United States',
  CA: 'Canada',
  GB: 'United Kingdom',
  IE: 'Ireland',
  AU: 'Australia',
  NZ: 'New Zealand',
  DE: 'Germany',
  AT: 'Austria',
  CH: 'Switzerland',
  FR: 'France',
  BE: 'Belgium',
  NL: 'Netherlands',
  ES: 'Spain',
  IT: 'Italy',
  SE: 'Sweden',
  NO: 'Norway',
  DK: 'Denmark',
  FI: 'Finland',
  other: 'Elsewhere',
}

export const crisisRegion = z.enum(CRISIS_REGIONS)
