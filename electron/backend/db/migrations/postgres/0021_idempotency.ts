// PostgreSQL twin of 0021: a form submission's idempotency key and its first answer.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE idempotency_keys (
      key TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id),
      method TEXT NOT NULL,
      input_hash TEXT NOT NULL,
      result_json TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX idempotency_keys_by_created ON idempotency_keys (created_at)`.execute(db);
}
