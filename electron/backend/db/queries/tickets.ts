import { sql } from 'kysely';
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
  return (
    ticketsWithNames(db)
      .where('tickets.desk_id', '=', deskId)
      // Literal, as in call-next's currentTicketId: read from tickets_desk under any plan.
      .where(sql<boolean>`tickets.status = 'called'`)
      .orderBy('tickets.called_at', 'desc')
      .executeTakeFirst()
  );
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

/**
 * The heads of the line a desk may call (see waitingFor): for each lane, the
 * first waiting appointment (by booked time), the first priority and the first
 * ordinary ticket (by place in line), and the same three among tickets sent to
 * this desk: at most 3 × (lanes + 1) rows, each read by a LIMIT 1 seek on the
 * 0013 partial indexes (tickets_desk for the desk's own), in one statement.
 * services/queue/ordering.ts pickNext chooses among them. (A query: the caller executes it.)
 */
export function nextCandidates(db: Executor, deskId: string, laneIds: string[], day: string) {
  const classes = [
    { where: sql<boolean>`appointment_at IS NOT NULL`, order: ['appointment_at', 'queued_at', 'number'] as const },
    { where: sql<boolean>`priority IS NOT NULL AND appointment_at IS NULL`, order: ['queued_at', 'number'] as const },
    { where: sql<boolean>`priority IS NULL AND appointment_at IS NULL`, order: ['queued_at', 'number'] as const },
  ];
  const heads = [...laneIds.map((id) => ({ lane: id })), { desk: deskId }].flatMap((of) =>
    classes.map((c) => {
      // Literal 'waiting' (not a parameter): SQLite uses a partial index only when it can see the query implies its condition.
      let q = db
        .selectFrom('tickets')
        .selectAll()
        .where(sql<boolean>`status = 'waiting'`)
        .where(c.where)
        .where('day', '=', day)
        .where('room_id', 'is', null);
      q = 'lane' in of ? q.where('lane_id', '=', of.lane).where('desk_id', 'is', null) : q.where('desk_id', '=', of.desk);
      for (const col of c.order) q = q.orderBy(col);
      // The lane's name beside each head, so the caller can answer without reading the ticket back.
      return db
        .selectFrom(q.limit(1).as('head'))
        .selectAll()
        .select((eb) =>
          eb.selectFrom('lanes').select('lanes.name').whereRef('lanes.id', '=', 'head.lane_id').$asScalar().$notNull().as('lane_name'),
        );
    }),
  );
  return heads.reduce((all, q) => all.unionAll(q));
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
