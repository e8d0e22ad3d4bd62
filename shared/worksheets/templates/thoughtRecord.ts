import { answer, doc, h, p, rating, type WorksheetTemplate } from '../WorksheetTemplate.ts'

export const thoughtRecord: WorksheetTemplate = {
  id: 'thought-record',
  title: 'Thought record',
  summary:
    'Slow down one difficult moment: what happened, what went through your mind, how you felt, and a more balanced way of seeing it.',
  source:
    'Adapted from the seven-column thought record in Greenberger, D. & Padesky, C. A. (2015). Mind Over Mood (2nd ed.). Guilford Press; and Beck, J. S. (2020). Cognitive Behavior Therapy: Basics and Beyond (3rd ed.). Guilford Press.',
  content: doc(
    h(2, 'Thought record'),
    p(
      'Choose one moment from the past few days when your mood changed. There are no right answers: write what was true for you. You can stop at any point and come back later.',
    ),
    answer(
      'situation',
      'Situation',
      'Where were you? Who was there? What was happening? Keep it to the facts.',
    ),
    answer(
      'automatic-thoughts',
      'Automatic thoughts',
      'What went through your mind just before or while you felt this way? Underline or mark the one that feels strongest (the "hot thought").',
    ),
    answer(
      'emotions',
      'Emotions',
      'Name each feeling in one word (for example: anxious, sad, ashamed, angry).',
    ),
    rating('emotion-intensity-before', 'How strong was the main feeling?', {
      min: 0,
      max: 100,
      minLabel: 'not at all',
      maxLabel: 'the strongest I have felt',
    }),
    answer(
      'evidence-for',
      'Evidence that supports the hot thought',
      'Facts only, not interpretations.',
    ),
    answer(
      'evidence-against',
      'Evidence that does not fully support the hot thought',
      'What would you tell a friend who had this thought? Has there been a time when it was not true?',
    ),
    answer(
      'balanced-thought',
      'A more balanced thought',
      'A thought that takes all the evidence into account. It does not need to be positive, only fair.',
    ),
    rating('emotion-intensity-after', 'How strong is the main feeling now?', {
      min: 0,
      max: 100,
      minLabel: 'not at all',
      maxLabel: 'the strongest I have felt',
    }),
  ),
}
