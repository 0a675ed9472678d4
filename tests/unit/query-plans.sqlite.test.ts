// The lookups a clerk waits on must use an index, whatever the data size. The
// plans are taken of the SQL the code itself sends (Kysely's compiled query).
import type { Compilable } from 'kysely';
import { sqliteRaw } from '../../electron/backend/db/connection';
import { describe, expect, it } from 'vitest';
import { findPetitionersByPhone, petitionerByDocument, searchPetitioners } from '../../electron/backend/db/queries/petitioners';
import { nextCandidates, waitingFor } from '../../electron/backend/db/queries/tickets';
import { dayEndLeft } from '../../electron/backend/services/queue/tickets';
import { affectedIds } from '../../electron/backend/services/retention';
import { type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK, LANE } from '../support/queue';

let hall: TestHall;
useHall((h) => {
  hall = h;
});

/** Runs the code's query builder against a recording stand-in to get the SQL it would send. */
function planOf(build: (db: TestHall['backend']['deps']['db']) => unknown): string {
  let compiled: { sql: string; parameters: readonly unknown[] } | null = null;
  const db = hall.backend.deps.db;
  const spy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== 'selectFrom' || typeof value !== 'function') return value;
      return (...args: unknown[]) => wrap((value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  function wrap(qb: unknown): unknown {
    return new Proxy(qb as object, {
      get(t, p, r) {
        const v = Reflect.get(t, p, r) as unknown;
        if (p === 'execute' || p === 'executeTakeFirst' || p === 'executeTakeFirstOrThrow') {
          return async () => {
            compiled = (t as Compilable).compile();
            return [];
          };
        }
        return typeof v === 'function' ? (...a: unknown[]) => wrap((v as (...x: unknown[]) => unknown).apply(t, a)) : v;
      },
    });
  }
  void build(spy);
  if (!compiled) throw new Error('no query compiled');
  return explain(compiled);
}

/** SQLite's plan of a compiled statement, its steps joined by '; '. */
function explain(c: { sql: string; parameters: readonly unknown[] }): string {
  return (
    sqliteRaw(hall.backend.store)
      .prepare(`EXPLAIN QUERY PLAN ${c.sql}`)
      .all(...(c.parameters as unknown[])) as { detail: string }[]
  )
    .map((r) => r.detail)
    .join('; ');
}

// EXPLAIN QUERY PLAN is SQLite's; PostgreSQL's planner is not checked here.
describe('query plans of the code’s own queries (SQLite only)', () => {
  it('ID, phone, pinyin, name and ID-prefix lookups search an index', () => {
    expect(explain(petitionerByDocument(hall.backend.deps.db, 'resident', '110105196503121235').compile())).toMatch(
      /SEARCH petitioners USING INDEX/,
    );
    expect(planOf((db) => findPetitionersByPhone(db, '13812345678'))).toMatch(/SEARCH petitioners USING INDEX petitioners_phone/);
    expect(planOf((db) => searchPetitioners(db, 'name_initials', 'zsf', 20))).toMatch(/USING INDEX petitioners_initials/);
    expect(planOf((db) => searchPetitioners(db, 'id_number', '1101051965', 20))).toMatch(/USING INDEX petitioners_id_number/);
    expect(planOf((db) => searchPetitioners(db, 'name', '张三', 20))).toMatch(/USING INDEX petitioners_name/);
  });

  it('a desk’s waiting line searches an index (by day, by status, or both), never the whole ticket history', () => {
    const plan = planOf((db) => waitingFor(db, DESK[1], [LANE.A, LANE.B], '2026-11-24'));
    expect(plan).toMatch(/SEARCH tickets USING INDEX tickets_(day|waiting|status_day)/);
    expect(plan).not.toMatch(/SCAN tickets/);
  });

  it('call-next reads the head of each class of each lane from its 0013/0024 index, with no sort', () => {
    const plan = planOf((db) => nextCandidates(db, DESK[1], [LANE.A, LANE.B], '2026-11-24').execute());
    for (const ix of ['tickets_next_appointment', 'tickets_next_priority', 'tickets_next_ordinary'])
      expect(plan.match(new RegExp(`SEARCH tickets USING INDEX ${ix} \\(day=\\? AND lane_id=\\?`, 'g'))).toHaveLength(2);
    expect(plan).not.toMatch(/SCAN tickets/);
    // The few tickets sent to this desk by a transfer come from one index in line order (0024);
    // only its appointments are sorted, by their time.
    expect(plan.match(/SEARCH tickets USING INDEX tickets_next_desk \(desk_id=\? AND day=\?\)/g)).toHaveLength(3);
    expect(plan.match(/USE TEMP B-TREE/g)).toHaveLength(1);
  });

  it('the day-end check on every queue change reads the open tickets of earlier days by status and day, not every open ticket', () => {
    const plan = explain(dayEndLeft(hall.backend.deps.db, '2026-11-24').compile());
    expect(plan).toMatch(/SEARCH tickets USING (COVERING )?INDEX tickets_status_day \(status=\? AND day<\?\)/);
  });

  it('个人信息保留 reads each person’s visits and matters by index seeks, never a scan of the visits after the cutoff', () => {
    const db = hall.backend.deps.db;
    const q = db.selectFrom('petitioners').select('name').where('id', 'in', affectedIds(db, '2016-11-29')).compile();
    const plan = (
      sqliteRaw(hall.backend.store)
        .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
        .all(...(q.parameters as unknown[])) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('; ');
    expect(plan).toMatch(/SEARCH visits USING INDEX visits_petitioner/);
    expect(plan).toMatch(/SEARCH matters USING INDEX matters_petitioner/);
    expect(plan).toMatch(/SEARCH lv USING INDEX visits_matter/);
    expect(plan).not.toMatch(/SCAN (visits|matters|lv|pv)\b/);
  });
});
