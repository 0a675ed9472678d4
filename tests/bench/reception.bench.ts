// Reception-day benchmark on the district-sized database (npm run bench:reception).
//   npm run bench:reception -- --visits 1000000 --bookings 150
// One leader's day with `bookings` walk-ins whose people have the longest
// histories in 10 years of data. Times, as p50/p95 against the same reads and
// writes done with raw better-sqlite3 statements: placing a walk-in (排入),
// the clerks' day board, the leader's own queue (every visitor's history and
// earlier answers), and calling + recording a talk.
// The clock is today's 08:00 in the hall plus the real time elapsed, so the
// whole day's places are free whenever the benchmark runs.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sqliteRaw } from '../../electron/backend/db/connection';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { newId } from '../../electron/backend/services/ids';
import { hallDate, HALL_TZ } from '@shared/time';
import { BENCH_ADMIN, BENCH_PASSWORD } from './generate';
import { api, benchSession, ensureDatabase, functionalErrorCount, measure, printTable, rawAuditWriter, type Row } from './measure';
import dayjs from 'dayjs';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '1000000' },
    bookings: { type: 'string', default: '150' },
    seed: { type: 'string', default: '20161101' },
  },
});
const WARM = 10;

async function main() {
  const visits = Number(args.visits);
  const bookings = Number(args.bookings);
  const dir = join('bench-data', `district-${visits}`);
  await ensureDatabase(join(dir, DB_FILE_NAME), visits, Number(args.seed));
  const started = Date.now();
  const morning = dayjs.tz(`${hallDate(new Date())} 08:00`, HALL_TZ).valueOf();
  const backend = await createBackend({ dataDir: dir, now: () => new Date(morning + (Date.now() - started)) });
  const raw = sqliteRaw(backend.store);
  const admin = api(backend, {});
  if (!(await admin.call('auth.login', { username: BENCH_ADMIN, password: BENCH_PASSWORD }))) throw new Error('login failed');
  const actorId = (raw.prepare(`SELECT id FROM users WHERE username = ?`).get(BENCH_ADMIN) as { id: string }).id;
  const today = hallDate(backend.deps.now());

  // Earlier runs' bookings and tickets are set aside (bench data only).
  raw.prepare(`UPDATE reception_bookings SET status = 'cancelled' WHERE status IN ('scheduled', 'waiting', 'called')`).run();
  raw.prepare(`UPDATE tickets SET status = 'closed' WHERE status IN ('waiting', 'called', 'parked')`).run();
  raw.prepare(`UPDATE reception_sessions SET status = 'cancelled' WHERE date = ?`).run(today);

  const leaderName = `基准领导${Date.now() % 100000}`;
  const { leader, room, session: s } = await benchSession(admin, today, BENCH_PASSWORD, leaderName);

  console.log(`Finding the ${bookings * 2} people with the longest histories …`);
  const visitIds = (
    raw
      .prepare(
        `SELECT (SELECT id FROM visits v WHERE v.petitioner_id = p.petitioner_id ORDER BY visit_date DESC LIMIT 1) AS id
         FROM (SELECT petitioner_id, count(*) AS n FROM visits GROUP BY petitioner_id ORDER BY n DESC LIMIT ?) p`,
      )
      .all(bookings * 2) as { id: string }[]
  ).map((r) => r.id);
  const historyLength = (
    raw
      .prepare(
        `SELECT avg(n) AS a FROM (SELECT count(*) AS n FROM visits WHERE petitioner_id IN (SELECT petitioner_id FROM visits WHERE id IN (${visitIds.map(() => '?').join(',')})) GROUP BY petitioner_id)`,
      )
      .get(...visitIds) as { a: number }
  ).a;

  // Raw 排入: booking, ticket, counter and audit rows in one transaction (into a scratch session, cancelled after).
  const scratch = newId();
  raw
    .prepare(
      `INSERT INTO reception_sessions (id, leader_id, date, start_time, end_time, room_id, slot_minutes, status, created_by, created_at, updated_at) VALUES (?, ?, ?, '00:00', '00:05', ?, 5, 'cancelled', ?, ?, ?)`,
    )
    .run(scratch, leader!.id, today, room.id, actorId, new Date().toISOString(), new Date().toISOString());
  const laneL = (raw.prepare(`SELECT id FROM lanes WHERE prefix = 'L'`).get() as { id: string }).id;
  const bump = raw.prepare(
    `INSERT INTO daily_counters (scope, day, last_value) VALUES ('bench:reception', ?, 1) ON CONFLICT (scope, day) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
  );
  const insTicket = raw.prepare(
    `INSERT INTO tickets (id, day, lane_id, number, ticket_no, status, visitor_name, issued_at, queued_at, issued_by, room_id) VALUES (?, ?, ?, ?, ?, 'closed', '', ?, ?, ?, ?)`,
  );
  const insBooking = raw.prepare(
    `INSERT INTO reception_bookings (id, session_id, visit_id, kind, position, attendees, status, ticket_id, created_by, created_at, updated_at) VALUES (?, ?, ?, 'walk_in', ?, 1, 'cancelled', ?, ?, ?, ?)`,
  );
  const insAudit = rawAuditWriter(raw);
  const rawSchedule = raw.transaction((visitId: string) => {
    const at = new Date().toISOString();
    const n = (bump.get(today) as { last_value: number }).last_value;
    const t = newId();
    insTicket.run(t, today, laneL, 5000 + n, `L${5000 + n}`, at, at, actorId, room.id);
    const b = newId();
    insBooking.run(b, scratch, visitId, n, t, actorId, at, at);
    insAudit({
      id: newId(),
      at,
      actor_id: actorId,
      action: 'reception.schedule',
      entity: 'reception_booking',
      entity_id: b,
      before_json: null,
      after_json: '{}',
      note: null,
    });
  });

  const rows: Row[] = [];
  rows.push(
    await measure(
      `排入 a walk-in (${bookings} in the queue)`,
      null,
      visitIds,
      async (v) => void (await admin.call('reception.schedule', { visitId: v, sessionId: s.id, kind: 'walk_in' })),
      (v) => rawSchedule.immediate(v),
      'blocks',
      WARM,
    ),
  );

  // Reads: the day board and the leader's queue, against raw statements fetching the same rows.
  const boardRaw = raw.prepare(
    `SELECT b.*, v.visit_no, v.name, v.phone, v.people_count, v.category, v.summary, v.escort_json, t.ticket_no, t.call_count, k.outcome
     FROM reception_bookings b JOIN visits v ON v.id = b.visit_id LEFT JOIN tickets t ON t.id = b.ticket_id LEFT JOIN talk_records k ON k.booking_id = b.id
     WHERE b.session_id = ?`,
  );
  const sessions = raw.prepare(
    `SELECT s.*, u.display_name, r.name FROM reception_sessions s JOIN users u ON u.id = s.leader_id JOIN rooms r ON r.id = s.room_id WHERE s.date = ?`,
  );
  const historyRaw = raw.prepare(`SELECT * FROM visits WHERE petitioner_id = ? ORDER BY visit_date DESC LIMIT 50`);
  const mattersRaw = raw.prepare(`SELECT * FROM matters WHERE petitioner_id = ?`);
  const talksRaw = raw.prepare(`SELECT k.* FROM talk_records k JOIN visits v ON v.id = k.visit_id WHERE v.petitioner_id = ?`);
  const reads = Array.from({ length: 60 + WARM }, (_, i) => i);
  rows.push(
    await measure(
      'day board (接访看板)',
      null,
      reads,
      async () => void (await admin.call('reception.board', { date: today })),
      () => {
        sessions.all(today);
        boardRaw.all(s.id);
      },
      'interleave',
      WARM,
    ),
  );
  rows.push(
    await measure(
      `leader's queue with ${bookings} histories (我的接访)`,
      null,
      reads.slice(0, 30 + WARM),
      async () => void (await admin.call('reception.myQueue', { leaderId: leader!.id })),
      () => {
        sessions.all(today);
        for (const b of boardRaw.all(s.id) as { petitioner_id?: string; visit_id: string }[]) {
          const p = (raw.prepare(`SELECT petitioner_id FROM visits WHERE id = ?`).get(b.visit_id) as { petitioner_id: string })
            .petitioner_id;
          historyRaw.all(p);
          mattersRaw.all(p);
          talksRaw.all(p);
        }
      },
      'interleave',
      WARM,
    ),
  );

  // A talk: call the next visitor in and record the outcome (API only: its raw twin would re-implement the rules).
  const talkTimes: number[] = [];
  for (let i = 0; i < 40 + WARM; i++) {
    const t0 = process.hrtime.bigint();
    const called = await admin.call('reception.callNext', { sessionId: s.id });
    if (!called) break;
    await admin.call('reception.record', {
      bookingId: called.bookingId,
      notes: '基准接谈记录',
      decision: 'accepted',
      unit: '区住建局',
      satisfaction: 'satisfied',
    });
    if (i >= WARM) talkTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  talkTimes.sort((a, b) => a - b);

  console.log(`\nHistories: the ${bookings * 2} people average ${historyLength.toFixed(1)} visits each.`);
  printTable(rows);
  console.log(
    `call in + record outcome (叫号+接谈记录, incl. visit version to the outbox): p50 ${talkTimes[Math.floor(talkTimes.length / 2)]!.toFixed(2)} ms, p95 ${talkTimes[Math.ceil(talkTimes.length * 0.95) - 1]!.toFixed(2)} ms over ${talkTimes.length} talks`,
  );
  raw.prepare(`UPDATE reception_sessions SET status = 'cancelled' WHERE id = ?`).run(s.id);
  await backend.close();
  if (functionalErrorCount() > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
