import { doc, h1, h2, p, references, ul, type StarterDeck } from './blocks.ts'

export const cbtTriangle: StarterDeck = {
  id: 'cbt-triangle',
  title: 'Thoughts, feelings and what we do',
  summary: 'The CBT triangle: how thoughts, feelings and behaviours keep each other going.',
  slides: [
    {
      layout: 'title',
      body: doc(h1('Thoughts, feelings and what we do'), p('The CBT triangle')),
    },
    {
      layout: 'text',
      body: doc(
        h2('Three parts that talk to each other'),
        ul(
          'Thoughts: what goes through your mind',
          'Feelings: emotions, and what you notice in your body',
          'Behaviours: what you do, or avoid doing',
        ),
        p('A change in one of them changes the other two.'),
      ),
    },
    {
      layout: 'two-columns',
      body: doc(
        h2('One message, one reading'),
        p('A friend has not replied to a message.'),
        ul(
          'Thought: “They are annoyed with me.”',
          'Feeling: worried, a tight chest',
          'Behaviour: checking the phone, avoiding them',
        ),
      ),
      side: doc(
        h2('The same message, another reading'),
        p('A friend has not replied to a message.'),
        ul(
          'Thought: “They are probably busy.”',
          'Feeling: calmer',
          'Behaviour: getting on with the day',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('Thoughts are not facts'),
        p(
          'Automatic thoughts come quickly, feel true, and are coloured by our mood. Noticing them is the first step; then we can ask what the evidence is.',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('Where to step in'),
        ul(
          'Notice the thought, and name the feeling',
          'Check the thought: what supports it, what does not?',
          'Try a different action, and see what happens to the feeling',
        ),
      ),
    },
    references(
      'Beck, A. T. (1976). Cognitive Therapy and the Emotional Disorders. New York: International Universities Press.',
      'Greenberger, D., & Padesky, C. A. (2015). Mind Over Mood: Change How You Feel by Changing the Way You Think (2nd ed.). New York: Guilford Press.',
      'Beck, J. S. (2020). Cognitive Behavior Therapy: Basics and Beyond (3rd ed.). New York: Guilford Press.',
    ),
  ],
}
