import { answer, doc, h, p, rating, type WorksheetTemplate } from '../WorksheetTemplate.ts'

export const grounding54321: WorksheetTemplate = {
  id: 'grounding-5-4-3-2-1',
  title: 'Grounding: 5-4-3-2-1',
  summary:
    'A short exercise that uses the five senses to come back to the present moment when anxiety or memories feel overwhelming.',
  source:
    'A widely used sensory grounding technique; see Najavits, L. M. (2002). Seeking Safety: A Treatment Manual for PTSD and Substance Abuse. Guilford Press (grounding), and the 5-4-3-2-1 coping technique described by the University of Rochester Medical Center (Behavioral Health Partners).',
  content: doc(
    h(2, 'Grounding: 5-4-3-2-1'),
    p(
      'Take a slow breath. Notice where you are. Move through the senses at your own pace; short words are enough. If a sense is hard to use right now, skip it.',
    ),
    rating('distress-before', 'How distressed do you feel right now?', {
      min: 0,
      max: 10,
      minLabel: 'calm',
      maxLabel: 'overwhelmed',
    }),
    answer('see', '5 things I can see', 'Colours, shapes, light, small details.'),
    answer(
      'touch',
      '4 things I can feel or touch',
      'Your feet on the floor, the chair, the air on your skin.',
    ),
    answer('hear', '3 things I can hear', 'Near and far away.'),
    answer('smell', '2 things I can smell', 'Or two smells you like, if nothing is noticeable.'),
    answer('taste', '1 thing I can taste', 'Or one kind thing you can say to yourself.'),
    rating('distress-after', 'How distressed do you feel now?', {
      min: 0,
      max: 10,
      minLabel: 'calm',
      maxLabel: 'overwhelmed',
    }),
  ),
}
