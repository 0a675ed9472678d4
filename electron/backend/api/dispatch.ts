// The single entry point both transports call: find the method, check who is
// calling and what they may do, validate the input with the contract's zod
// schema, run the handler, and wrap the outcome in the typed envelope.
import { sql } from 'kysely';
import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '@shared/api/contract';
import { ApiError, DB_UNAVAILABLE_MESSAGE, type ApiResult } from '@shared/api/errors';
import { roleLabel } from '@shared/api/roles';
import { fallbackMessage } from '@shared/api/field-labels';
import type { Actor, Deps } from '../context';
import { currentUser } from '../services/users';
import { isDatabaseUnavailable } from '../db/connection';
import type { SessionHolder } from '../services/sessions';
import { auditRead } from '../services/read-audit';
import { handlers, type CallContext } from './handlers';
import { idempotentCall } from './idempotency';

/** What a transport passes besides the input: the form submission's idempotency key, if any. */
export interface CallOptions {
  idempotencyKey?: string;
}

/** Zod issues → { "field.path": "中文提示" } plus one summary line. */
export function validationError(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = Object.values(fields)[0] ?? '输入有误';
  const count = Object.keys(fields).length;
  return new ApiError('VALIDATION', count > 1 ? `${first}（共${count}处需要修改）` : first, fields);
}

async function databaseAnswers(deps: Deps): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(deps.db);
    return true;
  } catch {
    return false;
  }
}

const CALLABLE_WHILE_MUST_CHANGE: readonly MethodName[] = ['auth.changePassword', 'auth.me', 'auth.logout'];

async function authorize(deps: Deps, session: SessionHolder, name: MethodName): Promise<Actor | null> {
  const access = contract[name].access;
  if (access === 'public') return null;
  const user = await currentUser(deps, session);
  if (!user) throw new ApiError('UNAUTHENTICATED', '请先登录');
  if (user.must_change_password && !CALLABLE_WHILE_MUST_CHANGE.includes(name)) {
    throw new ApiError('FORBIDDEN', '请先修改初始密码');
  }
  if (access !== 'user' && !access.includes(user.role)) {
    throw new ApiError('FORBIDDEN', `当前账户（${roleLabel(user.role)}）无权进行此操作`);
  }
  return { id: user.id, role: user.role, displayName: user.display_name };
}

async function sessionActor(deps: Deps, session: SessionHolder): Promise<Actor | null> {
  const user = await currentUser(deps, session);
  return user ? { id: user.id, role: user.role, displayName: user.display_name } : null;
}

export async function dispatch(
  deps: Deps,
  session: SessionHolder,
  name: string,
  rawInput: unknown,
  opts: CallOptions = {},
): Promise<ApiResult<unknown>> {
  try {
    if (!isMethodName(name)) throw new ApiError('UNKNOWN_METHOD', `未知的操作：${name}`);
    const actor = await authorize(deps, session, name);
    // Messages name the field as this method's form does (field-labels.ts).
    const parsed = contract[name].input.safeParse(rawInput ?? {}, { error: (issue) => fallbackMessage(issue, name) });
    if (!parsed.success) throw validationError(parsed.error);
    const handler = handlers[name] as (ctx: CallContext, input: unknown) => Promise<unknown>;
    // A key on a method that takes none is ignored: the call is one that repeats harmlessly.
    const key = contract[name].idempotent && actor ? opts.idempotencyKey : undefined;
    const data =
      key !== undefined && actor
        ? await idempotentCall(deps, actor, name, key, parsed.data, (d) => handler({ deps: d, session, actor }, parsed.data))
        : await handler({ deps, session, actor }, parsed.data);
    // Personal data leaves only with its read-audit row written (issue 13; services/read-audit.ts).
    // A public method's reader is named too when it has a session (a print slip is read by the user who printed).
    if (contract[name].personal === 'read') await auditRead(deps, actor ?? (await sessionActor(deps, session)), name, parsed.data, data);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.toBody() };
    // The server went away (restart, network): the call's transaction, if any, was rolled back on
    // the server; the pool makes new connections once it is back, and the screen retries reads.
    // A refused or reset socket may also be another server's (the district system, a printer):
    // it is the database's only if the database does not answer either.
    if (isDatabaseUnavailable(e) && !(await databaseAnswers(deps))) {
      return { ok: false, error: { code: 'DB_UNAVAILABLE', message: DB_UNAVAILABLE_MESSAGE } };
    }
    console.error(`[api] ${name} failed`, e);
    return { ok: false, error: { code: 'INTERNAL', message: '系统内部错误，本次操作未保存，请重试；如反复出现请联系管理员' } };
  }
}
