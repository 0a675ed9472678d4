// The audit log's hash chain: each row carries the hash of the row before it
// (in `seq` order, the order of insertion) and its own hash, SHA-256 over a
// canonical encoding of its fields and that previous hash. Changing, inserting
// or deleting a row anywhere breaks the link at that row. The encoding is a
// JSON array of the stored values in a fixed order, the same text on both
// engines (every value is text, null or an integer), so a hall moved from
// SQLite to PostgreSQL keeps a valid chain. Used by the writer (services/audit.ts),
// by migration 0014 (which chains the rows written before it) and by verify.
import { createHash } from 'node:crypto';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}

export function auditRowHash(row: ChainedFields, prevHash: string): string {
  const canonical = JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.actor_id,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.note,
    prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
