// PostgreSQL twin of ../0001_initial.ts (same name, same schema; see ../index.ts).
// Shipped migrations are never edited: add a new numbered file instead.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('clerk', 'leader', 'admin')),
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0,
      must_change_password INTEGER NOT NULL DEFAULT 0,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      last_login_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  // SQLite's COLLATE NOCASE folds ASCII only; lower() under the C ctype does the same.
  await sql`CREATE UNIQUE INDEX users_username ON users (lower(username))`.execute(db);

  await sql`
    CREATE TABLE petitioners (
      id TEXT PRIMARY KEY,
      id_type TEXT NOT NULL,
      id_number TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL CHECK (length(name) > 0),
      name_initials TEXT NOT NULL DEFAULT '',
      gender TEXT CHECK (gender IN ('male', 'female')),
      birth_date TEXT,
      phone TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`.execute(db);
  // One person per document; people without a document are told apart by the clerk.
  await sql`CREATE UNIQUE INDEX petitioners_document ON petitioners (id_type, id_number) WHERE id_number <> ''`.execute(db);
  await sql`CREATE INDEX petitioners_id_number ON petitioners (id_number) WHERE id_number <> ''`.execute(db);
  await sql`CREATE INDEX petitioners_phone ON petitioners (phone) WHERE phone <> ''`.execute(db);
  await sql`CREATE INDEX petitioners_initials ON petitioners (name_initials)`.execute(db);
  await sql`CREATE INDEX petitioners_name ON petitioners (name)`.execute(db);

  await sql`
    CREATE TABLE matters (
      id TEXT PRIMARY KEY,
      petitioner_id TEXT NOT NULL REFERENCES petitioners (id),
      category TEXT NOT NULL,
      location_area TEXT NOT NULL,
      summary TEXT NOT NULL,
      first_visit_id TEXT,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX matters_petitioner ON matters (petitioner_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE visits (
      id TEXT PRIMARY KEY,
      visit_no TEXT NOT NULL UNIQUE,
      visit_date TEXT NOT NULL,
      petitioner_id TEXT NOT NULL REFERENCES petitioners (id),
      matter_id TEXT NOT NULL REFERENCES matters (id),
      kind TEXT NOT NULL CHECK (kind IN ('first', 'repeat')),
      name TEXT NOT NULL,
      id_type TEXT NOT NULL,
      id_number TEXT NOT NULL,
      phone TEXT NOT NULL,
      address TEXT NOT NULL,
      people_count INTEGER NOT NULL CHECK (people_count >= 1),
      purpose TEXT NOT NULL,
      category TEXT NOT NULL,
      location_area TEXT NOT NULL,
      summary TEXT NOT NULL,
      demands TEXT NOT NULL,
      escort_json TEXT,
      skip_level INTEGER NOT NULL DEFAULT 0,
      outcome TEXT,
      registered_by TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`.execute(db);
  await sql`CREATE INDEX visits_petitioner ON visits (petitioner_id, created_at)`.execute(db);
  await sql`CREATE INDEX visits_matter ON visits (matter_id, created_at)`.execute(db);
  await sql`CREATE INDEX visits_date ON visits (visit_date, visit_no)`.execute(db);

  await sql`
    CREATE TABLE visit_representatives (
      visit_id TEXT NOT NULL REFERENCES visits (id),
      position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
      name TEXT NOT NULL CHECK (length(name) > 0),
      id_type TEXT NOT NULL,
      id_number TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (visit_id, position)
    )`.execute(db);

  // Human-readable daily sequences (visit numbers now, ticket numbers later).
  // Visits are never deleted, so a number once given is never given again.
  await sql`
    CREATE TABLE daily_counters (
      scope TEXT NOT NULL,
      day TEXT NOT NULL,
      last_value INTEGER NOT NULL,
      PRIMARY KEY (scope, day)
    )`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      actor_id TEXT REFERENCES users (id),
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      before_json TEXT,
      after_json TEXT,
      note TEXT
    )`.execute(db);
  await sql`CREATE INDEX audit_entity ON audit_log (entity, entity_id, at)`.execute(db);

  // What the district export (a later issue) must send: one row per change,
  // carrying the record's id and version so the receiver can apply it idempotently.
  await sql`
    CREATE TABLE outbox (
      -- never reused, like SQLite's AUTOINCREMENT; BY DEFAULT so a store move can copy seqs
      seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      at TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      entity_version INTEGER NOT NULL,
      op TEXT NOT NULL,
      payload_json TEXT NOT NULL,
      UNIQUE (entity, entity_id, entity_version)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0001_initial cannot be reverted');
}
