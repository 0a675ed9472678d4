// A query used by more than one service, or a row builder (select + mapper to a
// view type), lives in db/queries/<table>.ts; a query used by one service only
// may stay inline in that service.
//
// Calls of a ticket to a place: a desk (ticket_calls) or a leader's talk room
// (room_calls). One read path for both, with the place as data.
import { sql } from 'kysely';
import type { PlaceKind } from '@shared/domain/queue';
import { hotStatement } from '../compiled';
import type { Executor } from '../connection';

/** Every call, to a desk or a room, with the ticket and the number of the place it was called to. */
export function callLog(db: Executor) {
  const deskCalls = db
    .selectFrom('ticket_calls as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .innerJoin('desks as p', 'p.id', 'c.desk_id')
    .select(['c.id', 'c.at', 'c.recall', 'c.ticket_id', 't.day', 't.ticket_no', 't.visitor_name', 'p.number'])
    .select(sql<PlaceKind>`'desk'`.as('place'));
  const roomCalls = db
    .selectFrom('room_calls as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .innerJoin('rooms as p', 'p.id', 'c.room_id')
    .select(['c.id', 'c.at', 'c.recall', 'c.ticket_id', 't.day', 't.ticket_no', 't.visitor_name', 'p.number'])
    .select(sql<PlaceKind>`'room'`.as('place'));
  return db.selectFrom(deskCalls.unionAll(roomCalls).as('calls')).selectAll();
}

/**
 * Tickets being served now at a desk or in a room, desks first, each by its
 * number. Only tickets actually called (a walk-in served without a call is not
 * announced, so it is not shown either).
 */
export function calledNow(db: Executor, day: string) {
  const atDesks = db
    .selectFrom('tickets as t')
    .innerJoin('desks as p', 'p.id', 't.desk_id')
    .select(['t.ticket_no', 't.visitor_name', 't.called_at', 'p.number', 'p.name'])
    .select(sql<PlaceKind>`'desk'`.as('place'))
    .where('t.status', '=', 'called')
    .where('t.day', '=', day)
    .where('t.call_count', '>', 0);
  const inRooms = db
    .selectFrom('tickets as t')
    .innerJoin('rooms as p', 'p.id', 't.room_id')
    .select(['t.ticket_no', 't.visitor_name', 't.called_at', 'p.number', 'p.name'])
    .select(sql<PlaceKind>`'room'`.as('place'))
    .where('t.status', '=', 'called')
    .where('t.day', '=', day)
    .where('t.call_count', '>', 0);
  return db.selectFrom(atDesks.unionAll(inRooms).as('now')).selectAll().orderBy('place').orderBy('number').execute();
}

export interface NewCall {
  id: string;
  place: PlaceKind;
  /** The desk's or the room's id. */
  placeId: string;
  ticketId: string;
  actorId: string;
  at: string;
  recall: boolean;
}

/** Logs a call (the display announces it by this id). Compiled once per place (db/compiled.ts): every call writes one. */
export async function insertCall(trx: Executor, c: NewCall): Promise<void> {
  const values = { id: c.id, ticket_id: c.ticketId, at: c.at, recall: c.recall ? 1 : 0, actor_id: c.actorId, place_id: c.placeId };
  await (c.place === 'desk' ? INSERT_DESK_CALL : INSERT_ROOM_CALL).affected(trx, values);
}

interface CallValues {
  id: string;
  ticket_id: string;
  at: string;
  recall: number;
  actor_id: string;
  place_id: string;
}
const INSERT_DESK_CALL = hotStatement((x, { place_id, ...row }: CallValues) =>
  x.insertInto('ticket_calls').values({ ...row, desk_id: place_id }),
);
const INSERT_ROOM_CALL = hotStatement((x, { place_id, ...row }: CallValues) =>
  x.insertInto('room_calls').values({ ...row, room_id: place_id }),
);
