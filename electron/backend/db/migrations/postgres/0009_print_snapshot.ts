// PostgreSQL twin of ../0009_print_snapshot.ts (same name, same schema; see ../index.ts).
// A formal notice is drawn twice — once for the PDF archive, once on paper —
// and must say the same both times: the job keeps the data it was drawn from.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE print_jobs ADD COLUMN slip_json TEXT`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0009_print_snapshot cannot be reverted');
}
