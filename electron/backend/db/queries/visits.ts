import { sql } from 'kysely';
import { endedNotice } from '@shared/domain/matter';
import { hotStatement } from '../compiled';
import type { Executor } from '../connection';
import type { VisitsTable } from '../schema';
import type { MatterInfo, Representative, VisitDetail, VisitSummary } from '@shared/api/schemas/visits';
import type { CategoryCode, PurposeCode } from '@shared/domain/categories';
import { GROUP_THRESHOLD } from '@shared/api/schemas/visits';

type VisitRow = VisitsTable & { registered_by_name: string };

function visitsWithClerk(db: Executor) {
  return db
    .selectFrom('visits')
    .innerJoin('users', 'users.id', 'visits.registered_by')
    .selectAll('visits')
    .select('users.display_name as registered_by_name');
}

export function findVisit(db: Executor, id: string): Promise<VisitRow | undefined> {
  return visitsWithClerk(db).where('visits.id', '=', id).executeTakeFirst();
}

/**
 * A person's latest visits (at most `limit`) with the count and the last time of ALL their visits,
 * in one statement: the window runs over every matching row before the LIMIT, so the history
 * panel and the person's visit count need no second query.
 */
export async function visitsWithTotals(
  db: Executor,
  petitionerId: string,
  limit = 50,
): Promise<{ visits: VisitRow[]; total: { n: number; last: string | null; photos: number } }> {
  // The person's totals ride along on every row (one statement for the lookup): visits, the last
  // one, and the card photos kept for them (an uncorrelated subquery, evaluated once).
  const rows = await VISITS_WITH_TOTALS.rows(db, { petitionerId, limit });
  const first = rows[0];
  return {
    visits: rows.map(({ total_n: _n, total_last: _l, total_photos: _p, ...v }) => v),
    total: { n: first ? Number(first.total_n) : 0, last: first?.total_last ?? null, photos: first ? Number(first.total_photos) : 0 },
  };
}

export function visitsOfDay(db: Executor, day: string): Promise<VisitRow[]> {
  return visitsWithClerk(db).where('visits.visit_date', '=', day).orderBy('visits.visit_no', 'desc').execute();
}

export function representativesOf(db: Executor, visitId: string) {
  return db.selectFrom('visit_representatives').selectAll().where('visit_id', '=', visitId).orderBy('position').execute();
}

export async function mattersOfPetitioner(db: Executor, petitionerId: string): Promise<MatterInfo[]> {
  const rows = await MATTERS_OF_PETITIONER.rows(db, { petitionerId });
  return rows.map((r) => ({
    id: r.id,
    petitionerId: r.petitioner_id,
    category: r.category as CategoryCode,
    summary: r.summary,
    locationArea: r.location_area,
    visitCount: Number(r.visit_count),
    firstVisitAt: r.first_at as string,
    lastVisitAt: r.last_at as string,
    firstVisitNo: r.first_no as string,
    state: r.state,
    endedNotice: endedNotice(r.state),
  }));
}

// The lookup's history, compiled once (db/compiled.ts): a desk looks people up all day.
const VISITS_WITH_TOTALS = hotStatement((x, v: { petitionerId: string; limit: number }) =>
  visitsWithClerk(x)
    .select([
      sql<number>`count(*) over ()`.as('total_n'),
      sql<string>`max(visits.created_at) over ()`.as('total_last'),
      sql<number>`(SELECT count(*) FROM card_photos WHERE card_photos.petitioner_id = ${v.petitionerId})`.as('total_photos'),
    ])
    .where('visits.petitioner_id', '=', v.petitionerId)
    .orderBy('visits.created_at', 'desc')
    .limit(v.limit),
);

const MATTERS_OF_PETITIONER = hotStatement((x, v: { petitionerId: string }) =>
  x
    .selectFrom('matters')
    .innerJoin('visits', 'visits.matter_id', 'matters.id')
    .select((eb) => [
      'matters.id',
      'matters.petitioner_id',
      'matters.category',
      'matters.summary',
      'matters.location_area',
      'matters.state',
      eb.fn.countAll<number>().as('visit_count'),
      eb.fn.min('visits.created_at').as('first_at'),
      eb.fn.max('visits.created_at').as('last_at'),
      eb.fn.min('visits.visit_no').as('first_no'),
    ])
    .where('matters.petitioner_id', '=', v.petitionerId)
    .groupBy('matters.id')
    .orderBy('last_at', 'desc'),
);

/** What a visit shows in lists, history and the district payload alike. */
function listFields(v: VisitsTable) {
  return {
    id: v.id,
    visitNo: v.visit_no,
    registeredAt: v.created_at,
    kind: v.kind,
    petitionerId: v.petitioner_id,
    matterId: v.matter_id,
    name: v.name,
    phone: v.phone,
    category: v.category as CategoryCode,
    purpose: v.purpose as PurposeCode,
    summary: v.summary,
    peopleCount: v.people_count,
    isGroup: v.people_count >= GROUP_THRESHOLD,
    outcome: v.outcome,
  };
}

/**
 * A visit as the district receives it (the outbox payload), from its row, the
 * person's derived data and the representatives. The detail screen adds the
 * clerk's name and the correction history on top; the re-export streams it.
 */
export function toVisitPayload(
  v: VisitsTable,
  person: { gender: 'male' | 'female' | null; birthDate: string | null },
  representatives: Representative[],
): Omit<VisitDetail, 'corrections' | 'registeredByName' | 'correctedAt'> {
  return {
    ...listFields(v),
    version: v.version,
    idType: v.id_type,
    idNumber: v.id_number,
    gender: person.gender,
    birthDate: person.birthDate,
    address: v.address,
    locationArea: v.location_area,
    demands: v.demands,
    escort: v.escort_json ? (JSON.parse(v.escort_json) as VisitDetail['escort']) : null,
    skipLevel: v.skip_level === 1,
    representatives,
  };
}

export function toVisitSummary(v: VisitRow): VisitSummary {
  return {
    ...listFields(v),
    registeredByName: v.registered_by_name,
    version: v.version,
    correctedAt: v.corrected_at,
  };
}
