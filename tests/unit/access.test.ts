import { describe, expect, it } from 'vitest';
import { client, PASSWORD, visitInput, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { BAD_CREDENTIALS_MESSAGE } from '../../electron/backend/services/users';

let hall: TestHall;
useHall((h) => {
  hall = h;
});

describe('roles are enforced in the backend', () => {
  it('refuses every non-public call without a login', async () => {
    const anon = client(hall.backend);
    for (const m of ['visits.register', 'visits.listDay', 'petitioners.search', 'users.list'] as const) {
      expect((await anon.fail(m, {})).code).toBe('UNAUTHENTICATED');
    }
  });

  it('a clerk cannot manage accounts; a duty leader cannot register or correct', async () => {
    const clerk = await hall.as('clerk');
    const leader = await hall.as('leader');
    expect((await clerk.fail('users.create', { username: 'x1', displayName: '某', role: 'admin', password: 'Abcdefg123' })).code).toBe(
      'FORBIDDEN',
    );
    expect((await clerk.fail('users.list', {})).message).toContain('登记员');
    expect((await leader.fail('visits.register', visitInput())).code).toBe('FORBIDDEN');
    const saved = await clerk.call('visits.register', visitInput());
    expect((await leader.fail('visits.correct', { visitId: saved.id, expectedVersion: 1, reason: '试试', changes: {} })).code).toBe(
      'FORBIDDEN',
    );
    // …nor read a visit not placed with them (tests/unit/leader-scope.test.ts has the whole table).
    expect((await leader.fail('visits.get', { visitId: saved.id })).code).toBe('FORBIDDEN');
  });

  it('an account the admin created must change its password before doing anything else', async () => {
    await hall.admin.call('users.create', { username: 'newclerk', displayName: '新登记员', role: 'clerk', password: 'Initial123' });
    const c = client(hall.backend);
    const me = await c.call('auth.login', { username: 'newclerk', password: 'Initial123' });
    expect(me.mustChangePassword).toBe(true);
    expect((await c.fail('visits.listDay', {})).message).toContain('修改初始密码');
    await c.call('auth.changePassword', { oldPassword: 'Initial123', newPassword: 'MyOwn2026pw' });
    expect(await c.call('visits.listDay', {})).toEqual([]);
  });

  it('first-run setup works once only', async () => {
    const err = await client(hall.backend).fail('setup.createAdmin', { username: 'evil', displayName: '某', password: 'Abcdefg123' });
    expect(err.code).toBe('FORBIDDEN');
    expect(await client(hall.backend).call('setup.status', {})).toEqual({ needsAdmin: false });
  });
});

describe('accounts', () => {
  it('stores passwords as scrypt hashes, never in plain text', async () => {
    const row = await hall.backend.deps.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('scrypt$')).toBe(true);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('locks an account after five wrong passwords, until the lock expires or an admin resets it', async () => {
    const clerk = await hall.as('clerk', 'lockme');
    // A fresh client each time: the per-client back-off (login.test.ts) is not what is tested here.
    const attempt = (password: string) => client(hall.backend).fail('auth.login', { username: 'lockme', password });
    const bad = { code: 'BAD_CREDENTIALS', message: BAD_CREDENTIALS_MESSAGE };
    for (let i = 0; i < 5; i++) expect(await attempt('wrong')).toEqual(bad);
    // Even the right password is refused while locked, with the same answer as a wrong one.
    expect(await attempt(PASSWORD)).toEqual(bad);
    hall.clock.now = new Date(hall.clock.now.getTime() + 16 * 60_000);
    expect((await client(hall.backend).call('auth.login', { username: 'lockme', password: PASSWORD })).username).toBe('lockme');
    // Locked again, then released at once by an administrator's reset.
    for (let i = 0; i < 5; i++) await attempt('wrong');
    expect(await attempt(PASSWORD)).toEqual(bad);
    const target = (await hall.admin.call('users.list', {})).find((u) => u.username === 'lockme')!;
    expect(target.locked).toBe(true);
    await hall.admin.call('users.resetPassword', { userId: target.id, password: 'Reset2026pw' });
    expect((await client(hall.backend).call('auth.login', { username: 'lockme', password: 'Reset2026pw' })).mustChangePassword).toBe(true);
    // The reset also ended the sessions the account had.
    expect((await clerk.fail('visits.listDay', {})).code).toBe('UNAUTHENTICATED');
  });

  it('parallel wrong passwords still lock the account (the count cannot be lost)', async () => {
    await hall.as('clerk', 'burst');
    await Promise.all(Array.from({ length: 12 }, () => client(hall.backend).fail('auth.login', { username: 'burst', password: 'wrong' })));
    expect((await client(hall.backend).fail('auth.login', { username: 'burst', password: PASSWORD })).code).toBe('BAD_CREDENTIALS');
    expect((await hall.admin.call('users.list', {})).find((u) => u.username === 'burst')!.locked).toBe(true);
  });

  it('disabling an account ends its sessions at once; unknown usernames get the same message as wrong passwords', async () => {
    const clerk = await hall.as('clerk', 'leaving');
    const users = await hall.admin.call('users.list', {});
    const target = users.find((u) => u.username === 'leaving')!;
    await hall.admin.call('users.setDisabled', { userId: target.id, disabled: true });
    expect((await clerk.fail('visits.listDay', {})).code).toBe('UNAUTHENTICATED');
    expect((await client(hall.backend).fail('auth.login', { username: 'leaving', password: PASSWORD })).message).toContain('停用');
    expect((await client(hall.backend).fail('auth.login', { username: 'nobody', password: 'x' })).message).toBe(BAD_CREDENTIALS_MESSAGE);
    const me = users.find((u) => u.username === 'admin')!;
    expect((await hall.admin.fail('users.setDisabled', { userId: me.id, disabled: true })).message).toContain('不能停用自己');
  });

  it('every account change is audited with the acting admin', async () => {
    await hall.admin.call('users.create', { username: 'audited', displayName: '被审计', role: 'leader', password: 'Initial123' });
    const rows = await hall.backend.deps.db
      .selectFrom('audit_log')
      .innerJoin('users as actor', 'actor.id', 'audit_log.actor_id')
      .select(['audit_log.action', 'actor.username', 'audit_log.after_json'])
      .where('audit_log.action', '=', 'user.create')
      .execute();
    const created = rows.find((r) => r.after_json?.includes('audited'));
    expect(created?.username).toBe('admin');
    expect(created?.after_json).not.toContain('scrypt');
  });

  it('validates input in the backend with Chinese messages', async () => {
    const err = await hall.admin.fail('users.create', { username: '中文名', displayName: '', role: 'boss', password: '123' });
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.username).toContain('字母');
    expect(err.fields?.displayName).toBe('请填写姓名');
    expect(err.fields?.password).toContain('至少8位');
    expect(err.fields?.role).toBeTruthy();
    expect(err.message).toMatch(/共\d处/);
  });
});
