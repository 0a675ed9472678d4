import { writeTransaction } from '../db/transaction';
import { ApiError, fieldError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { CurrentUser, UserRow } from '@shared/api/schemas/auth';
import type { Actor, Deps } from '../context';
import { countUsers, findUserById, findUserByUsername, listUsers as listUserRows, toCurrentUser, toUserRow } from '../db/queries/users';
import type { UsersTable } from '../db/schema';
import { writeAudit } from './audit';
import { newId } from './ids';
import { hashPassword, needsRehash, verifyDummy, verifyPassword } from './passwords';
import type { SessionHolder } from './sessions';
import { saveBureau } from './printing/bureau';
import { DEFAULT_BUREAU } from '@shared/api/schemas/printing';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** Audit view of a user: never the password hash. */
function auditView(u: Pick<UsersTable, 'username' | 'display_name' | 'role' | 'disabled'>) {
  return { username: u.username, displayName: u.display_name, role: u.role, disabled: u.disabled === 1 };
}

export async function needsAdmin(deps: Deps): Promise<boolean> {
  return (await countUsers(deps.db)) === 0;
}

async function insertUser(
  deps: Deps,
  actorId: string | null,
  input: { username: string; displayName: string; role: UsersTable['role']; password: string },
  mustChangePassword: boolean,
  loggedInNow = false,
): Promise<UsersTable> {
  const at = deps.now().toISOString();
  const row: UsersTable = {
    id: newId(),
    username: input.username,
    display_name: input.displayName,
    sees_all_queues: 0,
    role: input.role,
    password_hash: await hashPassword(input.password),
    disabled: 0,
    must_change_password: mustChangePassword ? 1 : 0,
    failed_attempts: 0,
    locked_until: null,
    last_login_at: loggedInNow ? at : null,
    created_at: at,
    updated_at: at,
  };
  await writeTransaction(deps.db, async (trx) => {
    if (await findUserByUsername(trx, input.username)) throw fieldError('username', `用户名“${input.username}”已被使用`);
    // The first administrator has no actor yet, so the audit entry names the new account itself.
    if (actorId === null && (await countUsers(trx)) > 0) throw new ApiError('FORBIDDEN', '系统已设置管理员，请登录');
    await trx.insertInto('users').values(row).execute();
    await writeAudit(trx, {
      at,
      actorId: actorId ?? row.id,
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      after: auditView(row),
    });
  });
  return row;
}

/** Loopback only: the first administrator is set up at the machine itself, never over the network. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

export async function createAdmin(deps: Deps, session: SessionHolder, input: ParsedInputOf<'setup.createAdmin'>): Promise<CurrentUser> {
  // Over HTTP the transport gives the peer's address; IPC leaves it unset (always this machine).
  if (session.remoteAddress !== undefined && !isLoopbackAddress(session.remoteAddress))
    throw new ApiError('FORBIDDEN', '首次设置管理员只能在本机进行');
  if (!(await needsAdmin(deps))) throw new ApiError('FORBIDDEN', '系统已设置管理员，请登录');
  const { bureau, ...account } = input;
  const user = await insertUser(deps, null, { ...account, role: 'admin' }, false, true);
  if (bureau) {
    const actor = { id: user.id, role: 'admin' as const, displayName: user.display_name };
    await saveBureau(deps, actor, { ...DEFAULT_BUREAU, name: bureau.name, address: bureau.address, sealText: bureau.name });
  }
  startSession(deps, session, user.id);
  return toCurrentUser(user);
}

/** A new login on a holder replaces the token it had: the old one stops working at once. */
function startSession(deps: Deps, session: SessionHolder, userId: string): void {
  deps.sessions.drop(session.token);
  session.token = deps.sessions.create(userId);
}

/**
 * One answer for an unknown name, a wrong password and a locked account, so
 * the login form does not tell a stranger which usernames exist or which are
 * locked; every path checks one password hash, so the time taken does not tell either.
 */
export const BAD_CREDENTIALS_MESSAGE = '用户名或密码错误；多次错误后需等待或请管理员解锁';

export async function login(deps: Deps, session: SessionHolder, input: ParsedInputOf<'auth.login'>): Promise<CurrentUser> {
  const report = deps.loginThrottle.begin(session, deps.now().getTime());
  try {
    const user = await checkLogin(deps, input);
    report('success', deps.now().getTime());
    startSession(deps, session, user.id);
    return toCurrentUser(user);
  } catch (e) {
    report(e instanceof ApiError && e.code === 'BAD_CREDENTIALS' ? 'failure' : 'neutral', deps.now().getTime());
    throw e;
  }
}

async function checkLogin(deps: Deps, input: ParsedInputOf<'auth.login'>): Promise<UsersTable> {
  const now = deps.now();
  const at = now.toISOString();
  const bad = new ApiError('BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE);
  const user = await findUserByUsername(deps.db, input.username);
  if (!user) {
    await verifyDummy(input.password);
    throw bad;
  }
  // Checked even while locked: same time taken as any other attempt.
  const ok = await verifyPassword(input.password, user.password_hash);
  // Hashed outside the write transaction: scrypt takes long, the write lock must not wait for it.
  const rehash = ok && needsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  // Counting and locking happen in one write transaction, re-reading the row,
  // so parallel attempts cannot each write back the same count.
  const outcome = await writeTransaction(deps.db, async (trx) => {
    const fresh = await findUserById(trx, user.id);
    if (!fresh) return 'bad' as const;
    if (fresh.locked_until && fresh.locked_until > at) return 'bad' as const;
    if (!ok) {
      const row = await trx
        .updateTable('users')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', user.id)
        .returning('failed_attempts')
        .executeTakeFirstOrThrow();
      const lock = row.failed_attempts >= MAX_FAILED_LOGINS;
      if (lock) {
        await trx
          .updateTable('users')
          .set({ failed_attempts: 0, locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() })
          .where('id', '=', user.id)
          .execute();
      }
      await writeAudit(trx, {
        at,
        actorId: user.id,
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
      });
      return 'bad' as const;
    }
    // Only someone who knows the password learns that the account is disabled.
    if (fresh.disabled) return 'disabled' as const;
    await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null, last_login_at: at }).where('id', '=', user.id).execute();
    // Only if nobody changed the password meanwhile (the hash is still the one just checked).
    if (rehash && fresh.password_hash === user.password_hash) {
      await trx.updateTable('users').set({ password_hash: rehash }).where('id', '=', user.id).execute();
      const [, N, r, p] = rehash.split('$');
      await writeAudit(trx, {
        at,
        actorId: user.id,
        action: 'user.rehash',
        entity: 'user',
        entityId: user.id,
        after: { scrypt: { N, r, p } },
      });
    }
    await writeAudit(trx, { at, actorId: user.id, action: 'auth.login', entity: 'user', entityId: user.id });
    return 'ok' as const;
  });
  if (outcome === 'bad') throw bad;
  if (outcome === 'disabled') throw new ApiError('FORBIDDEN', '该账户已停用，请联系管理员');
  return user;
}

/** The user behind a session, or null; disabled accounts are logged out at once. */
export async function currentUser(deps: Deps, session: SessionHolder): Promise<UsersTable | null> {
  const userId = deps.sessions.touch(session.token);
  if (!userId) return null;
  const user = await findUserById(deps.db, userId);
  if (!user || user.disabled) {
    deps.sessions.drop(session.token);
    session.token = undefined;
    return null;
  }
  return user;
}

export async function logout(deps: Deps, session: SessionHolder): Promise<null> {
  const user = await currentUser(deps, session);
  if (user)
    await writeTransaction(deps.db, (trx) =>
      writeAudit(trx, { at: deps.now().toISOString(), actorId: user.id, action: 'auth.logout', entity: 'user', entityId: user.id }),
    );
  deps.sessions.drop(session.token);
  session.token = undefined;
  return null;
}

export async function changePassword(
  deps: Deps,
  actor: Actor,
  session: SessionHolder,
  input: ParsedInputOf<'auth.changePassword'>,
): Promise<CurrentUser> {
  const user = await findUserById(deps.db, actor.id);
  if (!user || !(await verifyPassword(input.oldPassword, user.password_hash))) throw fieldError('oldPassword', '原密码不正确');
  if (input.oldPassword === input.newPassword) throw fieldError('newPassword', '新密码不能与原密码相同');
  const at = deps.now().toISOString();
  const hash = await hashPassword(input.newPassword);
  await writeTransaction(deps.db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, updated_at: at })
      .where('id', '=', actor.id)
      .execute();
    await writeAudit(trx, { at, actorId: actor.id, action: 'user.change_password', entity: 'user', entityId: actor.id });
  });
  deps.sessions.dropUser(actor.id, session.token);
  return toCurrentUser({ ...user, must_change_password: 0 });
}

export async function listUsers(deps: Deps): Promise<UserRow[]> {
  const at = deps.now().toISOString();
  return (await listUserRows(deps.db)).map((u) => toUserRow(u, at));
}

export async function createUser(deps: Deps, actor: Actor, input: ParsedInputOf<'users.create'>): Promise<UserRow> {
  // The admin sets a first password; the user must replace it at first login.
  const row = await insertUser(deps, actor.id, input, true);
  return toUserRow(row, deps.now().toISOString());
}

async function updateAccount(
  deps: Deps,
  actor: Actor,
  userId: string,
  action: string,
  change: (u: UsersTable) => Promise<Partial<UsersTable>>,
): Promise<UserRow> {
  const at = deps.now().toISOString();
  const updated = await writeTransaction(deps.db, async (trx) => {
    const before = await findUserById(trx, userId);
    if (!before) throw new ApiError('NOT_FOUND', '找不到该用户');
    const patch = { ...(await change(before)), updated_at: at };
    await trx.updateTable('users').set(patch).where('id', '=', userId).execute();
    const after = { ...before, ...patch };
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action,
      entity: 'user',
      entityId: userId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
  return toUserRow(updated, at);
}

/** The administrator lifts an account's lock (wrong passwords) without touching its password. */
export async function unlockUser(deps: Deps, actor: Actor, input: ParsedInputOf<'users.unlock'>): Promise<UserRow> {
  return updateAccount(deps, actor, input.userId, 'user.unlock', async () => ({ failed_attempts: 0, locked_until: null }));
}

export async function setUserDisabled(deps: Deps, actor: Actor, input: ParsedInputOf<'users.setDisabled'>): Promise<UserRow> {
  if (input.userId === actor.id && input.disabled) throw new ApiError('FORBIDDEN', '不能停用自己的账户');
  const row = await updateAccount(deps, actor, input.userId, input.disabled ? 'user.disable' : 'user.enable', async () => ({
    disabled: input.disabled ? 1 : 0,
  }));
  if (input.disabled) deps.sessions.dropUser(input.userId);
  return row;
}

export async function resetUserPassword(deps: Deps, actor: Actor, input: ParsedInputOf<'users.resetPassword'>): Promise<UserRow> {
  const hash = await hashPassword(input.password);
  const row = await updateAccount(deps, actor, input.userId, 'user.reset_password', async () => ({
    password_hash: hash,
    must_change_password: 1,
    failed_attempts: 0,
    locked_until: null,
  }));
  deps.sessions.dropUser(input.userId);
  return row;
}

/** A leader may open other leaders' queues only when the administrator allows it. */
export async function setQueueScope(deps: Deps, actor: Actor, input: ParsedInputOf<'users.setQueueScope'>): Promise<UserRow> {
  return updateAccount(deps, actor, input.userId, input.seesAllQueues ? 'user.grant_all_queues' : 'user.revoke_all_queues', async (u) => {
    if (u.role !== 'leader') throw new ApiError('VALIDATION', '只有接访领导需要设置查看范围');
    return { sees_all_queues: input.seesAllQueues ? 1 : 0 };
  });
}
