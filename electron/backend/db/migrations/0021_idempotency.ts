// Idempotency keys (issue 13, "Bad input and retries"): a form submission's key
// and the answer its write gave, stored in the write's own transaction, so that
// a retried submission (network error, DB_UNAVAILABLE, a crash before the
// answer arrived) gets the first answer instead of a second record. Pruned
// after 24 hours (electron/backend/api/idempotency.ts).
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
    ) STRICT`.execute(db);
  await sql`CREATE INDEX idempotency_keys_by_created ON idempotency_keys (created_at)`.execute(db);
}
