// 统计分析 counted in SQL (services/stats/rows.ts): each figure groups one
// index range, and each of these indexes holds every column its query reads,
// so a year of the 1M-visit district is read from the indexes alone, never
// from the wide visit and matter rows.
// - visits_stats: the period's visits by date with what the volume figures and
//   the breakdowns read (kind, people, 越级, 内容分类, 目的, 属地, the matter).
// - one index a matter rate, its date first and then the fields the rate reads
//   (shared/domain/stats.ts MATTER_RATE_READS). They start with the same date
//   as 0016's single-column indexes, which they replace.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX visits_stats ON visits (visit_date, kind, people_count, skip_level, category, purpose, location_area, matter_id)`.execute(
    db,
  );
  await sql`DROP INDEX matters_by_received`.execute(db);
  await sql`DROP INDEX matters_by_handle_due`.execute(db);
  await sql`DROP INDEX matters_by_concluded`.execute(db);
  await sql`DROP INDEX matters_by_lead_on`.execute(db);
  await sql`CREATE INDEX matters_rate_timely ON matters (received_on, decided_on)`.execute(db);
  await sql`CREATE INDEX matters_rate_on_time ON matters (handle_due, concluded_on)`.execute(db);
  await sql`CREATE INDEX matters_rate_evaluation ON matters (concluded_on, evaluation)`.execute(db);
  await sql`CREATE INDEX matters_rate_lead ON matters (lead_on, lead_leader_id, resolution)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX matters_rate_lead`.execute(db);
  await sql`DROP INDEX matters_rate_evaluation`.execute(db);
  await sql`DROP INDEX matters_rate_on_time`.execute(db);
  await sql`DROP INDEX matters_rate_timely`.execute(db);
  await sql`CREATE INDEX matters_by_received ON matters (received_on)`.execute(db);
  await sql`CREATE INDEX matters_by_handle_due ON matters (handle_due)`.execute(db);
  await sql`CREATE INDEX matters_by_concluded ON matters (concluded_on)`.execute(db);
  await sql`CREATE INDEX matters_by_lead_on ON matters (lead_on)`.execute(db);
  await sql`DROP INDEX visits_stats`.execute(db);
}
