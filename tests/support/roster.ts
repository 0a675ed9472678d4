// A leader's reception session (领导接访日) as the tests need one: saved by the administrator
// and published, so the desk can book visitors into it and the leader can call them.
import type { InputOf, OutputOf } from '@shared/api/contract';
import type { Client } from './backend';

/** The migrations' first two talk rooms. */
export const ROOM1 = '0193a000-0000-7000-8000-000000000301';
export const ROOM2 = '0193a000-0000-7000-8000-000000000302';

/** Saves a session (09:00–11:30 in ROOM1, 30-minute slots unless `over` says otherwise) and publishes it. */
export async function publishedSession(
  admin: Client,
  leaderId: string,
  date: string,
  over: Partial<InputOf<'roster.save'>> = {},
): Promise<OutputOf<'roster.setStatus'>> {
  const s = await admin.call('roster.save', {
    id: null,
    leaderId,
    date,
    start: '09:00',
    end: '11:30',
    roomId: ROOM1,
    slotMinutes: 30,
    expectedVersion: null,
    ...over,
  });
  return admin.call('roster.setStatus', { sessionId: s.id, status: 'published', reason: '' });
}
