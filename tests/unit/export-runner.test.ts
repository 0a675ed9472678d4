// Export runs end to end: real SQLite, real files in temp folders, a real HTTP
// server on 127.0.0.1. Each delivery is checked by reading what arrived.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { VISIT_HEADERS } from '../../electron/backend/services/export/columns';
import { buildIncrementalBatch } from '../../electron/backend/services/export/batch';
import { jsonlLineSchema } from '../../electron/backend/services/export/formats/jsonl-schema';
import { reexportRange, runExport } from '../../electron/backend/services/export/runner';
import { sha256File } from '../../electron/backend/services/export/staging';
import { loadDestinations } from '../../electron/backend/services/export/settings';
import { getExportOverview, listFailures } from '../../electron/backend/services/export/status';
import type { Destination } from '../../electron/backend/services/export/types';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { startDistrictServer, type DistrictServer } from '../support/district-server';
import { addFolder, addHttp, adminActor, correction } from '../support/export';

let hall: TestHall;
let clerk: Client;
let target: string;
let server: DistrictServer | null = null;

useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
  target = hall.tempDir('export-target-');
  hall.defer(async () => {
    await server?.close();
    server = null;
  });
});

const db = () => hall.backend.deps.db;
const run = async () => runExport(hall.backend.deps, { dataDir: hall.dir, actorId: (await adminActor(hall)).id });
const person = (n: number) =>
  visitInput({ idNumber: residentId('110105', '19700101', String(100 + n)), name: `来访人${'甲乙丙丁戊己庚辛'[n]}` });

async function count(table: 'outbox' | 'export_batches' | 'export_record_states') {
  return Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

function batchFolders(): string[] {
  return readdirSync(target).sort();
}

function jsonlKeys(folder: string): string[] {
  return readFileSync(join(target, folder, 'records.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => jsonlLineSchema.parse(JSON.parse(l)))
    .map((r) => `${r.entity}/${r.id}/${r.version}`);
}

async function statesOf(destId: string) {
  return db().selectFrom('export_record_states').selectAll().where('destination_id', '=', destId).execute();
}

describe('folder destination', () => {
  it('writes each batch atomically into its own folder: files, then a manifest whose SHA-256 match the files', async () => {
    for (let i = 0; i < 3; i++) await clerk.call('visits.register', person(i));
    const dest = await addFolder(hall, target);
    const outboxBefore = await count('outbox');

    const r = await run();
    expect(r.destinations[0]!.batches).toEqual([expect.objectContaining({ status: 'sent', records: outboxBefore, error: null })]);
    const [folder] = batchFolders();
    expect(folder).toMatch(/^20261124-090000_[0-9a-f-]{36}$/);
    const names = readdirSync(join(target, folder!)).sort();
    expect(names).toEqual(['manifest.json', 'records.jsonl', '来访登记表.csv', '来访登记表.xlsx'].sort());
    const manifest = JSON.parse(readFileSync(join(target, folder!, 'manifest.json'), 'utf8')) as {
      batchId: string;
      recordCount: number;
      files: { name: string; sha256: string; bytes: number; rows: number }[];
    };
    expect(manifest.recordCount).toBe(outboxBefore);
    for (const f of manifest.files) {
      expect(await sha256File(join(target, folder!, f.name)), f.name).toBe(f.sha256);
      expect(readFileSync(join(target, folder!, f.name)).length).toBe(f.bytes);
    }
    expect(manifest.files.find((f) => f.name === '来访登记表.xlsx')?.rows).toBe(3);
    // The batch row holds the same proof.
    const batch = await db().selectFrom('export_batches').selectAll().where('id', '=', manifest.batchId).executeTakeFirstOrThrow();
    expect(JSON.parse(batch.files_json!)).toEqual(manifest.files);
    expect(batch).toMatchObject({ status: 'sent', kind: 'incremental', from_seq: 1, to_seq: outboxBefore, record_count: outboxBefore });
    expect((await statesOf(dest.id)).every((s) => s.state === 'sent')).toBe(true);
    // Exporting is audited, with who asked and what went; the outbox keeps everything.
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'export.batch').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe((await adminActor(hall)).id);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ destination: 'U盘', records: outboxBefore, status: 'sent' });
    expect(await count('outbox')).toBe(outboxBefore);
  });

  it('sends only what is new or changed on the next run, a corrected visit as version 2', async () => {
    const first = await clerk.call('visits.register', person(0));
    await clerk.call('visits.register', person(1));
    await addFolder(hall, target);
    await run();
    const seqAfterFirst = await count('outbox');

    hall.clock.now = new Date('2026-11-24T02:00:00Z');
    await clerk.call('visits.correct', correction(first, { summary: '补贴问题已部分解决，仍有争议' }));
    const third = await clerk.call('visits.register', person(2));
    await run();
    const folders = batchFolders();
    expect(folders).toHaveLength(2);
    const keys = jsonlKeys(folders[1]!);
    expect(keys).toContain(`visit/${first.id}/2`);
    expect(keys).toContain(`visit/${third.id}/1`);
    expect(keys).not.toContain(`visit/${first.id}/1`);
    expect(keys).toHaveLength((await count('outbox')) - seqAfterFirst);
    const wb = XLSX.read(readFileSync(join(target, folders[1]!, '来访登记表.xlsx')));
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[wb.SheetNames[0]!]!);
    expect(rows.map((r) => [r['登记编号'], r['版本'], r['诉求摘要']])).toEqual([
      [first.visitNo, 2, '补贴问题已部分解决，仍有争议'],
      [third.visitNo, 1, '小区加装电梯补贴未落实'],
    ]);

    // Nothing new: no batch at all.
    const r = await run();
    expect(r.destinations[0]!.batches).toEqual([]);
    expect(batchFolders()).toHaveLength(2);
  });

  it('keeps records through an outage (the USB stick is missing) and delivers them once it is back', async () => {
    const usb = join(target, 'usb');
    await clerk.call('visits.register', person(0));
    const dest = await addFolder(hall, usb, { formats: ['jsonl'] });
    const r1 = await run();
    expect(r1.destinations[0]!.batches[0]).toMatchObject({ status: 'failed' });
    expect(r1.destinations[0]!.batches[0]!.error).toContain('不存在或无法访问');
    expect(existsSync(usb)).toBe(false); // not created on the local disk in its place
    const failures = await listFailures(hall.backend.deps, dest.id);
    expect(failures.length).toBe(await count('outbox'));
    expect(failures[0]!.lastError).toContain('U盘或共享盘是否已连接');

    mkdirSync(usb);
    await clerk.call('visits.register', person(1));
    const r2 = await run();
    expect(r2.destinations[0]!.batches).toEqual([expect.objectContaining({ status: 'sent' })]);
    const [folder] = readdirSync(usb);
    const arrived = readFileSync(join(usb, folder!, 'records.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(arrived).toHaveLength(await count('outbox'));
    expect(await listFailures(hall.backend.deps, dest.id)).toEqual([]);
    expect((await statesOf(dest.id)).map((s) => s.state)).toEqual(Array(arrived.length).fill('sent'));
  });

  it('finishes a batch left pending by a crash before its files were written, without a second batch', async () => {
    await clerk.call('visits.register', person(0));
    const view = await addFolder(hall, target);
    const [dest] = await loadDestinations(db(), { id: view.id });
    const orphan = await buildIncrementalBatch(hall.backend.deps, dest as Destination, {
      now: hall.clock.now,
      runBatchIds: [],
      actorId: null,
    });
    expect(orphan?.status).toBe('pending');
    const r = await run();
    expect(r.destinations[0]!.batches).toEqual([expect.objectContaining({ batchId: orphan!.id, status: 'sent' })]);
    expect(await count('export_batches')).toBe(1);
    expect(batchFolders()).toEqual([expect.stringContaining(orphan!.id)]);
  });

  it('lets only one run at a time export to a destination', async () => {
    for (let i = 0; i < 3; i++) await clerk.call('visits.register', person(i));
    await addFolder(hall, target);
    const [a, b] = await Promise.all([run(), run()]);
    const skipped = [a, b].filter((r) => r.destinations[0]!.skipped);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.destinations[0]!.skipped).toContain('另一个导出正在进行');
    expect(batchFolders()).toHaveLength(1);
    expect(await count('export_batches')).toBe(1);
  });
});

describe('HTTP destination', () => {
  it('survives two 500s and a hang past the timeout: every record arrives once, with the district’s ids stored', async () => {
    server = await startDistrictServer({ script: ['fail500', 'fail500', 'hang'] });
    for (let i = 0; i < 3; i++) await clerk.call('visits.register', person(i));
    const dest = await addHttp(hall, server.url, server.token, { timeoutMs: 1000, retries: 1 });
    const total = await count('outbox');

    // Run 1: 500, retry, 500 → failed, visible with a Chinese reason.
    const r1 = await run();
    expect(r1.destinations[0]!.batches).toEqual([
      expect.objectContaining({ status: 'failed', error: '区信访信息系统返回错误（HTTP 500），已重试1次' }),
    ]);
    const failures = await listFailures(hall.backend.deps, dest.id);
    expect(failures).toHaveLength(total);
    expect(failures.every((f) => f.lastError === '区信访信息系统返回错误（HTTP 500），已重试1次' && f.failures === 1)).toBe(true);
    expect(failures.map((f) => f.label)).toContain('LF20261124-0001 来访人甲');
    const o1 = await getExportOverview(hall.backend.deps);
    expect(o1.destinations[0]).toMatchObject({
      failedCount: total,
      unsentCount: 0,
      failureReasons: [{ reason: '区信访信息系统返回错误（HTTP 500），已重试1次', count: total }],
    });
    expect(o1.destinations[0]!.recentBatches[0]).toMatchObject({ status: 'failed', statusLabel: '失败' });

    // Run 2 (the first retry is at once): the request hangs past the timeout, the retry gets the answer.
    const r2 = await run();
    expect(r2.destinations[0]!.batches).toEqual([expect.objectContaining({ status: 'acknowledged', records: total })]);
    expect(server.requests.map((q) => q.action)).toEqual(['fail500', 'fail500', 'hang', 'replay']);
    expect(server.applied.size).toBe(total);
    expect(server.duplicates).toBe(0);
    expect(server.invalid).toEqual([]);
    const states = await statesOf(dest.id);
    expect(states.every((s) => s.state === 'acknowledged' && s.last_error === null)).toBe(true);
    for (const s of states) expect(s.district_id).toBe(server.applied.get(`${s.entity}/${s.entity_id}/${s.entity_version}`));
    expect(await listFailures(hall.backend.deps, dest.id)).toEqual([]);
    const o2 = await getExportOverview(hall.backend.deps);
    expect(o2.destinations[0]).toMatchObject({
      failedCount: 0,
      sendingCount: 0,
      unsentCount: 0,
      lastSuccessAt: hall.clock.now.toISOString(),
    });
    expect(o2.destinations[0]!.recentBatches[0]).toMatchObject({ status: 'acknowledged', accepted: total, rejected: 0 });
  });

  it('sends a large batch as parts, each with its own idempotency key', async () => {
    server = await startDistrictServer();
    for (let i = 0; i < 4; i++) await clerk.call('visits.register', person(i));
    await addHttp(hall, server.url, server.token, { partSize: 3 });
    const total = await count('outbox');
    await run();
    expect(server.requests.map((q) => q.part)).toEqual(Array.from({ length: Math.ceil(total / 3) }, (_, i) => i + 1));
    expect(new Set(server.requests.map((q) => q.key)).size).toBe(server.requests.length);
    expect(server.applied.size).toBe(total);
  });

  it('does not retry a refused token in the same run, and says to check it', async () => {
    server = await startDistrictServer();
    await clerk.call('visits.register', person(0));
    await addHttp(hall, server.url, 'wrong-token', { retries: 3 });
    const r = await run();
    expect(r.destinations[0]!.batches[0]!.error).toBe('区信访信息系统拒绝访问（HTTP 401），请检查令牌');
    expect(server.requests).toHaveLength(1);
  });

  it('keeps a record the district rejects failed at that destination only, retries it there with back-off, and clears it once accepted', async () => {
    server = await startDistrictServer();
    await clerk.call('visits.register', person(0));
    const wang = await clerk.call('visits.register', visitInput({ idNumber: residentId('310101', '19800202', '345'), name: '王五' }));
    server.reject = (r) => (r.entity === 'visit' && r.data.name === '王五' ? '证件号码与户籍信息不符' : null);
    const folder = await addFolder(hall, target);
    const http = await addHttp(hall, server.url, server.token);
    const total = await count('outbox');

    const r1 = await run();
    expect(r1.destinations.map((d) => d.batches[0]?.status).sort()).toEqual(['acknowledged', 'sent']);
    expect((await statesOf(folder.id)).every((s) => s.state === 'sent')).toBe(true);
    const f1 = await listFailures(hall.backend.deps, http.id);
    expect(f1).toEqual([
      expect.objectContaining({
        entity: 'visit',
        entityId: wang.id,
        version: 1,
        failures: 1,
        lastError: '区信访信息系统退回：证件号码与户籍信息不符',
        label: `${wang.visitNo} 王五`,
      }),
    ]);
    expect(await listFailures(hall.backend.deps, folder.id)).toEqual([]);
    expect(server.applied.size).toBe(total - 1);

    // Next run: retried at once, at the HTTP destination only, just that record.
    const r2 = await run();
    const byName = Object.fromEntries(r2.destinations.map((d) => [d.name, d.batches]));
    expect(byName['U盘']).toEqual([]);
    expect(byName['区信访信息系统']).toEqual([expect.objectContaining({ records: 1, status: 'acknowledged' })]);
    expect(server.requests.at(-1)!.records).toBe(1);
    const f2 = await listFailures(hall.backend.deps, http.id);
    expect(f2[0]).toMatchObject({ failures: 2 });
    // Second failure: five minutes' back-off; a run before then leaves it alone.
    expect(f2[0]!.nextAttemptAt).toBe(new Date(hall.clock.now.getTime() + 5 * 60_000).toISOString());
    hall.clock.now = new Date(hall.clock.now.getTime() + 4 * 60_000);
    expect((await run()).destinations.flatMap((d) => d.batches)).toEqual([]);

    // The district fixes its side; after the back-off the record goes through and the failure is gone.
    server.reject = () => null;
    hall.clock.now = new Date(hall.clock.now.getTime() + 60_000);
    await run();
    expect(await listFailures(hall.backend.deps, http.id)).toEqual([]);
    expect(server.applied.size).toBe(total);
    expect(server.duplicates).toBe(0);
    expect((await statesOf(http.id)).every((s) => s.state === 'acknowledged' && s.district_id)).toBe(true);
  });
});

describe('re-export of a date range', () => {
  it('retries a failed re-export as the same batch once the folder is back', async () => {
    await clerk.call('visits.register', person(0));
    const usb = join(target, 'usb');
    await addFolder(hall, usb, { formats: ['csv'] });
    const actorId = (await adminActor(hall)).id;
    const r1 = await reexportRange(hall.backend.deps, {
      dataDir: hall.dir,
      actorId,
      from: '2026-11-24',
      to: '2026-11-24',
      incremental: false,
    });
    const failed = r1.destinations[0]!.batches[0]!;
    expect(failed).toMatchObject({ kind: 'reexport', status: 'failed' });
    const o = await getExportOverview(hall.backend.deps);
    expect(o.destinations[0]!.recentBatches[0]).toMatchObject({
      kind: 'reexport',
      kindLabel: '重新导出',
      status: 'failed',
      nextAttemptAt: hall.clock.now.toISOString(),
    });
    mkdirSync(usb);
    const r2 = await run();
    expect(r2.destinations[0]!.batches[0]).toMatchObject({ batchId: failed.batchId, kind: 'reexport', status: 'sent', records: 1 });
    // The run then sends the incremental batch of the outbox as usual.
    expect(r2.destinations[0]!.batches[1]).toMatchObject({ kind: 'incremental', status: 'sent' });
    expect(readdirSync(usb)).toHaveLength(2);
    expect(readdirSync(usb)).toContainEqual(expect.stringContaining(failed.batchId));
  });

  it('sends the visits of those hall dates as they stand now, and only those', async () => {
    hall.clock.now = new Date('2026-11-22T02:00:00Z');
    await clerk.call('visits.register', person(0));
    hall.clock.now = new Date('2026-11-23T02:00:00Z');
    const a = await clerk.call('visits.register', person(1));
    const b = await clerk.call('visits.register', person(2));
    hall.clock.now = new Date('2026-11-24T02:00:00Z');
    await clerk.call('visits.register', person(3));
    const dest = await addFolder(hall, target);
    await run();
    await clerk.call('visits.correct', correction(a, { address: '北京市朝阳区和平街道𠮷祥里3号' }));
    const statesBefore = await count('export_record_states');

    hall.clock.now = new Date('2026-11-24T03:00:00Z');
    const r = await reexportRange(hall.backend.deps, {
      dataDir: hall.dir,
      actorId: (await adminActor(hall)).id,
      from: '2026-11-23',
      to: '2026-11-23',
    });
    const batches = r.destinations[0]!.batches;
    expect(batches[0]).toMatchObject({ kind: 'reexport', status: 'sent', records: 2 });
    const folder = batchFolders().find((f) => f.includes(batches[0]!.batchId))!;
    expect(jsonlKeys(folder).sort()).toEqual([`visit/${a.id}/2`, `visit/${b.id}/1`].sort());
    const wb = XLSX.read(readFileSync(join(target, folder, '来访登记表.xlsx')));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
    expect(rows[0]).toEqual(VISIT_HEADERS);
    expect(rows.slice(1).map((row) => row[VISIT_HEADERS.indexOf('住址')])).toEqual([
      '北京市朝阳区和平街道𠮷祥里3号',
      '北京市朝阳区和平街道12号',
    ]);
    const manifest = JSON.parse(readFileSync(join(target, folder, 'manifest.json'), 'utf8')) as {
      kind: string;
      rangeFrom: string;
      rangeTo: string;
    };
    expect(manifest).toMatchObject({ kind: 'reexport', rangeFrom: '2026-11-23', rangeTo: '2026-11-23' });
    // The correction's own incremental batch went too; the re-export added no record states
    // (one per outbox record version, no more).
    expect(batches.slice(1)).toEqual([expect.objectContaining({ kind: 'incremental', status: 'sent' })]);
    expect(await count('export_record_states')).toBe(await count('outbox'));
    expect(statesBefore).toBeLessThan(await count('outbox'));
    expect((await statesOf(dest.id)).every((s) => s.state === 'sent')).toBe(true);
    const audit = await db().selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'export.reexport').execute();
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ from: '2026-11-23', to: '2026-11-23', visits: 2 });
  });
});
