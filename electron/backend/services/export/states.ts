// How a delivery's outcome lands: per record (export_record_states) and per
// batch, in one transaction each, with the audit entry for the batch. Exporting
// personal data is audited like a change: who (or the schedule), where, what
// (file hashes), how many, and how it ended.
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../context';
import type { Executor } from '../../db/connection';
import type { ExportBatchesTable } from '../../db/schema';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { nextAttemptAt, RETRY_BACKOFF_MS } from './backoff';
import type { DistrictAck } from './destinations/http';
import type { BatchFile, Destination, ExportRecord } from './types';
import { recordKey } from './types';

/** next_attempt_at for a record failing now, from its failure count before this failure. */
function nextAttemptSql(now: Date): RawBuilder<string> {
  const whens = RETRY_BACKOFF_MS.slice(0, -1).map((_, i) => sql`WHEN ${i} THEN ${nextAttemptAt(now, i + 1)}`);
  return sql<string>`CASE failures ${sql.join(whens, sql` `)} ELSE ${nextAttemptAt(now, RETRY_BACKOFF_MS.length)} END`;
}

async function failRecord(
  trx: Executor,
  destId: string,
  batchId: string,
  r: Pick<ExportRecord, 'entity' | 'id' | 'version'>,
  reason: string,
  now: Date,
) {
  await trx
    .updateTable('export_record_states')
    .set({
      state: 'failed',
      failures: sql`failures + 1`,
      last_error: reason,
      last_attempt_at: now.toISOString(),
      next_attempt_at: nextAttemptSql(now),
    })
    .where('destination_id', '=', destId)
    .where('entity', '=', r.entity)
    .where('entity_id', '=', r.id)
    .where('entity_version', '=', r.version)
    .where('batch_id', '=', batchId)
    .execute();
}

interface AckSummary {
  parts: number;
  accepted: number;
  rejected: number;
  /** The first rejections with their reasons (the rest are counted). */
  rejectedRecords: { entity: string; id: string; version: number; reason: string }[];
}

export function ackSummary(batch: Pick<ExportBatchesTable, 'ack_json'>): AckSummary {
  return batch.ack_json ? (JSON.parse(batch.ack_json) as AckSummary) : { parts: 0, accepted: 0, rejected: 0, rejectedRecords: [] };
}

/**
 * One HTTP part acknowledged: accepted records become 'acknowledged' with the
 * district's id; rejected ones 'failed' with the district's reason (retried
 * at this destination only, with back-off); records the district did not
 * mention count as failed too. The batch remembers the part is done.
 */
export async function applyPartAck(
  deps: Deps,
  dest: Destination,
  batch: ExportBatchesTable,
  part: number,
  sent: ExportRecord[],
  ack: DistrictAck,
): Promise<void> {
  const now = deps.now();
  const at = now.toISOString();
  const accepted = new Map(ack.accepted.map((a) => [recordKey(a), a.districtId]));
  const rejected = new Map(ack.rejected.map((a) => [recordKey(a), a.reason]));
  await writeTransaction(deps.db, async (trx) => {
    const summary = ackSummary(
      await trx.selectFrom('export_batches').select('ack_json').where('id', '=', batch.id).executeTakeFirstOrThrow(),
    );
    for (const r of sent) {
      const k = recordKey(r);
      if (accepted.has(k)) {
        summary.accepted++;
        // A re-export may also acknowledge a record this destination tracks (even one
        // that failed before); a record in flight in another batch is left to that batch.
        await trx
          .updateTable('export_record_states')
          .set({
            state: 'acknowledged',
            district_id: accepted.get(k) ?? null,
            last_error: null,
            next_attempt_at: null,
            last_attempt_at: at,
          })
          .where('destination_id', '=', dest.id)
          .where('entity', '=', r.entity)
          .where('entity_id', '=', r.id)
          .where('entity_version', '=', r.version)
          .where((eb) => eb.or([eb('batch_id', '=', batch.id), eb('state', '!=', 'sending')]))
          .execute();
      } else {
        const reason = rejected.has(k) ? `区信访信息系统退回：${rejected.get(k) || '未说明原因'}` : '区信访信息系统未确认收到该记录';
        summary.rejected++;
        if (summary.rejectedRecords.length < 100) summary.rejectedRecords.push({ entity: r.entity, id: r.id, version: r.version, reason });
        await failRecord(trx, dest.id, batch.id, r, reason, now);
      }
    }
    summary.parts = part + 1;
    await trx
      .updateTable('export_batches')
      .set({ parts_done: part + 1, ack_json: JSON.stringify(summary) })
      .where('id', '=', batch.id)
      .execute();
  });
  batch.parts_done = part + 1;
}

function auditAfter(dest: Destination, batch: ExportBatchesTable, status: string, files: BatchFile[] | null, error: string | null) {
  const c = dest.config as { path?: string; url?: string };
  return {
    destinationId: dest.id,
    destination: dest.name,
    destinationKind: dest.kind,
    target: c.path ?? c.url ?? '',
    batchKind: batch.kind,
    rangeFrom: batch.range_from,
    rangeTo: batch.range_to,
    fromSeq: batch.from_seq,
    toSeq: batch.to_seq,
    records: batch.record_count,
    status,
    files: files?.map((f) => ({ name: f.name, sha256: f.sha256, rows: f.rows })) ?? [],
    error,
  };
}

/** Delivered: a folder's records are 'sent'; an endpoint's were settled part by part. */
export async function finishBatch(
  deps: Deps,
  dest: Destination,
  batch: ExportBatchesTable,
  status: 'sent' | 'acknowledged',
  files: BatchFile[],
  actorId: string | null,
): Promise<void> {
  const now = deps.now();
  const at = now.toISOString();
  await writeTransaction(deps.db, async (trx) => {
    if (status === 'sent') {
      await trx
        .updateTable('export_record_states')
        .set({ state: 'sent', last_error: null, next_attempt_at: null, last_attempt_at: at })
        .where('destination_id', '=', dest.id)
        .where('batch_id', '=', batch.id)
        .where('state', '=', 'sending')
        .execute();
    }
    await trx
      .updateTable('export_batches')
      .set({ status, sent_at: at, attempts: sql`attempts + 1`, last_error: null, next_attempt_at: null })
      .where('id', '=', batch.id)
      .execute();
    await writeAudit(trx, {
      at,
      actorId,
      action: 'export.batch',
      entity: 'export_batch',
      entityId: batch.id,
      after: auditAfter(dest, batch, status, files, null),
    });
  });
  batch.status = status;
}

/** Not delivered: the batch and its records still in flight become 'failed', to be retried after back-off. */
export async function failBatch(
  deps: Deps,
  dest: Destination,
  batch: ExportBatchesTable,
  error: string,
  files: BatchFile[] | null,
  actorId: string | null,
): Promise<void> {
  const now = deps.now();
  const at = now.toISOString();
  await writeTransaction(deps.db, async (trx) => {
    await trx
      .updateTable('export_record_states')
      .set({ state: 'failed', failures: sql`failures + 1`, last_error: error, last_attempt_at: at, next_attempt_at: nextAttemptSql(now) })
      .where('destination_id', '=', dest.id)
      .where('batch_id', '=', batch.id)
      .where('state', '=', 'sending')
      .execute();
    await trx
      .updateTable('export_batches')
      .set({ status: 'failed', attempts: batch.attempts + 1, last_error: error, next_attempt_at: nextAttemptAt(now, batch.attempts + 1) })
      .where('id', '=', batch.id)
      .execute();
    // Data may have left even when the send failed (a timeout after the upload): audited too.
    await writeAudit(trx, {
      at,
      actorId,
      action: 'export.batch',
      entity: 'export_batch',
      entityId: batch.id,
      after: auditAfter(dest, batch, 'failed', files, error),
    });
  });
  batch.status = 'failed';
  batch.attempts++;
}
