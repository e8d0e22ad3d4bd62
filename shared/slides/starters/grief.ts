import { doc, h1, h2, p, references, ul, type StarterDeck } from './blocks.ts'

export const grief: StarterDeck = {
  id: 'grief',
  title: 'Grief: living with loss',
  summary: 'What grief can feel like, moving between loss and daily life, continuing bonds.',
  note: 'Discusses death and loss',
  slides: [
    {
      layout: 'title',
      body: doc(h1('Grief'), p('Living with loss')),
    },
    {
      layout: 'text',
      body: doc(
        h2('Grief is not a problem to fix'),
        p(
          'It is the natural response to losing someone, or something, we love. There is no right way to grieve, and no timetable.',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('It can take many forms'),
        ul(
          'Sadness, longing, anger, guilt, relief, numbness, sometimes all in one day',
          'In the body: tiredness, poor sleep, changes in appetite',
          'In the mind: forgetfulness, finding it hard to concentrate',
        ),
      ),
    },
    {
      layout: 'two-columns',
      body: doc(
        h2('Facing the loss'),
        ul('Remembering', 'Missing them, crying', 'Looking at photos, visiting places'),
      ),
      side: doc(
        h2('Facing daily life'),
        ul('Everyday tasks and new roles', 'Rest from grief', 'Moments of ease, even joy'),
      ),
      note: 'Moving between the two is healthy',
    },
    {
      layout: 'text',
      body: doc(
        h2('Moving back and forth'),
        p(
          'Most people move between facing the loss and facing daily life. Time away from grief is not forgetting; time with it is not being stuck.',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('Continuing bonds'),
        p(
          'Many people keep a connection with the person who died: talking to them, small rituals, carrying their values forward. Grief changes shape more than it simply ends.',
        ),
      ),
    },
    {
      layout: 'text',
      body: doc(
        h2('Looking after yourself'),
        ul(
          'Keep some routine: meals, sleep, a little movement',
          'Let people help in concrete ways',
          'Plan for hard days, such as anniversaries',
          'If grief stays overwhelming for a long time, or you think about ending your life, tell your facilitator or a doctor',
        ),
      ),
    },
    references(
      'Stroebe, M., & Schut, H. (1999). The dual process model of coping with bereavement: rationale and description. Death Studies, 23(3), 197–224.',
      'Klass, D., Silverman, P. R., & Nickman, S. L. (Eds.) (1996). Continuing Bonds: New Understandings of Grief. Washington, DC: Taylor & Francis.',
      'Shear, M. K. (2015). Complicated grief. New England Journal of Medicine, 372(2), 153–160.',
      'Worden, J. W. (2018). Grief Counseling and Grief Therapy (5th ed.). New York: Springer.',
    ),
  ],
}
