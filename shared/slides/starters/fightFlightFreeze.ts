import { doc, h1, h2, p, references, ul, type StarterDeck } from './blocks.ts'

export const fightFlightFreeze: StarterDeck = {
  id: 'fight-flight-freeze',
  title: 'Fight, flight, freeze: what anxiety does to the body',
  summary: 'The body’s alarm system, why it goes off without danger, and how to turn it down.',
  slides: [
    {
      layout: 'title',
      body: doc(h1('Fight, flight, freeze'), p('What anxiety does to the body')),
    },
    {
      layout: 'text',
      body: doc(
        h2('An old alarm system'),
        p(
          'When the brain senses a threat, it sets off an alarm: stress hormones such as adrenaline prepare the body to act, in a fraction of a second and before we have thought about it.',
        ),
        p('The alarm works the same way for a wild animal, an exam or a difficult conversation.'),
      ),
    },
    {
      layout: 'two-columns',
      body: doc(
        h2('In the body'),
        ul(
          'A faster heartbeat',
          'Quicker, shallower breathing',
          'Tense muscles, trembling',
          'Sweating, a dry mouth',
          'Butterflies or nausea',
        ),
      ),
      side: doc(
        h2('In the mind'),
        ul(
          'Attention narrows to the threat',
          'Racing thoughts',
          'An urge to escape or avoid',
          'Going blank, or feeling frozen',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('Freezing is part of it too'),
        p(
          'Sometimes the body goes still, numb or blank instead: a way of waiting for danger to pass. It is not a choice, and it is not a weakness.',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('Why the alarm goes off when there is no danger'),
        ul(
          'The alarm is built to be over-sensitive: a false alarm costs less than a missed danger.',
          'Avoiding what sets it off brings quick relief, and teaches the brain that the danger was real.',
          'The feelings are unpleasant, but they are not harmful, and they pass.',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('Turning the alarm down'),
        ul(
          'Slow breathing, with the out-breath longer than the in-breath',
          'Grounding: name what you see, hear and feel around you',
          'Staying with the feeling until it eases, as it does',
          'Small, planned steps towards what you avoid, with support',
        ),
      ),
    },
    references(
      'Cannon, W. B. (1915). Bodily Changes in Pain, Hunger, Fear and Rage. New York: Appleton.',
      'Bracha, H. S. (2004). Freeze, flight, fight, fright, faint: adaptationist perspectives on the acute stress response spectrum. CNS Spectrums, 9(9), 679–685.',
      'Kozlowska, K., Walker, P., McLean, L., & Carrive, P. (2015). Fear and the defense cascade: clinical implications and management. Harvard Review of Psychiatry, 23(4), 263–287.',
      'Clark, D. A., & Beck, A. T. (2010). Cognitive Therapy of Anxiety Disorders: Science and Practice. New York: Guilford Press.',
    ),
  ],
}
