// 备份与恢复 (issue 13): online backups of the SQLite file while other processes
// write, verified and listed; rotation over 400 days of the hall's clock; a
// damaged backup found and refused; restore under the running backend keeping
// the replaced database aside and bringing back the archived PDFs; a restore
// killed (SIGKILL) before and after its swap; administrator only. On
// PostgreSQL the app does not back up (the database server does) and says so.
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSWORD, visitInput, residentId, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { onPostgres } from '../support/engine';
import { rotation } from '../../electron/backend/services/backup/rotation';
import { hallDate } from '@shared/time';
import { createBackend } from '../../electron/backend/backend';
import { startBackupScheduler } from '../../electron/backend/services/backup/scheduler';

const ROOT = join(__dirname, '../..');
const mode = (p: string) => statSync(p).mode & 0o777;
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

let hall: TestHall;
let clerk: Client;

function visitIds(file: string): Set<string> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return new Set(db.prepare('SELECT id FROM visits').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

if (onPostgres) {
  useHall(async (h) => {
    hall = h;
  });
  describe('backups on PostgreSQL', () => {
    it('are the database server’s: the screen says so and 立即备份 is refused with the reason', async () => {
      const o = await hall.admin.call('backup.overview', {});
      expect(o).toMatchObject({ engine: 'postgres', backups: [], current: null });
      const e = await hall.admin.fail('backup.runNow', {});
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain('pg_dump');
    });
  });
} else {
  describe('备份与恢复 (SQLite)', () => {
    useHall(
      async (h) => {
        hall = h;
        clerk = await h.as('clerk', 'backupclerk');
      },
      { start: new Date() }, // child processes use the real clock
    );

    async function useFolder(): Promise<string> {
      const folder = join(hall.tempDir('backups-'), '大厅备份');
      await hall.admin.call('backup.saveSettings', { folder, dailyAt: '22:30' });
      return folder;
    }

    it('is for the administrator only, checked in the backend', async () => {
      const leader = await hall.as('leader');
      for (const c of [clerk, leader])
        for (const m of [
          'backup.overview',
          'backup.saveSettings',
          'backup.runNow',
          'backup.verify',
          'backup.planRestore',
          'backup.restore',
        ] as const)
          expect((await c.fail(m, {})).code, m).toBe('FORBIDDEN');
    });

    it('a backup taken while 3 processes register visits restores (command line) to a whole database with every visit confirmed before it began', async () => {
      const folder = await useFolder();
      const confirmed = new Set<string>();
      const workers = [1, 2, 3].map((n) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(ROOT, 'tests/support/backup-writer.ts'), hall.dir, String(n), 'backupclerk', PASSWORD],
          { stdio: ['pipe', 'pipe', 'inherit'], cwd: ROOT },
        );
        let ready: () => void = () => undefined;
        const isReady = new Promise<void>((r) => (ready = r));
        let buf = '';
        let count = 0;
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          const lines = buf.split('\n');
          buf = lines.pop()!;
          for (const l of lines) {
            if (l === 'READY') ready();
            else if (l.startsWith('OK ')) {
              confirmed.add(l.slice(3));
              count++;
            }
          }
        });
        const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
        return { child, isReady, exited, count: () => count };
      });
      await Promise.all(workers.map((w) => w.isReady));
      // every worker has confirmed some visits before the backup starts, and goes on during it
      const until = async (ok: () => boolean) => {
        while (!ok()) {
          if (workers.some((w) => w.child.exitCode !== null)) throw new Error('a writer process ended early');
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await until(() => workers.every((w) => w.count() >= 5));
      const before = new Set(confirmed);
      const backup = await hall.admin.call('backup.runNow', {});
      const during = workers.map((w) => w.count());
      await until(() => workers.every((w, i) => w.count() >= during[i]! + 3));
      workers.forEach((w) => w.child.stdin.end('stop\n'));
      expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0, 0]);

      const file = join(folder, `${backup.name}.sqlite3`);
      expect(backup.sha256).toBe(sha(file));
      expect(backup.bytes).toBe(statSync(file).size);
      expect(backup.problem).toBeNull();
      // restored by the command into a fresh data folder
      const fresh = hall.tempDir('restored-');
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'electron/backend/backup-cli.ts'), 'restore', '--data', fresh, '--from', file, '--yes'],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('恢复完成');
      const restored = join(fresh, 'petition-hall.sqlite3');
      expect(integrity(restored)).toBe('ok');
      const ids = visitIds(restored);
      const missing = [...before].filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      // and it is a snapshot: the visits confirmed after the backup ended are not in it
      expect(ids.size).toBeLessThan(confirmed.size);
      // personal data: the folder and the files are the app user's only
      expect(mode(folder)).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(join(folder, `${backup.name}.json`))).toBe(0o600);
      const audit = await hall.admin.call('audit.query', { filter: { action: 'backup.create', from: null, to: null } });
      expect(audit.total).toBe(1);
    }, 300_000);

    it('rotation keeps the newest of each of the last 7 days, 4 weeks and 12 months: 400 days simulated, the last 45 through real backups', async () => {
      // 400 days of a backup at 22:30 in the hall (14:30 UTC), 2025-10-27 … 2026-11-30, each followed by rotation
      const start = Date.UTC(2025, 9, 27, 14, 30);
      let kept: string[] = [];
      for (let d = 0; d < 400; d++) kept = [...rotation([...kept, new Date(start + d * 86_400_000).toISOString()]).keys()];
      const days = (times: string[]) => times.map((t) => hallDate(t).replaceAll('-', '')).sort();
      const LAST_WEEK = ['20261124', '20261125', '20261126', '20261127', '20261128', '20261129', '20261130'];
      expect(days(kept)).toEqual(
        [
          ...['20251231', '20260131', '20260228', '20260331', '20260430', '20260531', '20260630', '20260731', '20260831', '20260930'],
          ...['20261031', '20261115', '20261122'],
          ...LAST_WEEK,
        ].sort(),
      );
      // the service, with the hall's clock moved a day at a time: the files left are rotation's
      const folder = await useFolder();
      await clerk.call('visits.register', visitInput());
      for (let d = 355; d < 400; d++) {
        hall.clock.now = new Date(start + d * 86_400_000);
        await hall.admin.call('backup.runNow', {});
      }
      const listed = (await hall.admin.call('backup.overview', {})).backups;
      expect(listed.map((b) => b.name.slice(5, 13)).sort()).toEqual(['20261031', '20261115', '20261122', ...LAST_WEEK]);
      expect(listed.find((b) => b.name.startsWith('hall-20261130'))!.keptFor).toEqual(['日', '周', '月']);
      expect(listed.find((b) => b.name.startsWith('hall-20261115'))!.keptFor).toEqual(['周']);
      expect(listed.find((b) => b.name.startsWith('hall-20261031'))!.keptFor).toEqual(['月']);
      expect(readdirSync(folder).filter((f) => f.endsWith('.sqlite3')).length).toBe(10);
      expect(readdirSync(folder).filter((f) => f.endsWith('.json')).length).toBe(10);
      // each deletion is in the backup's audit row
      const rows = await hall.admin.call('audit.query', { filter: { action: 'backup.create', from: null, to: null }, pageSize: 200 });
      expect(rows.total).toBe(45);
    }, 300_000);

    it('a damaged backup is reported on verify and refused for restore; the current data stay', async () => {
      await useFolder();
      await clerk.call('visits.register', visitInput());
      const b = await hall.admin.call('backup.runNow', {});
      expect((await hall.admin.call('backup.verify', { name: b.name })).problem).toBeNull();
      const folder = (await hall.admin.call('backup.overview', {})).settings.folder;
      const file = join(folder, `${b.name}.sqlite3`);
      // one page in the middle overwritten: same size, different bytes
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
      closeSync(fd);
      const v = await hall.admin.call('backup.verify', { name: b.name });
      expect(v.problem).toMatch(/SHA-256/);
      const plan = await hall.admin.fail('backup.planRestore', { name: b.name });
      expect(plan.code).toBe('CONFLICT');
      expect(plan.message).toContain('备份已损坏，不能恢复');
      const r = await hall.admin.fail('backup.restore', { name: b.name, sha256: b.sha256 });
      expect(r.message).toContain('备份已损坏，不能恢复');
      // a file whose manifest hash was also rewritten is still caught by integrity_check
      const m = JSON.parse(readFileSync(join(folder, `${b.name}.json`), 'utf8')) as { sha256: string };
      m.sha256 = sha(file);
      writeFileSync(join(folder, `${b.name}.json`), JSON.stringify(m));
      expect((await hall.admin.call('backup.verify', { name: b.name })).problem).toMatch(/完整性检查未通过|行数不符|无法读取/);
      expect((await hall.admin.call('visits.listDay', {})).length).toBe(1);
      expect(existsSync(join(hall.dir, 'replaced'))).toBe(false);
    });

    it('restore under the running backend: confirmation names both databases, the replaced one is kept aside, the archive’s PDFs come back, audited', async () => {
      const folder = await useFolder();
      const early = await clerk.call('visits.register', visitInput());
      mkdirSync(join(hall.dir, 'notices', '2026'), { recursive: true });
      const pdf = join(hall.dir, 'notices', '2026', '0193a000-0000-7000-8000-00000000aaaa.pdf');
      writeFileSync(pdf, '%PDF-1.4 受理告知书\n%%EOF\n');
      const pdfHash = sha(pdf);
      const b = await hall.admin.call('backup.runNow', {});
      expect(b.archiveFiles).toBe(1);
      expect(mode(join(folder, 'archive', 'notices', '2026', '0193a000-0000-7000-8000-00000000aaaa.pdf'))).toBe(0o600);
      const late = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19800101', '222'), name: '李四' }));
      rmSync(pdf);

      const plan = await hall.admin.call('backup.planRestore', { name: b.name });
      expect(plan.current.visits).toBe(2);
      expect(plan.backup.visits).toBe(1);
      expect(plan.sha256).toBe(b.sha256);
      expect(plan.asideFolder).toBe(join(hall.dir, 'replaced'));
      // a confirmation of another file is refused
      expect((await hall.admin.fail('backup.restore', { name: b.name, sha256: '0'.repeat(64) })).message).toContain('重新打开恢复确认');

      const events: string[] = [];
      const stop = hall.backend.events.subscribe((e) => events.push(e.name));
      hall.defer(stop);
      const r = await hall.admin.call('backup.restore', { name: b.name, sha256: plan.sha256 });
      expect(r.archiveRestored).toBe(1);
      // the running backend now reads the backup's data; the admin's session goes on
      const visits = await hall.admin.call('visits.listDay', {});
      expect(visits.map((v) => v.id)).toEqual([early.id]);
      expect(events).toContain('system.restored');
      // the replaced database is kept, whole, with the later visit in it
      expect(existsSync(r.asideFile)).toBe(true);
      expect(integrity(r.asideFile)).toBe('ok');
      expect(visitIds(r.asideFile).has(late.id)).toBe(true);
      expect(mode(r.asideFile)).toBe(0o600);
      expect(sha(pdf)).toBe(pdfHash);
      // audited in the restored database, the chain whole
      const rows = await hall.admin.call('audit.query', { filter: { action: 'backup.restore', from: null, to: null } });
      expect(rows.total).toBe(1);
      expect((await hall.admin.call('audit.verify', {})).ok).toBe(true);
      // the backup settings of this machine survive the restore
      expect((await hall.admin.call('backup.overview', {})).settings.folder).toBe(folder);
    });

    it('another process on the same file hears of the restore, so its screens reload too', async () => {
      await useFolder();
      await clerk.call('visits.register', visitInput());
      const b = await hall.admin.call('backup.runNow', {});
      await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19800101', '222'), name: '李四' }));
      const other = await createBackend({ dataDir: hall.dir });
      hall.defer(() => other.close());
      let stop: () => void = () => undefined;
      const heard = new Promise<string>((resolve) => {
        stop = other.events.subscribe((e) => {
          if (e.name === 'system.restored') resolve(e.name);
        });
      });
      hall.defer(() => stop());
      const plan = await hall.admin.call('backup.planRestore', { name: b.name });
      await hall.admin.call('backup.restore', { name: b.name, sha256: plan.sha256 });
      expect(await heard).toBe('system.restored');
    });

    it('a restore killed (SIGKILL) just before or just after its swap leaves a whole database; the next start records which', async () => {
      const folder = await useFolder();
      const early = await clerk.call('visits.register', visitInput());
      const b = await hall.admin.call('backup.runNow', {});
      const late = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19800101', '222'), name: '李四' }));
      const ids = async () => (await hall.admin.call('visits.listDay', {})).map((v) => v.id).sort();
      const killedAt = (point: string) =>
        spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            join(ROOT, 'electron/backend/backup-cli.ts'),
            'restore',
            '--data',
            hall.dir,
            '--from',
            join(folder, `${b.name}.sqlite3`),
            '--yes',
          ],
          { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PETITION_HALL_TEST_RESTORE_KILL: point } },
        );
      const nextStart = async () => {
        const again = await createBackend({ dataDir: hall.dir });
        await again.close();
      };
      const actions = async () =>
        (await hall.admin.call('audit.query', { filter: { from: null, to: null }, pageSize: 200 })).rows
          .filter((r) => r.action.startsWith('backup.restore'))
          .map((r) => r.action);

      // killed before the swap: the database is the current one, whole; the next start says nothing was replaced
      expect(killedAt('before-swap').signal).toBe('SIGKILL');
      expect(existsSync(join(hall.dir, 'restore', 'journal.json'))).toBe(true);
      expect(integrity(join(hall.dir, 'petition-hall.sqlite3'))).toBe('ok');
      expect(await ids()).toEqual([early.id, late.id].sort());
      await nextStart();
      expect(existsSync(join(hall.dir, 'restore', 'journal.json'))).toBe(false);
      expect(await actions()).toEqual(['backup.restoreFailed']);
      expect(await ids()).toEqual([early.id, late.id].sort());

      // killed after the swap: the database is the backup, whole; the next start writes the restore's audit row
      expect(killedAt('after-swap').signal).toBe('SIGKILL');
      expect(integrity(join(hall.dir, 'petition-hall.sqlite3'))).toBe('ok');
      expect(await ids()).toEqual([early.id]);
      await nextStart();
      expect(await actions()).toEqual(['backup.restore']); // the failed attempt's row was after the backup: replaced with it
      expect((await hall.admin.call('audit.verify', {})).ok).toBe(true);
      // both replaced databases are kept
      expect(readdirSync(join(hall.dir, 'replaced')).filter((f) => f.endsWith('.sqlite3')).length).toBe(2);
    }, 300_000);

    it('the schedule (每天 HH:mm) backs up once per day and time, however many processes run it', async () => {
      await useFolder();
      const quiet = { log: () => undefined };
      const one = startBackupScheduler(hall.backend.deps, quiet)!;
      const two = startBackupScheduler(hall.backend.deps, quiet)!;
      hall.defer(() => {
        one.stop();
        two.stop();
      });
      expect(await one.tick()).toBe(true);
      expect(await two.tick()).toBe(false);
      expect((await hall.admin.call('backup.overview', {})).backups).toHaveLength(1);
      const rows = await hall.admin.call('audit.query', { filter: { action: 'backup.create', from: null, to: null } });
      expect(rows.rows[0]!.detail).toContain('定时');
    });

    it('a failed backup is audited and shown until one succeeds', async () => {
      const folder = await useFolder();
      rmSync(folder, { recursive: true });
      writeFileSync(folder, 'not a folder');
      const e = await hall.admin.fail('backup.runNow', {});
      expect(e.message).toMatch(/^备份失败：/);
      const o = await hall.admin.call('backup.overview', {});
      expect(o.lastFailure?.message).toBeTruthy();
      expect((await hall.admin.call('audit.query', { filter: { action: 'backup.failed', from: null, to: null } })).total).toBe(1);
      rmSync(folder);
      await hall.admin.call('backup.runNow', {});
      expect((await hall.admin.call('backup.overview', {})).lastFailure).toBeNull();
    });
  });
}
