// Building batches. A batch row and the states of the records it carries are
// written in one write transaction, so a record is either in a
// batch or still waiting, never half-assigned, whatever happens to the process.
//
// Incremental: the outbox rows after this destination's cursor (the highest
// to_seq of its incremental batches), plus the records that failed at this
// destination and whose back-off has passed — those are retried here only.
// Re-export: a date range of visits, read from the visits table when staged;
// it touches no record states (it can be a million rows) except to record the
// district's acknowledgement of records it already tracks.
import type { Deps } from '../../context';
import type { Executor } from '../../db/connection';
import type { ExportBatchesTable, ExportRecordStatesTable } from '../../db/schema';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../ids';
import type { Destination } from './types';

/** The state every new batch starts in, incremental or re-export. */
const UNSENT = {
  files_json: null,
  status: 'pending',
  attempts: 0,
  next_attempt_at: null,
  last_error: null,
  parts_done: 0,
  sent_at: null,
  ack_json: null,
} as const;

/** At most this many records a batch; a run makes several batches to catch up. */
export const MAX_BATCH_RECORDS = 5000;

/** The last outbox seq this destination has put into a batch (0: none yet). */
export async function destinationCursor(db: Executor, destinationId: string): Promise<number> {
  const r = await db
    .selectFrom('export_batches')
    .select((eb) => eb.fn.max('to_seq').as('seq'))
    .where('destination_id', '=', destinationId)
    .where('kind', '=', 'incremental')
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

export interface BuildOptions {
  now: Date;
  /** Batches made earlier in this run: their failed records wait for the next run. */
  runBatchIds: readonly string[];
  actorId: string | null;
  limit?: number;
}

export async function buildIncrementalBatch(deps: Deps, dest: Destination, opts: BuildOptions): Promise<ExportBatchesTable | null> {
  const limit = opts.limit ?? MAX_BATCH_RECORDS;
  const at = opts.now.toISOString();
  return writeTransaction(deps.db, async (trx) => {
    const cursor = await destinationCursor(trx, dest.id);
    const fresh = await trx
      .selectFrom('outbox')
      .select(['seq', 'entity', 'entity_id', 'entity_version'])
      .where('seq', '>', cursor)
      .orderBy('seq')
      .limit(limit)
      .execute();
    const retry = await trx
      .selectFrom('export_record_states')
      .select(['entity', 'entity_id', 'entity_version'])
      .where('destination_id', '=', dest.id)
      .where('state', '=', 'failed')
      .where('next_attempt_at', '<=', at)
      .$if(opts.runBatchIds.length > 0, (q) =>
        q.where((eb) => eb.or([eb('batch_id', 'is', null), eb('batch_id', 'not in', opts.runBatchIds)])),
      )
      .orderBy('next_attempt_at')
      .limit(Math.max(0, limit - fresh.length))
      .execute();
    if (fresh.length === 0 && retry.length === 0) return null;

    const batch: ExportBatchesTable = {
      id: newId(),
      destination_id: dest.id,
      created_at: at,
      kind: 'incremental',
      from_seq: fresh[0]?.seq ?? null,
      to_seq: fresh[fresh.length - 1]?.seq ?? null,
      range_from: null,
      range_to: null,
      record_count: fresh.length + retry.length,
      ...UNSENT,
      requested_by: opts.actorId,
    };
    await trx.insertInto('export_batches').values(batch).execute();

    const states: ExportRecordStatesTable[] = fresh.map((o) => ({
      destination_id: dest.id,
      entity: o.entity,
      entity_id: o.entity_id,
      entity_version: o.entity_version,
      state: 'sending',
      failures: 0,
      last_error: null,
      last_attempt_at: null,
      next_attempt_at: null,
      district_id: null,
      batch_id: batch.id,
    }));
    // 11 values a row: 400 rows stay far below SQLite's bound-parameter limit.
    for (let i = 0; i < states.length; i += 400) {
      await trx
        .insertInto('export_record_states')
        .values(states.slice(i, i + 400))
        .onConflict((oc) =>
          oc.columns(['destination_id', 'entity', 'entity_id', 'entity_version']).doUpdateSet({ state: 'sending', batch_id: batch.id }),
        )
        .execute();
    }
    // By the table's key (destination, entity, id, version) as row values, which both engines take.
    for (let i = 0; i < retry.length; i += 500) {
      const keys = retry.slice(i, i + 500);
      await trx
        .updateTable('export_record_states')
        .set({ state: 'sending', batch_id: batch.id })
        .where('destination_id', '=', dest.id)
        .where((eb) =>
          eb(
            eb.refTuple('entity', 'entity_id', 'entity_version'),
            'in',
            keys.map((k) => eb.tuple(k.entity, k.entity_id, k.entity_version)),
          ),
        )
        .execute();
    }
    return batch;
  });
}

/** A pending re-export batch for one destination; staged and sent by the runner. */
export async function createReexportBatch(
  trx: Executor,
  dest: Destination,
  range: { from: string; to: string },
  at: string,
  actorId: string | null,
): Promise<ExportBatchesTable> {
  const n = await trx
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('visit_date', '>=', range.from)
    .where('visit_date', '<=', range.to)
    .executeTakeFirstOrThrow();
  const batch: ExportBatchesTable = {
    id: newId(),
    destination_id: dest.id,
    created_at: at,
    kind: 'reexport',
    from_seq: null,
    to_seq: null,
    range_from: range.from,
    range_to: range.to,
    // An estimate until the files are staged (visits registered meanwhile join in).
    record_count: Number(n.n),
    ...UNSENT,
    requested_by: actorId,
  };
  await trx.insertInto('export_batches').values(batch).execute();
  return batch;
}

/** Batches to finish before anything new: left pending (a crash), or a failed re-export whose back-off has passed. */
export function resumableBatches(db: Executor, destinationId: string, now: Date): Promise<ExportBatchesTable[]> {
  return db
    .selectFrom('export_batches')
    .selectAll()
    .where('destination_id', '=', destinationId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        eb.and([eb('status', '=', 'failed'), eb('kind', '=', 'reexport'), eb('next_attempt_at', '<=', now.toISOString())]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
