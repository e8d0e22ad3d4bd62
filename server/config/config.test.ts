import { describe, expect, it } from 'vitest'
import { parseConfig } from './config.ts'

describe('parseConfig', () => {
  it('runs on defaults alone', () => {
    const config = parseConfig({})
    expect(config.port).toBe(8787)
    expect(config.dbPath).toMatch(/data\/hearth\.sqlite$/)
    expect(config.sqliteSynchronous).toBe('FULL')
    expect([...config.allowedOrigins]).toEqual(['http://localhost:8787'])
  })

  it('joins instances through Redis only when they share PostgreSQL', () => {
    expect(parseConfig({}).databaseUrl).toBeNull()
    const both = parseConfig({
      DATABASE_URL: 'postgres://hearth@db.internal:5432/hearth',
      REDIS_URL: 'redis://cache.internal:6379',
    })
    expect(both.databaseUrl).toBe('postgres://hearth@db.internal:5432/hearth')
    expect(both.redisUrl).toBe('redis://cache.internal:6379')
    expect(() => parseConfig({ REDIS_URL: 'redis://cache.internal:6379' })).toThrow(
      /REDIS_URL: needs DATABASE_URL/,
    )
    expect(() => parseConfig({ DATABASE_URL: 'mysql://db.internal/hearth' })).toThrow(
      /DATABASE_URL/,
    )
  })

  it('keeps the data keys in another database than the data, and only beside PostgreSQL data', () => {
    const data = 'postgres://hearth@db.internal:5432/hearth'
    const keys = 'postgres://keys@db.internal:5432/hearth_keys'
    expect(
      parseConfig({ DATABASE_URL: data, HEARTH_KEYS_DATABASE_URL: keys }).keysDatabaseUrl,
    ).toBe(keys)
    expect(parseConfig({ DATABASE_URL: data }).keysDatabaseUrl).toBeNull()
    expect(() => parseConfig({ HEARTH_KEYS_DATABASE_URL: keys })).toThrow(/needs DATABASE_URL/)
    // The same database, however it is spelt (another user, options, the default port).
    for (const same of [
      data,
      'postgresql://other:pw@DB.internal/hearth?sslmode=require',
      'postgres://keys@db.internal:5432/hearth?options=-c%20search_path%3Dkeys',
    ]) {
      expect(() => parseConfig({ DATABASE_URL: data, HEARTH_KEYS_DATABASE_URL: same })).toThrow(
        /another database than DATABASE_URL/,
      )
    }
  })

  it('names every bad variable', () => {
    expect(() => parseConfig({ PORT: 'eighty', HEARTH_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*HEARTH_SECRET/,
    )
  })

  it('keeps the playground off unless asked for, and off on a public origin unless forced', () => {
    expect(parseConfig({}).playground).toBe(false)
    expect(parseConfig({ HEARTH_PLAYGROUND: 'true' }).playground).toBe(true)
    expect(() =>
      parseConfig({
        HEARTH_PLAYGROUND: 'true',
        HEARTH_PUBLIC_ORIGIN: 'https://hearth.clinic.example',
      }),
    ).toThrow(/HEARTH_PLAYGROUND.*force/)
    expect(
      parseConfig({
        HEARTH_PLAYGROUND: 'force',
        HEARTH_PUBLIC_ORIGIN: 'https://hearth.clinic.example',
      }).playground,
    ).toBe(true)
  })

  it('keeps 14 backups in <data>/backups and takes none on its own unless asked', () => {
    const defaults = parseConfig({ HEARTH_DATA_DIR: '/srv/hearth' }).backup
    expect(defaults).toEqual({ dir: '/srv/hearth/backups', keep: 14, everyHours: 0 })
    const set = parseConfig({
      HEARTH_BACKUP_DIR: '/mnt/backups',
      HEARTH_BACKUP_KEEP: '30',
      HEARTH_BACKUP_EVERY_HOURS: '6',
    }).backup
    expect(set).toEqual({ dir: '/mnt/backups', keep: 30, everyHours: 6 })
    expect(() => parseConfig({ HEARTH_BACKUP_KEEP: '0' })).toThrow(/HEARTH_BACKUP_KEEP/)
  })

  it('adds extra allowed origins', () => {
    const config = parseConfig({ HEARTH_ALLOWED_ORIGINS: 'http://localhost:5173, https://x.org/' })
    expect(config.allowedOrigins.has('http://localhost:5173')).toBe(true)
    expect(config.allowedOrigins.has('https://x.org')).toBe(true)
  })
})
