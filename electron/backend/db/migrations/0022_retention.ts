// Personal-data retention (issue 13): when a person's personal fields were minimised
// (ID number, phone, address, birth date, sex removed; name and matters kept), by the
// administrator's confirmed run of 个人信息保留. Null: the record is whole.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE petitioners ADD COLUMN minimized_at TEXT`.execute(db);
}
