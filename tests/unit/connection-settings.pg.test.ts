// The desktop app's connection choice (electron/backend/db/connection-settings.ts)
// against a real PostgreSQL that checks passwords: a cluster of its own with
// scram-sha-256 for TCP logins (the suite's shared cluster trusts everyone, so
// a wrong password would pass). PostgreSQL run only (*.pg.test.ts).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresConnectionInput } from '@shared/api/schemas/connection';
import { openPostgresStore, openStore } from '../../electron/backend/db/connection';
import {
  CONNECTION_FILE,
  connectionSetup,
  databaseTarget,
  postgresUrl,
  readConnectionSettings,
  throwawayCipher,
} from '../../electron/backend/db/connection-settings';
import { adminQuery, withDatabase } from '../support/engine';
import { startCluster, type Cluster } from '../support/pg-cluster';

// Every character a URL would misread if it were not encoded.
const SECRET = 'p@ss:w/rd#%?中文 1';

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ password: SECRET });
  await adminQuery(cluster.url, 'CREATE DATABASE hall');
}, 60_000);
afterAll(() => cluster?.stop());

function form(over: Partial<PostgresConnectionInput> = {}): PostgresConnectionInput {
  return {
    kind: 'postgres',
    host: '127.0.0.1',
    port: cluster.port,
    database: 'hall',
    user: 'hall',
    password: SECRET,
    savePassword: true,
    ...over,
  };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hall-conn-'));
}

function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('测试连接', () => {
  const setup = connectionSetup(tempDir(), throwawayCipher());

  it('succeeds with the right password, however many URL characters it holds', async () => {
    expect(await setup.test(form())).toEqual({ ok: true, message: `连接成功（127.0.0.1:${cluster.port}/hall）` });
    expect(postgresUrl(form())).toBe(`postgres://hall:${encodeURIComponent(SECRET)}@127.0.0.1:${cluster.port}/hall`);
  });

  it('says the password is wrong', async () => {
    const r = await setup.test(form({ password: 'wrong-password' }));
    expect(r.ok).toBe(false);
    expect(r.message).toContain('用户名或密码错误');
    expect(r.message).not.toContain('wrong-password');
  });

  it('says which server it cannot reach', async () => {
    const port = await unusedPort();
    const r = await setup.test(form({ port }));
    expect(r.ok).toBe(false);
    expect(r.message).toContain('无法连接数据库服务器');
    expect(r.message).toContain(`127.0.0.1:${port}`);
  });

  it('says the database does not exist', async () => {
    const r = await setup.test(form({ database: 'no_such_hall' }));
    expect(r).toMatchObject({ ok: false });
    expect(r.message).toContain('数据库不存在');
  });

  it('refuses a database written by a newer version of the program, without changing it', async () => {
    await adminQuery(cluster.url, 'CREATE DATABASE newer');
    const store = await openPostgresStore(withDatabase(cluster.url, 'newer'));
    await store.pool.query(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', now()::text)`);
    await store.close();
    const r = await setup.test(form({ database: 'newer' }));
    expect(r.ok).toBe(false);
    expect(r.message).toContain('数据库版本高于本程序');
  });

  it('names the field at fault, in Chinese', async () => {
    const r = await setup.test({ ...form(), port: '99999', host: '' });
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ fields: { port: '端口须在 1–65535 之间', host: '请填写服务器地址' } });
    expect((await setup.test({ ...form(), host: 'a host; drop' })).message).toContain('服务器地址只能是主机名或 IP 地址');
  });
});

describe('the settings file', () => {
  it('keeps the password encrypted in a file only its owner can read, and opens the database with it', async () => {
    const dir = tempDir();
    const cipher = throwawayCipher();
    try {
      expect(databaseTarget(dir, join(dir, 'x.sqlite3'), cipher)).toEqual({ kind: 'ask', reason: null });
      const setup = connectionSetup(dir, cipher);
      expect(await setup.save(form())).toMatchObject({ ok: true, message: expect.stringContaining('重新启动') });
      const file = join(dir, CONNECTION_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(encodeURIComponent(SECRET));
      expect(setup.state().current).toEqual({
        kind: 'postgres',
        host: '127.0.0.1',
        port: cluster.port,
        database: 'hall',
        user: 'hall',
        passwordSaved: true,
      });
      const target = databaseTarget(dir, join(dir, 'x.sqlite3'), cipher);
      expect(target.kind).toBe('open');
      const store = await openStore((target as { database: string }).database);
      expect(store.engine).toBe('postgres');
      await store.close();
      // Another key (another OS user, a reinstalled system) cannot decrypt it: the password is asked for.
      expect(databaseTarget(dir, join(dir, 'x.sqlite3'), throwawayCipher())).toMatchObject({
        kind: 'ask',
        reason: expect.stringContaining('无法解密'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not save a connection that fails', async () => {
    const dir = tempDir();
    try {
      const r = await connectionSetup(dir, throwawayCipher()).save(form({ password: 'wrong-password' }));
      expect(r.ok).toBe(false);
      expect(r.message).toContain('用户名或密码错误');
      expect(readConnectionSettings(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without an encryption service refuses to save the password, and asks for it at each start instead', async () => {
    const dir = tempDir();
    try {
      const setup = connectionSetup(dir, null);
      expect(setup.state()).toMatchObject({ canSavePassword: false, whyNoSave: expect.stringContaining('每次启动时输入') });
      const refused = await setup.save(form());
      expect(refused).toMatchObject({ ok: false, fields: { savePassword: expect.stringContaining('密码不能保存') } });
      expect(readConnectionSettings(dir)).toBeNull();

      expect(await setup.save(form({ savePassword: false }))).toMatchObject({ ok: true });
      expect(readFileSync(join(dir, CONNECTION_FILE), 'utf8')).not.toContain(SECRET);
      expect(databaseTarget(dir, join(dir, 'x.sqlite3'), null)).toMatchObject({
        kind: 'ask',
        reason: expect.stringContaining('请输入数据库密码'),
      });
      expect((await setup.connect({ password: 'wrong-password' })).message).toContain('用户名或密码错误');
      const ok = await setup.connect({ password: SECRET });
      expect(ok).toMatchObject({ ok: true, database: postgresUrl(form()) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('本机数据: the SQLite file in the data folder', async () => {
    const dir = tempDir();
    try {
      expect(await connectionSetup(dir, null).save({ kind: 'sqlite' })).toMatchObject({ ok: true });
      expect(databaseTarget(dir, join(dir, 'petition-hall.sqlite3'), null)).toEqual({
        kind: 'open',
        database: join(dir, 'petition-hall.sqlite3'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
