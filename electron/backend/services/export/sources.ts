// Where a batch's records come from, read in pages so that memory stays bounded
// and the connection is free for the hall between pages (a re-export of ten
// years must not stall a clerk's registration for minutes).
//  - An incremental batch: the outbox rows of the records assigned to it
//    (export_record_states.batch_id), in outbox order.
//  - A re-export: the visits table itself, latest version of each visit whose
//    hall date falls in the range. Reading the table (not the outbox) is what a
//    re-export means — the district gets the record as it stands — and it works
//    for data that predates the outbox (imported or generated history).
import { sql } from 'kysely';
import type { Executor } from '../../db/connection';
import { toVisitPayload } from '../../db/queries/visits';
import type { ExportEntity, ExportRecord, VisitPayload } from './types';

export const PAGE_SIZE = 1000;

export async function* batchRecords(db: Executor, batchId: string, pageSize = PAGE_SIZE): AsyncGenerator<ExportRecord> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('export_record_states as s')
      .innerJoin('outbox as o', (j) =>
        j.onRef('o.entity', '=', 's.entity').onRef('o.entity_id', '=', 's.entity_id').onRef('o.entity_version', '=', 's.entity_version'),
      )
      .select(['o.seq', 'o.entity', 'o.entity_id', 'o.entity_version', 'o.op', 'o.at', 'o.payload_json'])
      .where('s.batch_id', '=', batchId)
      .where('o.seq', '>', after)
      .orderBy('o.seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      yield {
        entity: r.entity as ExportEntity,
        id: r.entity_id,
        version: r.entity_version,
        op: r.op,
        at: r.at,
        data: JSON.parse(r.payload_json) as Record<string, unknown>,
      };
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/**
 * One page of visits in a date range, after the (visit_date, visit_no) of the
 * previous page's last row. Keyset paging on the visits_date index: each page
 * is an index range, never an OFFSET scan.
 */
export function visitPage(db: Executor, from: string, to: string, after: [string, string] | null, limit: number) {
  // After the first page the row-value bound replaces `visit_date >= from` (it implies
  // it): given both, SQLite seeks on the plain date bound and walks every earlier page
  // again, which made a million-row re-export quadratic (measured by tests/bench).
  const q = db
    .selectFrom('visits as v')
    .leftJoin('petitioners as p', 'p.id', 'v.petitioner_id')
    .selectAll('v')
    .select(['p.gender as p_gender', 'p.birth_date as p_birth_date'])
    .where('v.visit_date', '<=', to);
  return (after ? q.where(sql<boolean>`(v.visit_date, v.visit_no) > (${after[0]}, ${after[1]})`) : q.where('v.visit_date', '>=', from))
    .orderBy('v.visit_date')
    .orderBy('v.visit_no')
    .limit(limit);
}

type VisitPageRow = Awaited<ReturnType<ReturnType<typeof visitPage>['execute']>>[number];

export async function* visitsInRange(db: Executor, from: string, to: string, pageSize = PAGE_SIZE): AsyncGenerator<ExportRecord> {
  let after: [string, string] | null = null;
  for (;;) {
    const rows: VisitPageRow[] = await visitPage(db, from, to, after, pageSize).execute();
    if (rows.length === 0) return;
    const reps = await db
      .selectFrom('visit_representatives')
      .selectAll()
      .where(
        'visit_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('visit_id')
      .orderBy('position')
      .execute();
    const repsOf = new Map<string, VisitPayload['representatives']>();
    for (const r of reps) {
      const list = repsOf.get(r.visit_id) ?? [];
      list.push({ name: r.name, idType: r.id_type, idNumber: r.id_number, phone: r.phone });
      repsOf.set(r.visit_id, list);
    }
    for (const v of rows) {
      // The same mapping the outbox payload was written with (queries/visits.ts).
      const data: VisitPayload = toVisitPayload(
        v,
        { gender: v.p_gender ?? null, birthDate: v.p_birth_date ?? null },
        repsOf.get(v.id) ?? [],
      );
      yield {
        entity: 'visit',
        id: v.id,
        version: v.version,
        op: 'upsert',
        at: v.updated_at,
        data: data as unknown as Record<string, unknown>,
      };
    }
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = [last.visit_date, last.visit_no];
  }
}
