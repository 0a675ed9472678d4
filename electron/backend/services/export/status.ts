// What the export screen shows: per destination, when it last succeeded, when
// it runs next, what waits or failed (with reasons, in Chinese), and the
// recent batches; and the list of failed records of one destination.
import { sql } from 'kysely';
import { ApiError } from '@shared/api/errors';
import type { Deps } from '../../context';
import type { ExportBatchesTable } from '../../db/schema';
import { destinationCursor } from './batch';
import {
  BATCH_STATUS_LABELS,
  ENTITY_LABELS,
  type BatchView,
  type DestinationStatus,
  type ExportOverview,
  type FailureView,
} from '@shared/api/schemas/export';
import { getExportSettings, loadDestinations, nextScheduledRun, sealLegacyTokens, toDestinationView } from './settings';
import { ackSummary } from './states';
import type { BatchFile } from './types';

export const RECENT_BATCHES = 20;

export function toBatchView(b: ExportBatchesTable): BatchView {
  const ack = b.ack_json ? ackSummary(b) : null;
  return {
    id: b.id,
    createdAt: b.created_at,
    kind: b.kind,
    kindLabel: b.kind === 'incremental' ? '增量' : '重新导出',
    status: b.status,
    statusLabel: BATCH_STATUS_LABELS[b.status],
    recordCount: b.record_count,
    rangeFrom: b.range_from,
    rangeTo: b.range_to,
    fromSeq: b.from_seq,
    toSeq: b.to_seq,
    attempts: b.attempts,
    lastError: b.last_error,
    sentAt: b.sent_at,
    nextAttemptAt: b.status === 'failed' && b.kind === 'reexport' ? b.next_attempt_at : null,
    files: b.files_json ? (JSON.parse(b.files_json) as BatchFile[]) : [],
    accepted: ack ? ack.accepted : null,
    rejected: ack ? ack.rejected : null,
  };
}

export async function getExportOverview(deps: Deps): Promise<ExportOverview> {
  const db = deps.db;
  const now = deps.now();
  const { schedules, keepStagedDays } = await getExportSettings(db);
  const scheduled = nextScheduledRun(schedules, now);
  const destinations: DestinationStatus[] = [];
  await sealLegacyTokens(deps);
  for (const d of await loadDestinations(db)) {
    const cursor = await destinationCursor(db, d.id);
    const counts = await db
      .selectFrom('export_record_states')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('next_attempt_at').as('next')])
      .where('destination_id', '=', d.id)
      .where('state', 'in', ['sending', 'failed'])
      .groupBy('state')
      .execute();
    const reasons = await db
      .selectFrom('export_record_states')
      .select(['last_error', (eb) => eb.fn.countAll<number>().as('n')])
      .where('destination_id', '=', d.id)
      .where('state', '=', 'failed')
      .groupBy('last_error')
      .orderBy('n', 'desc')
      .limit(5)
      .execute();
    const lastSuccess = await db
      .selectFrom('export_batches')
      .select((eb) => eb.fn.max('sent_at').as('at'))
      .where('destination_id', '=', d.id)
      .where('status', 'in', ['sent', 'acknowledged'])
      .executeTakeFirst();
    const recent = await db
      .selectFrom('export_batches')
      .selectAll()
      .where('destination_id', '=', d.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(RECENT_BATCHES)
      .execute();
    const failed = counts.find((c) => c.state === 'failed');
    const failedBatchRetry = recent
      .filter((b) => b.status === 'failed' && b.kind === 'reexport' && b.next_attempt_at)
      .map((b) => b.next_attempt_at!);
    const retryTimes = [failed?.next as string | null | undefined, ...failedBatchRetry]
      .filter((t): t is string => !!t)
      .map((t) => Math.max(Date.parse(t), now.getTime()));
    const candidates = [...(scheduled ? [scheduled.getTime()] : []), ...retryTimes];
    destinations.push({
      ...toDestinationView(d),
      lastSuccessAt: (lastSuccess?.at as string | null | undefined) ?? null,
      nextRunAt: d.enabled && candidates.length ? new Date(Math.min(...candidates)).toISOString() : null,
      unsentCount: Number(
        (
          await db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('seq', '>', cursor)
            .executeTakeFirstOrThrow()
        ).n,
      ),
      sendingCount: Number(counts.find((c) => c.state === 'sending')?.n ?? 0),
      failedCount: Number(failed?.n ?? 0),
      failureReasons: reasons.map((r) => ({ reason: r.last_error ?? '未知原因', count: Number(r.n) })),
      recentBatches: recent.map(toBatchView),
    });
  }
  return { schedules, keepStagedDays, nextScheduledAt: scheduled?.toISOString() ?? null, destinations };
}

/** Failed records of one destination, the longest-failing first, named as a person would recognise them. */
export async function listFailures(deps: Deps, destinationId: string, limit = 200): Promise<FailureView[]> {
  const dest = await deps.db.selectFrom('export_destinations').select('id').where('id', '=', destinationId).executeTakeFirst();
  if (!dest) throw new ApiError('NOT_FOUND', '找不到该导出位置');
  const rows = await deps.db
    .selectFrom('export_record_states as s')
    .leftJoin('visits as v', (j) => j.onRef('v.id', '=', 's.entity_id').on('s.entity', '=', 'visit'))
    .leftJoin('petitioners as p', (j) => j.onRef('p.id', '=', 's.entity_id').on('s.entity', '=', 'petitioner'))
    .leftJoin('matters as m', (j) => j.onRef('m.id', '=', 's.entity_id').on('s.entity', '=', 'matter'))
    .select([
      's.entity',
      's.entity_id',
      's.entity_version',
      's.failures',
      's.last_error',
      's.last_attempt_at',
      's.next_attempt_at',
      's.batch_id',
    ])
    .select(sql<string>`coalesce(v.visit_no || ' ' || v.name, p.name, m.summary, '')`.as('label'))
    .where('s.destination_id', '=', destinationId)
    .where('s.state', '=', 'failed')
    .orderBy('s.last_attempt_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    entity: r.entity,
    entityLabel: ENTITY_LABELS[r.entity] ?? r.entity,
    entityId: r.entity_id,
    version: r.entity_version,
    label: r.label,
    failures: r.failures,
    lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at,
    nextAttemptAt: r.next_attempt_at,
    batchId: r.batch_id,
  }));
}
