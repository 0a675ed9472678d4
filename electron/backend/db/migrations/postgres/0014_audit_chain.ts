// PostgreSQL twin of 0014: the audit log's hash chain and the triggers that
// refuse UPDATE, DELETE and TRUNCATE on it.
import { sql, type Kysely } from 'kysely';
import { chainExistingRows } from '../0014_audit_chain';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN seq BIGINT NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''`.execute(db);
  await chainExistingRows(db);
  await sql`CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq)`.execute(db);
  await sql`
    CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '审计记录不可修改或删除';
    END
    $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse()`.execute(db);
}
