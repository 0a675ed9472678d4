// PostgreSQL twin of 0018: the leader's talk notes as a draft, per booking.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE talk_drafts (
      booking_id TEXT PRIMARY KEY REFERENCES reception_bookings (id),
      author_id TEXT NOT NULL REFERENCES users (id),
      notes TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
}
