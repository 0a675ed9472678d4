// Personal data protection (issue 13): the export channel (https only, no
// redirects, the token sealed at rest and dropped when the endpoint moves),
// the files in the data folder (0700 / 0600, fixed at start), staged export
// batches pruned after the retention the administrator sets, and what a
// printed slip carries. Real HTTP servers on 127.0.0.1, real files.
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { KEY_FILE_NAME } from '../../electron/backend/security/secret-box';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { maskIdNumber } from '@shared/domain/identity';
import { addFolder, addHttp } from '../support/export';
import { publishedSession } from '../support/roster';

let hall: TestHall;
let clerk: Client;

useHall(async (h) => {
  hall = h;
  clerk = await h.as('clerk');
});

const posix = process.platform !== 'win32';
const mode = (p: string) => statSync(p).mode & 0o777;

/** A real server on 127.0.0.1 that answers every request with `status` (and a Location), counting what it got. */
async function serve(status: number, location = ''): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(status, location ? { location } : {});
      res.end(status === 200 ? JSON.stringify({ accepted: [], rejected: [] }) : '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/import`;
  hall.defer(() => new Promise<void>((r) => server.close(() => r())));
  return { url, hits };
}

describe('the export channel', () => {
  it('refuses a plain http:// address that is not this machine when it is saved, with a message on the field', async () => {
    const r = await hall.admin.fail('export.saveDestination', {
      kind: 'http',
      name: '区系统',
      url: 'http://xf.example.gov.cn/api/import',
      token: 'secret',
    });
    expect(r.code).toBe('VALIDATION');
    expect(r.fields?.url).toBe('请填写以 https:// 开头的完整地址（http:// 仅限本机测试地址）');
    for (const ok of ['https://xf.example.gov.cn/api/import', 'http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://[::1]:9/x'])
      expect((await hall.admin.call('export.saveDestination', { kind: 'http', name: ok, url: ok, token: 'secret' })).target).toBe(ok);
  });

  it('does not follow a redirect: the batch fails with the Chinese reason and nothing reaches the other address', async () => {
    const elsewhere = await serve(200);
    const redirecting = await serve(307, elsewhere.url);
    await clerk.call('visits.register', visitInput());
    await addHttp(hall, redirecting.url, 'district-token');
    const r = await hall.admin.call('export.runNow', {});
    expect(r.destinations[0]!.batches).toEqual([expect.objectContaining({ status: 'failed', error: '区系统返回重定向，已拒绝' })]);
    expect(redirecting.hits).toHaveLength(1); // refused, not retried
    expect(elsewhere.hits).toEqual([]);
  });

  it('keeps the token sealed, shows only 已设置 / 未设置, and drops it when the address moves to another origin', async () => {
    const saved = await addHttp(hall, 'https://xf.example.gov.cn/api/import', 'very-secret-token');
    expect(saved).toMatchObject({ hasToken: true, tokenStatus: '已设置', notice: null });
    const stored = async () =>
      (
        await hall.backend.deps.db
          .selectFrom('export_destinations')
          .select('config_json')
          .where('id', '=', saved.id)
          .executeTakeFirstOrThrow()
      ).config_json;
    expect(await stored()).not.toContain('very-secret-token');
    expect(await stored()).toMatch(/"tokenSealed":"file:/);
    // Another path on the same origin keeps the token.
    const samePlace = await addHttp(hall, 'https://xf.example.gov.cn/api/v2/import', '', { id: saved.id, token: null });
    expect(samePlace).toMatchObject({ tokenStatus: '已设置', notice: null });
    // Another host: the token is cleared and the administrator told; nothing is sent until a new one is entered.
    const moved = await addHttp(hall, 'https://other.example.com/api/import', '', { id: saved.id, token: null });
    expect(moved.tokenStatus).toBe('未设置');
    expect(moved.notice).toContain('原令牌已清除');
    expect(JSON.parse(await stored()).tokenSealed).toBe('');
    const overview = await hall.admin.call('export.overview', {});
    expect(overview.destinations[0]).toMatchObject({ tokenStatus: '未设置' });
    expect(JSON.stringify(overview)).not.toContain('very-secret-token');
    // A new token given with the new address is kept, and nothing is said.
    const fresh = await addHttp(hall, 'https://third.example.com/api/import', 'new-token', { id: saved.id });
    expect(fresh).toMatchObject({ tokenStatus: '已设置', notice: null });
    expect(hall.backend.deps.secrets.open(JSON.parse(await stored()).tokenSealed)).toBe('new-token');
  });

  it('seals a token an older version stored in plain text on the first read, audited without the token', async () => {
    const d = await addHttp(hall, 'https://xf.example.gov.cn/api/import', 'x');
    const plain = {
      url: 'https://xf.example.gov.cn/api/import',
      token: 'old-plain-token',
      timeoutMs: 1000,
      retries: 0,
      retryBaseMs: 10,
      partSize: 500,
    };
    await hall.backend.deps.db
      .updateTable('export_destinations')
      .set({ config_json: JSON.stringify(plain) })
      .where('id', '=', d.id)
      .execute();
    expect((await hall.admin.call('export.overview', {})).destinations[0]!.tokenStatus).toBe('已设置');
    const row = await hall.backend.deps.db
      .selectFrom('export_destinations')
      .select('config_json')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(row.config_json).not.toContain('old-plain-token');
    expect(hall.backend.deps.secrets.open(JSON.parse(row.config_json).tokenSealed)).toBe('old-plain-token');
    const audit = await hall.backend.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export.destination.seal_token')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('old-plain-token');
  });
});

describe('files in the data folder', () => {
  it.runIf(posix)('are the app user’s only: folder 0700; database, WAL, key file, staged batches and archives 0600', async () => {
    const target = hall.tempDir('usb-');
    await clerk.call('visits.register', visitInput());
    await addFolder(hall, target);
    await addHttp(hall, 'https://xf.example.gov.cn/api/import', 'sealed-token'); // makes the key file
    await hall.admin.call('export.runNow', {});
    expect(mode(hall.dir)).toBe(0o700);
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) {
          expect(mode(p), p).toBe(0o700);
          walk(p);
        } else files.push(p);
      }
    };
    walk(hall.dir);
    expect(files.some((f) => f.endsWith(KEY_FILE_NAME))).toBe(true);
    expect(files.some((f) => f.includes(join('exports', '')) && f.endsWith('records.jsonl'))).toBe(true);
    if (hall.backend.store.engine === 'sqlite') {
      expect(files).toEqual(expect.arrayContaining([join(hall.dir, DB_FILE_NAME), join(hall.dir, `${DB_FILE_NAME}-wal`)]));
    }
    for (const f of files) expect(mode(f), f).toBe(0o600);
  });

  it.runIf(posix)('left world-readable by an older version, they are fixed when the app starts', async () => {
    const dir = hall.tempDir('old-data-');
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'notices', '2026'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dir, 'notices', '2026', 'old.pdf'), '%PDF-1.7', { mode: 0o644 });
    chmodSync(join(dir, 'notices', '2026', 'old.pdf'), 0o644);
    const b = await createBackend({ dataDir: dir, database: hall.database === join(hall.dir, DB_FILE_NAME) ? undefined : hall.database });
    try {
      expect(mode(dir)).toBe(0o700);
      expect(mode(join(dir, 'notices'))).toBe(0o700);
      expect(mode(join(dir, 'notices', '2026', 'old.pdf'))).toBe(0o600);
    } finally {
      await b.close();
    }
  });

  it('prunes the staged files of delivered batches after the days the administrator set, keeping the manifest, audited', async () => {
    const target = hall.tempDir('usb-');
    await clerk.call('visits.register', visitInput());
    await addFolder(hall, target);
    const first = (await hall.admin.call('export.runNow', {})).destinations[0]!.batches[0]!;
    const staged = join(hall.dir, 'exports', first.batchId);
    const stagedFiles = readdirSync(staged);
    expect(stagedFiles).toHaveLength(4);
    expect(stagedFiles).toContain('manifest.json');
    const settings = await hall.admin.call('export.overview', {});
    expect(settings.keepStagedDays).toBe(90);
    expect(
      (await hall.admin.fail('export.saveSettings', { schedules: settings.schedules, keepStagedDays: 0 })).fields?.keepStagedDays,
    ).toBe('暂存保留天数至少1天');
    await hall.admin.call('export.saveSettings', { schedules: settings.schedules, keepStagedDays: 120 });

    hall.clock.now = new Date(hall.clock.now.getTime() + 91 * 86_400_000);
    await hall.admin.call('export.runNow', {});
    expect(readdirSync(staged)).toHaveLength(4); // 91 days < 120
    await hall.admin.call('export.saveSettings', { schedules: settings.schedules, keepStagedDays: 90 });
    await hall.admin.call('export.runNow', {});
    expect(readdirSync(staged)).toEqual(['manifest.json']);
    // The hashes stay in the batch row, and the delivered copy is untouched.
    const batch = await hall.backend.deps.db
      .selectFrom('export_batches')
      .selectAll()
      .where('id', '=', first.batchId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(batch.files_json ?? '[]')).toHaveLength(3);
    expect(existsSync(join(target, readdirSync(target)[0]!, 'records.jsonl'))).toBe(true);
    const audit = await hall.backend.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.prune').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ batchIds: [first.batchId], keepDays: 90 });
  });
});

describe('printed slips', () => {
  it('a receipt carries what the paper prints: the ID number masked, no phone, address or corrections', async () => {
    const v = await clerk.call(
      'visits.register',
      visitInput({ idNumber: residentId('110105', '19700101', '321'), phone: '13912345678', address: '和平街道幸福里5号' }),
    );
    const { route } = await clerk.call('print.submit', { template: 'receipt', refId: v.id });
    const slip = await clerk.call('print.slip', { token: route.split('/').pop()! });
    const text = JSON.stringify(slip);
    expect(slip).toMatchObject({ template: 'receipt', visit: { visitNo: v.visitNo, idNumberMasked: maskIdNumber(v.idNumber) } });
    expect(maskIdNumber(v.idNumber)).toMatch(/^110105\*{8}\d{3}[\dX]$/);
    for (const secret of [v.idNumber, '13912345678', '和平街道幸福里5号']) expect(text).not.toContain(secret);
  });

  it('a clerk may neither preview nor print a leader’s talk record', async () => {
    const leader = await hall.as('leader', 'wang');
    const leaderId = (await hall.admin.call('users.list', {})).find((u) => u.username === 'wang')!.id;
    const s = await publishedSession(hall.admin, leaderId, '2026-11-24');
    const v = await clerk.call('visits.register', visitInput());
    const b = await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
    await leader.call('reception.callNext', { sessionId: s.id });
    const t = await leader.call('reception.record', { bookingId: b.id, notes: '领导的接谈记录', decision: 'accepted', unit: '区住建局' });
    for (const m of ['print.preview', 'print.submit'] as const) {
      const r = await clerk.fail(m, { template: 'talk_record', refId: t.id });
      expect(r).toMatchObject({ code: 'FORBIDDEN', message: '登记员不能查看或打印领导的接谈记录' });
    }
    await leader.call('print.preview', { template: 'talk_record', refId: t.id });
  });
});
