import pg from 'pg'

/**
 * A pool whose BIGINTs read as numbers, as SQLite's integers do: every integer Hearth stores
 * (times in milliseconds, counts, places in a log) is far below 2^53. node-postgres reads them
 * as strings otherwise.
 */
export function postgresPool(config: pg.PoolConfig): pg.Pool {
  return new pg.Pool({
    ...config,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
}
