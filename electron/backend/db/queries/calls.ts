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
import { engineOf } from '../dialect';

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

/** A call at a desk (callAtDesk): the ticket's call count and version are the values after it. */
export interface DeskCall {
  callId: string;
  ticketId: string;
  deskId: string;
  actorId: string;
  at: string;
  callCount: number;
  version: number;
}

/**
 * A call at a desk: the ticket marked called — only if it is still waiting (a 重呼: still called),
 * the guard that, with the hall's write lock, makes it impossible for two desks to receive the same
 * ticket — and the call logged. 1 if it was taken, 0 if the ticket had gone.
 * PostgreSQL does both in one statement (a data-modifying WITH whose INSERT takes the row the
 * UPDATE returned: one round trip fewer on every call); SQLite has no such statement, so two.
 */
export async function callAtDesk(trx: Executor, c: DeskCall, recall: boolean): Promise<number> {
  if (engineOf(trx) === 'postgres') return (recall ? RECALL_AND_LOG : CALL_AND_LOG).affected(trx, c);
  // Only the values each statement takes (hotStatement refuses a value that reaches no parameter).
  const { callId: _id, actorId: _actor, ...mark } = c;
  const { deskId: _desk, ...remark } = mark;
  if ((recall ? await MARK_RECALLED.affected(trx, remark) : await MARK_CALLED.affected(trx, mark)) !== 1) return 0;
  await insertCall(trx, { id: c.callId, place: 'desk', placeId: c.deskId, ticketId: c.ticketId, actorId: c.actorId, at: c.at, recall });
  return 1;
}

type Mark = Pick<DeskCall, 'ticketId' | 'at' | 'callCount' | 'version'> & { deskId?: string };

/** The ticket's UPDATE of a call (recall: a 重呼 of the ticket already called; deskId for a first call). */
function markCalled(x: Executor, v: Mark, recall: boolean) {
  return recall
    ? x
        .updateTable('tickets')
        .set({ call_count: v.callCount, called_at: v.at, version: v.version })
        .where('id', '=', v.ticketId)
        .where('status', '=', 'called')
    : x
        .updateTable('tickets')
        .set({ status: 'called', desk_id: v.deskId!, called_at: v.at, call_count: v.callCount, version: v.version })
        .where('id', '=', v.ticketId)
        .where('status', '=', 'waiting');
}
const MARK_CALLED = hotStatement((x, v: Mark) => markCalled(x, v, false));
const MARK_RECALLED = hotStatement((x, v: Mark) => markCalled(x, v, true));

/** PostgreSQL: the UPDATE and the call's row in one statement. */
const takeAndLog = (recall: boolean) =>
  hotStatement((x, v: DeskCall) =>
    x
      .with('taken', () => markCalled(x, v, recall).returning('tickets.id'))
      .insertInto('ticket_calls')
      .columns(['id', 'ticket_id', 'at', 'recall', 'actor_id', 'desk_id'])
      .expression((eb) =>
        eb
          .selectFrom('taken')
          .select((sb) => [
            sb.val(v.callId).as('id'),
            'taken.id as ticket_id',
            sb.val(v.at).as('at'),
            sql<number>`${sql.lit(recall ? 1 : 0)}`.as('recall'),
            sb.val(v.actorId).as('actor_id'),
            sb.val(v.deskId).as('desk_id'),
          ]),
      ),
  );
const CALL_AND_LOG = takeAndLog(false);
const RECALL_AND_LOG = takeAndLog(true);
