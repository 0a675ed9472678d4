import type { Executor } from '../connection';
import type { TicketsTable } from '../schema';
import type { TicketView } from '@shared/api/schemas/queue';

export type TicketRow = TicketsTable & { lane_name: string; desk_number: number | null };

export function ticketsWithNames(db: Executor) {
  return db
    .selectFrom('tickets')
    .innerJoin('lanes', 'lanes.id', 'tickets.lane_id')
    .leftJoin('desks', 'desks.id', 'tickets.desk_id')
    .selectAll('tickets')
    .select(['lanes.name as lane_name', 'desks.number as desk_number']);
}

export function findTicket(db: Executor, id: string): Promise<TicketRow | undefined> {
  return ticketsWithNames(db).where('tickets.id', '=', id).executeTakeFirst();
}

/** The ticket a desk is serving now (called, not yet finished). */
export function currentTicketOf(db: Executor, deskId: string): Promise<TicketRow | undefined> {
  return ticketsWithNames(db)
    .where('tickets.desk_id', '=', deskId)
    .where('tickets.status', '=', 'called')
    .orderBy('tickets.called_at', 'desc')
    .executeTakeFirst();
}

/**
 * Waiting tickets of the day a desk may call: in its lanes, or sent to this
 * desk by a transfer. (Earlier days' tickets are closed or carried by the day
 * rollover; until it runs they must not show.)
 */
export function waitingFor(db: Executor, deskId: string, laneIds: string[], day: string): Promise<TicketRow[]> {
  return ticketsWithNames(db)
    .where('tickets.status', '=', 'waiting')
    .where('tickets.day', '=', day)
    .where('tickets.room_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('tickets.desk_id', '=', deskId),
        laneIds.length > 0 ? eb.and([eb('tickets.desk_id', 'is', null), eb('tickets.lane_id', 'in', laneIds)]) : eb.val(false),
      ]),
    )
    .execute();
}

export function toTicketView(t: TicketRow): TicketView {
  return {
    id: t.id,
    ticketNo: t.ticket_no,
    laneId: t.lane_id,
    laneName: t.lane_name,
    status: t.status,
    priority: t.priority,
    appointmentAt: t.appointment_at,
    visitId: t.visit_id,
    visitorName: t.visitor_name,
    deskNumber: t.desk_number,
    issuedAt: t.issued_at,
    calledAt: t.called_at,
    callCount: t.call_count,
    finishedAt: t.finished_at,
  };
}
