// PostgreSQL twin of ../0005_printing.ts (same name, same schema; see ../index.ts).
// Print log (打印记录). Shipped migrations are never edited.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per slip handed to a visitor. The token lets the print page (a
  // hidden window or an iframe, without a login of its own) fetch this one
  // slip's data for a short while, and nothing else.
  await sql`
    CREATE TABLE print_jobs (
      id TEXT PRIMARY KEY,
      template TEXT NOT NULL,
      ref_id TEXT NOT NULL,
      copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 5),
      reprint INTEGER NOT NULL DEFAULT 0,
      status TEXT NOT NULL CHECK (status IN ('pending', 'printed', 'failed')),
      error TEXT NOT NULL DEFAULT '',
      printer TEXT NOT NULL DEFAULT '',
      paper TEXT NOT NULL,
      token TEXT NOT NULL UNIQUE,
      token_expires_at TEXT NOT NULL,
      actor_id TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX print_jobs_ref ON print_jobs (ref_id, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0005_printing cannot be reverted');
}
