// PostgreSQL twin of ../0004_export.ts (same name, same schema; see ../index.ts).
// Export to the district 信访信息系统 (区信访信息系统). Shipped migrations are never edited.
//
// The outbox (0001) already holds every change with its id and version; these
// tables remember, per destination, how far the outbox has been exported, what
// each batch contained and proved (files + SHA-256), and the send state of each
// record, so that a retry never duplicates and an outage never loses a record.
// Nothing here ever deletes from the outbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A place records go: a folder (shared drive, USB) or an HTTP(S) endpoint.
  // lease_owner/lease_until keep two processes on one file (desktop app and
  // serve mode) from exporting to the same destination at the same time.
  await sql`
    CREATE TABLE export_destinations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) > 0),
      kind TEXT NOT NULL CHECK (kind IN ('folder', 'http')),
      config_json TEXT NOT NULL,
      enabled INTEGER NOT NULL DEFAULT 1,
      lease_owner TEXT,
      lease_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);

  // One batch = one delivery to one destination. An incremental batch covers
  // outbox seqs from_seq..to_seq (inclusive; NULL when it only retries failed
  // records) plus the retried records; a re-export covers visit dates
  // range_from..range_to. parts_done counts HTTP parts already acknowledged, so
  // a resumed batch continues where a killed process stopped.
  await sql`
    CREATE TABLE export_batches (
      id TEXT PRIMARY KEY,
      destination_id TEXT NOT NULL REFERENCES export_destinations (id),
      created_at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('incremental', 'reexport')),
      from_seq BIGINT,
      to_seq BIGINT,
      range_from TEXT,
      range_to TEXT,
      record_count INTEGER NOT NULL DEFAULT 0,
      files_json TEXT,
      status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'acknowledged')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_error TEXT,
      parts_done INTEGER NOT NULL DEFAULT 0,
      sent_at TEXT,
      ack_json TEXT,
      requested_by TEXT REFERENCES users (id)
    )`.execute(db);
  await sql`CREATE INDEX export_batches_cursor ON export_batches (destination_id, kind, to_seq)`.execute(db);
  await sql`CREATE INDEX export_batches_recent ON export_batches (destination_id, created_at)`.execute(db);
  await sql`CREATE INDEX export_batches_open ON export_batches (status, destination_id) WHERE status IN ('pending', 'failed')`.execute(db);

  // Per destination and per record version: where it stands there. A record
  // failed at one destination is retried at that destination only.
  await sql`
    CREATE TABLE export_record_states (
      destination_id TEXT NOT NULL REFERENCES export_destinations (id),
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      entity_version INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('unsent', 'sending', 'sent', 'acknowledged', 'failed')),
      failures INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      last_attempt_at TEXT,
      next_attempt_at TEXT,
      district_id TEXT,
      batch_id TEXT REFERENCES export_batches (id),
      PRIMARY KEY (destination_id, entity, entity_id, entity_version)
    )`.execute(db);
  await sql`CREATE INDEX export_record_states_batch ON export_record_states (batch_id)`.execute(db);
  await sql`CREATE INDEX export_record_states_state ON export_record_states (destination_id, state, next_attempt_at)`.execute(db);

  // The schedule lives in the settings table (key 'export'); nothing to create.
}

export async function down(): Promise<void> {
  throw new Error('0004_export cannot be reverted');
}
