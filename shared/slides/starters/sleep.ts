import { doc, h1, h2, p, references, ul, type StarterDeck } from './blocks.ts'

export const sleep: StarterDeck = {
  id: 'sleep',
  title: 'Sleep: how it works and how to help it',
  summary: 'The two systems behind sleep, what keeps us awake, and habits that help.',
  slides: [
    {
      layout: 'title',
      body: doc(h1('Sleep'), p('How it works, and how to help it')),
    },
    {
      layout: 'two-columns',
      body: doc(
        h2('Sleep pressure'),
        p('The longer we are awake, the stronger the pull to sleep. Sleep releases it.'),
      ),
      side: doc(
        h2('The body clock'),
        p(
          'An inner clock of about 24 hours sets when we feel sleepy and alert. Daylight, especially in the morning, keeps it on time.',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('What keeps us awake'),
        ul(
          'Worry and a busy mind at bedtime',
          'Long hours awake in bed: the brain learns that bed is a place for being awake',
          'Irregular bed and waking times',
          'Caffeine late in the day (it stays in the body for hours); alcohol, which breaks sleep up',
          'Bright screens and light late in the evening',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('Habits that help'),
        ul(
          'Get up at the same time every day, weekends too',
          'Get daylight in the morning',
          'Go to bed when sleepy, not just tired',
          'If you cannot sleep after what feels like 20 minutes, get up and do something calm in dim light; go back when sleepy',
          'Keep the bed for sleep',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('A time for worry'),
        p(
          'Early in the evening, take 15 minutes to write down what worries you and one next step. At night, remind yourself that the worries have their time tomorrow.',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('Be patient with it'),
        ul(
          'New habits take two to four weeks to help',
          'One bad night is not a disaster: sleep catches up',
          'See a doctor if poor sleep lasts for months, or if you snore loudly or stop breathing in your sleep',
        ),
      ),
    },
    references(
      'Borbély, A. A. (1982). A two process model of sleep regulation. Human Neurobiology, 1(3), 195–204.',
      'Bootzin, R. R. (1972). Stimulus control treatment for insomnia. Proceedings of the 80th Annual Convention of the American Psychological Association, 7, 395–396.',
      'Harvey, A. G. (2002). A cognitive model of insomnia. Behaviour Research and Therapy, 40(8), 869–893.',
      'Riemann, D., et al. (2017). European guideline for the diagnosis and treatment of insomnia. Journal of Sleep Research, 26(6), 675–700.',
    ),
  ],
}
