import { describe, expect, it } from 'vitest'
import { RISK_CATEGORIES } from '../../shared/crisis/riskCategories.ts'
import type { RiskCategory } from '../../shared/crisis/riskCategories.ts'
import { rng, testSeed } from '../test/rng.ts'
import { compilePhrases, findRisk } from './findRisk.ts'
import { RISK_PHRASES } from './riskPhrases.ts'

const phrases = compilePhrases(RISK_PHRASES)

describe('findRisk: the writer’s own risk statements alert', () => {
  it.each<[string, RiskCategory, string]>([
    // English: suicide
    ['I want to die', 'suicide', 'en'],
    ['i just want to kill myself', 'suicide', 'en'],
    ['I’m going to end my life', 'suicide', 'en'],
    ['I don’t want to be here anymore', 'suicide', 'en'],
    ['honestly everyone would be better off without me', 'suicide', 'en'],
    ['there is no reason to live', 'suicide', 'en'],
    ['I can’t go on', 'suicide', 'en'],
    ['I cannot go on like this', 'suicide', 'en'],
    ['been feeling suicidal lately', 'suicide', 'en'],
    ['I wish I was dead', 'suicide', 'en'],
    ['I wish I could go to sleep and never wake up', 'suicide', 'en'],
    ['that song makes me want to kill myself', 'suicide', 'en'],
    ['I dont want to live anymore', 'suicide', 'en'],
    ['im going to kill myself tonight', 'suicide', 'en'],
    ['I don’t think I want to live anymore', 'suicide', 'en'],
    ['I don’t want to die, but I want to kill myself', 'suicide', 'en'],
    ['I’ve been thinking about suicide a lot', 'suicide', 'en'],
    ['I’m such a burden to everyone', 'suicide', 'en'],
    ['kms', 'suicide', 'en'],
    ['I DON’T WANT TO LIVE', 'suicide', 'en'],
    ['you’d all be better off without me', 'suicide', 'en'],
    ['nobody would miss me', 'suicide', 'en'],
    ['I took all my pills at once', 'suicide', 'en'],
    // English: self-harm, harm to others, abuse
    ['I cut myself again last night', 'self-harm', 'en'],
    ['I want to hurt myself', 'self-harm', 'en'],
    ['I’ve been self-harming again', 'self-harm', 'en'],
    ['I started cutting again', 'self-harm', 'en'],
    ['I’m going to hurt him', 'harm-to-others', 'en'],
    ['I swear I’ll kill him', 'harm-to-others', 'en'],
    ['I want to kill my boss', 'harm-to-others', 'en'],
    ['he hits me when he drinks', 'abuse', 'en'],
    ['I’m not safe at home', 'abuse', 'en'],
    ['I don’t feel safe at home', 'abuse', 'en'],
    ['he touched me and I froze', 'abuse', 'en'],
    ['my stepdad touched me when I was little', 'abuse', 'en'],
    ['he threatened to kill me', 'abuse', 'en'],
    ['he won’t let me leave the house', 'abuse', 'en'],
    // German
    ['Ich will nicht mehr leben', 'suicide', 'de'],
    ['ich will mich umbringen', 'suicide', 'de'],
    ['Ich bring mich um.', 'suicide', 'de'],
    ['Alle wären besser dran ohne mich', 'suicide', 'de'],
    ['ich sehe keinen Sinn mehr im Leben', 'suicide', 'de'],
    ['ich ritze mich wieder', 'self-harm', 'de'],
    ['Ich werde ihn umbringen', 'harm-to-others', 'de'],
    ['Mein Mann schlägt mich', 'abuse', 'de'],
    ['Ich fühle mich zu Hause nicht sicher', 'abuse', 'de'],
    // French
    ['je veux mourir', 'suicide', 'fr'],
    ['je vais me suicider', 'suicide', 'fr'],
    ['j’ai envie d’en finir', 'suicide', 'fr'],
    ['je ne veux plus vivre', 'suicide', 'fr'],
    ['je n’ai plus envie de vivre', 'suicide', 'fr'],
    ['je me scarifie depuis des mois', 'self-harm', 'fr'],
    ['je vais le tuer', 'harm-to-others', 'fr'],
    ['il me frappe', 'abuse', 'fr'],
    ['mon mari m’a frappée hier', 'abuse', 'fr'],
    ['je ne me sens pas en sécurité chez moi', 'abuse', 'fr'],
    // Spanish
    ['quiero morir', 'suicide', 'es'],
    ['me quiero matar', 'suicide', 'es'],
    ['voy a suicidarme', 'suicide', 'es'],
    ['ya no quiero vivir', 'suicide', 'es'],
    ['quiero quitarme la vida', 'suicide', 'es'],
    ['quiero desaparecer de este mundo', 'suicide', 'es'],
    ['estarían mejor sin mí', 'suicide', 'es'],
    ['me corto los brazos', 'self-harm', 'es'],
    ['lo voy a matar', 'harm-to-others', 'es'],
    ['mi novio me pega', 'abuse', 'es'],
    ['no estoy segura en casa', 'abuse', 'es'],
  ])('%j → %s (%s)', (text, category, locale) => {
    expect(findRisk(text, phrases)).toEqual({ category, locale })
  })
})

describe('findRisk: mixed case, accents and look-alike tricks still alert', () => {
  it.each<[string, string]>([
    ['upper case', 'I WANT TO DIE'],
    ['title case', 'Je Veux Mourir'],
    ['accents left off', 'estarian mejor sin mi'],
    ['accents added', 'quiéro morír'],
    ['a zero-width space inside a word', 'kill my\u200Bself'],
    ['zero-width joiners between letters', 'k\u200Di\u200Dl\u200Dl myself'],
    ['a soft hyphen', 'I want to kill my\u00ADself'],
    ['a Cyrillic і', 'I want to kіll myself'],
    ['a Greek ο and Cyrillic е', 'i want tο diе'],
    ['digits for letters', 'k1ll mys3lf'],
    ['ones for els', 'ki11 myse1f'],
    ['letters spaced out', 'k i l l myself'],
    ['letters dotted out', 'k.i.l.l m.y.s.e.l.f'],
    ['letters dashed out', 'I want to d-i-e'],
    ['full-width letters', 'ｋｉｌｌ ｍｙｓｅｌｆ'],
    ['a backtick for an apostrophe', 'I don`t want to live'],
    ['an exclamation mark for an i', 'k!ll myself'],
    ['pipes for els', 'ki|| myself'],
    ['a 2 for to', 'i want 2 die'],
    ['ellipses between words', 'I...want...to...die'],
  ])('%s: %j', (_, text) => {
    expect(findRisk(text, phrases)).not.toBeNull()
  })
})

describe('findRisk: what must not alert', () => {
  it.each<[string, string]>([
    // idioms
    ['idiom', 'this traffic is killing me'],
    ['idiom', 'I could kill for a coffee'],
    ['idiom', 'I nearly died laughing'],
    ['idiom', 'this deadline is going to be the death of me'],
    ['idiom', 'I’d kill to have her patience'],
    ['idiom', 'I killed it at the presentation today'],
    ['idiom', 'I’m dying to see the new season'],
    ['idiom', 'I want to die of embarrassment'],
    ['idiom', 'my mom is going to kill me when she sees my grades'],
    ['idiom', 'I’m dead tired'],
    ['idiom', 'she hit me up yesterday about lunch'],
    ['idiom', 'he beat me at chess again'],
    ['idiom', 'your story really touched me deeply'],
    ['idiom', 'Ich sterbe vor Lachen'],
    ['idiom', 'Das bringt mich um, so viel Arbeit'],
    ['idiom', 'me muero de risa'],
    ['idiom', 'me muero de hambre'],
    ['idiom', 'me muero por verte'],
    ['idiom', 'je meurs de faim'],
    ['idiom', 'on va en finir avec ce projet'],
    // accidents and ordinary life
    ['accident', 'I cut myself shaving this morning'],
    ['accident', 'I hurt myself playing football'],
    ['accident', 'me corto el pelo mañana'],
    ['ordinary', 'I hurt her feelings and I feel bad'],
    ['ordinary', 'Bring mich um acht zum Bahnhof'],
    ['ordinary', 'I don’t want to live in London'],
    // the topic, not the writer
    ['topic', 'we watched the killer whales documentary'],
    ['topic', 'the documentary about suicide prevention was good'],
    ['topic', 'my cousin died by suicide last year'],
    ['topic', 'I thought about suicide prevention training for the team'],
    ['topic', 'Suicide Squad was a terrible movie'],
    ['topic', 'we talked about self-harm awareness week'],
    ['topic', 'mi primo se suicidó el año pasado'],
    ['topic', 'Ich habe einen Film über Selbstmord gesehen'],
    // denials
    ['denial', 'I would never kill myself'],
    ['denial', 'I’m not going to hurt myself, I promise'],
    ['denial', 'I won’t kill myself'],
    ['denial', 'I don’t want to die'],
    ['denial', 'I’m not suicidal, just tired'],
    ['denial', 'I’d never hurt anyone'],
    ['denial', 'ich würde mich nie umbringen'],
    ['denial', 'Ich will nicht sterben'],
    ['denial', 'je ne veux pas mourir'],
    ['denial', 'no quiero morir'],
    ['denial', 'no me voy a matar'],
    // quotations and lyrics
    [
      'quoted',
      'my favourite song goes "I don’t want to die, I sometimes wish I’d never been born at all"',
    ],
    ['quoted', 'she says “I want to kill myself” in the film and it shook me'],
    ['quoted', 'la chanson dit « je veux mourir »'],
    ['quoted', 'er sagte „ich bring mich um“ im Film'],
    ['quoted', 'the game shows ‘kill them all’ on the screen'],
    ['quoted', "the line was 'I want to die' and everyone laughed"],
    [
      'lyrics',
      'my favourite song goes I don’t want to die, I sometimes wish I’d never been born at all',
    ],
    ['lyrics', 'the chorus goes: I want to die, let me fly'],
    ['lyrics', 'la canción dice quiero morir en tus brazos'],
    // someone else as the subject
    ['about you', 'Do you ever want to die?'],
    ['about you', 'Have you ever thought about suicide?'],
    ['about you', 'tu veux mourir ?'],
    ['ordinary', 'I took all my meds today'],
    ['ordinary', 'nobody would notice the typo'],
    ['empty', ''],
    ['words that name object properties', 'constructor __proto__ toString hasOwnProperty'],
    ['punctuation only', '?!…'],
  ])('%s: %j', (_, text) => {
    expect(findRisk(text, phrases)).toBeNull()
  })
})

describe('findRisk: quotation and citation have limits', () => {
  it('a risk said after the quotation still alerts', () => {
    expect(
      findRisk('the song goes "I want to die". Honestly, I want to die too.', phrases),
    ).toEqual({ category: 'suicide', locale: 'en' })
  })

  it('an unclosed quotation mark hides nothing', () => {
    expect(findRisk('I keep thinking "I want to kill myself', phrases)).not.toBeNull()
  })

  it('scare quotes around one word of the phrase hide nothing', () => {
    expect(findRisk('I want to "die"', phrases)).not.toBeNull()
  })

  it('an introducer at the end of a line cites the next line', () => {
    expect(findRisk('my favourite song goes\nI want to die\nand fly away', phrases)).toBeNull()
  })

  it.each([
    'the movie I watched said nothing, I want to die',
    'I’m at the end of the line: I want to die',
    'I’ll show you: I want to die',
  ])('a work without its introducer right after it cites nothing: %j', (text) => {
    expect(findRisk(text, phrases)).not.toBeNull()
  })

  it('a citation never runs past a blank line', () => {
    expect(findRisk('and the song goes\n\nI want to die', phrases)).not.toBeNull()
  })

  it('apostrophes are not quotation marks', () => {
    expect(findRisk('I’m tired, I don’t want to live, that’s all', phrases)).not.toBeNull()
  })
})

describe('findRisk: speed', () => {
  const adversarial = [
    'a '.repeat(1000),
    'kill '.repeat(400),
    'i '.repeat(1000),
    'k i l l '.repeat(250),
    'I don’t want to '.repeat(125),
    '"'.repeat(1000) + '«'.repeat(1000),
    'mich '.repeat(400),
    "'a ".repeat(700),
  ]
  it.each(adversarial.map((text) => [text.slice(0, 16), text] as const))(
    '2,000 adversarial characters (%j…) take milliseconds at most',
    (_, text) => {
      const started = performance.now()
      findRisk(text, phrases)
      // Runaway backtracking takes seconds here; a busy machine's pause takes a few dozen ms.
      expect(performance.now() - started).toBeLessThan(500)
    },
  )

  // A guard against a slow path (a scan per phrase, backtracking), not a speed target: it
  // takes about 0.3 ms on this machine, and a busy CI machine must never trip it.
  it('an ordinary 2,000-character message takes a few milliseconds at most on average', () => {
    const text = 'I had a long day at work and the train was late again, but I am ok. '
      .repeat(30)
      .slice(0, 2000)
    for (let i = 0; i < 50; i++) findRisk(text, phrases) // warm up
    const runs = 200
    const started = performance.now()
    for (let i = 0; i < runs; i++) findRisk(text, phrases)
    expect((performance.now() - started) / runs).toBeLessThan(10)
  })
})

describe('findRisk: seeded fuzz', () => {
  const fragments = [
    ...['I want to ', 'kill ', 'myself', ' not ', 'never ', 'die', 'the song goes ', ': '],
    ...['"', '“', '”', '„', '«', '»', "'", '’', '‘', '…', '...', '.', ',', '!', '?', '\n'],
    ...['\u200B', '\u00AD', '\u202E', 'k i l l ', 'k.i.l.l', '1', '0', '|', '@', '$', ' '],
    ...['ich will ', 'mich ', 'umbringen', 'je veux ', 'mourir', 'quiero ', 'morir', 'ß', 'İ'],
    ...['constructor', '__proto__', 'é', '\uD83D\uDE00', '\uD800', 'a ', 'i ', "can't "],
  ]
  const seed = testSeed()
  const random = rng(seed)
  const messages = Array.from({ length: 300 }, () => {
    let text = ''
    const length = Math.floor(random() * 2000)
    while (text.length < length) text += fragments[Math.floor(random() * fragments.length)]
    return text
  })

  it(`never throws, stays fast and names a known category (SEED=${seed})`, () => {
    for (const text of messages) {
      const started = performance.now()
      const match = findRisk(text, phrases)
      // A guard against runaway backtracking (which takes seconds on 2,000 characters), not a
      // speed target: generous enough that a machine busy with other tests never trips it.
      expect(performance.now() - started, JSON.stringify(text)).toBeLessThan(500)
      if (match) expect(RISK_CATEGORIES).toContain(match.category)
    }
  })

  it(`never hides a plain statement in a paragraph of its own (SEED=${seed})`, () => {
    for (const text of messages) {
      const match = findRisk(`${text}\n\nI want to kill myself`, phrases)
      expect(match, JSON.stringify(text)).not.toBeNull()
    }
  })
})
