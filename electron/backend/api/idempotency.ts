// Idempotent calls (issue 13): a form submission carries a key; the call's writes and
// key → answer commit in one transaction (callTransaction), and the same key again
// gets the first answer instead of a second visit, ticket or booking. A key is the
// submitting user's: another user's, or the same key with other input, is refused.
// Keys live 24 hours (pruned as keyed calls come in).
import { createHash } from 'node:crypto';
import type { MethodName } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { EventMap, EventName, HallEvent } from '@shared/api/events';
import type { Actor, Deps } from '../context';
import type { Db } from '../db/connection';
import { callTransaction } from '../db/transaction';
import type { EventBus } from '../events';

/** How long a submission can be resubmitted and get its first answer. */
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** A client's key: 16–100 characters of letters, digits, '-' and '_' (a UUID or random hex). */
const KEY_FORMAT = /^[A-Za-z0-9_-]{16,100}$/;

export const KEY_OTHER_USER = '该提交编号属于其他用户，本次未保存，请重新提交';
export const KEY_OTHER_INPUT = '该提交编号已用于另一份内容，本次未保存，请重新提交';

function inputHash(method: MethodName, input: unknown): string {
  return createHash('sha256')
    .update(`${method}\n${JSON.stringify(input) ?? ''}`)
    .digest('hex');
}

/** Events the call publishes, held until its transaction commits (a screen refetching earlier would not see the write). */
function heldEvents(bus: EventBus): { events: EventBus; release(): void } {
  const held: HallEvent[] = [];
  const events = Object.create(bus) as EventBus;
  events.publish = <E extends EventName>(name: E, payload: EventMap[E]) => {
    held.push({ name, payload } as HallEvent);
  };
  return { events, release: () => held.forEach((e) => bus.publish(e.name, e.payload)) };
}

/**
 * Runs `run` (the method's handler) once per key: in one write transaction that also stores
 * the answer under the key; a key already stored answers with what it stored.
 */
export async function idempotentCall(
  deps: Deps,
  actor: Actor,
  method: MethodName,
  key: string,
  input: unknown,
  run: (deps: Deps) => Promise<unknown>,
): Promise<unknown> {
  if (!KEY_FORMAT.test(key)) throw new ApiError('VALIDATION', '提交编号格式不正确，请刷新页面后重新提交');
  const hash = inputHash(method, input);
  const held = heldEvents(deps.events);
  const outcome = await callTransaction(deps.db, async (conn: Db) => {
    const now = deps.now();
    await conn
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', new Date(now.getTime() - KEY_LIFETIME_MS).toISOString())
      .execute();
    const earlier = await conn.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
    if (earlier) {
      if (earlier.user_id !== actor.id) throw new ApiError('CONFLICT', KEY_OTHER_USER);
      if (earlier.method !== method || earlier.input_hash !== hash) throw new ApiError('CONFLICT', KEY_OTHER_INPUT);
      return { replay: true, data: JSON.parse(earlier.result_json) as unknown };
    }
    const data = await run({ ...deps, db: conn, events: held.events });
    await conn
      .insertInto('idempotency_keys')
      .values({
        key,
        user_id: actor.id,
        method,
        input_hash: hash,
        result_json: JSON.stringify(data ?? null),
        created_at: now.toISOString(),
      })
      .execute();
    return { replay: false, data };
  });
  if (!outcome.replay) held.release();
  return outcome.data;
}
