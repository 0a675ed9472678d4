import { hotStatement } from '../compiled';
import type { Executor } from '../connection';
import type { UsersTable } from '../schema';
import type { CurrentUser, UserRow } from '@shared/api/schemas/auth';

// Every call's session check reads the user: compiled once (db/compiled.ts).
const USER_BY_ID = hotStatement((x, v: { id: string }) => x.selectFrom('users').selectAll().where('id', '=', v.id));

export function findUserById(db: Executor, id: string) {
  return USER_BY_ID.first(db, { id });
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
