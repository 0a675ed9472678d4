// 评价器: satisfaction pads at the windows and talk rooms. A pad is paired to
// one desk or room with a short one-time code the administrator shows
// (pad_codes), and then holds a long random token (only its SHA-256 is kept,
// in pads). Each finished visitor opens one evaluation (the question the pad
// asks), answered or, when its time runs out, counted as 未参评.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE pads (
      id TEXT PRIMARY KEY,
      desk_id TEXT REFERENCES desks (id),
      room_id TEXT REFERENCES rooms (id),
      token_hash TEXT NOT NULL UNIQUE,
      paired_at TEXT NOT NULL,
      paired_by TEXT NOT NULL REFERENCES users (id),
      last_seen_at TEXT,
      revoked_at TEXT
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE pad_codes (
      code TEXT PRIMARY KEY,
      desk_id TEXT REFERENCES desks (id),
      room_id TEXT REFERENCES rooms (id),
      expires_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE evaluations (
      id TEXT PRIMARY KEY,
      day TEXT NOT NULL,
      desk_id TEXT REFERENCES desks (id),
      room_id TEXT REFERENCES rooms (id),
      ticket_id TEXT REFERENCES tickets (id),
      visit_id TEXT REFERENCES visits (id),
      clerk_id TEXT NOT NULL REFERENCES users (id),
      opened_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      answer TEXT,
      reasons_json TEXT NOT NULL,
      answer_key TEXT,
      answered_at TEXT,
      pad_id TEXT REFERENCES pads (id),
      matter_id TEXT REFERENCES matters (id)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX evaluations_by_desk ON evaluations (desk_id, opened_at)`.execute(db);
  await sql`CREATE INDEX evaluations_by_room ON evaluations (room_id, opened_at)`.execute(db);
  await sql`CREATE INDEX evaluations_by_day ON evaluations (day)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE evaluations`.execute(db);
  await sql`DROP TABLE pad_codes`.execute(db);
  await sql`DROP TABLE pads`.execute(db);
}
