// One export run: for each enabled destination, finish what an earlier run
// left (a batch still pending after a crash, a re-export due for retry), then
// build and send new batches until the outbox is caught up or a send fails.
// Destinations run side by side and independently: a district endpoint that
// is down never holds up the USB folder, and a record failed at one
// destination is retried there only. Nothing is ever deleted from the outbox.
import { join } from 'node:path';
import { ApiError } from '@shared/api/errors';
import type { Deps } from '../../context';
import { writeTransaction } from '../../db/transaction';
import type { ExportBatchesTable } from '../../db/schema';
import { writeAudit } from '../audit';
import { buildIncrementalBatch, createReexportBatch, resumableBatches } from './batch';
import { sendBatchOverHttp } from './destinations/http';
import { deliverToFolder } from './destinations/folder';
import { describe } from './errors';
import { JSONL_FILE } from './formats/jsonl';
import { acquireLease } from './lease';
import type { ExportRunResult } from '@shared/api/schemas/export';
import { getExportSettings, loadDestinations, sealLegacyTokens, sendConfig } from './settings';
import { applyPartAck, failBatch, finishBatch } from './states';
import { batchFolderName, pruneStagedBatches, stageBatch, type Staged } from './staging';
import type { Destination, FolderConfig, HttpConfig } from './types';

/** A run stops making new batches for a destination after this many (it continues next run). */
export const MAX_BATCHES_PER_RUN = 100;
const LEASE_RENEW_MS = 60_000;

export interface RunOptions {
  /** The data folder; batches are staged in <dataDir>/exports/<batchId>/. */
  dataDir: string;
  /** Only this destination (it must be enabled); all enabled ones when omitted. */
  destinationId?: string;
  /** Who asked ('export now', re-export), or null for the schedule. */
  actorId: string | null;
  /** false: only finish pending batches (e.g. a re-export just requested), make no new incremental ones. */
  incremental?: boolean;
  /** A clock for this run; deps.now otherwise. */
  now?: () => Date;
  log?: (message: string) => void;
}

type DestResult = ExportRunResult['destinations'][number];

async function processBatch(
  deps: Deps,
  dest: Destination,
  batch: ExportBatchesTable,
  opts: RunOptions,
  renew: () => Promise<void>,
): Promise<DestResult['batches'][number]> {
  let staged: Staged | null = null;
  try {
    staged = await stageBatch(deps.db, opts.dataDir, dest, batch, async (done: number) => {
      await renew();
      // Long runs (a full re-export) report progress to the export screen.
      deps.events.publish('export.progress', { destinationId: dest.id, batchId: batch.id, done });
    });
    if (dest.kind === 'folder') {
      await deliverToFolder(dest.config as FolderConfig, batchFolderName(batch), staged.dir, staged.files, staged.manifest);
      await finishBatch(deps, dest, batch, 'sent', staged.files, opts.actorId);
    } else if (staged.recordCount === 0) {
      // An empty re-export range: nothing to send, nothing to acknowledge.
      await finishBatch(deps, dest, batch, 'sent', staged.files, opts.actorId);
    } else {
      await sendBatchOverHttp({
        config: sendConfig(deps.secrets, dest.config as HttpConfig),
        batch,
        jsonlPath: join(staged.dir, JSONL_FILE),
        recordCount: staged.recordCount,
        onPartAcked: async (part, records, ack) => {
          await applyPartAck(deps, dest, batch, part, records, ack);
          await renew();
        },
      });
      await finishBatch(deps, dest, batch, 'acknowledged', staged.files, opts.actorId);
    }
    return { batchId: batch.id, kind: batch.kind, status: batch.status, records: batch.record_count, error: null };
  } catch (e) {
    const message = describe(e);
    opts.log?.(`导出到“${dest.name}”失败：${message}`);
    await failBatch(deps, dest, batch, message, staged?.files ?? null, opts.actorId);
    return { batchId: batch.id, kind: batch.kind, status: 'failed', records: batch.record_count, error: message };
  }
}

async function runDestination(deps: Deps, dest: Destination, opts: RunOptions): Promise<DestResult> {
  const result: DestResult = { destinationId: dest.id, name: dest.name, skipped: null, batches: [] };
  const lease = await acquireLease(deps, dest.id);
  if (!lease) {
    result.skipped = '另一个导出正在进行（本机或其他终端），本次跳过';
    opts.log?.(`导出到“${dest.name}”：${result.skipped}`);
    return result;
  }
  let lastRenew = Date.now();
  const renew = async () => {
    if (Date.now() - lastRenew < LEASE_RENEW_MS) return;
    lastRenew = Date.now();
    await lease.renew();
  };
  try {
    for (const batch of await resumableBatches(deps.db, dest.id, deps.now())) {
      const r = await processBatch(deps, dest, batch, opts, renew);
      result.batches.push(r);
      if (r.status === 'failed') return result;
    }
    for (let i = 0; opts.incremental !== false && i < MAX_BATCHES_PER_RUN; i++) {
      const batch = await buildIncrementalBatch(deps, dest, {
        now: deps.now(),
        runBatchIds: result.batches.map((b) => b.batchId),
        actorId: opts.actorId,
      });
      if (!batch) break;
      const r = await processBatch(deps, dest, batch, opts, renew);
      result.batches.push(r);
      if (r.status === 'failed') break;
    }
    return result;
  } finally {
    await lease.release();
  }
}

export async function runExport(deps: Deps, opts: RunOptions): Promise<ExportRunResult> {
  const runDeps: Deps = opts.now ? { ...deps, now: opts.now } : deps;
  await sealLegacyTokens(runDeps);
  const destinations = await loadDestinations(runDeps.db, { enabledOnly: true, id: opts.destinationId });
  if (opts.destinationId && destinations.length === 0) throw new ApiError('NOT_FOUND', '找不到该导出位置，或它已停用');
  const results = await Promise.all(destinations.map((d) => runDestination(runDeps, d, opts)));
  await pruneStagedBatches(runDeps, opts.dataDir, (await getExportSettings(runDeps.db)).keepStagedDays);
  return { destinations: results };
}

/**
 * Re-export the visits of a date range (hall dates, inclusive) to one or all
 * enabled destinations, as they stand now. The request is audited and its
 * batches are recorded before anything is written, so a crash mid-way is
 * finished by the next run.
 */
export async function reexportRange(deps: Deps, opts: RunOptions & { from: string; to: string }): Promise<ExportRunResult> {
  const runDeps: Deps = opts.now ? { ...deps, now: opts.now } : deps;
  await sealLegacyTokens(runDeps);
  const destinations = await loadDestinations(runDeps.db, { enabledOnly: true, id: opts.destinationId });
  if (destinations.length === 0)
    throw new ApiError('NOT_FOUND', opts.destinationId ? '找不到该导出位置，或它已停用' : '还没有启用的导出位置');
  const at = runDeps.now().toISOString();
  await writeTransaction(runDeps.db, async (trx) => {
    for (const d of destinations) {
      const b = await createReexportBatch(trx, d, { from: opts.from, to: opts.to }, at, opts.actorId);
      await writeAudit(trx, {
        at,
        actorId: opts.actorId,
        action: 'export.reexport',
        entity: 'export_batch',
        entityId: b.id,
        after: { destinationId: d.id, destination: d.name, from: opts.from, to: opts.to, visits: b.record_count },
      });
    }
  });
  return runExport(deps, opts);
}
