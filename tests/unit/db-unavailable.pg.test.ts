// A PostgreSQL server that goes away mid-day (issue 12): every call answers
// DB_UNAVAILABLE while it is gone, nothing half-written is left, the next call
// after it is back succeeds on fresh connections, and the event listener
// reconnects. Runs its own cluster (the suite's shared one must not be
// stopped under the other test files). PostgreSQL run only (*.pg.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallEvent } from '@shared/api/events';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { client, HALL_MORNING, PASSWORD } from '../support/backend';
import { adminQuery, withDatabase } from '../support/engine';
import { startCluster, type Cluster } from '../support/pg-cluster';

let cluster: Cluster;
let dir: string;
let a: Backend;
let b: Backend;
beforeAll(async () => {
  cluster = await startCluster({ killable: true });
  await adminQuery(cluster.url, 'CREATE DATABASE hall');
  dir = mkdtempSync(join(tmpdir(), 'hall-down-'));
  const database = withDatabase(cluster.url, 'hall');
  a = await createBackend({ dataDir: dir, database, now: () => new Date(HALL_MORNING) });
  b = await createBackend({ dataDir: dir, database, now: () => new Date(HALL_MORNING) });
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function until(cond: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the database server goes away and comes back', () => {
  it('DB_UNAVAILABLE while it is down, nothing half-saved, the next call after the restart succeeds, events flow again', async () => {
    const admin = client(a);
    await admin.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: PASSWORD });
    expect((await admin.call('users.list', {})).map((u) => u.username)).toEqual(['admin']);
    const userCreates = async () =>
      (await a.store.db.selectFrom('audit_log').select('action').where('action', '=', 'user.create').execute()).length;
    const createsBefore = await userCreates();
    const inB: HallEvent[] = [];
    b.events.subscribe((e) => inB.push(e));

    cluster.kill(); // pg_ctl stop -m immediate: every connection drops at once, as in a crash

    const down = { code: 'DB_UNAVAILABLE', message: '数据库连接中断，正在重试…' };
    expect(await admin.fail('users.list', {})).toEqual(down);
    const newUser = { username: 'clerk1', displayName: '登记员甲', role: 'clerk', password: 'Initial123' } as const;
    expect(await admin.fail('users.create', newUser)).toEqual(down);
    // Public calls too (the hall display, the login screen).
    expect(await client(b).fail('setup.status', {})).toEqual(down);

    cluster.restart();

    // The pool drops its dead connections and opens new ones: the very next call succeeds.
    expect((await admin.call('users.list', {})).map((u) => u.username)).toEqual(['admin']); // the failed create left nothing
    await admin.call('users.create', newUser); // the clerk's retry of the same form
    expect((await admin.call('users.list', {})).map((u) => u.username).sort()).toEqual(['admin', 'clerk1']);
    expect(await userCreates()).toBe(createsBefore + 1);

    // B's listener reconnected (with back-off) and told its screens to refetch; then A's events reach B again.
    await until(() => inB.some((e) => e.name === 'queue.changed'), 15_000);
    a.events.publish('matters.changed', { matterId: 'after-restart' });
    await until(() => inB.some((e) => e.name === 'matters.changed'), 15_000);
  }, 60_000);
});
