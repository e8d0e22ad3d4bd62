/**
 * What a crisis alert is about (issue 15). The server names the category of the phrase that
 * matched, never the words themselves; facilitators see the label.
 */
export const RISK_CATEGORIES = ['suicide', 'self-harm', 'harm-to-others', 'abuse'] as const
export type RiskCategory = (typeof RISK_CATEGORIES)[number]

export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  suicide: 'Suicide',
  'self-harm': 'Self-harm',
  'harm-to-others': 'Harm to others',
  abuse: 'Abuse or violence against them',
}
