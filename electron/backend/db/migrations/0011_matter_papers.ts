// The formal notices become papers of the 信访事项 (matter): an archived notice
// belongs to a matter; talk_id stays only for notices archived before, when
// they were papers of a talk record. SQLite cannot drop a NOT NULL, so the
// table is rebuilt; each old row gets the matter of its talk's visit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notice_archive_new (
      id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL UNIQUE REFERENCES print_jobs (id),
      template TEXT NOT NULL,
      matter_id TEXT NOT NULL REFERENCES matters (id),
      -- notices archived before 0011 were papers of a talk record
      talk_id TEXT REFERENCES talk_records (id),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      bytes INTEGER NOT NULL,
      -- relative to the data folder
      path TEXT NOT NULL,
      actor_id TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    INSERT INTO notice_archive_new (id, job_id, template, matter_id, talk_id, sha256, bytes, path, actor_id, created_at)
    SELECT a.id, a.job_id, a.template, v.matter_id, a.talk_id, a.sha256, a.bytes, a.path, a.actor_id, a.created_at
    FROM notice_archive a
    JOIN talk_records t ON t.id = a.talk_id
    JOIN visits v ON v.id = t.visit_id`.execute(db);
  await sql`DROP TABLE notice_archive`.execute(db);
  await sql`ALTER TABLE notice_archive_new RENAME TO notice_archive`.execute(db);
  await sql`CREATE INDEX notice_archive_by_talk ON notice_archive (talk_id)`.execute(db);
  await sql`CREATE INDEX notice_archive_by_matter ON notice_archive (matter_id, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0011_matter_papers cannot be reverted');
}
