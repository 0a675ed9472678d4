// PostgreSQL twin of ../0013_call_next_index.ts (same name, same schema; see ../index.ts).
// 叫号 reads the head of each class of the line from an index instead of
// loading every waiting ticket: one partial index per class of
// services/queue/ordering.ts (ordinary, priority, appointment), each holding
// only the tickets waiting now and sorted as the rule reads them, so "the
// first ordinary ticket of lane L today" is one index seek. The conditions are
// written with parentheses as PostgreSQL prints them back, so the schema guard
// reads the same text from both engines.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tickets_next_ordinary ON tickets (day, lane_id, queued_at, number)
    WHERE (status = 'waiting') AND (priority IS NULL) AND (appointment_at IS NULL)`.execute(db);
  await sql`CREATE INDEX tickets_next_priority ON tickets (day, lane_id, queued_at, number)
    WHERE (status = 'waiting') AND (priority IS NOT NULL) AND (appointment_at IS NULL)`.execute(db);
  await sql`CREATE INDEX tickets_next_appointment ON tickets (day, lane_id, appointment_at, queued_at, number)
    WHERE (status = 'waiting') AND (appointment_at IS NOT NULL)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX tickets_next_appointment`.execute(db);
  await sql`DROP INDEX tickets_next_priority`.execute(db);
  await sql`DROP INDEX tickets_next_ordinary`.execute(db);
}
