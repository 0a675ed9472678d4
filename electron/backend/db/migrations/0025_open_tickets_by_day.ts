// The day-end check, asked by every queue change, counts the open tickets of earlier days
// (status IN ('waiting', 'parked', 'called') AND day < today). Through tickets_waiting it read
// every open ticket, today's included, to find none: 0.75 ms on PostgreSQL with 1,600 waiting,
// 0.22 ms on SQLite (bench:statements). By status and day it is one short range per status.
// Not partial: a partial index on open tickets' day was also taken, under PostgreSQL's generic
// plan, for a lane's head (`status = 'waiting' AND day = $1` implies its condition), which it
// then sorted; this one is as large as the table, so the lane heads keep their own (0024).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tickets_status_day ON tickets (status, day)`.execute(db);
  await sql`ANALYZE tickets`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX tickets_status_day`.execute(db);
}
