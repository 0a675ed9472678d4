// Calling a ticket to a place — a desk or a leader's talk room — and telling
// the hall display. One path for both: the place is data.
import type { Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { callLog, insertCall, type NewCall } from '../../db/queries/calls';
import { newId } from '../ids';

/** Logs a call inside the change's transaction; announce it with the id after commit. */
export async function logCall(trx: Executor, call: Omit<NewCall, 'id'>): Promise<string> {
  const id = newId();
  await insertCall(trx, { ...call, id });
  return id;
}

/** Tells the display (and its voice) about a committed call. */
export async function announceCall(deps: Deps, callId: string): Promise<void> {
  const c = await callLog(deps.db).where('id', '=', callId).executeTakeFirstOrThrow();
  deps.events.publish('queue.called', {
    callId: c.id,
    ticketNo: c.ticket_no,
    deskNumber: c.number,
    place: c.place,
    recall: c.recall === 1,
  });
}
