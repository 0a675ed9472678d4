// The leader's talk notes while they are typed (issue #16): kept per booking so
// that a reload, a crash or a 未到 marked in error never loses them. Removed when
// the talk record is saved.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE talk_drafts (
      booking_id TEXT PRIMARY KEY REFERENCES reception_bookings (id),
      author_id TEXT NOT NULL REFERENCES users (id),
      notes TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
}
