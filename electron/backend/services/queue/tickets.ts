// The queue's life: issue (取号), call (叫号), recall, no-show (过号), requeue,
// transfer, park, finish, walk-ins, pause. Every change runs in one IMMEDIATE
// transaction and is audited; the hall is told through events after commit.
import { displayVoices } from './display-voices';
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { DeskBoard, IssuedTicket, QueueSettings, TicketLogCall, TicketLogEntry, TicketView } from '@shared/api/schemas/queue';
import { formatTicketNo } from '@shared/domain/queue';
import { maskName } from '@shared/domain/identity';
import { hallDate, HALL_TZ } from '@shared/time';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { callAtDesk } from '../../db/queries/calls';
import { nextDailyValue } from '../../db/queries/counters';
import {
  currentTicketOf,
  findTicket,
  nextCandidates,
  ticketsWithNames,
  toTicketView,
  waitingFor,
  type TicketRow,
} from '../../db/queries/tickets';
import type { Database, DesksTable, TicketsTable } from '../../db/schema';
import { hotStatement } from '../../db/compiled';
import { writeTransaction } from '../../db/transaction';
import { writeAudit, writeAudits, type AuditEntry } from '../audit';
import { newId } from '../ids';
import { askPad } from '../pads';
import { readablePersons } from '../leader-scope';
import { closePastBookings, pastBookings } from '../reception/day-end';
import { announceCall, announcement, type Announcement } from './calls';
import { getDesk, toDeskView } from './config';
import { orderQueue, pickNext, type Candidate } from './ordering';
import { getQueueSettings, queueSettingsFrom } from './settings';
import dayjs from 'dayjs';
import { sql, type AliasableExpression, type ExpressionBuilder } from 'kysely';

const toCandidate = (t: TicketsTable): Candidate => ({
  id: t.id,
  priority: t.priority,
  appointmentAt: t.appointment_at,
  queuedAt: t.queued_at,
  number: t.number,
});

/** A number waiting for a leader's room is the leader's to call and the board's to move, never a desk's. */
function refuseRoomTicket(t: Pick<TicketsTable, 'room_id' | 'ticket_no'>) {
  if (t.room_id) throw new ApiError('CONFLICT', `${t.ticket_no} 在等候领导接谈，请在“接访看板”中调整`);
}

/** Runs a queue change: day rollover first, then the change, audited, then one event. */
export async function queueChange<T>(
  deps: Deps,
  fn: (trx: Executor, at: string) => Promise<T>,
  /** The change asks the day end itself, in its first statement (callNext: one round trip fewer). */
  opts: { ownRollover?: boolean } = {},
): Promise<T> {
  const at = deps.now().toISOString();
  const result = await writeTransaction(deps.db, async (trx) => {
    if (!opts.ownRollover) await rollover(trx, at);
    return fn(trx, at);
  });
  deps.events.publish('queue.changed', { reason: 'tickets' });
  return result;
}

/** A ticket's audit row (the ticket number always with it). */
function ticketEntry(
  at: string,
  actor: Actor,
  action: string,
  t: Pick<TicketsTable, 'id' | 'ticket_no'>,
  after: Record<string, unknown> = {},
  note?: string,
): AuditEntry {
  return { at, actorId: actor.id, action, entity: 'ticket', entityId: t.id, after: { ticketNo: t.ticket_no, ...after }, note };
}

function audit(trx: Executor, ...entry: Parameters<typeof ticketEntry>) {
  return writeAudit(trx, ticketEntry(...entry));
}

/**
 * Day end, done lazily by the first queue change of a new day, in this order:
 * each domain closes what it left open on earlier days. Reception bookings go
 * first (the reception domain owns them), then the queue's own tickets. Each
 * step names what it would close (`left`, a query), so that the rollover asks
 * every step at once, in one statement, whether anything is left: nearly
 * always nothing is, and a queue change pays one round trip for the day end.
 */
interface DayEndStep {
  left: (trx: Executor, today: string) => AliasableExpression<unknown>;
  close: (trx: Executor, today: string, at: string) => Promise<void>;
}
const DAY_END: DayEndStep[] = [
  { left: pastBookings, close: closePastBookings },
  { left: pastTickets, close: closePastTickets },
];

async function rollover(trx: Executor, at: string): Promise<void> {
  const today = hallDate(at);
  await closeDayEnd(trx, today, at, (await DAY_END_LEFT.first(trx, { today }))!);
}

/** Runs the day-end steps that have rows left (`left`: dayEndCounts' s0, s1, …); true if any ran. */
async function closeDayEnd(trx: Executor, today: string, at: string, left: Record<string, unknown>): Promise<boolean> {
  let ran = false;
  for (const [i, step] of DAY_END.entries())
    if (Number(left[`s${i}`]) > 0) {
      await step.close(trx, today, at);
      ran = true;
    }
  return ran;
}

/**
 * How many of each day-end step's rows are left (s0, s1, …), in one statement run by every queue
 * change. count(*), not EXISTS: planned like the steps' own reads, for the whole (nearly always
 * empty) result. Under EXISTS PostgreSQL's generic plan may expect an early hit and walk tickets by
 * day, every ticket of every earlier day, to find none. (A query: the caller executes it.)
 */
export function dayEndLeft(trx: Executor, today: string) {
  return trx.selectNoFrom((eb) => dayEndCounts(eb, trx, today));
}

/** dayEndLeft's columns, for a statement that asks the day end beside its own reads (deskForCall). */
function dayEndCounts<TB extends keyof Database>(eb: ExpressionBuilder<Database, TB>, trx: Executor, today: string) {
  return DAY_END.map((step, i) =>
    eb
      .selectFrom(step.left(trx, today).as(`l${i}`))
      .select((c) => c.fn.countAll<number>().as('n'))
      .as(`s${i}`),
  );
}

/** dayEndLeft compiled once (db/compiled.ts): every queue change asks it. */
const DAY_END_LEFT = hotStatement((x, v: { today: string }) => dayEndLeft(x, v.today));

/** Tickets of earlier days still open: what closePastTickets closes or carries (a query). */
function pastTickets(trx: Executor, today: string) {
  // Literal statuses: a hall's statistics know them rare, so even a generic plan reads them from
  // tickets_status_day (bound parameters made it walk every earlier day's tickets: 114 ms at 100k).
  return trx
    .selectFrom('tickets')
    .selectAll()
    .where('day', '<', today)
    .where(sql<boolean>`status IN ('waiting', 'parked', 'called')`);
}

/**
 * Tickets left from earlier days are closed, and — if the administrator chose
 * to carry them — reissued today in their old order with their priority.
 */
async function closePastTickets(trx: Executor, today: string, at: string): Promise<void> {
  const left = await pastTickets(trx, today).orderBy('queued_at').execute();
  if (left.length === 0) return;
  const settings = await getQueueSettings(trx);
  const activeLanes = new Set((await trx.selectFrom('lanes').select('id').where('active', '=', 1).execute()).map((l) => l.id));
  for (const t of left) {
    await trx
      .updateTable('tickets')
      .set({ status: t.status === 'called' ? 'done' : 'closed', finished_at: at, version: t.version + 1 })
      .where('id', '=', t.id)
      .execute();
    await writeAudit(trx, {
      at,
      actorId: null,
      action: 'ticket.day_end',
      entity: 'ticket',
      entityId: t.id,
      after: { ticketNo: t.ticket_no, carried: settings.dayEnd === 'carry' },
    });
    // Rollover must never fail (it runs before every queue change): a ticket of
    // a lane switched off since is closed, not carried.
    // A leader's room queue is not carried: the reception session it waited for has ended.
    if (settings.dayEnd === 'carry' && t.status !== 'called' && t.room_id === null && activeLanes.has(t.lane_id)) {
      await insertTicket(
        trx,
        {
          laneId: t.lane_id,
          priority: t.priority,
          visitId: t.visit_id,
          visitorName: t.visitor_name,
          appointmentAt: null,
          issuedBy: t.issued_by,
          carriedFrom: t.id,
          status: 'waiting',
          deskId: null,
        },
        at,
      );
    }
  }
}

interface NewTicket {
  laneId: string;
  priority: TicketsTable['priority'];
  visitId: string | null;
  visitorName: string;
  appointmentAt: string | null;
  issuedBy: string;
  carriedFrom: string | null;
  status: 'waiting' | 'called';
  deskId: string | null;
  /** A leader's room this ticket waits for (reception bookings); desks never call it. */
  roomId?: string | null;
}

export async function insertTicket(trx: Executor, n: NewTicket, at: string): Promise<TicketsTable> {
  const lane = await trx.selectFrom('lanes').selectAll().where('id', '=', n.laneId).executeTakeFirst();
  if (!lane || !lane.active) throw new ApiError('VALIDATION', '该队列不存在或已停用', { laneId: '该队列不存在或已停用' });
  const day = hallDate(at);
  // Numbers restart every day and are never reused within it (daily_counters
  // only grows). Counted per letter, so a lane that takes over a letter
  // mid-day continues its numbers instead of repeating them.
  const number = await nextDailyValue(trx, `ticket:${lane.prefix}`, day);
  const row: TicketsTable = {
    id: newId(),
    day,
    lane_id: lane.id,
    number,
    ticket_no: formatTicketNo(lane.prefix, number),
    status: n.status,
    priority: n.priority,
    appointment_at: n.appointmentAt,
    visit_id: n.visitId,
    visitor_name: n.visitorName,
    desk_id: n.deskId,
    issued_at: at,
    queued_at: at,
    called_at: n.status === 'called' ? at : null,
    call_count: 0,
    finished_at: null,
    carried_from: n.carriedFrom,
    issued_by: n.issuedBy,
    version: 1,
    room_id: n.roomId ?? null,
  };
  await trx.insertInto('tickets').values(row).execute();
  return row;
}

export async function issueTicket(deps: Deps, actor: Actor, input: ParsedInputOf<'queue.issue'>): Promise<IssuedTicket> {
  const id = await queueChange(deps, async (trx, at) => {
    let visitorName = '';
    if (input.visitId) {
      const visit = await trx.selectFrom('visits').select(['name']).where('id', '=', input.visitId).executeTakeFirst();
      if (!visit) throw new ApiError('NOT_FOUND', '找不到该来访登记');
      visitorName = visit.name;
    }
    const lane = await trx.selectFrom('lanes').select(['kind']).where('id', '=', input.laneId).executeTakeFirst();
    if (lane?.kind === 'appointment' && !input.appointmentTime)
      throw new ApiError('VALIDATION', '约访号须填写预约时间', { appointmentTime: '请填写预约时间' });
    // A booked time moves a ticket to the front at that time: only 约访 tickets may have one.
    if (lane?.kind !== 'appointment' && input.appointmentTime)
      throw new ApiError('VALIDATION', '只有约访队列的号才能填写预约时间', { appointmentTime: '只有约访号才能填写预约时间' });
    const appointmentAt = input.appointmentTime ? dayjs.tz(`${hallDate(at)} ${input.appointmentTime}`, HALL_TZ).toISOString() : null;
    const t = await insertTicket(
      trx,
      {
        laneId: input.laneId,
        priority: input.priority,
        visitId: input.visitId,
        visitorName,
        appointmentAt,
        issuedBy: actor.id,
        carriedFrom: null,
        status: 'waiting',
        deskId: null,
      },
      at,
    );
    await audit(trx, at, actor, 'ticket.issue', t, { priority: t.priority, visitId: t.visit_id, appointmentAt });
    return t.id;
  });
  const view = toTicketView((await findTicket(deps.db, id))!);
  return { ...view, peopleAhead: await peopleAhead(deps, id) };
}

/** How many tickets of the same lane will be called before this one (by the queue's own order). */
export async function peopleAhead(deps: Deps, ticketId: string): Promise<number> {
  const t = await deps.db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirstOrThrow();
  const sameLane = await deps.db
    .selectFrom('tickets')
    .selectAll()
    .where('status', '=', 'waiting')
    .where('lane_id', '=', t.lane_id)
    .where('day', '=', t.day)
    .execute();
  const settings = await getQueueSettings(deps.db);
  const order = orderQueue(sameLane.map(toCandidate), settings.orderRule, 0, deps.now().toISOString());
  return Math.max(
    0,
    order.findIndex((c) => c.id === ticketId),
  );
}

async function lockedDesk(trx: Executor, deskId: string, opts: { mustBeOpen: boolean }): Promise<DesksTable> {
  const desk = await getDesk(trx, deskId);
  if (opts.mustBeOpen && desk.paused) throw new ApiError('CONFLICT', `${desk.number} 号窗口已暂停，请先恢复接待`);
  return desk;
}

/** The desk for 叫号 and what the call needs beside it (DESK_FOR_CALL), after the day end. */
async function deskForCall(
  trx: Executor,
  deskId: string,
  today: string,
  at: string,
): Promise<{ desk: DesksTable; currentId: string | null; padPaired: boolean; settings: QueueSettings }> {
  let row = await DESK_FOR_CALL.first(trx, { deskId, today });
  // The day end rides on this statement (queueChange's ownRollover); what it closes may be this
  // desk's ticket of an earlier day, so the desk is read again after it (rarely: once a day).
  if (row && (await closeDayEnd(trx, today, at, row))) row = await DESK_FOR_CALL.first(trx, { deskId, today });
  if (!row || !row.active) throw new ApiError('NOT_FOUND', '找不到该窗口，请在“窗口”处重新选择');
  // s0, s1: the day end's counts (dayEndCounts, one per DAY_END step), not the desk's.
  const { pad_paired, queue_settings, current_id, s0: _s0, s1: _s1, ...desk } = row;
  if (desk.paused) throw new ApiError('CONFLICT', `${desk.number} 号窗口已暂停，请先恢复接待`);
  return { desk, currentId: current_id ?? null, padPaired: Boolean(pad_paired), settings: queueSettingsFrom(queue_settings ?? null) };
}

/**
 * The desk for 叫号, with what the call needs beside it: the ticket it is serving, whether a 评价器
 * is paired with it (askPad's question), the queue settings (the rule) and the day end's counts.
 * (A query: DESK_FOR_CALL runs it.) It and the statements below are 叫号's hot statements,
 * compiled once (db/compiled.ts): a hall calls all day.
 */
export function deskForCallQuery(x: Executor, deskId: string, today: string) {
  return x
    .selectFrom('desks')
    .selectAll('desks')
    .select((eb) => [
      eb
        .exists(eb.selectFrom('pads').select('pads.id').whereRef('pads.desk_id', '=', 'desks.id').where('pads.revoked_at', 'is', null))
        .as('pad_paired'),
      eb.selectFrom('settings').select('settings.value_json').where('settings.key', '=', 'queue').as('queue_settings'),
      currentTicketId(x, deskId).as('current_id'),
      ...dayEndCounts(eb, x, today),
    ])
    .where('desks.id', '=', deskId);
}
const DESK_FOR_CALL = hotStatement((x, v: { deskId: string; today: string }) => deskForCallQuery(x, v.deskId, v.today));

// Found and finished in one statement (RETURNING what the audit and the pad need).
const FINISH_CURRENT = hotStatement((x, v: { deskId: string; at: string }) =>
  x
    .updateTable('tickets')
    .set((eb) => ({ status: 'done', finished_at: v.at, version: eb('version', '+', 1) }))
    .where('id', '=', currentTicketId(x, v.deskId))
    .where('status', '=', 'called')
    .returning(['id', 'ticket_no', 'visit_id']),
);

const NEXT_CANDIDATES = hotStatement((x, v: { deskId: string; laneIds: string[]; day: string }) =>
  nextCandidates(x, v.deskId, v.laneIds, v.day),
);

/** The desk's current ticket (currentTicketOf's choice) as a subquery, for statements that act on it. */
function currentTicketId(trx: Executor, deskId: string) {
  return (
    trx
      .selectFrom('tickets')
      .select('tickets.id')
      .where('tickets.desk_id', '=', deskId)
      // Literal: a hall's statistics know 'called' rare, so even PostgreSQL's generic plan reads the
      // desk's few called tickets from tickets_desk (with a parameter it scanned and sorted every
      // ticket the desk ever served: query-plans.pg.test.ts).
      .where(sql<boolean>`tickets.status = 'called'`)
      .orderBy('tickets.called_at', 'desc')
      .limit(1)
  );
}

/**
 * Finishes the desk's current ticket, if any, and asks the paired pad. Its audit row is written
 * here, or, with `deferAudit` and no pad to ask, returned for the caller to write with its own
 * next row in one statement (the pad's question writes a row of its own, which must come after).
 */
async function finishCurrent(
  trx: Executor,
  desk: DesksTable,
  at: string,
  actor: Actor,
  opts: { padPaired?: boolean; deferAudit?: boolean } = {},
): Promise<AuditEntry[]> {
  const current = await FINISH_CURRENT.first(trx, { deskId: desk.id, at });
  if (!current) return [];
  const entry = ticketEntry(at, actor, 'ticket.finish', current, { desk: desk.number });
  if (opts.deferAudit && opts.padPaired === false) return [entry];
  await writeAudit(trx, entry);
  if (opts.padPaired !== false)
    await askPad(trx, at, { deskId: desk.id, ticketId: current.id, visitId: current.visit_id, staffId: actor.id });
  return [];
}

async function markCalled(
  trx: Executor,
  t: TicketsTable,
  desk: DesksTable,
  at: string,
  actor: Actor,
  recall: boolean,
  /** Audit rows of this change not yet written (finishCurrent's), written before the call's own. */
  pending: AuditEntry[] = [],
): Promise<Announcement> {
  const callId = newId();
  const c = { callId, ticketId: t.id, deskId: desk.id, actorId: actor.id, at, callCount: t.call_count + 1, version: t.version + 1 };
  if ((await callAtDesk(trx, c, recall)) !== 1) throw new ApiError('CONFLICT', `${t.ticket_no} 已被其他窗口叫号`);
  const call = announcement(callId, { place: 'desk', recall }, { ticketNo: t.ticket_no, placeNumber: desk.number });
  await writeAudits(trx, [
    ...pending,
    ticketEntry(at, actor, recall ? 'ticket.recall' : 'ticket.call', t, { desk: desk.number, callCount: t.call_count + 1 }),
  ]);
  return call;
}

/**
 * 叫号: finish the desk's current visitor and call the next ticket by the rule. Null when nobody waits.
 * Written for few round trips (issue 12; tests/unit/round-trips.test.ts counts them): the day end's
 * check, the desk, its pad and the settings in one statement, the heads of the line in one, both
 * audit rows in one, and the answer and the display's announcement made from the rows in hand
 * instead of read back after commit.
 */
export async function callNext(deps: Deps, actor: Actor, input: ParsedInputOf<'queue.callNext'>): Promise<TicketView | null> {
  const deskId = input.deskId;
  const called = await queueChange(
    deps,
    async (trx, at) => {
      const { desk, currentId, padPaired, settings } = await deskForCall(trx, deskId, hallDate(at), at);
      // A second press of F5 made before the screen caught up must not finish a
      // visitor nobody has served: the desk says whom it believes it is serving.
      if (input.expectedCurrentId !== undefined && currentId !== input.expectedCurrentId)
        throw new ApiError('CONFLICT', '本窗口的当前号已变化，请看清屏幕后再叫下一位');
      // The finish's audit row is written with the call's, in one statement (or alone if nobody waits).
      const pending = await finishCurrent(trx, desk, at, actor, { padPaired, deferAudit: true });
      // The database returns the head of each class; the rule (ordering.ts) picks among those few.
      const heads = await NEXT_CANDIDATES.rows(trx, { deskId: desk.id, laneIds: toDeskView(desk).laneIds, day: hallDate(at) });
      if (heads.length === 0) {
        await writeAudits(trx, pending);
        return null;
      }
      const pick = pickNext(heads.map(toCandidate), settings.orderRule, desk.ratio_position, at)!;
      const next = heads.find((h) => h.id === pick.next.id)!;
      if (pick.ratioPosition !== null)
        await trx.updateTable('desks').set({ ratio_position: pick.ratioPosition }).where('id', '=', desk.id).execute();
      const call = await markCalled(trx, next, desk, at, actor, false, pending);
      // The row as markCalled left it (the same values its UPDATE wrote).
      const view = toTicketView({
        ...next,
        status: 'called',
        desk_id: desk.id,
        called_at: at,
        call_count: next.call_count + 1,
        version: next.version + 1,
        desk_number: desk.number,
      });
      return { call, view };
    },
    { ownRollover: true },
  );
  if (!called) return null;
  announceCall(deps, called.call);
  return called.view;
}

/** Call a chosen ticket out of order, with the reason recorded. */
export async function callTicket(deps: Deps, actor: Actor, input: ParsedInputOf<'queue.callTicket'>): Promise<TicketView> {
  const call = await queueChange(deps, async (trx, at) => {
    const desk = await lockedDesk(trx, input.deskId, { mustBeOpen: true });
    const t = await findTicket(trx, input.ticketId);
    if (!t || t.status !== 'waiting') throw new ApiError('CONFLICT', '该号已不在等候中');
    refuseRoomTicket(t);
    await finishCurrent(trx, desk, at, actor);
    const call = await markCalled(trx, t, desk, at, actor, false);
    await audit(trx, at, actor, 'ticket.call_out_of_order', t, { desk: desk.number }, input.reason);
    return call;
  });
  announceCall(deps, call);
  return toTicketView((await findTicket(deps.db, input.ticketId))!);
}

async function requireCurrent(trx: Executor, deskId: string): Promise<{ desk: DesksTable; current: TicketRow }> {
  const desk = await lockedDesk(trx, deskId, { mustBeOpen: false });
  const current = await currentTicketOf(trx, desk.id);
  if (!current) throw new ApiError('CONFLICT', `${desk.number} 号窗口当前没有正在接待的号`);
  return { desk, current };
}

/** 重呼 */
export async function recall(deps: Deps, actor: Actor, deskId: string): Promise<TicketView> {
  const { id, call } = await queueChange(deps, async (trx, at) => {
    const { desk, current } = await requireCurrent(trx, deskId);
    return { id: current.id, call: await markCalled(trx, current, desk, at, actor, true) };
  });
  announceCall(deps, call);
  return toTicketView((await findTicket(deps.db, id))!);
}

/** 过号: only after the configured number of calls. */
export async function noShow(deps: Deps, actor: Actor, deskId: string): Promise<TicketView> {
  const id = await queueChange(deps, async (trx, at) => {
    const { desk, current } = await requireCurrent(trx, deskId);
    const { noShowAfterCalls } = await getQueueSettings(trx);
    if (current.call_count < noShowAfterCalls) {
      throw new ApiError('CONFLICT', `${current.ticket_no} 已呼叫${current.call_count}次，须呼叫满${noShowAfterCalls}次才能过号，请先重呼`);
    }
    await trx
      .updateTable('tickets')
      .set({ status: 'no_show', finished_at: at, version: current.version + 1 })
      .where('id', '=', current.id)
      .execute();
    await audit(trx, at, actor, 'ticket.no_show', current, { desk: desk.number, calls: current.call_count });
    return current.id;
  });
  return toTicketView((await findTicket(deps.db, id))!);
}

/** The visitor turned up after 过号: back in line, behind those waiting now. */
export async function requeue(deps: Deps, actor: Actor, ticketId: string): Promise<TicketView> {
  await queueChange(deps, async (trx, at) => {
    const t = await findTicket(trx, ticketId);
    if (!t || t.status !== 'no_show') throw new ApiError('CONFLICT', '只有过号的号才能重新排队');
    refuseRoomTicket(t);
    if (t.day !== hallDate(at)) throw new ApiError('CONFLICT', '过号已跨日，请重新取号');
    await trx
      .updateTable('tickets')
      .set({ status: 'waiting', queued_at: at, desk_id: null, finished_at: null, call_count: 0, version: t.version + 1 })
      .where('id', '=', t.id)
      .execute();
    await audit(trx, at, actor, 'ticket.requeue', t);
  });
  return toTicketView((await findTicket(deps.db, ticketId))!);
}

/** Move a waiting or current ticket to another lane (keeping its place in time) or to a particular desk. */
export async function transfer(deps: Deps, actor: Actor, input: ParsedInputOf<'queue.transfer'>): Promise<TicketView> {
  await queueChange(deps, async (trx, at) => {
    const t = await findTicket(trx, input.ticketId);
    if (!t || (t.status !== 'waiting' && t.status !== 'called')) throw new ApiError('CONFLICT', '该号当前不能转移');
    refuseRoomTicket(t);
    if (input.toLaneId) {
      const lane = await trx.selectFrom('lanes').select(['id', 'active']).where('id', '=', input.toLaneId).executeTakeFirst();
      if (!lane || !lane.active) throw new ApiError('VALIDATION', '目标队列不存在或已停用', { toLaneId: '目标队列不存在或已停用' });
    }
    const toDesk = input.toDeskId ? await getDesk(trx, input.toDeskId) : null;
    await trx
      .updateTable('tickets')
      .set({ status: 'waiting', lane_id: input.toLaneId ?? t.lane_id, desk_id: toDesk?.id ?? null, version: t.version + 1 })
      .where('id', '=', t.id)
      .execute();
    await audit(
      trx,
      at,
      actor,
      'ticket.transfer',
      t,
      { fromLane: t.lane_id, toLane: input.toLaneId, toDesk: toDesk?.number ?? null },
      input.reason || undefined,
    );
  });
  return toTicketView((await findTicket(deps.db, input.ticketId))!);
}

/** 暂离: the visitor steps out (to fetch documents); the ticket keeps its place. */
export async function park(deps: Deps, actor: Actor, ticketId: string): Promise<TicketView> {
  await queueChange(deps, async (trx, at) => {
    const t = await findTicket(trx, ticketId);
    if (!t || (t.status !== 'waiting' && t.status !== 'called')) throw new ApiError('CONFLICT', '该号当前不能暂离');
    refuseRoomTicket(t);
    await trx
      .updateTable('tickets')
      .set({ status: 'parked', desk_id: t.status === 'called' ? null : t.desk_id, version: t.version + 1 })
      .where('id', '=', t.id)
      .execute();
    await audit(trx, at, actor, 'ticket.park', t);
  });
  return toTicketView((await findTicket(deps.db, ticketId))!);
}

export async function unpark(deps: Deps, actor: Actor, ticketId: string): Promise<TicketView> {
  await queueChange(deps, async (trx, at) => {
    const t = await findTicket(trx, ticketId);
    if (!t || t.status !== 'parked') throw new ApiError('CONFLICT', '该号不在暂离状态');
    await trx
      .updateTable('tickets')
      .set({ status: 'waiting', version: t.version + 1 })
      .where('id', '=', t.id)
      .execute();
    await audit(trx, at, actor, 'ticket.unpark', t);
  });
  return toTicketView((await findTicket(deps.db, ticketId))!);
}

/** 办结: the desk is done with its current visitor. */
export async function finish(deps: Deps, actor: Actor, deskId: string): Promise<null> {
  await queueChange(deps, async (trx, at) => {
    const { desk } = await requireCurrent(trx, deskId);
    await finishCurrent(trx, desk, at, actor);
  });
  return null;
}

/** Serve someone who has no ticket: a number is still taken, so the day's log is complete. */
export async function serveWalkIn(deps: Deps, actor: Actor, input: ParsedInputOf<'queue.serveWalkIn'>): Promise<TicketView> {
  const id = await queueChange(deps, async (trx, at) => {
    const desk = await lockedDesk(trx, input.deskId, { mustBeOpen: true });
    await finishCurrent(trx, desk, at, actor);
    const t = await insertTicket(
      trx,
      {
        laneId: input.laneId,
        priority: null,
        visitId: null,
        visitorName: '',
        appointmentAt: null,
        issuedBy: actor.id,
        carriedFrom: null,
        status: 'called',
        deskId: desk.id,
      },
      at,
    );
    await audit(trx, at, actor, 'ticket.walk_in', t, { desk: desk.number });
    return t.id;
  });
  return toTicketView((await findTicket(deps.db, id))!);
}

export async function setPaused(deps: Deps, actor: Actor, deskId: string, paused: boolean): Promise<null> {
  await queueChange(deps, async (trx, at) => {
    const desk = await getDesk(trx, deskId);
    await trx
      .updateTable('desks')
      .set({ paused: paused ? 1 : 0, updated_at: at })
      .where('id', '=', desk.id)
      .execute();
    await writeAudit(trx, { at, actorId: actor.id, action: paused ? 'desk.pause' : 'desk.resume', entity: 'desk', entityId: desk.id });
  });
  return null;
}

export async function getQueueBoard(deps: Deps, deskId: string): Promise<DeskBoard> {
  const db = deps.db;
  const desk = await getDesk(db, deskId);
  const view = toDeskView(desk);
  const settings = await getQueueSettings(db);
  const waiting = await waitingFor(db, desk.id, view.laneIds, hallDate(deps.now()));
  const order = orderQueue(waiting.map(toCandidate), settings.orderRule, desk.ratio_position, deps.now().toISOString());
  const byId = new Map(waiting.map((w) => [w.id, w]));
  const today = hallDate(deps.now());
  const others = await ticketsWithNames(db)
    .where('tickets.day', '=', today)
    .where('tickets.status', 'in', ['parked', 'no_show'])
    .where('tickets.room_id', 'is', null)
    .where('tickets.lane_id', 'in', view.laneIds.length ? view.laneIds : [''])
    .orderBy('tickets.queued_at')
    .execute();
  const current = await currentTicketOf(db, desk.id);
  return {
    desk: view,
    current: current ? toTicketView(current) : null,
    waiting: order.map((c) => toTicketView(byId.get(c.id)!)),
    parked: others.filter((t) => t.status === 'parked').map(toTicketView),
    noShows: others.filter((t) => t.status === 'no_show').map(toTicketView),
    settings: { noShowAfterCalls: settings.noShowAfterCalls, orderRule: settings.orderRule },
    displayVoice: displayVoices(deps),
  };
}

/** The day's ticket log: every ticket with who called it, where and when. */
export async function getDayLog(deps: Deps, actor: Actor, date: string | undefined): Promise<TicketLogEntry[]> {
  const day = date ?? hallDate(deps.now());
  const tickets = await ticketsWithNames(deps.db).where('tickets.day', '=', day).orderBy('tickets.issued_at').execute();
  const ticketIds = tickets.length ? tickets.map((t) => t.id) : [''];
  // A desk's calls and a leader's calls into their room (F5 on 我的接访; desks never call those
  // numbers), in one statement: the same columns with the place they were made from.
  const placeCalls = await deps.db
    .selectFrom('ticket_calls')
    .innerJoin('tickets', 'tickets.id', 'ticket_calls.ticket_id')
    .innerJoin('desks', 'desks.id', 'ticket_calls.desk_id')
    .innerJoin('users', 'users.id', 'ticket_calls.actor_id')
    .select(['ticket_calls.ticket_id', 'ticket_calls.at', 'desks.number', 'ticket_calls.recall', 'users.display_name'])
    .select(sql<TicketLogCall['place']>`'desk'`.as('place'))
    .where('tickets.day', '=', day)
    .unionAll((db) =>
      db
        .selectFrom('room_calls')
        .innerJoin('tickets', 'tickets.id', 'room_calls.ticket_id')
        .innerJoin('rooms', 'rooms.id', 'room_calls.room_id')
        .innerJoin('users', 'users.id', 'room_calls.actor_id')
        .select(['room_calls.ticket_id', 'room_calls.at', 'rooms.number', 'room_calls.recall', 'users.display_name'])
        .select(sql<TicketLogCall['place']>`'room'`.as('place'))
        .where('tickets.day', '=', day),
    )
    .orderBy('at')
    .execute();
  // Walk-ins are served without a call (nothing is announced), and a call out of order keeps its
  // reason in its audit row (same transaction, same instant as its ticket_calls row): the audit says.
  const audited = await deps.db
    .selectFrom('audit_log')
    .innerJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.action', 'audit_log.entity_id', 'audit_log.at', 'audit_log.after_json', 'audit_log.note', 'users.display_name'])
    .where('audit_log.action', 'in', ['ticket.walk_in', 'ticket.call_out_of_order'])
    .where('audit_log.entity_id', 'in', ticketIds)
    .execute();
  const outOfOrder = new Map(
    audited.filter((a) => a.action === 'ticket.call_out_of_order').map((a) => [`${a.entity_id}@${a.at}`, a.note ?? '']),
  );
  // A leader sees the names of the persons within their reach; others' are masked, as on the hall display.
  const owners = new Map<string, string>();
  const visitIds = tickets.map((t) => t.visit_id).filter((v): v is string => v !== null);
  if (actor.role === 'leader' && visitIds.length > 0)
    for (const v of await deps.db.selectFrom('visits').select(['id', 'petitioner_id']).where('id', 'in', visitIds).execute())
      owners.set(v.id, v.petitioner_id);
  const readable = actor.role === 'leader' ? await readablePersons(deps.db, actor, [...new Set(owners.values())]) : null;
  const inReach = (t: TicketView): boolean => {
    if (!readable) return true;
    const pid = t.visitId ? owners.get(t.visitId) : undefined;
    return !!pid && readable.has(pid);
  };
  const calls = new Map<string, TicketLogCall[]>();
  const add = (ticketId: string, c: TicketLogCall) => calls.set(ticketId, [...(calls.get(ticketId) ?? []), c]);
  for (const w of audited.filter((a) => a.action === 'ticket.walk_in'))
    add(w.entity_id ?? '', {
      at: w.at,
      place: 'desk',
      placeNumber: (JSON.parse(w.after_json ?? '{}') as { desk?: number }).desk ?? 0,
      kind: 'walk_in',
      actorName: w.display_name,
      outOfOrder: false,
      reason: null,
    });
  for (const c of placeCalls) {
    // Only a desk's call can jump the line; a leader calls the visitors booked into their room.
    const reason = c.place === 'desk' ? outOfOrder.get(`${c.ticket_id}@${c.at}`) : undefined;
    add(c.ticket_id, {
      at: c.at,
      place: c.place,
      placeNumber: c.number,
      kind: c.recall === 1 ? 'recall' : 'call',
      actorName: c.display_name,
      outOfOrder: reason !== undefined,
      reason: reason ?? null,
    });
  }
  return tickets.map((row) => {
    const t = toTicketView(row);
    const reach = inReach(t);
    return {
      ...(reach ? t : { ...t, visitorName: t.visitorName ? maskName(t.visitorName) : '' }),
      // A reason may name the visitor or their condition: a leader reads it within their reach only.
      calls: (calls.get(t.id) ?? [])
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((c) => (reach || c.reason === null ? c : { ...c, reason: null })),
    };
  });
}
