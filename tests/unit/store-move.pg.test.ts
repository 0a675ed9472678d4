// store:move: a hall's SQLite file moved into an empty PostgreSQL database
// (electron/backend/db/store-move.ts). PostgreSQL run only (*.pg.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, DB_FILE_NAME, type Backend } from '../../electron/backend/backend';
import { openSqliteStore } from '../../electron/backend/db/connection';
import { moveStore } from '../../electron/backend/db/store-move';
import { client, HALL_MORNING, PASSWORD, visitInput } from '../support/backend';
import { createTestDatabase } from '../support/engine';
import { DESK, LANE } from '../support/queue';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hall-move-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function pgTarget(): Promise<string> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  return db.url;
}

async function open(dataDir: string, database: string): Promise<Backend> {
  return createBackend({ dataDir, database, now: () => new Date(HALL_MORNING) });
}

/** A SQLite hall with users, visits and their matters, tickets called, a print job and the audit trail. */
async function sqliteHall(): Promise<string> {
  const dir = tempDir();
  const file = join(dir, DB_FILE_NAME);
  const backend = await open(dir, file);
  try {
    const admin = client(backend);
    await admin.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: PASSWORD });
    await admin.call('users.create', { username: 'clerk1', displayName: '测试', role: 'clerk', password: 'Initial123' });
    const clerk = client(backend);
    await clerk.call('auth.login', { username: 'clerk1', password: 'Initial123' });
    await clerk.call('auth.changePassword', { oldPassword: 'Initial123', newPassword: PASSWORD });
    const visit = await clerk.call('visits.register', visitInput());
    await clerk.call('visits.register', visitInput({ idNumber: '', idType: 'none', name: '李四', phone: '13900000000' }));
    await clerk.call('print.submit', { template: 'receipt', refId: visit.id });
    const t1 = await clerk.call('queue.issue', { laneId: LANE.A });
    await clerk.call('queue.issue', { laneId: LANE.A });
    await clerk.call('queue.callNext', { deskId: DESK[1] });
    // A ticket carried from another (a self-reference, copied in two steps).
    await backend.deps.db.updateTable('tickets').set({ carried_from: t1.id }).where('ticket_no', '=', 'A002').execute();
  } finally {
    await backend.close();
  }
  return file;
}

describe('store:move from SQLite to PostgreSQL', () => {
  it('copies every table with matching counts and checksums, and the hall runs on PostgreSQL after', async () => {
    const file = await sqliteHall();
    const url = await pgTarget();
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'electron/backend/db/store-move-cli.ts', '--from', file, '--to', url], {
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('行数与校验值全部一致');
    console.log(cli.stdout);

    const source = await openSqliteStore(file);
    cleanup.push(() => source.close());
    const moved = await open(tempDir(), url);
    cleanup.push(() => moved.close());
    for (const t of [
      'users',
      'visits',
      'matters',
      'tickets',
      'ticket_calls',
      'print_jobs',
      'audit_log',
      'outbox',
      'lanes',
      'desks',
      'rooms',
    ] as const) {
      const count = async (db: typeof source.db) =>
        Number(
          (
            await db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await count(source.db);
      expect(n, t).toBeGreaterThan(0);
      expect(await count(moved.store.db), t).toBe(n);
    }
    const carried = await moved.store.db
      .selectFrom('tickets')
      .select('carried_from')
      .where('ticket_no', '=', 'A002')
      .executeTakeFirstOrThrow();
    expect(carried.carried_from).not.toBeNull();

    // The same passwords log in, and new rows continue the outbox sequence.
    const admin = client(moved);
    await admin.call('auth.login', { username: 'admin', password: PASSWORD });
    const before = await moved.store.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    const clerk = client(moved);
    await clerk.call('auth.login', { username: 'clerk1', password: PASSWORD });
    await clerk.call('visits.register', visitInput({ idNumber: '', idType: 'none', name: '王五', phone: '13700000000' }));
    const after = await moved.store.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    expect(Number(after.seq)).toBeGreaterThan(Number(before.seq));
  });

  it('refuses a target that already holds a hall, and changes nothing in it', async () => {
    const file = await sqliteHall();
    const url = await pgTarget();
    const first = await moveStore({ from: file, to: url });
    expect(first.ok).toBe(true);
    await expect(moveStore({ from: file, to: url })).rejects.toThrow(/目标数据库已有大厅数据，拒绝迁移：.*users/);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'electron/backend/db/store-move-cli.ts', '--from', file, '--to', url], {
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('目标数据库已有大厅数据');
    const again = await open(tempDir(), url);
    cleanup.push(() => again.close());
    const visits = await again.store.db.selectFrom('visits').select('id').execute();
    expect(visits).toHaveLength(2);
  });

  it('refuses a SQLite file written by a newer version of the app', async () => {
    const file = await sqliteHall();
    const newer = await openSqliteStore(file);
    newer.raw.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01T00:00:00.000Z')`).run();
    await newer.close();
    const url = await pgTarget();
    await expect(moveStore({ from: file, to: url })).rejects.toThrow(/数据库版本高于本程序/);
    const target = await open(tempDir(), url);
    cleanup.push(() => target.close());
    expect(await target.store.db.selectFrom('users').select('id').execute()).toEqual([]);
  });
});
