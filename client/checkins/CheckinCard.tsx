import { useId, useState } from 'react'
import { z } from 'zod'
import {
  AGGREGATE_MIN_ANSWERS,
  checkinWord,
  WORD_MAX,
  type RoomCheckin,
} from '../../shared/checkins/checkins.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { announce } from '../ui/announce.ts'
import { useAction } from '../ui/useAction.ts'
import { CheckinAggregate } from './CheckinAggregate.tsx'

const PROMPT = { start: 'How are you arriving today?', end: 'How are you leaving today?' }

/**
 * A member's check-in: a mood from 0 to 10, a word, or both, as the facilitator asked. They
 * are told who sees what (the group: everyone's answers together, once enough answered; the
 * facilitators: by name only where the group chose so), may change their answer while it is
 * open, and see the group's answers when there are enough of them.
 */
export function CheckinCard({
  sessionId,
  checkin,
  answeredAt,
}: {
  sessionId: string
  checkin: RoomCheckin
  /** When this member answered (from their private line), or null. */
  answeredAt: number | null
}) {
  const id = useId()
  const [mood, setMood] = useState(5)
  const [word, setWord] = useState('')
  const [wordProblem, setWordProblem] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const { problem, run } = useAction()
  const asksMood = checkin.kind !== 'word'
  const asksWord = checkin.kind !== 'mood'
  const answering = !checkin.closed && (answeredAt === null || editing)
  const send = () =>
    void run(async () => {
      let folded: string | undefined
      if (asksWord) {
        const parsed = checkinWord.safeParse(word)
        if (!parsed.success) return setWordProblem(parsed.error.issues[0]!.message)
        folded = parsed.data
      }
      setWordProblem(null)
      await apiRequest(`/api/sessions/${sessionId}/checkins/${checkin.id}/answer`, {
        method: 'PUT',
        body: { ...(asksMood ? { mood } : {}), ...(folded ? { word: folded } : {}) },
        schema: z.unknown(),
      })
      setEditing(false)
      announce('Your check-in is in. Thank you.')
    })
  return (
    <section className="card stack-small checkin-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Check-in: {PROMPT[checkin.moment]}</h2>
      <p className="hint">
        The group sees everyone’s answers together, never whose is whose
        {checkin.named
          ? '; your facilitators see your answer with your name.'
          : ', and so do your facilitators.'}
      </p>
      {answering ? (
        <form
          className="stack-small"
          onSubmit={(e) => {
            e.preventDefault()
            send()
          }}
        >
          {asksMood && (
            <div className="checkin-mood">
              <label htmlFor={`${id}-mood`}>
                How you feel, from 0 (very low) to 10 (very good)
              </label>
              <div className="checkin-mood-row">
                <span aria-hidden="true">0</span>
                <input
                  id={`${id}-mood`}
                  type="range"
                  min={0}
                  max={10}
                  step={1}
                  value={mood}
                  onChange={(e) => setMood(Number(e.target.value))}
                />
                <span aria-hidden="true">10</span>
                <output htmlFor={`${id}-mood`} className="checkin-mood-value">
                  {mood}
                </output>
              </div>
            </div>
          )}
          {asksWord && (
            <div className="field">
              <label htmlFor={`${id}-word`}>A word for how you are</label>
              <input
                id={`${id}-word`}
                type="text"
                value={word}
                maxLength={WORD_MAX}
                autoComplete="off"
                aria-invalid={wordProblem ? true : undefined}
                aria-describedby={wordProblem ? `${id}-word-error` : undefined}
                onChange={(e) => setWord(e.target.value)}
              />
              {wordProblem && (
                <p id={`${id}-word-error`} className="field-error">
                  {wordProblem}
                </p>
              )}
            </div>
          )}
          <div className="actions">
            <button type="submit" className="button">
              Send my check-in
            </button>
          </div>
        </form>
      ) : answeredAt !== null ? (
        <p>
          Thank you, your check-in is in.{' '}
          {!checkin.closed && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setEditing(true)}
            >
              Change my answer
            </button>
          )}
        </p>
      ) : (
        <p>This check-in has closed.</p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {checkin.aggregate ? (
        <CheckinAggregate aggregate={checkin.aggregate} />
      ) : (
        <p className="hint">
          {checkin.answered === 1 ? '1 person has' : `${checkin.answered} people have`} checked in.
          The group’s answers show once at least {AGGREGATE_MIN_ANSWERS} have, so that no one’s can
          be told apart.
        </p>
      )}
    </section>
  )
}
