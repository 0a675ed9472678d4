// Matters benchmark on the district-sized database (npm run bench:matters).
//   npm run bench:matters -- --visits 1000000
// The due list (期限提醒) over every open matter, first page of 200 with its
// counts, unfiltered and filtered by unit; and one matter with its timeline
// (matters.get). Each through the API against raw better-sqlite3 statements
// running the same SQL. Read-only: the generated data is not changed.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { sqliteRaw } from '../../electron/backend/db/connection';
import { addDays, LIMITS } from '@shared/domain/deadlines';
import { hallDate } from '@shared/time';
import { BENCH_ADMIN, BENCH_PASSWORD } from './generate';
import { api, ensureDatabase, fail, functionalErrorCount, measure, printTable, type Row } from './measure';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20161101' },
  },
});
const WARM = 20;

async function main() {
  const visits = Number(args.visits);
  const samples = Number(args.samples);
  const dir = join('bench-data', `district-${visits}`);
  await ensureDatabase(join(dir, DB_FILE_NAME), visits, Number(args.seed));
  const backend = await createBackend({ dataDir: dir });
  const raw = sqliteRaw(backend.store);
  const admin = api(backend, {});
  if (!(await admin.call('auth.login', { username: BENCH_ADMIN, password: BENCH_PASSWORD }))) throw new Error('login failed');
  const today = hallDate(backend.deps.now());
  const soon = addDays(today, LIMITS.warnDaysBefore);

  const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
  const open = count(`SELECT count(*) AS n FROM matters WHERE next_due IS NOT NULL`);
  const all = count(`SELECT count(*) AS n FROM matters`);
  const events = count(`SELECT count(*) AS n FROM matter_events`);
  console.log(
    `${all.toLocaleString('en')} matters, ${open.toLocaleString('en')} open with a clock, ${events.toLocaleString('en')} timeline events; today ${today}`,
  );

  // The same SQL the service runs: the page, then the four counts in one pass over every match.
  const rawDue = (unit: string | null) => {
    const u = unit === null ? '' : ' AND m.unit = ?';
    const args = unit === null ? [] : [unit];
    const page = raw.prepare(
      `SELECT m.id, p.name, m.summary, m.state, m.decision, m.unit, m.next_clock, m.next_due, m.supervision_count, l.display_name AS lead_name
       FROM matters m JOIN petitioners p ON p.id = m.petitioner_id LEFT JOIN users l ON l.id = m.lead_leader_id
       WHERE m.next_due IS NOT NULL${u} ORDER BY m.next_due, m.id LIMIT 200 OFFSET 0`,
    );
    const counts = raw.prepare(
      `SELECT count(*) AS total, coalesce(sum(m.next_due < ?), 0) AS overdue, coalesce(sum(m.next_due = ?), 0) AS due_today,
         coalesce(sum(m.next_due > ? AND m.next_due <= ?), 0) AS due_soon
       FROM matters m WHERE m.next_due IS NOT NULL${u}`,
    );
    return () => {
      page.all(...args);
      counts.get(today, today, today, soon, ...args);
    };
  };

  const rows: Row[] = [];
  const keys = Array.from({ length: samples + WARM }, (_, i) => i);
  const first = await admin.call('matters.dueList', {});
  if (!first || first.items.length !== Math.min(200, open) || first.counts.total !== open)
    fail(`due list: ${first?.items.length} items, total ${first?.counts.total}, expected ${open}`);
  const allRaw = rawDue(null);
  rows.push(
    await measure(
      `due list, first 200 of ${open.toLocaleString('en')} open, with counts`,
      50,
      keys,
      async () => void (await admin.call('matters.dueList', { limit: 200 })),
      () => allRaw(),
      'interleave',
      WARM,
    ),
  );

  const units = (
    raw
      .prepare(`SELECT unit, count(*) AS n FROM matters m WHERE m.next_due IS NOT NULL AND m.unit <> '' GROUP BY unit ORDER BY n DESC`)
      .all() as { unit: string; n: number }[]
  ).map((u) => u.unit);
  const unitRaw = new Map(units.map((u) => [u, rawDue(u)]));
  const byUnit = (await admin.call('matters.dueList', { unit: units[0]! }))!;
  console.log(`  (filtered by unit: ${units.length} units, the largest with ${byUnit.counts.total.toLocaleString('en')} open)`);
  rows.push(
    await measure(
      'due list filtered by unit, first 200 with counts',
      50,
      keys,
      async (i) => void (await admin.call('matters.dueList', { unit: units[i % units.length]! })),
      (i) => unitRaw.get(units[i % units.length]!)!(),
      'interleave',
      WARM,
    ),
  );

  // One matter with its timeline: matters with the most events, and ordinary ones.
  const ids = (
    raw.prepare(`SELECT id FROM matters WHERE rowid IN (SELECT rowid FROM matters ORDER BY random() LIMIT ?)`).all(samples + WARM) as {
      id: string;
    }[]
  ).map((r) => r.id);
  const mRow = raw.prepare(`SELECT * FROM matters WHERE id = ?`);
  const person = raw.prepare(`SELECT name FROM petitioners WHERE id = ?`);
  const mVisits = raw.prepare(
    `SELECT id, visit_no, visit_date, kind, people_count FROM visits WHERE matter_id = ? ORDER BY visit_date, visit_no`,
  );
  const user = raw.prepare(`SELECT display_name FROM users WHERE id = ?`);
  const mEvents = raw.prepare(
    `SELECT e.id, e.at, e.on_date, e.action, e.from_state, e.to_state, e.unit, e.reason, e.data_json, u.display_name
     FROM matter_events e JOIN users u ON u.id = e.actor_id WHERE e.matter_id = ? ORDER BY e.version`,
  );
  const avgEvents = (
    raw
      .prepare(
        `SELECT avg(n) AS a FROM (SELECT count(*) AS n FROM matter_events WHERE matter_id IN (${ids.map(() => '?').join(',')}) GROUP BY matter_id)`,
      )
      .get(...ids) as {
      a: number;
    }
  ).a;
  rows.push(
    await measure(
      `one matter with its timeline (matters.get, avg ${avgEvents.toFixed(1)} events)`,
      null,
      ids,
      async (id) => void (await admin.call('matters.get', { matterId: id })),
      (id) => {
        const m = mRow.get(id) as { petitioner_id: string; received_by: string | null; lead_leader_id: string | null };
        person.get(m.petitioner_id);
        mVisits.all(id);
        user.get(m.received_by);
        user.get(m.lead_leader_id);
        mEvents.all(id).forEach((e) => JSON.parse((e as { data_json: string }).data_json));
      },
      'interleave',
      WARM,
    ),
  );

  printTable(rows);
  await backend.close();
  if (functionalErrorCount() > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
