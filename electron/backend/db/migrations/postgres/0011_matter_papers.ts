// PostgreSQL twin of ../0011_matter_papers.ts (same name, same schema; see ../index.ts).
// The formal notices become papers of the 信访事项 (matter): an archived notice
// belongs to a matter; talk_id stays only for notices archived before. Here the
// columns change in place (PostgreSQL can drop a NOT NULL); each old row gets
// the matter of its talk's visit.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE notice_archive ADD COLUMN matter_id TEXT REFERENCES matters (id)`.execute(db);
  await sql`
    UPDATE notice_archive a SET matter_id = v.matter_id
    FROM talk_records t JOIN visits v ON v.id = t.visit_id
    WHERE t.id = a.talk_id`.execute(db);
  await sql`ALTER TABLE notice_archive ALTER COLUMN matter_id SET NOT NULL`.execute(db);
  await sql`ALTER TABLE notice_archive ALTER COLUMN talk_id DROP NOT NULL`.execute(db);
  await sql`CREATE INDEX notice_archive_by_matter ON notice_archive (matter_id, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0011_matter_papers cannot be reverted');
}
