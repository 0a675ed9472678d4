// Issue 13: the audit log is a hash chain the database refuses to change, and a
// change made behind the app's back (trigger dropped) is found at its row.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { writeTransaction } from '../../electron/backend/db/transaction';
import { verifyAuditChain, writeAudit } from '../../electron/backend/services/audit';
import { visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await h.as('clerk');
});

const db = () => hall.backend.deps.db;
const isPg = () => hall.backend.store.engine === 'postgres';

/** Does what someone with the database's password could: drops the guard, runs `statement`, puts the guard back. */
async function behindTheAppsBack(statement: ReturnType<typeof sql>): Promise<void> {
  if (isPg()) {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(db());
    await statement.execute(db());
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(db());
  } else {
    await sql`DROP TRIGGER audit_log_no_update`.execute(db());
    await sql`DROP TRIGGER audit_log_no_delete`.execute(db());
    await statement.execute(db());
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '审计记录不可修改'); END`.execute(
      db(),
    );
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '审计记录不可删除'); END`.execute(
      db(),
    );
  }
}

async function rowAt(seq: number) {
  return db().selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
}

async function someHistory(): Promise<number> {
  const v = await clerk.call('visits.register', visitInput());
  const { corrections: _c, ...rest } = v;
  await clerk.call('visits.correct', { visitId: v.id, expectedVersion: 1, reason: '电话记错', changes: { ...rest, phone: '13900001111' } });
  await clerk.call('visits.get', { visitId: v.id });
  return Number(
    (
      await db()
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('seq').as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

const runVerify = promisify(execFile);

/** npm run audit:verify, as an administrator runs it: exit code and output. */
async function cli(): Promise<{ code: number; out: string }> {
  const args = isPg() ? ['--database', hall.database] : ['--data', hall.dir];
  try {
    const r = await runVerify('node', ['--import', 'tsx', 'electron/backend/audit-verify-cli.ts', ...args], { cwd: process.cwd() });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('the audit chain', () => {
  it('every row links to the one before it, in insertion order, and verifies whole', async () => {
    const n = await someHistory();
    const rows = await db().selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const report = await hall.admin.call('audit.verify', {});
    expect(report).toMatchObject({ ok: true, message: `审计链完整（${n} 条）`, headHash: rows.at(-1)!.hash });
  });

  it('the database refuses to change or delete an audit row', async () => {
    await someHistory();
    await expect(sql`UPDATE audit_log SET note = 'x' WHERE seq = 1`.execute(db())).rejects.toThrow(/审计记录不可修改/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(db())).rejects.toThrow(/审计记录不可(删除|修改或删除)/);
    if (isPg()) await expect(sql`TRUNCATE audit_log`.execute(db())).rejects.toThrow(/审计记录不可修改或删除/);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('a row edited behind the app’s back is reported at that row, by the admin screen and by npm run audit:verify', async () => {
    const n = await someHistory();
    const target = Math.ceil(n / 2);
    const row = await rowAt(target);
    await behindTheAppsBack(sql`UPDATE audit_log SET after_json = ${'{"phone":"13000000000"}'} WHERE seq = ${target}`);
    const report = await hall.admin.call('audit.verify', {});
    expect(report.ok).toBe(false);
    expect(report.count).toBe(target - 1);
    expect(report.broken).toMatchObject({ seq: target, id: row.id, at: row.at, reason: '本条内容与其哈希值不符（记录被修改）' });
    expect(report.message).toContain(`审计链在第 ${target} 条断开`);
    const run = await cli();
    expect(run.code).toBe(1);
    expect(run.out).toContain(`审计链在第 ${target} 条断开`);
    expect(run.out).toContain(row.id);
  }, 60_000);

  it('a row deleted behind the app’s back is reported as a gap at the row after it', async () => {
    const n = await someHistory();
    const target = n - 1;
    const after = await rowAt(target + 1);
    await behindTheAppsBack(sql`DELETE FROM audit_log WHERE seq = ${target}`);
    const report = await verifyAuditChain(db());
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ seq: target + 1, id: after.id, reason: `此前缺少第 ${target} 条（记录被删除）` });
  });

  it('a head this process remembers, made stale by another process or by a rollback, is read again: the chain stays whole', async () => {
    await someHistory(); // this process now knows the head (writeAudit remembers it)
    // A second process on the same database writes rows the first has not seen.
    const other = await createBackend({ dataDir: hall.tempDir('other-'), database: hall.database, now: () => new Date(hall.clock.now) });
    try {
      for (let i = 0; i < 3; i++)
        await writeTransaction(other.deps.db, (trx) =>
          writeAudit(trx, { at: hall.clock.now.toISOString(), actorId: null, action: 'test.other', entity: 'test', entityId: null }),
        );
    } finally {
      await other.close();
    }
    // A write of ours that rolls back leaves a remembered head that never committed.
    await expect(
      writeTransaction(db(), async (trx) => {
        await writeAudit(trx, { at: hall.clock.now.toISOString(), actorId: null, action: 'test.undone', entity: 'test', entityId: null });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await clerk.call('visits.register', visitInput({ name: '李四' }));
    // A read's audit row, written alone (no transaction around it), after another process wrote again.
    const again = await createBackend({ dataDir: hall.tempDir('again-'), database: hall.database, now: () => new Date(hall.clock.now) });
    try {
      await writeTransaction(again.deps.db, (trx) =>
        writeAudit(trx, { at: hall.clock.now.toISOString(), actorId: null, action: 'test.other', entity: 'test', entityId: null }),
      );
    } finally {
      await again.close();
    }
    await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: visitInput().idNumber });
    await writeTransaction(db(), async (trx) => {
      await writeAudit(trx, { at: hall.clock.now.toISOString(), actorId: null, action: 'test.one', entity: 'test', entityId: null });
      await writeAudit(trx, { at: hall.clock.now.toISOString(), actorId: null, action: 'test.two', entity: 'test', entityId: null });
    });
    const rows = await db().selectFrom('audit_log').select(['seq', 'action']).orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.action === 'test.other')).toHaveLength(4);
    const lastOther = Number(rows.findLast((x) => x.action === 'test.other')!.seq);
    expect(rows.filter((r) => r.action === 'read' && Number(r.seq) > lastOther)).toHaveLength(1);
    expect(rows.some((r) => r.action === 'test.undone')).toBe(false);
    expect(rows.slice(-2).map((r) => r.action)).toEqual(['test.one', 'test.two']);
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ ok: true, count: rows.length });
  });

  it('a whole chain passes npm run audit:verify with exit code 0', async () => {
    const n = await someHistory();
    const run = await cli();
    expect(run.code).toBe(0);
    expect(run.out).toContain(`审计链完整（${n} 条）`);
  }, 60_000);
});

describe('one writer of audit rows', () => {
  it('no code but services/audit.ts inserts into audit_log', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && /insertInto\(\s*'audit_log'|INSERT\s+INTO\s+audit_log/i.test(readFileSync(p, 'utf8')))
          offenders.push(p);
      }
    };
    walk('electron');
    walk('shared');
    expect(offenders).toEqual([join('electron', 'backend', 'services', 'audit.ts')]);
  });
});
