import { answer, doc, h, p, rating, type WorksheetTemplate } from '../WorksheetTemplate.ts'

const goodThing = (n: number) => [
  answer(
    `good-thing-${n}`,
    `Good thing ${n}`,
    'Small things count: a warm drink, a kind word, a moment of quiet.',
  ),
  // Each label names its thing: screen readers list the answers by their labels.
  answer(`why-${n}`, `Why did good thing ${n} happen? What was my part in it?`, ''),
]

export const gratitudeJournal: WorksheetTemplate = {
  id: 'gratitude-journal',
  title: 'Gratitude journal: three good things',
  summary:
    'Notice three things that went well and why, to train attention towards what is going right as well as what is hard.',
  source:
    'Seligman, M. E. P., Steen, T. A., Park, N. & Peterson, C. (2005). Positive psychology progress: Empirical validation of interventions. American Psychologist, 60(5), 410–421 ("three good things"); Emmons, R. A. & McCullough, M. E. (2003). Counting blessings versus burdens. Journal of Personality and Social Psychology, 84(2), 377–389.',
  content: doc(
    h(2, 'Three good things'),
    p(
      'Think back over today or the past few days. Write down three things that went well, however small, and why you think each one happened. Difficult days still count; it is fine if the good things are tiny.',
    ),
    ...goodThing(1),
    ...goodThing(2),
    ...goodThing(3),
    rating('mood', 'How is my mood as I finish?', { minLabel: 'very low', maxLabel: 'very good' }),
  ),
}
