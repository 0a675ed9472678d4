// PostgreSQL twin of 0022: when a person's personal fields were minimised.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE petitioners ADD COLUMN minimized_at TEXT`.execute(db);
}
