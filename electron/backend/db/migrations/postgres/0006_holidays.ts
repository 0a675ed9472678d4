// PostgreSQL twin of ../0006_holidays.ts (same name, same schema; see ../index.ts).
// The holiday calendar (节假日与调休) the deadline rules count with. It changes
// every year by State Council notice, so it is data the administrator enters.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calendar_days (
      date TEXT PRIMARY KEY CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0006_holidays cannot be reverted');
}
