// PostgreSQL twin of ../0003_lookup_indexes.ts (same name, same schema; see ../index.ts).
// The partial indexes of 0001 (… WHERE id_number <> '') are never used by a
// lookup with a bound parameter: SQLite cannot prove `? <> ''` when it plans
// the statement, so ID and phone lookups scanned all 400,000 people (measured
// by tests/bench). Plain indexes serve the lookups; the partial unique index
// stays, for uniqueness only.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX petitioners_id_number`.execute(db);
  await sql`DROP INDEX petitioners_phone`.execute(db);
  await sql`CREATE INDEX petitioners_id_number ON petitioners (id_number)`.execute(db);
  await sql`CREATE INDEX petitioners_phone ON petitioners (phone)`.execute(db);
  await sql`ANALYZE`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0003_lookup_indexes cannot be reverted');
}
