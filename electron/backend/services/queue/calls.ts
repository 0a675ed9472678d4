// Calling a ticket to a place — a desk or a leader's talk room — and telling
// the hall display. One path for both: the place is data.
import type { EventMap } from '@shared/api/events';
import type { Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { insertCall, type NewCall } from '../../db/queries/calls';
import { newId } from '../ids';

/** What the hall display shows and says for a call. */
export type Announcement = EventMap['queue.called'];

/**
 * Logs a call inside the change's transaction and returns its announcement, made from what the
 * caller already holds (the ticket's number, the place's number), so nothing is read back after
 * commit. Announce it once the transaction has committed.
 */
export async function logCall(
  trx: Executor,
  call: Omit<NewCall, 'id'>,
  shown: { ticketNo: string; placeNumber: number },
): Promise<Announcement> {
  const id = newId();
  await insertCall(trx, { ...call, id });
  return announcement(id, call, shown);
}

/** The display's announcement of a call, from what the caller holds. */
export function announcement(
  callId: string,
  call: Pick<NewCall, 'place' | 'recall'>,
  shown: { ticketNo: string; placeNumber: number },
): Announcement {
  return { callId, ticketNo: shown.ticketNo, deskNumber: shown.placeNumber, place: call.place, recall: call.recall };
}

/** Tells the display (and its voice) about a committed call. */
export function announceCall(deps: Deps, call: Announcement): void {
  deps.events.publish('queue.called', call);
}
