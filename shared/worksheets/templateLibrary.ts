import { copingSafetyPlan } from './templates/copingSafetyPlan.ts'
import { gratitudeJournal } from './templates/gratitudeJournal.ts'
import { grounding54321 } from './templates/grounding54321.ts'
import { smartGoal } from './templates/smartGoal.ts'
import { thoughtRecord } from './templates/thoughtRecord.ts'
import { valuesClarification } from './templates/valuesClarification.ts'
import type { WorksheetTemplate } from './WorksheetTemplate.ts'

/** The exercises Hearth ships with. Facilitators can copy and adapt them. */
export const BUILT_IN_TEMPLATES: readonly WorksheetTemplate[] = [
  thoughtRecord,
  grounding54321,
  valuesClarification,
  copingSafetyPlan,
  gratitudeJournal,
  smartGoal,
]
