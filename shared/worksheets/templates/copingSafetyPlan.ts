import { answer, doc, h, p, type WorksheetTemplate } from '../WorksheetTemplate.ts'

export const copingSafetyPlan: WorksheetTemplate = {
  id: 'coping-safety-plan',
  title: 'Coping and safety plan',
  summary:
    'A personal plan, written in calm moments, for getting through a crisis: warning signs, what helps, who to contact and how to make things safer.',
  source:
    'Structured after the Safety Planning Intervention: Stanley, B. & Brown, G. K. (2012). Safety Planning Intervention: A Brief Intervention to Mitigate Suicide Risk. Cognitive and Behavioral Practice, 19(2), 256–264.',
  content: doc(
    h(2, 'Coping and safety plan'),
    p(
      'If you are in danger right now, or might act on thoughts of harming yourself, call your local emergency number or go to the nearest emergency department. This plan does not replace urgent help.',
    ),
    p(
      'Write this plan when you feel steady, ideally with your facilitator. Keep it somewhere you can reach it. Go through the steps in order until you feel safer.',
    ),
    answer(
      'warning-signs',
      '1. My warning signs',
      'Thoughts, images, moods, situations or behaviours that tell me a crisis may be building.',
    ),
    answer(
      'internal-coping',
      '2. Things I can do on my own to take my mind off things',
      'For example: a walk, music, a shower, a grounding exercise.',
    ),
    answer(
      'social-distraction',
      '3. People and places that help me feel better',
      'People I can be around, or places I can go, without having to talk about how I feel.',
    ),
    answer(
      'people-to-ask',
      '4. People I can ask for help',
      'Names and how to reach them. Keep their numbers in your phone as well.',
    ),
    answer(
      'professionals',
      '5. Professionals and services I can contact',
      'My therapist or doctor, a local crisis line, and my local emergency number.',
    ),
    answer(
      'safe-environment',
      '6. Making my surroundings safer',
      'What I can remove, lock away or ask someone to keep for me.',
    ),
    answer('reasons', 'What matters most to me and is worth living for', ''),
  ),
}
