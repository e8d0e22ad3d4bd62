import type { RiskCategory } from '../../shared/crisis/riskCategories.ts'
import {
  SPELLED_START,
  allWords,
  anchorWords,
  firstWords,
  parsePattern,
  spelledStarts,
} from './phrasePattern.ts'
import type { PatternNode } from './phrasePattern.ts'
import { readMessage } from './readMessage.ts'
import type { CitingWords, SpelledRun, Token } from './readMessage.ts'
import { CITING_WORDS, LOCALE_WORDS } from './riskPhrases.ts'
import type { LocaleWords, RiskPhrase } from './riskPhrases.ts'

/**
 * What a message matched: the category and the locale of the phrase, never the words, so an
 * alert can be logged and sent to facilitators without repeating what the member wrote.
 */
export interface RiskMatch {
  category: RiskCategory
  locale: string
}

/** Phrase lists by locale, as in riskPhrases.ts and a deployment's HEARTH_CRISIS_PHRASES. */
export type PhraseLists = Readonly<Record<string, readonly RiskPhrase[]>>

/** A locale's words that can cancel a phrase from before it (riskPhrases.ts, LocaleWords). */
interface Denials {
  negations: ReadonlySet<string>
  carriers: ReadonlySet<string>
  others: ReadonlySet<string>
}

interface CompiledPhrase {
  category: RiskCategory
  locale: string
  nodes: PatternNode[]
  denials: Denials
  /** Whether another person as the subject makes it about them: it says neither I nor me. */
  subjectMatters: boolean
  /** At least one of these must be in the message (see anchorWords). */
  anchors: ReadonlySet<string> | null
}

/** The compiled form of the phrase lists: build once at start-up, share across messages. */
export interface PhraseList {
  readonly size: number
  readonly byWord: ReadonlyMap<string, readonly CompiledPhrase[]>
  /** Phrases that start with a stem, under the stem's first three letters. */
  readonly byStem: ReadonlyMap<string, readonly CompiledPhrase[]>
  /** Phrases under the first letters of their spellings without spaces (spelled-out runs). */
  readonly bySpelledStart: ReadonlyMap<string, readonly CompiledPhrase[]>
  readonly citing: CitingWords
}

/** How far back a denial reaches: "I'm really not going to ever hurt myself". */
const DENIAL_REACH = 5

/**
 * Compiles phrase lists. Throws an Error naming the locale and the index of the first phrase
 * that does not parse ("en[3]: risk phrase "(kill": a ")" is missing").
 */
export function compilePhrases(
  lists: PhraseLists,
  words: Readonly<Record<string, LocaleWords>> = LOCALE_WORDS,
  citing: typeof CITING_WORDS = CITING_WORDS,
): PhraseList {
  const byWord = new Map<string, CompiledPhrase[]>()
  const byStem = new Map<string, CompiledPhrase[]>()
  const bySpelledStart = new Map<string, CompiledPhrase[]>()
  const add = (index: Map<string, CompiledPhrase[]>, key: string, phrase: CompiledPhrase) => {
    const entries = index.get(key) ?? []
    if (!entries.includes(phrase)) entries.push(phrase)
    index.set(key, entries)
  }
  let size = 0
  for (const [locale, phrases] of Object.entries(lists)) {
    const denials: Denials = {
      negations: new Set(words[locale]?.negations ?? []),
      carriers: new Set(words[locale]?.carriers ?? []),
      others: new Set(words[locale]?.others ?? []),
    }
    const firstPerson = new Set(words[locale]?.firstPerson ?? [])
    phrases.forEach(({ category, phrase }, i) => {
      let nodes: PatternNode[]
      try {
        nodes = parsePattern(phrase)
      } catch (error) {
        throw new Error(`${locale}[${i}]: ${(error as Error).message}`, { cause: error })
      }
      const compiled: CompiledPhrase = {
        category,
        locale,
        nodes,
        denials,
        subjectMatters: !allWords(nodes).some((word) => firstPerson.has(word)),
        anchors: anchorWords(nodes),
      }
      const first = firstWords(nodes)
      for (const word of first.words) add(byWord, word, compiled)
      for (const stem of first.stems) add(byStem, stem.slice(0, 3), compiled)
      for (const key of spelledStarts(nodes)) add(bySpelledStart, key, compiled)
      size++
    })
  }
  return {
    size,
    byWord,
    byStem,
    bySpelledStart,
    citing: { works: new Set(citing.works), introducers: new Set(citing.introducers) },
  }
}

/**
 * The first risk phrase in `text` that is the writer's own words, or null. Not matched: a
 * phrase denied just before it or within it ("I would never kill myself"), one whose subject
 * is someone else ("do you ever want to die?"), one inside quotation marks or in what a
 * message cites ("the song goes …"). Letters spelled out one at a time ("k i l l myself"),
 * look-alike letters and invisible characters are seen through. Linear in the length of
 * `text`; docs/CRISIS.md has the rules and their limits.
 */
export function findRisk(text: string, phrases: PhraseList): RiskMatch | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return null
  const { tokens, spelled } = readMessage(text, phrases.citing)
  const present = new Set<string>()
  for (const token of tokens) {
    present.add(token.word)
    if (token.alt) present.add(token.alt)
  }
  for (let start = 0; start < tokens.length; start++) {
    const match = matchAt(tokens, start, phrases, present)
    if (match) return match
  }
  for (const run of spelled) {
    const match = matchSpelled(tokens, run, phrases)
    if (match) return match
  }
  return null
}

function matchAt(
  tokens: Token[],
  start: number,
  phrases: PhraseList,
  present: ReadonlySet<string>,
): RiskMatch | null {
  const token = tokens[start]!
  return (
    matchAtKey(tokens, start, phrases, present, token.word) ??
    (token.alt ? matchAtKey(tokens, start, phrases, present, token.alt) : null)
  )
}

function matchAtKey(
  tokens: Token[],
  start: number,
  phrases: PhraseList,
  present: ReadonlySet<string>,
  key: string,
): RiskMatch | null {
  const byStem = key.length >= 3 ? phrases.byStem.get(key.slice(0, 3)) : undefined
  for (const list of [phrases.byWord.get(key), byStem]) {
    for (const phrase of list ?? []) {
      if (phrase.anchors && !someIn(phrase.anchors, present)) continue
      if (cancelledBefore(tokens, start, phrase)) continue
      const ctx = { tokens, start, negations: phrase.denials.negations }
      const mine = (end: number) => !allQuoted(tokens, start, end)
      if (matchNodes(phrase.nodes, 0, start, ctx, mine)) return matchOf(phrase)
    }
  }
  return null
}

function someIn(words: ReadonlySet<string>, present: ReadonlySet<string>): boolean {
  for (const word of words) if (present.has(word)) return true
  return false
}

const matchOf = (phrase: CompiledPhrase): RiskMatch => ({
  category: phrase.category,
  locale: phrase.locale,
})

/**
 * Whether what comes just before, in the same clause and across carrier words only, cancels
 * the phrase: a denial ("I would never …"), or someone else as its subject ("do you …").
 */
function cancelledBefore(tokens: Token[], start: number, phrase: CompiledPhrase): boolean {
  if (tokens[start]!.clauseStart) return false
  const { negations, carriers, others } = phrase.denials
  for (let j = start - 1; j >= 0 && j >= start - DENIAL_REACH; j--) {
    const token = tokens[j]!
    if (negations.has(token.word)) return true
    if (phrase.subjectMatters && others.has(token.word)) return true
    if (token.clauseStart || !carriers.has(token.word)) return false
  }
  return false
}

function allQuoted(tokens: Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!tokens[i]!.quoted) return false
  return true
}

interface MatchContext {
  tokens: Token[]
  start: number
  negations: ReadonlySet<string>
}

const hasWord = (token: Token, word: string) => token.word === word || token.alt === word
const hasOneOf = (token: Token, words: ReadonlySet<string>) =>
  words.has(token.word) || (token.alt !== undefined && words.has(token.alt))
const hasStem = (token: Token, stem: string) =>
  token.word.startsWith(stem) || (token.alt?.startsWith(stem) ?? false)

/**
 * Whether `nodes[i…]` match from token `pos` on, such that `done(end)` accepts the end. A
 * backtracking walk, but bounded by the phrase (gaps skip at most three words), not by the
 * message: each start costs at most the number of ways the phrase itself can be read.
 */
function matchNodes(
  nodes: readonly PatternNode[],
  i: number,
  pos: number,
  ctx: MatchContext,
  done: (end: number) => boolean,
): boolean {
  if (i === nodes.length) return done(pos)
  const node = nodes[i]!
  const { tokens } = ctx
  const token = tokens[pos]
  const inSentence = token !== undefined && (pos === ctx.start || !token.sentenceStart)
  const next = (at: number) => matchNodes(nodes, i + 1, at, ctx, done)
  switch (node.kind) {
    case 'word':
      return inSentence && hasWord(token, node.word) && next(pos + 1)
    case 'stem':
      return inSentence && hasStem(token, node.stem) && next(pos + 1)
    case 'oneOf':
      if (inSentence && hasOneOf(token, node.words) && next(pos + 1)) return true
      return node.optional && next(pos)
    case 'choice':
      for (const option of node.options) {
        if (matchNodes(option, 0, pos, ctx, next)) return true
      }
      return node.optional && next(pos)
    case 'gap':
      for (let skip = 0; skip <= node.max; skip++) {
        const skipped = tokens[pos + skip - 1]
        if (skip > 0 && (!skipped || skipped.sentenceStart || ctx.negations.has(skipped.word))) {
          return false
        }
        if (next(pos + skip)) return true
      }
      return false
    case 'end':
      return (token === undefined || token.clauseStart) && next(pos)
    case 'notFollowedBy': {
      const followed =
        token !== undefined &&
        !token.clauseStart &&
        node.options.some((option) =>
          matchNodes(option, 0, pos, { ...ctx, start: pos }, () => true),
        )
      return !followed && next(pos)
    }
  }
}

/**
 * Spelled-out letters are joined with a few words around them and read without spaces:
 * "i want to d i e" is "iwanttodie". A match must take in some of the spelled letters (the
 * rest was read as words already); gaps, "$" and "!" are not applied here.
 */
function matchSpelled(tokens: Token[], run: SpelledRun, phrases: PhraseList): RiskMatch | null {
  for (let c = 0; c < run.to; c++) {
    for (const phrase of phrases.bySpelledStart.get(run.text.slice(c, c + SPELLED_START)) ?? []) {
      const start = run.tokenAt[c]!
      const accept = (end: number) =>
        end > run.from &&
        !allQuoted(tokens, start, run.tokenAt[end - 1]! + 1) &&
        !cancelledBefore(tokens, start, phrase)
      if (matchLetters(phrase.nodes, 0, run.text, c, accept)) return matchOf(phrase)
    }
  }
  return null
}

/** How many letters past a stem a spelled-out word may run ("suicid" + "e", "al", "ing"). */
const STEM_ENDING = 6

function matchLetters(
  nodes: readonly PatternNode[],
  i: number,
  text: string,
  pos: number,
  done: (end: number) => boolean,
): boolean {
  if (i === nodes.length) return done(pos)
  const node = nodes[i]!
  const next = (at: number) => matchLetters(nodes, i + 1, text, at, done)
  switch (node.kind) {
    case 'word':
      return text.startsWith(node.word, pos) && next(pos + node.word.length)
    case 'stem':
      if (!text.startsWith(node.stem, pos)) return false
      for (let end = pos + node.stem.length; end <= pos + node.stem.length + STEM_ENDING; end++) {
        if (end <= text.length && next(end)) return true
      }
      return false
    case 'oneOf':
      for (const word of node.words) {
        if (text.startsWith(word, pos) && next(pos + word.length)) return true
      }
      return node.optional && next(pos)
    case 'choice':
      for (const option of node.options) if (matchLetters(option, 0, text, pos, next)) return true
      return node.optional && next(pos)
    case 'gap':
    case 'end':
    case 'notFollowedBy':
      return next(pos)
  }
}
