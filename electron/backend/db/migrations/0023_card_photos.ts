// Card photos (二代证照片) kept when the administrator turned that on: one row per ID number
// (sha256 of it, so a photo read before its person is registered can be linked later),
// linked to the person record, pruned after the retention period or with the person's data.
// In the database, not in one PC's data folder, so every desk of a hall shows the same photo.
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
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX card_photos_id_hash ON card_photos (id_hash)`.execute(db);
  await sql`CREATE INDEX card_photos_petitioner ON card_photos (petitioner_id)`.execute(db);
  await sql`CREATE INDEX card_photos_stored_at ON card_photos (stored_at)`.execute(db);
}
