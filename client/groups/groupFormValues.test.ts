import { describe, expect, it } from 'vitest'
import { createGroupRequest } from '../../shared/api/schemas.ts'
import { validateForm } from '../ui/validateForm.ts'
import {
  changedSettings,
  EMPTY_GROUP_FORM,
  GROUP_MESSAGES,
  groupFormFromSettings,
  groupSettingsFromForm,
} from './groupFormValues.ts'

const filled = { ...EMPTY_GROUP_FORM, name: 'Thursday group', theme: 'Anxiety' }

describe('group form values', () => {
  it('turn into a valid create request', () => {
    const body = { ...groupSettingsFromForm(filled), agreement: 'Be kind.' }
    const result = validateForm(createGroupRequest, body, GROUP_MESSAGES)
    expect(result).toMatchObject({ ok: true, data: { capacity: 10, name: 'Thursday group' } })
  })

  it('refuse a capacity that is not a whole number in range', () => {
    for (const capacity of ['', 'ten', '2.5', '1', '51']) {
      const body = { ...groupSettingsFromForm({ ...filled, capacity }), agreement: 'Be kind.' }
      const result = validateForm(createGroupRequest, body, GROUP_MESSAGES)
      expect(result).toMatchObject({ ok: false, errors: { capacity: GROUP_MESSAGES.capacity } })
    }
  })

  it('name a missing name, theme and agreement', () => {
    const body = { ...groupSettingsFromForm(EMPTY_GROUP_FORM), agreement: '  ' }
    const result = validateForm(createGroupRequest, body, GROUP_MESSAGES)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual(['agreement', 'name', 'theme'])
  })

  it('round-trip settings and find what changed', () => {
    const settings = { ...groupSettingsFromForm(filled) }
    expect(groupSettingsFromForm(groupFormFromSettings(settings))).toEqual(settings)
    expect(changedSettings(settings, { ...settings, capacity: 12, autoAdmit: true })).toEqual({
      capacity: 12,
      autoAdmit: true,
    })
    expect(changedSettings(settings, settings)).toEqual({})
  })
})
