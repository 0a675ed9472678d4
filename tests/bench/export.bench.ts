// Export benchmark: a full re-export of every visit in the district database
// to a folder destination, once per format, each in a fresh child process so
// that each format's peak memory is its own.
//   node --import tsx tests/bench/export.bench.ts --visits 20000
//   node --import tsx tests/bench/export.bench.ts --visits 1000000
//   node --import tsx tests/bench/export.bench.ts --data /path/to/copy   (a copy of a bench database)
// Prints, per format: time, rows/s, file size, peak RSS (sampled every 100 ms,
// and the kernel's max RSS), next to a raw better-sqlite3 baseline that reads
// the same rows and writes bare JSON lines. Memory should not grow with the
// number of visits: compare a 20,000 run with a 1,000,000 run.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { reexportRange } from '../../electron/backend/services/export/runner';
import { destinationInput } from '@shared/api/schemas/export';
import { saveDestination } from '../../electron/backend/services/export/settings';
import type { BatchFile } from '../../electron/backend/services/export/types';
import { BENCH_ADMIN } from './generate';
import { ensureDatabase } from './measure';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '20161101' },
    data: { type: 'string' },
    formats: { type: 'string', default: 'jsonl,csv,xlsx' },
    child: { type: 'boolean', default: false },
    format: { type: 'string' },
  },
});

interface Result {
  format: string;
  rows: number;
  ms: number;
  bytes: number;
  baseRss: number;
  peakRss: number;
  maxRss: number;
}

const MiB = 1024 * 1024;

/** Samples RSS every 100 ms; the kernel's maxRSS backs it up (a sample can miss a spike). */
function sampler() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    stop() {
      clearInterval(t);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** The floor: the same visits read with raw better-sqlite3 and written as bare JSON lines. */
function rawBaseline(dir: string, out: string): Result {
  const baseRss = process.memoryUsage().rss;
  const s = sampler();
  const t0 = process.hrtime.bigint();
  const db = new BetterSqlite3(join(dir, DB_FILE_NAME), { readonly: true });
  const fd = openSync(out, 'w');
  let rows = 0;
  let buf: string[] = [];
  let bytes = 0;
  const flush = () => {
    const b = Buffer.from(buf.join(''));
    bytes += b.length;
    writeSync(fd, b);
    buf = [];
  };
  for (const r of db
    .prepare(
      `SELECT v.*, p.gender, p.birth_date FROM visits v LEFT JOIN petitioners p ON p.id = v.petitioner_id ORDER BY v.visit_date, v.visit_no`,
    )
    .iterate()) {
    buf.push(JSON.stringify(r) + '\n');
    if (++rows % 2000 === 0) flush();
  }
  flush();
  closeSync(fd);
  db.close();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { format: 'raw', rows, ms, bytes, baseRss, peakRss: s.stop(), maxRss: process.resourceUsage().maxRSS * 1024 };
}

async function child(dir: string, format: string): Promise<Result> {
  const scratch = join(dir, 'export-bench-scratch');
  const target = join(dir, 'export-bench-target');
  rmSync(scratch, { recursive: true, force: true });
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  try {
    if (format === 'raw') return rawBaseline(dir, join(target, 'raw.jsonl'));
    const backend = await createBackend({ dataDir: dir });
    const deps = backend.deps;
    const admin = await deps.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('username', '=', BENCH_ADMIN)
      .executeTakeFirstOrThrow();
    const actor = { id: admin.id, role: 'admin' as const, displayName: admin.display_name };
    const range = await deps.db
      .selectFrom('visits')
      .select((eb) => [eb.fn.min('visit_date').as('from'), eb.fn.max('visit_date').as('to')])
      .executeTakeFirstOrThrow();
    const dest = await saveDestination(
      deps,
      actor,
      destinationInput.parse({ kind: 'folder', name: `基准-${format}`, path: resolve(target), formats: [format] }),
    );
    const baseRss = process.memoryUsage().rss;
    const s = sampler();
    const t0 = process.hrtime.bigint();
    const r = await reexportRange(deps, {
      dataDir: scratch,
      destinationId: dest.id,
      actorId: actor.id,
      from: range.from as string,
      to: range.to as string,
      incremental: false,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const peakRss = s.stop();
    const b = r.destinations[0]!.batches[0]!;
    if (b.status !== 'sent') throw new Error(`re-export failed: ${b.error}`);
    const batch = await deps.db.selectFrom('export_batches').selectAll().where('id', '=', b.batchId).executeTakeFirstOrThrow();
    const [file] = JSON.parse(batch.files_json!) as BatchFile[];
    // Bench data only: remove what the run added to the export tables.
    await deps.db.deleteFrom('export_batches').where('destination_id', '=', dest.id).execute();
    await deps.db.deleteFrom('export_destinations').where('id', '=', dest.id).execute();
    await backend.close();
    return { format, rows: file!.rows, ms, bytes: file!.bytes, baseRss, peakRss, maxRss: process.resourceUsage().maxRSS * 1024 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(target, { recursive: true, force: true });
  }
}

async function main() {
  const visits = Number(args.visits);
  const dir = args.data ?? join('bench-data', `district-${visits}`);
  if (args.child) {
    const r = await child(dir, args.format!);
    process.stdout.write(`\nRESULT ${JSON.stringify(r)}\n`);
    return;
  }
  if (!args.data) await ensureDatabase(join(dir, DB_FILE_NAME), visits, Number(args.seed));
  // Migrate once here (0004_export on an older bench file), so no child pays for it.
  await (await createBackend({ dataDir: dir })).close();

  const results: Result[] = [];
  for (const format of ['raw', ...args.formats.split(',')]) {
    console.log(`Re-exporting every visit as ${format} …`);
    const p = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'tests/bench/export.bench.ts', '--child', '--format', format, '--data', dir],
      { encoding: 'utf8', maxBuffer: 64 * MiB },
    );
    const line = p.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (p.status !== 0 || !line) throw new Error(`${format} failed (${p.status}): ${p.stderr}`);
    const r = JSON.parse(line.slice(7)) as Result;
    results.push(r);
    console.log(`  ${r.rows.toLocaleString('en')} rows in ${(r.ms / 1000).toFixed(1)} s`);
  }

  const raw = results[0]!;
  console.log('');
  console.log('| format | rows | time s | rows/s | vs raw | file MiB | RSS before MiB | peak RSS (sampled) MiB | max RSS MiB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.format === 'raw' ? 'raw better-sqlite3 → JSON lines (baseline)' : r.format} | ${r.rows.toLocaleString('en')} | ${(r.ms / 1000).toFixed(1)} | ${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en')} | ${(r.ms / raw.ms).toFixed(1)}× | ${(r.bytes / MiB).toFixed(1)} | ${(r.baseRss / MiB).toFixed(0)} | ${(r.peakRss / MiB).toFixed(0)} | ${(r.maxRss / MiB).toFixed(0)} |`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
