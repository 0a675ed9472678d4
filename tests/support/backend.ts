// A real backend on a real database with the real migrations, for integration
// tests: a SQLite file in a fresh temp folder, or (PETITION_HALL_TEST_DB=postgres,
// see engine.ts) a fresh PostgreSQL database dropped when the hall closes.
// Nothing is mocked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { InputOf, MethodName, OutputOf } from '@shared/api/contract';
import type { ApiErrorBody } from '@shared/api/errors';
import type { Role } from '@shared/api/roles';
import type { SessionHolder } from '../../electron/backend/services/sessions';
import { DB_FILE_NAME } from '../../electron/backend/backend';
import { createTestDatabase, TEST_ENGINE } from './engine';

export const PASSWORD = 'Hall2026pass';

export interface TestHall {
  backend: Backend;
  dir: string;
  /** The database the hall runs on (SQLite file or PostgreSQL URL), for child processes: PETITION_HALL_DATABASE_URL. */
  database: string;
  clock: { now: Date };
  admin: Client;
  as(role: Role, username?: string): Promise<Client>;
  /** A fresh temp folder, removed when the hall closes. */
  tempDir(prefix: string): string;
  /** Runs `fn` when the hall closes (last deferred first), before the backend closes. */
  defer(fn: () => unknown): void;
  close(): Promise<void>;
}

export interface Client {
  session: SessionHolder;
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Calls expecting failure; returns the error envelope. */
  fail<M extends MethodName>(method: M, input: unknown): Promise<ApiErrorBody>;
}

export function client(backend: Backend, session: SessionHolder = {}): Client {
  return {
    session,
    async call(method, input) {
      const r = await backend.call(session, method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
      return r.data as never;
    },
    async fail(method, input) {
      const r = await backend.call(session, method, input);
      if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
      return r.error;
    },
  };
}

/** 2026-11-24 09:00 in the hall (01:00 UTC). */
export const HALL_MORNING = new Date('2026-11-24T01:00:00.000Z');

export async function openHall(opts: { start?: Date } = {}): Promise<TestHall> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-test-'));
  const clock = { now: new Date(opts.start ?? HALL_MORNING) };
  const pgDb = TEST_ENGINE === 'postgres' ? await createTestDatabase() : null;
  const database = pgDb?.url ?? join(dir, DB_FILE_NAME);
  let backend: Backend;
  try {
    backend = await createBackend({ dataDir: dir, database, now: () => new Date(clock.now) });
  } catch (e) {
    await pgDb?.drop();
    throw e;
  }
  const admin = client(backend);
  await admin.call('setup.createAdmin', {
    username: 'admin',
    displayName: '管理员',
    password: PASSWORD,
    bureau: { name: '某某区信访局', address: '某某区人民路1号' },
  });
  let n = 0;
  const deferred: (() => unknown)[] = [];
  return {
    backend,
    dir,
    database,
    clock,
    admin,
    tempDir(prefix) {
      const d = mkdtempSync(join(tmpdir(), prefix));
      deferred.push(() => rmSync(d, { recursive: true, force: true }));
      return d;
    },
    defer(fn) {
      deferred.push(fn);
    },
    async as(role, username) {
      const name = username ?? `${role}${++n}`;
      await admin.call('users.create', { username: name, displayName: `测试${name}`, role, password: 'Initial123' });
      const c = client(backend);
      await c.call('auth.login', { username: name, password: 'Initial123' });
      await c.call('auth.changePassword', { oldPassword: 'Initial123', newPassword: PASSWORD });
      return c;
    },
    async close() {
      try {
        while (deferred.length) await deferred.pop()!();
      } finally {
        await backend.close();
        await pgDb?.drop();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid resident ID number for a birth date and sequence (check char computed per GB 11643). */
export function residentId(area: string, birth: string, seq: string): string {
  const body = `${area}${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

export function visitInput(over: Partial<InputOf<'visits.register'>> = {}): InputOf<'visits.register'> {
  return {
    idType: 'resident',
    idNumber: residentId('110105', '19650312', '123'),
    name: '张三丰',
    phone: '13812345678',
    address: '北京市朝阳区和平街道12号',
    peopleCount: 1,
    purpose: 'request',
    category: 'urban_construction',
    locationArea: '和平街道',
    summary: '小区加装电梯补贴未落实',
    demands: '要求落实加装电梯补贴政策。',
    skipLevel: false,
    escort: null,
    representatives: [],
    petitionerId: null,
    matterId: null,
    ...over,
  };
}
