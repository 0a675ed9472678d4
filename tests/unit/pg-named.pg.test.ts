// Named prepared statements on a real PostgreSQL server (db/pg-named.ts): the
// store's data statements are prepared once per connection under a name
// derived from their text, the server reuses them (and, for a hot key lookup,
// stops planning: a generic plan), DDL is never named. PostgreSQL only.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { statementName } from '../../electron/backend/db/pg-named';
import type { TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
useHall((h) => {
  hall = h;
});

interface Prepared {
  name: string;
  statement: string;
  generic_plans: number;
  custom_plans: number;
}

describe('named prepared statements', () => {
  it('prepare each data statement once per connection under its text hash, and the server reuses its plan', async () => {
    const db = hall.backend.store.db;
    // One transaction: one connection, whose prepared statements pg_prepared_statements lists.
    const seen = await db.transaction().execute(async (trx) => {
      const lane = (await trx.selectFrom('lanes').select(['id', 'prefix']).where('prefix', '=', 'A').executeTakeFirstOrThrow()).id;
      for (let i = 0; i < 12; i++) {
        const r = await trx.selectFrom('lanes').select(['id', 'prefix']).where('id', '=', lane).executeTakeFirst();
        expect(r?.prefix).toBe('A');
      }
      await sql`CREATE TEMP TABLE named_probe (x int)`.execute(trx);
      return (await sql<Prepared>`SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements`.execute(trx)).rows;
    });
    const text = db.selectFrom('lanes').select(['id', 'prefix']).where('id', '=', 'x').compile().sql;
    const byId = seen.find((p) => p.statement === text);
    expect(byId?.name).toBe(statementName(text));
    // Executed 12 times, prepared once: after five custom plans the server keeps a generic one and plans no more.
    expect(Number(byId!.generic_plans) + Number(byId!.custom_plans)).toBe(12);
    expect(Number(byId!.generic_plans)).toBeGreaterThan(0);
    expect(seen.some((p) => /create temp table/i.test(p.statement))).toBe(false);
    expect(new Set(seen.map((p) => p.name)).size).toBe(seen.length);
  });
});
