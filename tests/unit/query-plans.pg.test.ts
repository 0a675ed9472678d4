// PostgreSQL's plans of call-next's hot statements, as the server runs them for a hall: named
// statements (db/pg-named.ts) get a generic plan after five executions, planned without the
// parameters' values, and a hall's statistics always see almost no waiting ticket among years of
// finished ones. Under those plans the lane heads took tickets_desk and sorted every waiting ticket,
// and the day-end check walked every earlier day's tickets (migration 0024 states every condition
// in the indexes). PostgreSQL only; query-plans.sqlite.test.ts checks SQLite's.
import { sql, type Compilable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { nextCandidates } from '../../electron/backend/db/queries/tickets';
import { dayEndLeft, deskForCallQuery } from '../../electron/backend/services/queue/tickets';
import { visitInput, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK, LANE } from '../support/queue';
import { ROOM1 } from '../support/roster';

const TODAY = '2026-11-24';

let hall: TestHall;
useHall(async (h) => {
  hall = h;
  const db = h.backend.store.db;
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  // Years of finished tickets (20 a day from 2018), then 300 waiting today, then the statistics a server would take.
  await sql`INSERT INTO tickets (id, day, lane_id, number, ticket_no, status, visitor_name, desk_id, issued_at, queued_at,
              called_at, call_count, finished_at, issued_by, version)
            SELECT gen_random_uuid()::text, to_char(date '2018-01-01' + g / 20, 'YYYY-MM-DD'), ${LANE.A}, g % 20 + 1,
                   'A' || lpad((g % 20 + 1)::text, 3, '0'), 'done', '', ${DESK[1]}, '2018-01-01T01:00:00.000Z',
                   '2018-01-01T01:00:00.000Z', '2018-01-01T01:05:00.000Z', 1, '2018-01-01T01:20:00.000Z', ${admin.id}, 1
            FROM generate_series(0, 20 * 3000 - 1) g`.execute(db);
  await sql`INSERT INTO tickets (id, day, lane_id, number, ticket_no, status, visitor_name, issued_at, queued_at, call_count, issued_by, version)
            SELECT gen_random_uuid()::text, ${TODAY}, ${LANE.A}, g, 'A' || lpad(g::text, 3, '0'), 'waiting', '',
                   '2026-11-24T01:00:00.000Z', '2026-11-24T01:00:00.000Z', 0, ${admin.id}, 1
            FROM generate_series(1, 300) g`.execute(db);
  // Years of leaders' days (one a day from 2018, ten bookings each, all done): what the day-end
  // check of bookings must not walk to find none open.
  const clerk = await h.as('clerk');
  const visit = await clerk.call('visits.register', visitInput());
  await h.as('leader');
  const leader = await db.selectFrom('users').select('id').where('role', '=', 'leader').executeTakeFirstOrThrow();
  await sql`INSERT INTO reception_sessions (id, leader_id, date, start_time, end_time, room_id, slot_minutes, status, created_by, created_at, updated_at)
            SELECT 's' || g, ${leader.id}, to_char(date '2018-01-01' + g, 'YYYY-MM-DD'), '09:00', '11:30', ${ROOM1}, 30, 'published',
                   ${admin.id}, '2018-01-01T01:00:00.000Z', '2018-01-01T01:00:00.000Z'
            FROM generate_series(0, 2999) g`.execute(db);
  await sql`INSERT INTO reception_bookings (id, session_id, visit_id, kind, position, attendees, status, created_by, created_at, updated_at)
            SELECT gen_random_uuid()::text, 's' || (g / 10), ${visit.id}, 'walk_in', g % 10 + 1, 1, 'done',
                   ${admin.id}, '2018-01-01T01:00:00.000Z', '2018-01-01T01:00:00.000Z'
            FROM generate_series(0, 10 * 3000 - 1) g`.execute(db);
  await sql`ANALYZE tickets`.execute(db);
  await sql`ANALYZE reception_sessions`.execute(db);
  await sql`ANALYZE reception_bookings`.execute(db);
});

const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

/** The generic plan of the statement the code sends (what a named statement runs after five executions). */
async function genericPlan(query: Compilable): Promise<string> {
  const c = query.compile();
  return hall.backend.store.db.connection().execute(async (conn) => {
    await sql`SET plan_cache_mode = force_generic_plan`.execute(conn);
    try {
      await sql.raw(`PREPARE probe AS ${c.sql}`).execute(conn);
      const rows = await sql
        .raw<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) EXECUTE probe(${c.parameters.map(literal).join(', ')})`)
        .execute(conn);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await sql`DEALLOCATE ALL`.execute(conn);
      await sql`RESET plan_cache_mode`.execute(conn);
    }
  });
}

describe('generic plans of call-next (PostgreSQL)', () => {
  it('each lane head is read from its class index in line order: no sort of the waiting tickets', async () => {
    const plan = await genericPlan(nextCandidates(hall.backend.store.db, DESK[1], [LANE.A, LANE.B], TODAY));
    for (const ix of ['tickets_next_ordinary', 'tickets_next_priority', 'tickets_next_appointment'])
      expect(plan.match(new RegExp(`Index Scan using ${ix} on tickets`, 'g'))).toHaveLength(2);
    // The desk's own (tickets sent to it) from their index; nothing reads tickets_desk or the whole table.
    expect(plan).toMatch(/Index Scan using tickets_next_desk on tickets/);
    expect(plan).not.toMatch(/tickets_desk on|Seq Scan on tickets/);
  });

  it('the day-end check reads only the open tickets, not every earlier day’s', async () => {
    const plan = await genericPlan(dayEndLeft(hall.backend.store.db, TODAY));
    expect(plan).toMatch(/Scan using tickets_status_day on tickets/);
    expect(plan).not.toMatch(/Seq Scan on tickets|tickets_day/);
    // Bookings: only the open ones (reception_bookings_open), not every session's.
    expect(plan).toMatch(/Scan using reception_bookings_open on reception_bookings/);
    expect(plan).not.toMatch(/Seq Scan on reception_bookings/);
    // The same check riding on call-next's desk statement is planned the same way.
    const desk = await genericPlan(deskForCallQuery(hall.backend.store.db, DESK[1], TODAY));
    expect(desk).toMatch(/Scan using tickets_status_day on tickets/);
    expect(desk).toMatch(/Scan using reception_bookings_open on reception_bookings/);
    expect(desk).not.toMatch(/Seq Scan on (tickets|reception_bookings)|tickets_day/);
  });
});
