import { answer, doc, h, p, rating, type WorksheetTemplate } from '../WorksheetTemplate.ts'

const area = (id: string, name: string, hint: string) => [
  h(3, name),
  answer(`${id}-value`, `What matters to me in ${name.toLowerCase()}`, hint),
  rating(`${id}-importance`, 'How important is this to me?', {
    minLabel: 'not important',
    maxLabel: 'very important',
  }),
  rating(`${id}-lived`, 'How closely have I lived by it in the past two weeks?', {
    minLabel: 'not at all',
    maxLabel: 'completely',
  }),
]

export const valuesClarification: WorksheetTemplate = {
  id: 'values-clarification',
  title: 'Values clarification',
  summary:
    'Name what matters most in different areas of life, notice the gap between what matters and how life is going, and choose one small step.',
  source:
    'Adapted from the Valued Living Questionnaire: Wilson, K. G., Sandoz, E. K., Kitchens, J. & Roberts, M. (2010). The Psychological Record, 60(2), 249–272; and Harris, R. (2019). ACT Made Simple (2nd ed.). New Harbinger.',
  content: doc(
    h(2, 'Values clarification'),
    p(
      'Values are directions, not goals: how you want to be, not what you want to get. Write in your own words. Skip any area that does not apply to you right now.',
    ),
    ...area(
      'relationships',
      'Relationships',
      'How do you want to be with the people close to you?',
    ),
    ...area(
      'work',
      'Work or study',
      'What kind of worker, colleague or learner do you want to be?',
    ),
    ...area('health', 'Health and body', 'How do you want to look after yourself?'),
    ...area('leisure', 'Leisure and rest', 'What brings you joy, play or rest?'),
    ...area('community', 'Community', 'How do you want to contribute to the world around you?'),
    h(3, 'One small step'),
    answer(
      'small-step',
      'One small step towards a value this week',
      'Small enough that you are confident you can do it.',
    ),
  ),
}
