/**
 * How findRisk reads a chat message: one spelling for messages and phrases alike, split into
 * words that know whether they sit inside a quotation and where clauses begin. Everything here
 * is linear in the message's length (no regex that can backtrack on words), because it runs on
 * every message the server relays.
 */

/** A word of the message, as the matcher sees it. */
export interface Token {
  word: string
  /** A second reading where a digit stood for a letter: "ki11" is "kiii" and "kill". */
  alt?: string
  /** Inside quotation marks, or in the cited part of "the song goes: …". */
  quoted: boolean
  /** Punctuation (, : ; . ! ? a dash, a bracket, a quote mark) or a line break comes first. */
  clauseStart: boolean
  /** A sentence ends before this word (. ! ? ; or a line break). */
  sentenceStart: boolean
}

/** Letters spelled out one at a time ("k i l l", "k.i.l.l"), joined, with some words around. */
export interface SpelledRun {
  text: string
  /** For each character of `text`, the token it came from. */
  tokenAt: number[]
  /** Where the spelled-out letters themselves sit in `text`. */
  from: number
  to: number
}

export interface CitingWords {
  /** Words naming something quotable: song, lyrics, film, Lied, chanson, canción… */
  works: ReadonlySet<string>
  /** Words that introduce the quotation after them: goes, says, sings, heißt, dit, dice… */
  introducers: ReadonlySet<string>
}

export interface MessageReading {
  tokens: Token[]
  spelled: SpelledRun[]
}

// Letters from other scripts that pass for Latin ones, and letters NFKC leaves whole.
// prettier-ignore
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ß: 'ss', œ: 'oe', æ: 'ae', ø: 'o', ı: 'i', ł: 'l', đ: 'd', ð: 'd',
}
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu')
/** Typed for an apostrophe; replaced before NFKC, which turns ´ into a space and an accent. */
const APOSTROPHE_LIKE = /[ʼʻ´`′]/g
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu
const MARKS = /\p{M}/gu

/** NFKC, no invisible characters, lower case, no accents (ß→ss), look-alike letters folded. */
export function foldText(text: string): string {
  return text
    .replace(APOSTROPHE_LIKE, "'")
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c)
}

// Chat spellings read as their full forms, so "dont", "don't" and "do not" are one phrase.
// Maps, not objects: a member who types "constructor" must not reach Object.prototype.
// prettier-ignore
const FULL_FORMS = new Map(Object.entries({
  dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not', cannot: 'can not',
  wont: 'will not', wouldnt: 'would not', couldnt: 'could not', shouldnt: 'should not',
  isnt: 'is not', arent: 'are not', wasnt: 'was not', werent: 'were not', havent: 'have not',
  hasnt: 'has not', hadnt: 'had not', aint: 'am not', im: 'i am', ive: 'i have',
  gonna: 'going to', wanna: 'want to', tryna: 'trying to', u: 'you', kms: 'kill myself',
  jai: 'je ai', jsuis: 'je suis', chui: 'je suis', jveux: 'je veux', jvais: 'je vais',
  jpeux: 'je peux', jme: 'je me', q: 'que', xq: 'porque', 2: 'to',
}).map(([short, full]) => [short, full.split(' ')]))
/** What stands before n't when it is not the verb itself: can't, won't, ain't, shan't. */
const NOT_FORMS = new Map(Object.entries({ ca: 'can', wo: 'will', ai: 'am', sha: 'shall' }))
const SUFFIXES = new Map(
  Object.entries({ m: 'am', re: 'are', ve: 'have', ll: 'will', d: 'would', s: 'is' }),
)
// prettier-ignore
const ELISIONS = new Map(Object.entries({
  j: 'je', n: 'ne', m: 'me', t: 'te', s: 'se', l: 'le', d: 'de', c: 'ce', qu: 'que',
}))

/** One folded word (apostrophes straight) as the words it stands for. */
function expandWord(word: string): string[] {
  if (!word.includes("'")) return FULL_FORMS.get(word) ?? [word]
  const elided = /^(j|n|m|t|s|l|d|c|qu)'(.+)$/.exec(word)
  if (elided) return [ELISIONS.get(elided[1]!)!, ...expandWord(elided[2]!)]
  const negated = /^(.+)n't$/.exec(word)
  if (negated) return [...expandWord(NOT_FORMS.get(negated[1]!) ?? negated[1]!), 'not']
  const suffixed = /^(.+)'(m|re|ve|ll|d|s)$/.exec(word)
  if (suffixed) return [...expandWord(suffixed[1]!), SUFFIXES.get(suffixed[2]!)!]
  const bare = word.replaceAll("'", '')
  return bare ? (FULL_FORMS.get(bare) ?? [bare]) : []
}

const SYMBOL_LETTERS = new Map(Object.entries({ '!': 'i', '|': 'l', '@': 'a', $: 's' }))
/** Symbols typed for letters inside a word: "k!ll", "ki||", "c@n't", "$uicide" after a letter. */
const SYMBOLS_IN_WORD = /(?<=\p{L})[!|@$]+(?=\p{L})|(?<=\p{L})\|+/gu
const readSymbols = (s: string) =>
  s.replace(SYMBOLS_IN_WORD, (run) => run.replace(/./g, (c) => SYMBOL_LETTERS.get(c) ?? c))

const WORD_CHAR = /[\p{L}\p{N}]/u
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c)

/** A pattern's literal word, spelled as messages are ("Don't" → do, not; "self-harm" → 2). */
export function spellWord(text: string): string[] {
  const folded = foldText(text).replace(/[’‘]/g, "'")
  return (folded.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []).flatMap(expandWord)
}

const LEET = new Map(Object.entries({ '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't' }))
const readLeet = (word: string, one: string) => word.replace(/[013457]/g, (d) => LEET.get(d) ?? one)

// Openers and the closers that end them. Single quotes and ’ double as apostrophes, so they
// open only before a word and close only after one (see isQuoteMark).
// prettier-ignore
const CLOSERS = new Map(Object.entries({
  '"': '"', '“': '”"', '”': '”', '„': '“”', '«': '»', '»': '«', '‹': '›', '›': '‹',
  '‚': '‘’', '‘': '’', "'": "'", '「': '」', '『': '』',
}))
/** Every quotation mark, and the blank lines a quotation does not run across. */
const QUOTE_MARK = /["“”„«»‹›‚‘’'「」『』]|\n[^\S\n]*\n/g
const SINGLE_QUOTES = "'‘’‚‹›"

function isQuoteMark(s: string, i: number, as: 'open' | 'close'): boolean {
  if (!SINGLE_QUOTES.includes(s[i]!)) return true
  const before = s[i - 1]
  const after = s[i + 1]
  if (as === 'open') return !isWordChar(before) && after !== undefined && !/\s/.test(after)
  return before !== undefined && !/\s/.test(before) && !isWordChar(after)
}

/** Marks the characters that sit between a pair of quotation marks, within one paragraph. */
function quotedCharacters(s: string): Uint8Array {
  const quoted = new Uint8Array(s.length)
  const marks = Array.from(s.matchAll(QUOTE_MARK), (m) => m.index)
  // Where the last fruitless search for each opener stopped: an opener before that point would
  // search the same stretch in vain, so the whole scan stays linear.
  const fruitlessUntil = new Map<string, number>()
  for (let a = 0; a < marks.length; a++) {
    const i = marks[a]!
    const opener = s[i]!
    const closers = CLOSERS.get(opener)
    if (!closers || i < (fruitlessUntil.get(opener) ?? -1) || !isQuoteMark(s, i, 'open')) continue
    let b = a + 1
    while (b < marks.length && s[marks[b]!] !== '\n') {
      const j = marks[b]!
      if (closers.includes(s[j]!) && isQuoteMark(s, j, 'close')) break
      b++
    }
    const j = marks[b]
    if (j === undefined || s[j] === '\n') {
      fruitlessUntil.set(opener, j ?? s.length)
      continue
    }
    quoted.fill(1, i + 1, j)
    a = b
  }
  return quoted
}

// An ellipsis is a pause, not a full stop: "I... want... to die" is one clause.
const SENTENCE_END = new Set(['.', '!', '?', ';', '\n', '。', '¡', '¿'])
const CLAUSE_END = new Set([
  '…',
  ',',
  ':',
  '(',
  ')',
  '[',
  ']',
  '–',
  '—',
  '”',
  '“',
  '’',
  ...CLOSERS.keys(),
])
/** What may separate spelled-out letters: "k i l l", "k.i.l.l", "k-i-l-l", "k_i_l_l", "k*i*l*l". */
const SPELLING_GAP = /^[ .\-_*·•+~]{1,3}$/

interface RawWord {
  text: string
  quoted: boolean
  clauseStart: boolean
  sentenceStart: boolean
  afterColon: boolean
  /** A blank line comes first. */
  paragraphStart: boolean
  spellingGap: boolean
}

const WORD = /[\p{L}\p{N}]+(?:['’‘][\p{L}\p{N}]+)*/gu

function rawWords(s: string): RawWord[] {
  const quoted = quotedCharacters(s)
  const words: RawWord[] = []
  let gapStart = 0
  for (const m of s.matchAll(WORD)) {
    let clause = words.length === 0
    let sentence = clause
    let colon = false
    let newlines = 0
    const plainSpace = m.index - gapStart === 1 && s[gapStart] === ' '
    for (let k = gapStart; !plainSpace && k < m.index; k++) {
      const c = s[k]!
      if (c === '.' && (s[k - 1] === '.' || s[k + 1] === '.')) clause = true
      else if (SENTENCE_END.has(c)) sentence = clause = true
      else if (CLAUSE_END.has(c)) clause = true
      if (c === ':') colon = true
      if (c === '\n') newlines++
    }
    const text = m[0]
    const previous = words.at(-1)
    words.push({
      text: text.includes('’') || text.includes('‘') ? text.replace(/[’‘]/g, "'") : text,
      quoted: quoted[m.index] === 1,
      clauseStart: clause,
      sentenceStart: sentence,
      afterColon: colon,
      paragraphStart: newlines >= 2,
      spellingGap:
        text.length === 1 &&
        previous?.text.length === 1 &&
        SPELLING_GAP.test(s.slice(gapStart, m.index)),
    })
    gapStart = m.index + text.length
  }
  return words
}

/** Reads a message into tokens (contractions expanded) and its spelled-out runs. */
export function readMessage(text: string, citing: CitingWords): MessageReading {
  const raws = rawWords(readSymbols(foldText(text)))
  const tokens: Token[] = []
  const firstToken: number[] = []
  for (const raw of raws) {
    firstToken.push(tokens.length)
    const leet = /\d/.test(raw.text) && /\p{L}/u.test(raw.text)
    const words = expandWord(leet ? readLeet(raw.text, 'i') : raw.text)
    const alt = leet && words.length === 1 ? readLeet(raw.text, 'l') : undefined
    for (let k = 0; k < words.length; k++) {
      const token: Token = {
        word: words[k]!,
        quoted: raw.quoted,
        clauseStart: k === 0 && raw.clauseStart,
        sentenceStart: k === 0 && raw.sentenceStart,
      }
      if (alt && alt !== token.word) token.alt = alt
      tokens.push(token)
    }
  }
  markCitations(tokens, raws, firstToken, citing)
  return { tokens, spelled: spelledRuns(raws, tokens, firstToken) }
}

/** How close an introducer follows the work: "the song goes", "the song that goes". */
const CITING_REACH = 2

/**
 * "My favourite song goes I don't want to die…": what follows a work and its introducer (or a
 * colon) is someone else's words up to the end of the sentence, or the next line when the
 * introducer ends one, never past a blank line. "That song makes me want to die" has no
 * introducer, so it stays the writer's own.
 */
function markCitations(
  tokens: Token[],
  raws: RawWord[],
  firstToken: number[],
  citing: CitingWords,
) {
  const afterColon = new Set<number>()
  const paragraphStart = new Set<number>()
  raws.forEach((raw, r) => {
    if (raw.afterColon) afterColon.add(firstToken[r]!)
    if (raw.paragraphStart) paragraphStart.add(firstToken[r]!)
  })
  for (let i = 0; i < tokens.length; i++) {
    if (!citing.works.has(tokens[i]!.word)) continue
    let from = -1
    for (let j = i + 1; j <= i + CITING_REACH && j < tokens.length; j++) {
      if (afterColon.has(j)) from = j
      else if (tokens[j]!.sentenceStart) break
      else if (citing.introducers.has(tokens[j]!.word)) from = j + 1
      if (from !== -1) break
    }
    if (from === -1 || paragraphStart.has(from)) continue
    for (let k = from; k < tokens.length && (k === from || !tokens[k]!.sentenceStart); k++) {
      tokens[k]!.quoted = true
      i = k
    }
  }
}

const CONTEXT_WORDS = 3

function spelledRuns(raws: RawWord[], tokens: Token[], firstToken: number[]): SpelledRun[] {
  const runs: SpelledRun[] = []
  let r = 0
  while (r < raws.length) {
    let end = r + 1
    if (raws[r]!.text.length === 1) {
      while (end < raws.length && raws[end]!.text.length === 1 && raws[end]!.spellingGap) end++
    }
    if (end - r >= 3) runs.push(spelledRun(raws, tokens, firstToken, r, end))
    r = end
  }
  return runs
}

function spelledRun(
  raws: RawWord[],
  tokens: Token[],
  firstToken: number[],
  r: number,
  end: number,
) {
  const run: SpelledRun = { text: '', tokenAt: [], from: 0, to: 0 }
  const add = (text: string, token: number) => {
    run.text += text
    for (let k = 0; k < text.length; k++) run.tokenAt.push(token)
  }
  const first = firstToken[r]!
  const after = end < raws.length ? firstToken[end]! : tokens.length
  for (let t = Math.max(0, first - CONTEXT_WORDS); t < first; t++) add(tokens[t]!.word, t)
  run.from = run.text.length
  for (let k = r; k < end; k++) add(readLeet(raws[k]!.text, 'i'), firstToken[k]!)
  run.to = run.text.length
  for (let t = after; t < Math.min(tokens.length, after + CONTEXT_WORDS); t++) {
    add(tokens[t]!.word, t)
  }
  return run
}
