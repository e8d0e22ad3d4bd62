/** The schedule form as it is typed: a date and a time, in a time zone, once or weekly. */
export interface ScheduleFormValues {
  title: string
  date: string
  time: string
  timeZone: string
  durationMinutes: string
  repeat: 'once' | 'weekly'
  weeks: string
}

export type ScheduleField =
  'title' | 'startsAtLocal' | 'timeZone' | 'durationMinutes' | 'weeklyOccurrences'

/** The API's request for these values, to be checked with the shared schema. */
export function scheduleRequestFrom(values: ScheduleFormValues) {
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)
  return {
    title: values.title,
    startsAtLocal: `${values.date}T${values.time}`,
    timeZone: values.timeZone,
    durationMinutes: whole(values.durationMinutes),
    ...(values.repeat === 'weekly' ? { weeklyOccurrences: whole(values.weeks) } : {}),
  }
}

/** The form's first values: next week at 18:00 for 90 minutes, in the browser's zone. */
export function initialSchedule(now: Date, timeZone: string): ScheduleFormValues {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    title: '',
    date: `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`,
    time: '18:00',
    timeZone,
    durationMinutes: '90',
    repeat: 'once',
    weeks: '8',
  }
}

export const SCHEDULE_MESSAGES: Partial<Record<ScheduleField, string>> = {
  title: 'Give the session a title, such as "Week 1: Getting to know each other".',
  startsAtLocal: 'Choose the date and the start time.',
  timeZone: 'Choose a time zone.',
  durationMinutes: 'Choose a length from 15 minutes to 8 hours.',
  weeklyOccurrences: 'Enter how many weeks, from 1 to 52.',
}
