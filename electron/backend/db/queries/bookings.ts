// A query used by more than one service, or a row builder (select + mapper to a
// view type), lives in db/queries/<table>.ts; a query used by one service only
// may stay inline in that service.
import type { BookingView } from '@shared/api/schemas/reception';
import type { Executor } from '../connection';
import { talkDecision } from './talks';
import type { ReceptionBookingsTable } from '../schema';

export function bookingRows(db: Executor) {
  return db
    .selectFrom('reception_bookings as b')
    .innerJoin('visits as v', 'v.id', 'b.visit_id')
    .leftJoin('tickets as t', 't.id', 'b.ticket_id')
    .leftJoin('talk_records as k', 'k.booking_id', 'b.id')
    .leftJoin('matter_events as e', (j) => j.onRef('e.talk_id', '=', 'k.id').on('e.action', '=', 'decide'))
    .selectAll('b')
    .select([
      'v.visit_no',
      'v.visit_date',
      'v.name',
      'v.phone',
      'v.people_count',
      'v.category',
      'v.summary',
      'v.escort_json',
      'v.petitioner_id',
      'v.matter_id',
      't.ticket_no',
      't.call_count',
    ])
    .select(['k.id as talk_id', 'k.outcome as talk_outcome', 'e.data_json as decide_json']);
}
export type BookingRow = Awaited<ReturnType<ReturnType<typeof bookingRows>['executeTakeFirstOrThrow']>>;

function escortText(json: string | null): string {
  if (!json) return '';
  const e = JSON.parse(json) as { name: string; unit: string; phone: string };
  return [e.unit, e.name].filter(Boolean).join(' ');
}

export const toBookingView = (b: BookingRow, plannedAt: string | null): BookingView => ({
  id: b.id,
  sessionId: b.session_id,
  visitId: b.visit_id,
  visitNo: b.visit_no,
  visitDate: b.visit_date,
  petitionerId: b.petitioner_id,
  matterId: b.matter_id,
  name: b.name,
  phone: b.phone,
  peopleCount: b.people_count,
  attendees: b.attendees,
  category: b.category,
  summary: b.summary,
  escort: escortText(b.escort_json),
  kind: b.kind,
  slot: b.slot_time,
  plannedAt,
  status: b.status,
  ticketNo: b.ticket_no,
  calledAt: b.called_at,
  callCount: b.call_count ?? 0,
  outcome: b.talk_id && b.talk_outcome ? talkDecision(b.decide_json, b.talk_outcome) : null,
});

export function findBooking(db: Executor, id: string): Promise<ReceptionBookingsTable | undefined> {
  return db.selectFrom('reception_bookings').selectAll().where('id', '=', id).executeTakeFirst();
}
