// Issue 13's login items: one answer for every refusal, a per-client back-off,
// the administrator's unlock, scrypt cost and rehash, session lifetime, and
// the first administrator only at the machine itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { startHttpServer } from '../../electron/backend/http/server';
import { backoffMs, MAX_BACKOFF_MS } from '../../electron/backend/services/login-throttle';
import { defaultCost, hashPassword, needsRehash, verifyPassword } from '../../electron/backend/services/passwords';
import { SESSION_MAX_MS, SessionStore } from '../../electron/backend/services/sessions';
import { BAD_CREDENTIALS_MESSAGE, isLoopbackAddress } from '../../electron/backend/services/users';
import { client, PASSWORD, type TestHall } from '../support/backend';
import { createTestDatabase, TEST_ENGINE } from '../support/engine';
import { useHall } from '../support/hall';

let hall: TestHall;
useHall((h) => {
  hall = h;
});

const later = (ms: number) => {
  hall.clock.now = new Date(hall.clock.now.getTime() + ms);
};

async function userId(username: string): Promise<string> {
  return (await hall.admin.call('users.list', {})).find((u) => u.username === username)!.id;
}

describe('one answer for every refused login', () => {
  it('an unknown name, a wrong password and a locked account (even with the right password) get the same code and message', async () => {
    await hall.as('clerk', 'known');
    const unknown = await client(hall.backend).fail('auth.login', { username: 'nobody', password: PASSWORD });
    const wrong = await client(hall.backend).fail('auth.login', { username: 'known', password: 'wrong' });
    for (let i = 0; i < 4; i++) await client(hall.backend).fail('auth.login', { username: 'known', password: 'wrong' });
    const locked = await client(hall.backend).fail('auth.login', { username: 'known', password: PASSWORD });
    const expected = { code: 'BAD_CREDENTIALS', message: BAD_CREDENTIALS_MESSAGE };
    expect(unknown).toEqual(expected);
    expect(wrong).toEqual(expected);
    expect(locked).toEqual(expected);
  });
});

describe('per-client back-off', () => {
  it('computes 1 s, 2 s, 4 s … after the free tries, at most 5 minutes', () => {
    expect([0, 1, 2].map(backoffMs)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(40)).toBe(MAX_BACKOFF_MS);
    expect(MAX_BACKOFF_MS).toBe(5 * 60_000);
  });

  it('after three wrong answers a client waits before its next attempt is even checked; other clients are not held up; a success clears it', async () => {
    await hall.as('clerk', 'desk1');
    const c = client(hall.backend);
    for (let i = 0; i < 3; i++) expect((await c.fail('auth.login', { username: `guess${i}`, password: 'x' })).code).toBe('BAD_CREDENTIALS');
    // Not even the right password is checked while the client waits.
    const wait = await c.fail('auth.login', { username: 'desk1', password: PASSWORD });
    expect(wait).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: '登录失败次数过多，请等待1秒后再试' });
    expect((await client(hall.backend).call('auth.login', { username: 'desk1', password: PASSWORD })).username).toBe('desk1');
    later(1000);
    expect((await c.fail('auth.login', { username: 'guess3', password: 'x' })).code).toBe('BAD_CREDENTIALS');
    expect((await c.fail('auth.login', { username: 'desk1', password: PASSWORD })).message).toBe('登录失败次数过多，请等待2秒后再试');
    later(2000);
    expect((await c.call('auth.login', { username: 'desk1', password: PASSWORD })).username).toBe('desk1');
    // Cleared: three free tries again.
    for (let i = 0; i < 3; i++) expect((await c.fail('auth.login', { username: 'desk1', password: 'wrong' })).code).toBe('BAD_CREDENTIALS');
    expect((await c.fail('auth.login', { username: 'desk1', password: 'wrong' })).code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('parallel attempts from one client cannot slip past the back-off', async () => {
    const c = client(hall.backend);
    const first = await Promise.all(Array.from({ length: 10 }, (_, i) => c.fail('auth.login', { username: `g${i}`, password: 'x' })));
    expect(first.filter((e) => e.code === 'BAD_CREDENTIALS')).toHaveLength(3);
    later(60_000);
    const next = await Promise.all(Array.from({ length: 10 }, (_, i) => c.fail('auth.login', { username: `h${i}`, password: 'x' })));
    expect(next.filter((e) => e.code === 'BAD_CREDENTIALS')).toHaveLength(1);
  });

  it('over HTTP the client is the remote address, whatever the cookie', async () => {
    const http = await startHttpServer(hall.backend, { host: '127.0.0.1', port: 0, staticDir: hall.dir });
    hall.defer(() => http.close());
    const post = async (body: unknown, cookie = '') =>
      (await (
        await fetch(`${http.url}/api/auth.login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie },
          body: JSON.stringify(body),
        })
      ).json()) as { ok: boolean; error?: { code: string; message: string } };
    for (let i = 0; i < 3; i++) expect((await post({ username: 'admin', password: `wrong${i}` })).error?.code).toBe('BAD_CREDENTIALS');
    const refused = await post({ username: 'admin', password: PASSWORD }, 'ph_session=fresh');
    expect(refused.error?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.error?.message).toMatch(/请等待\d+秒后再试/);
    later(1000);
    expect((await post({ username: 'admin', password: PASSWORD })).ok).toBe(true);
  });
});

describe('the administrator unlocks an account', () => {
  it('users.unlock lifts the lock without changing the password, is audited, and is for administrators only', async () => {
    const clerk = await hall.as('clerk');
    await hall.as('clerk', 'locked1');
    for (let i = 0; i < 5; i++) await client(hall.backend).fail('auth.login', { username: 'locked1', password: 'wrong' });
    const id = await userId('locked1');
    expect((await clerk.fail('users.unlock', { userId: id })).code).toBe('FORBIDDEN');
    expect((await client(hall.backend).fail('auth.login', { username: 'locked1', password: PASSWORD })).code).toBe('BAD_CREDENTIALS');
    const row = await hall.admin.call('users.unlock', { userId: id });
    expect(row.locked).toBe(false);
    expect((await client(hall.backend).call('auth.login', { username: 'locked1', password: PASSWORD })).mustChangePassword).toBe(false);
    const audit = await hall.backend.deps.db
      .selectFrom('audit_log')
      .innerJoin('users as actor', 'actor.id', 'audit_log.actor_id')
      .select(['actor.username', 'audit_log.entity_id'])
      .where('audit_log.action', '=', 'user.unlock')
      .execute();
    expect(audit).toEqual([{ username: 'admin', entity_id: id }]);
  });
});

describe('password hashing cost', () => {
  it('new hashes use N=2^17, r=8, p=1 outside tests; the lower test cost needs Vitest and the explicit variable', async () => {
    expect(defaultCost({})).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(defaultCost({ PETITION_HALL_TEST_SCRYPT_LOG2N: '10' })).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(defaultCost({ VITEST: 'true', PETITION_HALL_TEST_SCRYPT_LOG2N: '10' })).toEqual({ N: 2 ** 10, r: 8, p: 1 });
    // The full cost works (128 MiB: Node's default maxmem of 32 MiB would refuse it).
    const strong = await hashPassword('Hall2026pass', defaultCost({}));
    expect(strong.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('Hall2026pass', strong)).toBe(true);
    expect(needsRehash(strong, defaultCost({}))).toBe(false);
    expect(needsRehash('scrypt$16384$8$1$AAAA$AAAA', defaultCost({}))).toBe(true);
  });

  it('a hash with lower parameters still verifies and is replaced at the next successful login (audited user.rehash)', async () => {
    await hall.as('clerk', 'oldhash');
    const id = await userId('oldhash');
    const weak = await hashPassword(PASSWORD, { N: 2 ** 6, r: 8, p: 1 });
    await hall.backend.deps.db.updateTable('users').set({ password_hash: weak }).where('id', '=', id).execute();
    // A wrong password does not rehash.
    await client(hall.backend).fail('auth.login', { username: 'oldhash', password: 'wrong' });
    const still = await hall.backend.deps.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(still.password_hash).toBe(weak);
    await client(hall.backend).call('auth.login', { username: 'oldhash', password: PASSWORD });
    const after = await hall.backend.deps.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.password_hash.startsWith(`scrypt$${defaultCost().N}$8$1$`)).toBe(true);
    expect(needsRehash(after.password_hash)).toBe(false);
    const audit = await hall.backend.deps.db
      .selectFrom('audit_log')
      .select(['actor_id', 'after_json'])
      .where('action', '=', 'user.rehash')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(id);
    expect(audit[0]!.after_json).not.toContain(after.password_hash.split('$')[5]!);
    // The new hash works, and is not replaced again.
    await client(hall.backend).call('auth.login', { username: 'oldhash', password: PASSWORD });
    expect(await hall.backend.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'user.rehash').execute()).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('end 12 hours after login however active they are', () => {
    let now = 0;
    const store = new SessionStore(() => now);
    const token = store.create('u1');
    for (; now < SESSION_MAX_MS; now += 30 * 60_000) expect(store.touch(token)).toBe('u1');
    now = SESSION_MAX_MS + 1;
    expect(store.touch(token)).toBeNull();
    expect(SESSION_MAX_MS).toBe(12 * 60 * 60 * 1000);
  });

  it('a new login on the same desk replaces the token it had: the old token no longer works', async () => {
    const c = client(hall.backend);
    await c.call('auth.login', { username: 'admin', password: PASSWORD });
    const first = c.session.token;
    await c.call('auth.login', { username: 'admin', password: PASSWORD });
    expect(c.session.token).not.toBe(first);
    expect(hall.backend.deps.sessions.touch(first)).toBeNull();
    expect((await client(hall.backend, { token: first }).fail('users.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await c.call('users.list', {})).length).toBeGreaterThan(0);
  });
});

describe('first administrator only at the machine itself', () => {
  it('tells loopback addresses from others', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['192.168.1.20', '::ffff:192.168.1.20', '10.0.0.1', 'fe80::1', '', undefined]) expect(isLoopbackAddress(a)).toBe(false);
  });

  it('setup.createAdmin from another address is refused; over real loopback HTTP and over IPC it works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-setup-'));
    const pg = TEST_ENGINE === 'postgres' ? await createTestDatabase() : null;
    const backend = await createBackend({ dataDir: dir, database: pg?.url ?? join(dir, DB_FILE_NAME) });
    const http = await startHttpServer(backend, { host: '127.0.0.1', port: 0, staticDir: dir, lanDesks: true });
    try {
      const input = { username: 'boss', displayName: '管理员', password: PASSWORD };
      const remote = await client(backend, { client: '192.168.1.20', remoteAddress: '192.168.1.20' }).fail('setup.createAdmin', input);
      expect(remote).toEqual({ code: 'FORBIDDEN', message: '首次设置管理员只能在本机进行' });
      expect(await client(backend).call('setup.status', {})).toEqual({ needsAdmin: true });
      const res = await fetch(`${http.url}/api/setup.createAdmin`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
      // IPC (no remote address): past the address check, refused only because the admin now exists.
      expect((await client(backend).fail('setup.createAdmin', { ...input, username: 'boss2' })).message).toBe('系统已设置管理员，请登录');
    } finally {
      await http.close();
      await backend.close();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
