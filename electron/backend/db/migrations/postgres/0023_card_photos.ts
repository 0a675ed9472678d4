// PostgreSQL twin of 0023: card photos kept by the administrator's choice, linked to the person.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE card_photos (
      id TEXT PRIMARY KEY,
      id_hash TEXT NOT NULL,
      petitioner_id TEXT REFERENCES petitioners (id),
      image TEXT NOT NULL,
      stored_at TEXT NOT NULL,
      stored_by TEXT REFERENCES users (id)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX card_photos_id_hash ON card_photos (id_hash)`.execute(db);
  await sql`CREATE INDEX card_photos_petitioner ON card_photos (petitioner_id)`.execute(db);
  await sql`CREATE INDEX card_photos_stored_at ON card_photos (stored_at)`.execute(db);
}
