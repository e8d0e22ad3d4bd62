import { spellWord } from './readMessage.ts'

/**
 * One element of a parsed risk phrase. The pattern language is documented at the top of
 * riskPhrases.ts; words are stored as readMessage spells them (folded, contractions expanded),
 * so a phrase and a message are compared in one spelling.
 */
export type PatternNode =
  | { kind: 'word'; word: string }
  | { kind: 'stem'; stem: string }
  | { kind: 'choice'; options: PatternNode[][]; optional: boolean }
  /** A choice between single words, looked up rather than tried one by one. */
  | { kind: 'oneOf'; words: ReadonlySet<string>; optional: boolean }
  | { kind: 'gap'; max: number }
  | { kind: 'end' }
  | { kind: 'notFollowedBy'; options: PatternNode[][] }

/** How many words `..` may skip. */
export const GAP_WORDS = 3
/** A stem shorter than this would match half the dictionary. */
const MIN_STEM = 3

type Lexeme = { type: 'word'; text: string } | { type: 'symbol'; text: string }

function lex(pattern: string): Lexeme[] {
  const out: Lexeme[] = []
  const re = /\s+|\.\.|[()[\]|$!]|[^\s()[\]|$!]+/gy
  for (const m of pattern.matchAll(re)) {
    const text = m[0]
    if (/^\s+$/.test(text)) continue
    out.push(/^(\.\.|[()[\]|$!])$/.test(text) ? { type: 'symbol', text } : { type: 'word', text })
  }
  return out
}

/** Parses one pattern; throws an Error that quotes the pattern and says what is wrong. */
export function parsePattern(pattern: string): PatternNode[] {
  const lexemes = lex(pattern)
  let at = 0
  const fail = (problem: string): never => {
    throw new Error(`risk phrase "${pattern}": ${problem}`)
  }

  function parseSequence(closers: string): PatternNode[] {
    const nodes: PatternNode[] = []
    while (at < lexemes.length) {
      const lexeme = lexemes[at]!
      if (lexeme.type === 'symbol' && closers.includes(lexeme.text)) break
      at++
      if (lexeme.type === 'word') nodes.push(...wordNodes(lexeme.text))
      else if (lexeme.text === '(' || lexeme.text === '[') {
        const options = parseOptions(lexeme.text === '(' ? ')' : ']')
        nodes.push(choiceNode(options, lexeme.text === '['))
      } else if (lexeme.text === '..') nodes.push({ kind: 'gap', max: GAP_WORDS })
      else if (lexeme.text === '$') nodes.push({ kind: 'end' })
      else if (lexeme.text === '!') {
        const next = lexemes[at++]
        if (next?.type === 'word')
          nodes.push({ kind: 'notFollowedBy', options: [wordNodes(next.text)] })
        else if (next?.text === '(')
          nodes.push({ kind: 'notFollowedBy', options: parseOptions(')') })
        else fail('"!" must be followed by a word or "(…)"')
      } else fail(`unexpected "${lexeme.text}"`)
    }
    return nodes
  }

  function parseOptions(closer: string): PatternNode[][] {
    const options: PatternNode[][] = []
    for (;;) {
      const option = parseSequence(`|${closer}`)
      if (option.length === 0) fail('an empty alternative')
      if (option.some((n) => n.kind === 'end' || n.kind === 'notFollowedBy')) {
        fail('"$" and "!" belong at the end of the phrase, not inside brackets')
      }
      options.push(option)
      const next = lexemes[at++]
      if (next?.text === closer) return options
      if (next?.text !== '|') fail(`a "${closer}" is missing`)
    }
  }

  function wordNodes(text: string): PatternNode[] {
    if (text.endsWith('*')) {
      const stem = spellWord(text.slice(0, -1))
      if (stem.length !== 1 || stem[0]!.length < MIN_STEM) {
        fail(`the stem "${text}" must be one word of at least ${MIN_STEM} letters`)
      }
      return [{ kind: 'stem', stem: stem[0]! }]
    }
    const words = spellWord(text)
    if (words.length === 0) fail(`"${text}" has no letters`)
    return words.map((word) => ({ kind: 'word', word }))
  }

  const nodes = parseSequence('')
  if (at < lexemes.length) fail(`unexpected "${lexemes[at]!.text}"`)
  check(nodes, fail)
  return nodes
}

/** A choice; a set lookup when every option is a single word. */
function choiceNode(options: PatternNode[][], optional: boolean): PatternNode {
  const words = options.flatMap((o) =>
    o.length === 1 && o[0]!.kind === 'word' ? [o[0]!.word] : [],
  )
  return words.length === options.length
    ? { kind: 'oneOf', words: new Set(words), optional }
    : { kind: 'choice', options, optional }
}

function check(nodes: PatternNode[], fail: (problem: string) => never): void {
  const firstTail = nodes.findIndex((n) => n.kind === 'end' || n.kind === 'notFollowedBy')
  const body = firstTail === -1 ? nodes : nodes.slice(0, firstTail)
  if (nodes.slice(body.length).some((n) => n.kind !== 'end' && n.kind !== 'notFollowedBy')) {
    fail('"$" and "!" belong at the end of the phrase')
  }
  if (canBeEmpty(body)) fail('it could match no words at all')
  if (body[0]?.kind === 'gap' || body.at(-1)?.kind === 'gap') {
    fail('".." belongs between words, not at either end')
  }
  for (const option of nodes.flatMap((n) => (n.kind === 'notFollowedBy' ? n.options : []))) {
    if (option.some((n) => n.kind === 'gap')) fail('".." cannot follow "!"')
  }
}

function canBeEmpty(nodes: readonly PatternNode[]): boolean {
  return nodes.every(
    (n) =>
      n.kind === 'gap' ||
      n.kind === 'end' ||
      n.kind === 'notFollowedBy' ||
      (n.kind === 'oneOf' && n.optional) ||
      (n.kind === 'choice' && (n.optional || n.options.some(canBeEmpty))),
  )
}

/** The words and stems a match of `nodes` can start with: the keys it is indexed under. */
export function firstWords(nodes: readonly PatternNode[]): { words: string[]; stems: string[] } {
  const words: string[] = []
  const stems: string[] = []
  for (const node of nodes) {
    if (node.kind === 'word') words.push(node.word)
    else if (node.kind === 'oneOf') words.push(...node.words)
    else if (node.kind === 'stem') stems.push(node.stem)
    else if (node.kind === 'choice') {
      for (const option of node.options) {
        const first = firstWords(option)
        words.push(...first.words)
        stems.push(...first.stems)
      }
    }
    if (!canBeEmpty([node])) break
  }
  return { words: [...new Set(words)], stems: [...new Set(stems)] }
}

/**
 * Words of which a message must hold at least one for `nodes` to match: the first required
 * word, set of words or choice after the phrase's opening. A cheap filter before matching, so that a
 * phrase such as "i .. (kill|stab) him" costs nothing in a message with no "kill" or "stab".
 * Null when there is none (every later element is optional or starts with a stem).
 */
export function anchorWords(nodes: readonly PatternNode[]): ReadonlySet<string> | null {
  for (const node of nodes.slice(1)) {
    if (node.kind === 'word') return new Set([node.word])
    if (node.kind === 'oneOf' && !node.optional) return node.words
    if (node.kind === 'choice' && !node.optional && !node.options.some(canBeEmpty)) {
      const first = node.options.map(firstWords)
      if (first.every((f) => f.stems.length === 0)) return new Set(first.flatMap((f) => f.words))
    }
  }
  return null
}

/** Every literal word of the phrase, in any alternative. */
export function allWords(nodes: readonly PatternNode[]): string[] {
  return nodes.flatMap((node) => {
    if (node.kind === 'word') return [node.word]
    if (node.kind === 'oneOf') return [...node.words]
    if (node.kind === 'choice') return node.options.flatMap(allWords)
    return []
  })
}

/** How many letters of a phrase spelled without spaces index it for spelled-out runs. */
export const SPELLED_START = 3

/**
 * The first SPELLED_START letters of every way the phrase can be spelled without spaces
 * ("i .. kill him" → "iki"; gaps read as nothing). Phrases shorter than that are left out.
 */
export function spelledStarts(nodes: readonly PatternNode[]): Set<string> {
  const starts = new Set<string>()
  const walk = (
    seq: readonly PatternNode[],
    i: number,
    text: string,
    then: (t: string) => void,
  ) => {
    if (text.length >= SPELLED_START) return void starts.add(text.slice(0, SPELLED_START))
    if (i === seq.length) return then(text)
    const node = seq[i]!
    const next = (t: string) => walk(seq, i + 1, t, then)
    if (node.kind === 'word') next(text + node.word)
    else if (node.kind === 'stem') next(text + node.stem)
    else if (node.kind === 'oneOf') for (const word of node.words) next(text + word)
    else if (node.kind === 'choice') for (const option of node.options) walk(option, 0, text, next)
    if (node.kind === 'gap' || node.kind === 'end' || node.kind === 'notFollowedBy') next(text)
    else if ((node.kind === 'oneOf' || node.kind === 'choice') && node.optional) next(text)
  }
  walk(nodes, 0, '', () => undefined)
  return starts
}
