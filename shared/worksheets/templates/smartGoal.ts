import { answer, doc, h, p, rating, type WorksheetTemplate } from '../WorksheetTemplate.ts'

export const smartGoal: WorksheetTemplate = {
  id: 'smart-goal',
  title: 'SMART goal',
  summary:
    'Turn something you want to change into a goal that is specific, measurable, achievable, relevant and time-bound, with a first step.',
  source:
    "Doran, G. T. (1981). There's a S.M.A.R.T. way to write management's goals and objectives. Management Review, 70(11), 35–36; as adapted for clinical goal setting in Bovend'Eerdt, T. J. H., Botell, R. E. & Wade, D. T. (2009). Writing SMART rehabilitation goals and achieving goal attainment scaling. Clinical Rehabilitation, 23(4), 352–361.",
  content: doc(
    h(2, 'SMART goal'),
    p(
      'Start with what you would like to be different. Then shape it step by step. A good goal feels a little stretching, not overwhelming.',
    ),
    answer('wish', 'What I would like to change', 'In your own words, as broad as you like.'),
    answer('specific', 'Specific: what exactly will I do?', 'What, where, with whom?'),
    answer(
      'measurable',
      'Measurable: how will I know I have done it?',
      'How often, how much, how long?',
    ),
    answer(
      'achievable',
      'Achievable: what makes this realistic for me now?',
      'What might get in the way, and how will I handle it?',
    ),
    answer(
      'relevant',
      'Relevant: why does this matter to me?',
      'Which of my values does it serve?',
    ),
    answer('time-bound', 'Time-bound: by when?', 'A date or a number of weeks.'),
    answer('first-step', 'My first step, in the next few days', ''),
    rating('confidence', 'How confident am I that I can reach this goal?', {
      minLabel: 'not at all',
      maxLabel: 'completely',
    }),
  ),
}
