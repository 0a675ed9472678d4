// Staging: a batch's files are written once, under the data folder
// (<dataDir>/exports/<batchId>/), before anything is sent. Their SHA-256 go
// into the batch row; that is the bureau's proof of what was sent, and what
// every delivery (and every retry) sends. manifest.json is written last.
//
// After a crash: if the batch row has no files yet, the folder is wiped and
// rebuilt from the same records (an incremental batch's records are fixed by
// export_record_states.batch_id and the outbox never changes); if it has
// files, they are checked against their SHA-256 and rebuilt only if damaged.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Executor } from '../../db/connection';
import type { Deps } from '../../context';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { DIR_MODE } from '../../security/file-modes';
import type { ExportBatchesTable } from '../../db/schema';
import { VISIT_HEADERS } from './columns';
import { fsProblem } from './errors';
import { CSV_FILE, openCsvWriter } from './formats/csv';
import { JSONL_FILE, openJsonlWriter } from './formats/jsonl';
import type { FormatWriter } from './formats/sink';
import { XLSX_FILE, openXlsxWriter } from './formats/xlsx';
import { batchRecords, visitsInRange } from './sources';
import type { BatchFile, Destination, ExportFormat, ExportRecord, FolderConfig } from './types';

export const MANIFEST_FILE = 'manifest.json';

export function stagingDir(dataDir: string, batchId: string): string {
  return join(dataDir, 'exports', batchId);
}

/** The batch's folder at a folder destination: hall time of creation, then the id (sorts by time, unique). */
export function batchFolderName(batch: Pick<ExportBatchesTable, 'id' | 'created_at'>): string {
  const s = new Date(Date.parse(batch.created_at) + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10).replaceAll('-', '')}-${s.slice(11, 19).replaceAll(':', '')}_${batch.id}`;
}

/** HTTP sends JSON built from records.jsonl; a folder gets the formats chosen for it. */
export function formatsFor(dest: Destination): ExportFormat[] {
  if (dest.kind === 'http') return ['jsonl'];
  const order: ExportFormat[] = ['xlsx', 'csv', 'jsonl'];
  return order.filter((f) => (dest.config as FolderConfig).formats.includes(f));
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Flushes a file to the disk, so a power cut after the batch row says "staged" finds it whole. */
export async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** The manifest, key order fixed, so it is the same text whenever it is rebuilt. */
export function manifestText(batch: ExportBatchesTable, files: BatchFile[]): string {
  return (
    JSON.stringify(
      {
        format: 'petition-hall-export/1',
        batchId: batch.id,
        kind: batch.kind,
        createdAt: batch.created_at,
        fromSeq: batch.from_seq,
        toSeq: batch.to_seq,
        rangeFrom: batch.range_from,
        rangeTo: batch.range_to,
        recordCount: batch.record_count,
        files: files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes, rows: f.rows })),
        visitColumns: VISIT_HEADERS,
      },
      null,
      2,
    ) + '\n'
  );
}

function recordsOf(db: Executor, batch: ExportBatchesTable): AsyncGenerator<ExportRecord> {
  return batch.kind === 'incremental' ? batchRecords(db, batch.id) : visitsInRange(db, batch.range_from!, batch.range_to!);
}

async function filesIntact(dir: string, files: BatchFile[]): Promise<boolean> {
  for (const f of files) {
    try {
      if ((await stat(join(dir, f.name))).size !== f.bytes) return false;
      if ((await sha256File(join(dir, f.name))) !== f.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export interface Staged {
  dir: string;
  files: BatchFile[];
  recordCount: number;
  manifest: string;
}

/**
 * Makes sure the batch's files are in its staging folder and recorded in the
 * batch row; returns them. `onProgress` is called every few thousand records
 * (the runner renews its lease there).
 */
export async function stageBatch(
  db: Executor,
  dataDir: string,
  dest: Destination,
  batch: ExportBatchesTable,
  onProgress?: (records: number) => Promise<void>,
): Promise<Staged> {
  const dir = stagingDir(dataDir, batch.id);
  if (batch.files_json) {
    const files = JSON.parse(batch.files_json) as BatchFile[];
    if (await filesIntact(dir, files)) {
      const manifest = manifestText(batch, files);
      await writeFile(join(dir, MANIFEST_FILE), manifest);
      return { dir, files, recordCount: batch.record_count, manifest };
    }
  }

  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
  } catch (e) {
    throw fsProblem(e, '导出暂存文件夹');
  }
  const writers: FormatWriter[] = formatsFor(dest).map((f) => {
    if (f === 'xlsx') return openXlsxWriter(join(dir, XLSX_FILE), { createdAt: new Date(batch.created_at) });
    if (f === 'csv') return openCsvWriter(join(dir, CSV_FILE));
    return openJsonlWriter(join(dir, JSONL_FILE));
  });

  let count = 0;
  try {
    for await (const r of recordsOf(db, batch)) {
      for (const w of writers) {
        const wait = w.add(r);
        if (wait) await wait;
      }
      if (++count % 5000 === 0) await onProgress?.(count);
    }
    const files: BatchFile[] = [];
    for (const w of writers) {
      const rows = await w.close();
      const path = join(dir, w.name);
      await fsyncFile(path);
      files.push({ name: w.name, sha256: await sha256File(path), bytes: (await stat(path)).size, rows });
    }
    const staged = { ...batch, record_count: count, files_json: JSON.stringify(files) };
    const manifest = manifestText(staged, files);
    // Manifest last, by rename: a reader that sees it sees every file it lists.
    await writeFile(join(dir, `${MANIFEST_FILE}.tmp`), manifest);
    await fsyncFile(join(dir, `${MANIFEST_FILE}.tmp`));
    await rename(join(dir, `${MANIFEST_FILE}.tmp`), join(dir, MANIFEST_FILE));
    await db.updateTable('export_batches').set({ files_json: staged.files_json, record_count: count }).where('id', '=', batch.id).execute();
    batch.files_json = staged.files_json;
    batch.record_count = count;
    return { dir, files, recordCount: count, manifest };
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code) throw fsProblem(e, '导出暂存文件夹');
    throw e;
  }
}

/**
 * Staged files of delivered batches older than the retention the
 * administrator set (export settings, keepStagedDays) are deleted; the
 * manifest (with each file's SHA-256, also kept in the batch row) stays as the
 * record of what was sent. Failed and pending batches keep their files (they
 * are still to be sent). Each pruning is audited. Returns the batches pruned.
 */
export async function pruneStagedBatches(deps: Deps, dataDir: string, keepDays: number): Promise<string[]> {
  const cutoff = new Date(deps.now().getTime() - keepDays * 86_400_000).toISOString();
  const old = await deps.db
    .selectFrom('export_batches')
    .select('id')
    .where('status', 'in', ['sent', 'acknowledged'])
    .where('created_at', '<', cutoff)
    .execute();
  const pruned: string[] = [];
  for (const { id } of old) {
    const dir = stagingDir(dataDir, id);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n !== MANIFEST_FILE);
    } catch {
      continue;
    }
    if (names.length === 0) continue;
    for (const n of names) await rm(join(dir, n), { recursive: true, force: true });
    pruned.push(id);
  }
  if (pruned.length > 0) {
    const at = deps.now().toISOString();
    await writeTransaction(deps.db, (trx) =>
      writeAudit(trx, {
        at,
        actorId: null,
        action: 'export.prune',
        entity: 'export_batch',
        entityId: pruned[0]!,
        after: { batchIds: pruned, keepDays },
        note: `删除 ${pruned.length} 个已导出批次的暂存文件（保留 ${keepDays} 天，清单与校验值保留）`,
      }),
    );
  }
  return pruned;
}
