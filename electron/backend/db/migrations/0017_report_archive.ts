// 信访日报 / 周报 / 月报: every report printed is kept as the PDF that was
// printed, with its SHA-256 and the period it covers. A report for a period is
// generated afresh each time it is printed; each copy is kept with its time.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_archive (
      id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL UNIQUE REFERENCES print_jobs (id),
      kind TEXT NOT NULL CHECK (kind IN ('day', 'week', 'month')),
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      bytes INTEGER NOT NULL,
      -- relative to the data folder
      path TEXT NOT NULL,
      actor_id TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX report_archive_by_time ON report_archive (created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0017_report_archive cannot be reverted');
}
