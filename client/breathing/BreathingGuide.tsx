import { useEffect, useId, useRef, useState } from 'react'
import { BREATHING_PATTERNS, type BreathingState } from '../../shared/breathing/patterns.ts'
import { useServerClock } from '../sync/serverClock.ts'
import { announce } from '../ui/announce.ts'
import { breathLabel, breathScale, phaseName } from './breathScale.ts'
import { allowBreathTones, playBreathTone } from './playBreathTone.ts'
import { useBreathingMoment } from './useBreathingMoment.ts'
import { usePrefersReducedMotion } from './usePrefersReducedMotion.ts'
import './breathing.css'

/**
 * The group's breathing exercise, on everyone's screen in the room, in step with everyone
 * else's: where the breath is comes from the server's clock, never this device's. A circle
 * grows and shrinks with the breath; with reduced motion asked for, a calm text count instead.
 * A soft tone at each change if this device turns it on; anyone may step out (nobody is told)
 * and back in. Closes by itself at the end.
 */
export function BreathingGuide({
  breathing,
  sound,
  onSoundChange,
}: {
  breathing: BreathingState
  /** A soft tone at each change, on this device (kept from one exercise to the next). */
  sound: boolean
  onSoundChange: (on: boolean) => void
}) {
  const id = useId()
  const pattern = BREATHING_PATTERNS[breathing.pattern]
  const ready = useServerClock()
  const reduced = usePrefersReducedMotion()
  const [out, setOut] = useState(false)
  const guide = useRef<HTMLElement>(null)
  const circle = useRef<HTMLDivElement>(null)
  const moment = useBreathingMoment(breathing, ready, (position, now) => {
    // Read by the browser tests: where this screen is, on the server's clock, at this frame.
    guide.current?.setAttribute('data-position', String(Math.round(position)))
    guide.current?.setAttribute('data-phase', phaseName(now))
    circle.current?.style.setProperty('--breath', String(breathScale(now)))
  })

  const phase = moment?.kind === 'breathing' ? moment.phase : null
  const round = moment?.kind === 'breathing' ? moment.round : 0
  useEffect(() => {
    if (phase && sound && !out) playBreathTone(phase)
  }, [phase, round, sound, out])
  // Said when it begins and when it ends (by itself, stopped, or replaced by a new start); a
  // person who arrives after the end hears neither.
  const done = moment?.kind === 'done'
  const active = moment !== null && !done
  const began = useRef(false)
  useEffect(() => {
    if (active && !began.current) {
      began.current = true
      announce(`Breathing together: ${pattern.label}. You can step out at any time.`)
    } else if (done && began.current) {
      began.current = false
      announce('Breathing together has ended.')
    }
  }, [active, done, pattern.label])
  useEffect(() => {
    const state = began
    return () => {
      if (state.current) announce('Breathing together has ended.')
    }
  }, [])

  // Stepping out or back in keeps the focus on the button that takes its place.
  const toggle = useRef<HTMLButtonElement>(null)
  const moved = useRef(false)
  useEffect(() => {
    if (moved.current) toggle.current?.focus()
  }, [out])
  const stepOut = (next: boolean) => {
    moved.current = true
    setOut(next)
  }

  if (!moment || done) return null
  if (out) {
    return (
      <p className="breathing-away">
        The group is breathing together.{' '}
        <button
          ref={toggle}
          type="button"
          className="button button--secondary button--small"
          onClick={() => stepOut(false)}
        >
          Join the breathing again
        </button>
      </p>
    )
  }
  const label = breathLabel(moment)
  const count = moment.secondsLeft
  return (
    <section
      ref={guide}
      className="breathing-guide"
      aria-labelledby={`${id}-heading`}
      data-testid="breathing-guide"
      data-motion={reduced ? 'reduced' : 'full'}
    >
      <div className="breathing-text">
        <h2 id={`${id}-heading`} className="breathing-heading">
          Breathing together
        </h2>
        <p className="breathing-pattern">
          {pattern.label}
          {moment.kind === 'breathing' && ` · round ${moment.round} of ${breathing.rounds}`}
        </p>
        {reduced && (
          <p className="breathing-count" aria-hidden="true">
            {label}… {count}
          </p>
        )}
        {!reduced && (
          <p className="breathing-label" aria-hidden="true">
            {label}
          </p>
        )}
        {/* Read out when the phase changes, not every second. */}
        <p className="visually-hidden" aria-live="polite">
          {label}
        </p>
        <div className="breathing-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={sound}
            onClick={() => {
              if (!sound) allowBreathTones()
              onSoundChange(!sound)
            }}
          >
            Soft sound
          </button>
          <button
            ref={toggle}
            type="button"
            className="button button--quiet button--small"
            onClick={() => stepOut(true)}
          >
            Step out
          </button>
        </div>
      </div>
      {!reduced && (
        <div className="breathing-stage" aria-hidden="true">
          <div ref={circle} className="breathing-circle" data-testid="breathing-circle" />
          <span className="breathing-seconds">{count}</span>
        </div>
      )}
    </section>
  )
}
