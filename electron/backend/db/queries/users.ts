import type { Executor } from '../connection';
import type { UsersTable } from '../schema';
import type { CurrentUser, UserRow } from '@shared/api/schemas/auth';

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string) {
  // The unique index is NOCASE, so "Admin" and "admin" are the same account.
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function listUsers(db: Executor) {
  return db.selectFrom('users').selectAll().orderBy('created_at').execute();
}

export function toCurrentUser(u: UsersTable): CurrentUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    mustChangePassword: u.must_change_password === 1,
  };
}

export function toUserRow(u: UsersTable, nowIso: string): UserRow {
  return {
    ...toCurrentUser(u),
    disabled: u.disabled === 1,
    locked: u.locked_until !== null && u.locked_until > nowIso,
    createdAt: u.created_at,
    lastLoginAt: u.last_login_at,
    seesAllQueues: u.sees_all_queues === 1,
  };
}
