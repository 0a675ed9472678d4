// PostgreSQL twin of ../0008_notice_archive.ts (same name, same schema; see ../index.ts).
// Every formal notice (告知书) handed to a visitor is kept as the PDF that was
// printed, with its SHA-256, so what the visitor received can be shown later
// exactly and a changed file is detected.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notice_archive (
      id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL UNIQUE REFERENCES print_jobs (id),
      template TEXT NOT NULL,
      talk_id TEXT NOT NULL REFERENCES talk_records (id),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      bytes INTEGER NOT NULL,
      -- relative to the data folder
      path TEXT NOT NULL,
      actor_id TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX notice_archive_by_talk ON notice_archive (talk_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0008_notice_archive cannot be reverted');
}
