import { hotStatement } from '../compiled';
import type { Executor } from '../connection';
import type { PetitionersTable } from '../schema';
import type { IdType } from '@shared/domain/identity';
import type { PetitionerInfo } from '@shared/api/schemas/visits';

export function findPetitionerById(db: Executor, id: string) {
  return db.selectFrom('petitioners').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPetitionerByDocument(db: Executor, idType: IdType, idNumber: string) {
  return BY_DOCUMENT.first(db, { idType, idNumber });
}

/** The person holding a document (a query: the caller executes it). */
export function petitionerByDocument(db: Executor, idType: IdType, idNumber: string) {
  return db.selectFrom('petitioners').selectAll().where('id_type', '=', idType).where('id_number', '=', idNumber);
}

// The lookup's first statement, compiled once (db/compiled.ts): a desk looks people up all day.
const BY_DOCUMENT = hotStatement((x, v: { idType: IdType; idNumber: string }) => petitionerByDocument(x, v.idType, v.idNumber));

export function findPetitionersByPhone(db: Executor, phone: string, limit = 20) {
  return db.selectFrom('petitioners').selectAll().where('phone', '=', phone).limit(limit).execute();
}

/** Upper bound for a prefix range scan that uses the column's index (LIKE would not). */
export function prefixEnd(prefix: string): string {
  return prefix + String.fromCodePoint(0x10ffff);
}

export function searchPetitioners(db: Executor, column: 'id_number' | 'phone' | 'name_initials' | 'name', prefix: string, limit: number) {
  return db
    .selectFrom('petitioners')
    .selectAll()
    .where(column, '>=', prefix)
    .where(column, '<', prefixEnd(prefix))
    .orderBy(column)
    .limit(limit)
    .execute();
}

/** Visit count and last visit for a few people, in one query. */
export async function visitStats(db: Executor, ids: string[]): Promise<Map<string, { n: number; last: string | null }>> {
  const map = new Map<string, { n: number; last: string | null }>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('visits')
    .select((eb) => ['petitioner_id', eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
    .where('petitioner_id', 'in', ids)
    .groupBy('petitioner_id')
    .execute();
  for (const r of rows) map.set(r.petitioner_id, { n: Number(r.n), last: r.last });
  return map;
}

export function toPetitionerInfo(p: PetitionersTable, stats?: { n: number; last: string | null }): PetitionerInfo {
  return {
    id: p.id,
    name: p.name,
    idType: p.id_type,
    idNumber: p.id_number,
    gender: p.gender,
    birthDate: p.birth_date,
    phone: p.phone,
    address: p.address,
    visitCount: stats?.n ?? 0,
    lastVisitAt: stats?.last ?? null,
  };
}
