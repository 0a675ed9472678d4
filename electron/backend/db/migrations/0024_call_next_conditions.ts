// Call-next and the day-end check read only indexes whose conditions their statements state
// in full (issue 12). Measured on PostgreSQL with the 100k district: a hall's statistics
// always see almost no waiting ticket (a few among years of finished ones), so the generic
// plan of a named statement took tickets_desk (desk_id IS NULL AND status = 'waiting', "1 row")
// for a lane's head and sorted all 1,100 waiting (1.8 ms of the call's 6.9), and the generic
// plan of the day-end check walked every earlier day's tickets (114 ms; the custom plan took
// 0.7 ms, and PostgreSQL may switch to the generic one at any time). An index whose condition
// is implied by every term of the statement is the cheapest plan under any estimate, and
// SQLite uses a partial index only when the statement implies its condition.
// Conditions are written with parentheses as PostgreSQL prints them back (schema guard).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A lane's heads: the conditions the lane branches of nextCandidates also state
  // (not sent to a desk, not a leader's room), so the index holds them all.
  await sql`DROP INDEX tickets_next_ordinary`.execute(db);
  await sql`DROP INDEX tickets_next_priority`.execute(db);
  await sql`DROP INDEX tickets_next_appointment`.execute(db);
  await sql`CREATE INDEX tickets_next_ordinary ON tickets (day, lane_id, queued_at, number)
    WHERE (status = 'waiting') AND (priority IS NULL) AND (appointment_at IS NULL) AND (desk_id IS NULL) AND (room_id IS NULL)`.execute(db);
  await sql`CREATE INDEX tickets_next_priority ON tickets (day, lane_id, queued_at, number)
    WHERE (status = 'waiting') AND (priority IS NOT NULL) AND (appointment_at IS NULL) AND (desk_id IS NULL) AND (room_id IS NULL)`.execute(
    db,
  );
  await sql`CREATE INDEX tickets_next_appointment ON tickets (day, lane_id, appointment_at, queued_at, number)
    WHERE (status = 'waiting') AND (appointment_at IS NOT NULL) AND (desk_id IS NULL) AND (room_id IS NULL)`.execute(db);
  // Tickets sent to one desk (a transfer): few, so one index serves the three classes.
  await sql`CREATE INDEX tickets_next_desk ON tickets (desk_id, day, queued_at, number)
    WHERE (status = 'waiting') AND (desk_id IS NOT NULL) AND (room_id IS NULL)`.execute(db);
  // The day-end check on every queue change: bookings of earlier days still open (its tickets
  // are read through tickets_status_day since 0025; query-plans.pg.test.ts checks both).
  await sql`CREATE INDEX reception_bookings_open ON reception_bookings (session_id) WHERE status IN ('scheduled', 'waiting')`.execute(db);
  // New indexes have no statistics until analysed: SQLite would guess. (tickets is analysed once,
  // by 0025, which runs right after: 4.7 s on a 1M-visit district.)
  await sql`ANALYZE reception_bookings`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX reception_bookings_open`.execute(db);
  await sql`DROP INDEX tickets_next_desk`.execute(db);
  await sql`DROP INDEX tickets_next_appointment`.execute(db);
  await sql`DROP INDEX tickets_next_priority`.execute(db);
  await sql`DROP INDEX tickets_next_ordinary`.execute(db);
  await sql`CREATE INDEX tickets_next_ordinary ON tickets (day, lane_id, queued_at, number)
    WHERE (status = 'waiting') AND (priority IS NULL) AND (appointment_at IS NULL)`.execute(db);
  await sql`CREATE INDEX tickets_next_priority ON tickets (day, lane_id, queued_at, number)
    WHERE (status = 'waiting') AND (priority IS NOT NULL) AND (appointment_at IS NULL)`.execute(db);
  await sql`CREATE INDEX tickets_next_appointment ON tickets (day, lane_id, appointment_at, queued_at, number)
    WHERE (status = 'waiting') AND (appointment_at IS NOT NULL)`.execute(db);
}
