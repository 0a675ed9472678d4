// A query used by more than one service, or a row builder (select + mapper to a
// view type), lives in db/queries/<table>.ts; a query used by one service only
// may stay inline in that service.
import type { SessionView } from '@shared/api/schemas/reception';
import type { Executor } from '../connection';

/** Reception sessions with leader, room and the count of active bookings, for SessionView. */
export function sessionRows(db: Executor) {
  return db
    .selectFrom('reception_sessions as s')
    .innerJoin('users as u', 'u.id', 's.leader_id')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .selectAll('s')
    .select(['u.display_name as leader_name', 'r.name as room_name', 'r.number as room_number'])
    .select((eb) =>
      eb
        .selectFrom('reception_bookings as b')
        .whereRef('b.session_id', '=', 's.id')
        .where('b.status', 'in', ['scheduled', 'waiting', 'called'])
        .select(eb.fn.countAll<number>().as('n'))
        .as('active_bookings'),
    );
}
export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionRows>['executeTakeFirstOrThrow']>>;

export const toSessionView = (s: SessionRow): SessionView => ({
  id: s.id,
  leaderId: s.leader_id,
  leaderName: s.leader_name,
  date: s.date,
  start: s.start_time,
  end: s.end_time,
  roomId: s.room_id,
  roomName: s.room_name,
  roomNumber: s.room_number,
  topics: s.topics,
  lawyer: s.lawyer,
  slotMinutes: s.slot_minutes,
  status: s.status,
  cancelReason: s.cancel_reason,
  version: s.version,
  activeBookings: Number(s.active_bookings ?? 0),
});
