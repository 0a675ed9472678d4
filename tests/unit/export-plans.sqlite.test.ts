// The export's page queries must seek, not rescan: a re-export of ten years
// reads a thousand pages, and a page that walks every earlier one makes the
// whole export quadratic (it did: 75 s instead of 25 s for a million visits).
// These check the shape on an empty file; tests/bench/export.bench.ts checks
// the speed on a district-sized one.
import { sqliteRaw } from '../../electron/backend/db/connection';
import { describe, expect, it } from 'vitest';
import { visitPage } from '../../electron/backend/services/export/sources';
import { type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
useHall((h) => {
  hall = h;
});

function plan(q: { compile(): { sql: string; parameters: readonly unknown[] } }): string {
  const c = q.compile();
  return (
    sqliteRaw(hall.backend.store)
      .prepare(`EXPLAIN QUERY PLAN ${c.sql}`)
      .all(...c.parameters) as { detail: string }[]
  )
    .map((r) => r.detail)
    .join('; ');
}

// EXPLAIN QUERY PLAN is SQLite's; PostgreSQL's planner is not checked here.
describe('export query plans (SQLite only)', () => {
  it('a later page of a re-export starts at the previous page’s last row', () => {
    const db = hall.backend.deps.db;
    expect(plan(visitPage(db, '2016-11-01', '2026-11-24', null, 1000))).toMatch(
      /SEARCH v USING INDEX visits_date \(visit_date>\? AND visit_date<\?\)/,
    );
    expect(plan(visitPage(db, '2016-11-01', '2026-11-24', ['2024-01-01', 'LF20240101-0001'], 1000))).toMatch(
      /SEARCH v USING INDEX visits_date \(\(visit_date,visit_no\)>\(\?,\?\)/,
    );
    // (With `visit_date >= from` as well, SQLite picked the plain date bound on the
    // generated million-visit file, though not on this empty one: the bench guards that.)
  });

  it('the records of a batch are found by batch, and the outbox rows by their key', () => {
    const db = hall.backend.deps.db;
    const q = db
      .selectFrom('export_record_states as s')
      .innerJoin('outbox as o', (j) =>
        j.onRef('o.entity', '=', 's.entity').onRef('o.entity_id', '=', 's.entity_id').onRef('o.entity_version', '=', 's.entity_version'),
      )
      .select(['o.seq'])
      .where('s.batch_id', '=', 'b')
      .where('o.seq', '>', 0);
    expect(plan(q)).toMatch(/SEARCH s USING INDEX export_record_states_batch/);
    expect(plan(q)).toMatch(/SEARCH o USING (COVERING )?INDEX sqlite_autoindex_outbox_2/);
  });
});
