/**
 * Validated measures a facilitator can send (issue 18), scored exactly as published. Both are
 * free to use: "No permission required to reproduce, translate, display or distribute" (the PHQ
 * and GAD-7 were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and
 * colleagues, with an educational grant from Pfizer Inc.).
 *
 * - PHQ-9: Kroenke K, Spitzer RL, Williams JB. The PHQ-9: validity of a brief depression
 *   severity measure. J Gen Intern Med. 2001;16(9):606-613.
 * - GAD-7: Spitzer RL, Kroenke K, Williams JB, Löwe B. A brief measure for assessing generalized
 *   anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097.
 */

export const MEASURE_IDS = ['phq9', 'gad7'] as const
export type MeasureId = (typeof MEASURE_IDS)[number]

/** Every item is answered on the same four-point scale, scored 0 to 3. */
export const ANSWER_LABELS = [
  'Not at all',
  'Several days',
  'More than half the days',
  'Nearly every day',
] as const

export interface Band {
  /** The lowest total in the band (each band runs to the next one's `from` less one). */
  from: number
  label: string
}

export interface Measure {
  id: MeasureId
  name: string
  question: string
  items: readonly string[]
  bands: readonly Band[]
  source: string
}

export const MEASURES: Record<MeasureId, Measure> = {
  phq9: {
    id: 'phq9',
    name: 'PHQ-9',
    question:
      'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    items: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    ],
    bands: [
      { from: 0, label: 'Minimal' },
      { from: 5, label: 'Mild' },
      { from: 10, label: 'Moderate' },
      { from: 15, label: 'Moderately severe' },
      { from: 20, label: 'Severe' },
    ],
    source: 'Kroenke, Spitzer & Williams (2001), J Gen Intern Med 16(9):606–613',
  },
  gad7: {
    id: 'gad7',
    name: 'GAD-7',
    question: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    items: [
      'Feeling nervous, anxious or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ],
    bands: [
      { from: 0, label: 'Minimal' },
      { from: 5, label: 'Mild' },
      { from: 10, label: 'Moderate' },
      { from: 15, label: 'Severe' },
    ],
    source: 'Spitzer, Kroenke, Williams & Löwe (2006), Arch Intern Med 166(10):1092–1097',
  },
}

/** PHQ-9 item 9 (thoughts of being better off dead or of self-harm), counted from 0. */
export const PHQ9_SELF_HARM_ITEM = 8

export interface MeasureScore {
  total: number
  band: string
  /** PHQ-9 only: any answer above "Not at all" on item 9. */
  selfHarmPositive: boolean
}

export class InvalidAnswers extends Error {
  override name = 'InvalidAnswers'
}

/**
 * The total (the sum of the items), its severity band, and for the PHQ-9 whether item 9 was
 * answered above "Not at all". Answers must be complete: one whole number from 0 to 3 per item.
 */
export function scoreMeasure(id: MeasureId, answers: readonly unknown[]): MeasureScore {
  const measure = MEASURES[id]
  if (answers.length !== measure.items.length) {
    throw new InvalidAnswers(`${measure.name} has ${measure.items.length} questions.`)
  }
  const values = answers.map((a) => {
    if (typeof a !== 'number' || !Number.isInteger(a) || a < 0 || a > 3) {
      throw new InvalidAnswers('Each answer is one of the four choices.')
    }
    return a
  })
  const total = values.reduce((sum, v) => sum + v, 0)
  const band = [...measure.bands].reverse().find((b) => total >= b.from)!.label
  return {
    total,
    band,
    selfHarmPositive: id === 'phq9' && values[PHQ9_SELF_HARM_ITEM]! > 0,
  }
}
