// The audit log becomes tamper-evident (issue 13): every row gets its place in
// the chain (`seq`, the order of insertion), the hash of the row before it and
// its own hash (db/audit-chain.ts). Rows written before this migration are
// chained in the order they were written (time, then id). Triggers refuse
// UPDATE and DELETE on audit_log, so the app itself can only append; whoever
// bypasses them (drops the trigger, edits the file) breaks the chain, and
// `npm run audit:verify` names the first broken row.
import { sql, type Kysely } from 'kysely';
import { auditRowHash, GENESIS_HASH, type ChainedFields } from '../audit-chain';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN seq INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''`.execute(db);
  await chainExistingRows(db);
  await sql`CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq)`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, '审计记录不可修改'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, '审计记录不可删除'); END`.execute(db);
}

/** Shared with the PostgreSQL twin: gives every existing row its seq and hashes, oldest first. */
export async function chainExistingRows(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<Omit<ChainedFields, 'seq'>>`
    SELECT id, at, actor_id, action, entity, entity_id, before_json, after_json, note FROM audit_log ORDER BY at, id`.execute(db);
  let prev = GENESIS_HASH;
  let seq = 0;
  for (const r of rows.rows) {
    seq += 1;
    const hash = auditRowHash({ ...r, seq }, prev);
    await sql`UPDATE audit_log SET seq = ${seq}, prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`.execute(db);
    prev = hash;
  }
}
