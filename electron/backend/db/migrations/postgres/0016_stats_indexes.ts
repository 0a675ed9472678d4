// PostgreSQL twin of ../0016_stats_indexes.ts (same name, same schema; see ../index.ts).
// 统计分析 on a district's ten years: every date a matter rate counts by has
// its own index, so the matters of a period are a few index ranges (SQLite's
// OR-by-union, PostgreSQL's BitmapOr) instead of a walk over every matter; and
// a ticket's calls are found by the ticket (the hall's waiting and service
// times join them to the period's tickets). The 逾期 table per unit reads
// (next_due, unit) of the overdue matters from one covering index range.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX matters_by_received ON matters (received_on)`.execute(db);
  await sql`CREATE INDEX matters_by_handle_due ON matters (handle_due)`.execute(db);
  await sql`CREATE INDEX matters_by_concluded ON matters (concluded_on)`.execute(db);
  await sql`CREATE INDEX matters_by_lead_on ON matters (lead_on)`.execute(db);
  await sql`CREATE INDEX ticket_calls_ticket ON ticket_calls (ticket_id, at)`.execute(db);
  await sql`CREATE INDEX matters_overdue ON matters (next_due, unit)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX matters_overdue`.execute(db);
  await sql`DROP INDEX ticket_calls_ticket`.execute(db);
  await sql`DROP INDEX matters_by_lead_on`.execute(db);
  await sql`DROP INDEX matters_by_concluded`.execute(db);
  await sql`DROP INDEX matters_by_handle_due`.execute(db);
  await sql`DROP INDEX matters_by_received`.execute(db);
}
