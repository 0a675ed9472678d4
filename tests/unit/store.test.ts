// Opening the store: the one place that chooses the engine, and what a hall's
// administrator is told when the database is wrong — a malformed URL, a server
// that refuses the connection or the password, a database written by a newer
// version of the app (refused on both engines, before anything is touched).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseDatabase, DB_FILE_NAME } from '../../electron/backend/backend';
import { isPostgresUrl, openStore, redactUrl } from '../../electron/backend/db/connection';
import { engineOf } from '../../electron/backend/db/dialect';
import { createTestDatabase, onPostgres } from '../support/engine';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'store-'));
  cleanup.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** A server that speaks just enough of PostgreSQL's protocol to refuse the password (SQLSTATE 28P01). */
async function refusingServer(): Promise<number> {
  const server: Server = createServer((socket) => {
    socket.once('data', () => {
      const field = (t: string, v: string) => Buffer.concat([Buffer.from(t), Buffer.from(v), Buffer.from([0])]);
      const body = Buffer.concat([
        field('S', 'FATAL'),
        field('C', '28P01'),
        field('M', 'password authentication failed for user "hall"'),
        Buffer.from([0]),
      ]);
      const len = Buffer.alloc(4);
      len.writeInt32BE(body.length + 4);
      socket.end(Buffer.concat([Buffer.from('E'), len, body]));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as { port: number }).port;
}

describe('choosing the engine', () => {
  it('a postgres:// URL is PostgreSQL, anything else a SQLite file; the option wins over the environment, which wins over the data folder', () => {
    expect(isPostgresUrl('postgres://u:p@db/hall')).toBe(true);
    expect(isPostgresUrl('postgresql://db/hall')).toBe(true);
    expect(isPostgresUrl('/var/hall/petition-hall.sqlite3')).toBe(false);
    const url = 'postgres://hall@db:5432/hall';
    expect(chooseDatabase({ dataDir: '/d', database: url }, { PETITION_HALL_DATABASE_URL: 'postgres://other/x' })).toBe(url);
    expect(chooseDatabase({ dataDir: '/d' }, { PETITION_HALL_DATABASE_URL: url })).toBe(url);
    expect(chooseDatabase({ dataDir: '/d' }, {})).toBe(join('/d', DB_FILE_NAME));
    expect(redactUrl('postgres://hall:s3cret@db:5432/hall')).toBe('postgres://hall:***@db:5432/hall');
  });

  it('a SQLite store says so, and so does its Kysely instance', async () => {
    const store = await openStore(join(tempDir(), 'hall.db'));
    cleanup.push(() => store.close());
    expect(store.engine).toBe('sqlite');
    expect(engineOf(store.db)).toBe('sqlite');
  });
});

describe('a wrong database is refused with a message in Chinese', () => {
  it('a malformed URL', async () => {
    await expect(openStore('postgres://')).rejects.toThrow(/数据库地址格式不正确/);
  });

  it('a server that is not there', async () => {
    const port = await refusingServer();
    cleanup.pop()!(); // closed again: nothing listens on the port now
    await expect(openStore(`postgres://hall@127.0.0.1:${port}/hall`)).rejects.toThrow(/无法连接数据库服务器/);
  });

  it('a refused password, without showing the password', async () => {
    const port = await refusingServer();
    const err = await openStore(`postgres://hall:s3cret@127.0.0.1:${port}/hall`).catch((e: Error) => e);
    expect(String(err)).toMatch(/用户名或密码错误/);
    expect(String(err)).not.toContain('s3cret');
  });

  it('serve mode exits non-zero with the message', async () => {
    const port = await refusingServer();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, '../../electron/backend/serve.ts'),
        '--port',
        '0',
        '--data',
        tempDir(),
        '--database',
        `postgres://hall:pw@127.0.0.1:${port}/hall`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PETITION_HALL_DATABASE_URL: '' } },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).not.toBe(0);
    expect(stderr).toContain('启动失败');
    expect(stderr).toContain('用户名或密码错误');
  }, 30_000);
});

describe.each(onPostgres ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const))('a database of a newer version (%s)', (engine) => {
  it('is refused with a message to update the app, and left as it was', async () => {
    let target: string;
    if (engine === 'sqlite') target = join(tempDir(), 'hall.db');
    else {
      const pgDb = await createTestDatabase();
      cleanup.push(() => pgDb.drop());
      target = pgDb.url;
    }
    const store = await openStore(target);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('0999_from_the_future', '2027-01-01T00:00:00.000Z')`.execute(store.db);
    await store.close();
    await expect(openStore(target)).rejects.toThrow('数据库版本高于本程序，请升级程序');
  });
});
