import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { regionResources } from '../../shared/crisis/crisisResources.ts'
import type { RegionResources } from '../../shared/crisis/crisisResources.ts'
import { CRISIS_REGIONS, crisisRegion } from '../../shared/crisis/regions.ts'
import { RISK_CATEGORIES } from '../../shared/crisis/riskCategories.ts'
import { DEFAULT_RESOURCES } from './defaultResources.ts'
import { compilePhrases } from './findRisk.ts'
import type { PhraseList, PhraseLists } from './findRisk.ts'
import { RISK_PHRASES } from './riskPhrases.ts'
import type { RiskPhrase } from './riskPhrases.ts'

export interface CrisisConfig {
  phrases: PhraseList
  /** Every region of CRISIS_REGIONS, 'other' included. */
  resources: ReadonlyMap<string, RegionResources>
}

/** `{ "<locale>": [{ "category": "suicide", "phrase": "…" }] }`, added to the defaults. */
const phrasesFile = z.record(
  z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale code such as "en" or "pt-BR"'),
  z
    .array(
      z.strictObject({
        category: z.enum(RISK_CATEGORIES),
        phrase: z.string().trim().min(1).max(300),
      }),
    )
    .max(5000),
)

/** `{ "<REGION>": RegionResources }`, each replacing that region's default whole. */
const resourcesFile = z.partialRecord(
  crisisRegion,
  regionResources.extend({ region: z.string().optional() }),
)

/**
 * The crisis phrases and resources a server runs with: the shipped defaults, extended by a
 * deployment's files (HEARTH_CRISIS_PHRASES, HEARTH_CRISIS_RESOURCES; docs/CRISIS.md). Throws
 * an Error naming the file and what in it is wrong, so a server never starts on a file it
 * half understood.
 */
export function loadCrisisConfig(opts: {
  phrasesFile?: string
  resourcesFile?: string
}): CrisisConfig {
  const extraPhrases = opts.phrasesFile ? readPhrases(opts.phrasesFile) : {}
  const merged: Record<string, readonly RiskPhrase[]> = { ...RISK_PHRASES }
  for (const [locale, phrases] of Object.entries(extraPhrases)) {
    merged[locale] = [...(merged[locale] ?? []), ...phrases]
  }
  const resources = new Map<string, RegionResources>(Object.entries(DEFAULT_RESOURCES))
  if (opts.resourcesFile) {
    for (const [region, entry] of Object.entries(readResources(opts.resourcesFile))) {
      resources.set(region, { ...entry, region })
    }
  }
  return { phrases: compilePhrases(merged), resources }
}

/** The resources of `region`, or the international fallback for a region without its own. */
export function resourcesFor(
  resources: ReadonlyMap<string, RegionResources>,
  region: string,
): RegionResources {
  return resources.get(region) ?? resources.get('other') ?? DEFAULT_RESOURCES.other
}

function readPhrases(file: string): PhraseLists {
  const lists = parseFile(file, 'phrases', phrasesFile)
  for (const [locale, phrases] of Object.entries(lists)) {
    phrases.forEach(({ category, phrase }, i) => {
      try {
        compilePhrases({ [locale]: [{ category, phrase }] })
      } catch (error) {
        const problem = (error as Error).message.replace(/^[^:]*: /, '')
        throw fileError(file, 'phrases', [`${locale}[${i}].phrase: ${problem}`])
      }
    })
  }
  return lists
}

function readResources(file: string): z.infer<typeof resourcesFile> {
  const entries = parseFile(file, 'resources', resourcesFile)
  const mismatched = Object.entries(entries).flatMap(([key, entry]) =>
    entry?.region !== undefined && entry.region !== key
      ? [`${key}.region: "${entry.region}" under "${key}"; leave it out or make them agree`]
      : [],
  )
  if (mismatched.length > 0) throw fileError(file, 'resources', mismatched)
  return entries
}

function parseFile<T>(file: string, what: string, schema: z.ZodType<T>): T {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw fileError(file, what, [(error as Error).message])
  }
  const result = schema.safeParse(json)
  if (result.success) return result.data
  throw fileError(file, what, result.error.issues.map(describeIssue))
}

/** "en[3].category: …", or for an unknown region the regions there are. */
function describeIssue(issue: z.core.$ZodIssue): string {
  let path = ''
  for (const key of issue.path) {
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key)
  }
  if (issue.code === 'unrecognized_keys' && path === '') {
    return `unknown region ${issue.keys.join(', ')} (known: ${CRISIS_REGIONS.join(', ')})`
  }
  return `${path || '(top level)'}: ${issue.message}`
}

function fileError(file: string, what: string, problems: string[]): Error {
  return new Error(`Invalid crisis ${what} file ${file}:\n  ${problems.join('\n  ')}`)
}
