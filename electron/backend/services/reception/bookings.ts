// Placing registered visits into a leader's queue: walk-ins (next free place,
// with an estimated time) and appointments (约访, at a slot); moving,
// cancelling, checking in, reordering; and the day board the hall plans from.
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { BookingChange, BookingView, DayBoard, InformNotice, SessionBoard, SessionView } from '@shared/api/schemas/reception';
import { GROUP_THRESHOLD } from '@shared/api/schemas/visits';
import { bookingConflict, isActiveBooking, planQueue, slotsOf, toMinutes, walkInFits, type QueueItem } from '@shared/domain/reception';
import { formatCalendarDate, hallDate, hallMinutes, HALL_TZ } from '@shared/time';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { bookingRows, findBooking as findBookingRow, toBookingView } from '../../db/queries/bookings';
import { factsOf, findMatterRow } from '../../db/queries/matters';
import { appointmentProblem } from '@shared/domain/matter';
import { holidayCalendar } from '../calendar/calendar';
import type { ReceptionBookingsTable } from '../../db/schema';
import { writeAudit } from '../audit';
import { newId } from '../ids';
import { insertTicket, queueChange } from '../queue/tickets';
import { getRoom, listRooms } from './rooms';
import { getSession, listSessions } from './roster';
import dayjs from 'dayjs';

const toQueueItem = (b: ReceptionBookingsTable): QueueItem => ({
  id: b.id,
  kind: b.kind,
  slot: b.slot_time,
  position: b.position,
  status: b.status,
  calledAtMinutes: b.called_at ? hallMinutes(b.called_at) : null,
});

/** "Now" for planning a session: the clock today, the start of the day for a future one, its end for a past one. */
function planningMinutes(date: string, now: Date): number {
  const today = hallDate(now);
  if (date === today) return hallMinutes(now);
  return date > today ? 0 : 24 * 60;
}

async function findBooking(db: Executor, id: string): Promise<ReceptionBookingsTable> {
  const b = await findBookingRow(db, id);
  if (!b) throw new ApiError('NOT_FOUND', '找不到该接访预约');
  return b;
}

/** A session's bookings in the order the leader receives them, the free slots and the next walk-in place. */
export async function sessionBoard(db: Executor, session: SessionView, now: Date): Promise<SessionBoard> {
  const rows = await bookingRows(db).where('b.session_id', '=', session.id).execute();
  const nowMin = planningMinutes(session.date, now);
  const items = rows.map(toQueueItem);
  const plan = planQueue(session, items, nowMin);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const planned = plan.map((p) => toBookingView(byId.get(p.id)!, p.at));
  const closed = rows
    .filter((r) => !isActiveBooking(r.status))
    .sort((a, b) => (a.finished_at ?? a.updated_at).localeCompare(b.finished_at ?? b.updated_at))
    .map((r) => toBookingView(r, null));
  const taken = new Set(rows.filter((r) => r.kind === 'appointment' && isActiveBooking(r.status)).map((r) => r.slot_time));
  const isToday = session.date === hallDate(now);
  return {
    ...session,
    bookings: [...planned, ...closed],
    freeSlots: slotsOf(session).filter((s) => !taken.has(s) && (!isToday || toMinutes(s) >= nowMin)),
    nextWalkIn: isToday && session.status === 'published' ? walkInFits(session, items, nowMin) : null,
  };
}

export async function getReceptionBoard(deps: Deps, date: string): Promise<DayBoard> {
  const now = deps.now();
  const sessions = (await listSessions(deps.db, date, date)).filter((s) => s.status !== 'cancelled');
  const boards: SessionBoard[] = [];
  for (const s of sessions) boards.push(await sessionBoard(deps.db, s, now));
  return { date, rooms: (await listRooms(deps.db)).filter((r) => r.active), sessions: boards };
}

export async function bookingView(db: Executor, id: string, now: Date): Promise<BookingView> {
  const b = await findBooking(db, id);
  const board = await sessionBoard(db, await getSession(db, b.session_id), now);
  return board.bookings.find((x) => x.id === id)!;
}

/**
 * The queue lane whose numbers visitors for a leader get (L 领导接访, seeded by
 * 0002_queue). Kept as a lane so the display, day log and ticket numbering
 * treat these numbers like any other.
 */
async function leaderLane(trx: Executor): Promise<string> {
  const lane = await trx.selectFrom('lanes').select(['id', 'active']).where('prefix', '=', 'L').executeTakeFirst();
  if (!lane || !lane.active) throw new ApiError('CONFLICT', '请先在“叫号设置”中启用 L 领导接访队列');
  return lane.id;
}

async function issueRoomTicket(
  trx: Executor,
  actor: Actor,
  b: ReceptionBookingsTable,
  session: SessionView,
  visitorName: string,
  at: string,
): Promise<string> {
  const appointmentAt = b.slot_time ? dayjs.tz(`${session.date} ${b.slot_time}`, HALL_TZ).toISOString() : null;
  const t = await insertTicket(
    trx,
    {
      laneId: await leaderLane(trx),
      priority: null,
      visitId: b.visit_id,
      visitorName,
      appointmentAt,
      issuedBy: actor.id,
      carriedFrom: null,
      status: 'waiting',
      deskId: null,
      roomId: session.roomId,
    },
    at,
  );
  await trx.updateTable('reception_bookings').set({ ticket_id: t.id }).where('id', '=', b.id).execute();
  await writeAudit(trx, {
    at,
    actorId: actor.id,
    action: 'ticket.issue',
    entity: 'ticket',
    entityId: t.id,
    after: { ticketNo: t.ticket_no, visitId: b.visit_id, room: session.roomName },
  });
  return t.ticket_no;
}

async function closeTicket(trx: Executor, ticketId: string | null, at: string) {
  if (!ticketId) return;
  await trx
    .updateTable('tickets')
    .set({ status: 'closed', finished_at: at })
    .where('id', '=', ticketId)
    .where('status', 'in', ['waiting', 'parked'])
    .execute();
}

/** Appointment slots already taken in a session (other than `except`). */
async function takenSlots(trx: Executor, sessionId: string, except: string | null): Promise<string[]> {
  const rows = await trx
    .selectFrom('reception_bookings')
    .select(['id', 'slot_time'])
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'appointment')
    .where('status', 'in', ['scheduled', 'waiting', 'called'])
    .execute();
  return rows.filter((r) => r.id !== except && r.slot_time).map((r) => r.slot_time!);
}

async function sessionItems(trx: Executor, sessionId: string): Promise<QueueItem[]> {
  return (await trx.selectFrom('reception_bookings').selectAll().where('session_id', '=', sessionId).execute()).map(toQueueItem);
}

function refuseSlotInPast(date: string, slot: string, at: string) {
  if (date === hallDate(at) && toMinutes(slot) < hallMinutes(at))
    throw new ApiError('CONFLICT', `约访时段 ${slot} 已过，请另选时段`, { slot: '该时段已过' });
}

/**
 * An appointment put into today's session must not push a walk-in who already
 * holds a number out of the day: they were told they would be received.
 */
async function refuseDisplacingWalkIns(trx: Executor, session: SessionView, slot: string, at: string, moving: string | null = null) {
  if (session.date !== hallDate(at)) return;
  const items = (await sessionItems(trx, session.id)).filter((i) => i.id !== moving);
  const probe: QueueItem = { id: '\u0000new', kind: 'appointment', slot, position: 0, status: 'scheduled', calledAtMinutes: null };
  const before = new Map(planQueue(session, items, hallMinutes(at)).map((p) => [p.id, p.at]));
  const after = planQueue(session, [...items, probe], hallMinutes(at));
  if (after.some((p) => p.at === null && before.get(p.id) != null)) {
    throw new ApiError('CONFLICT', `约在 ${slot} 会使已在候谈的现场来访今天排不上，请另选时段`, { slot: '请另选时段' });
  }
}

async function receptionChange<T>(deps: Deps, fn: (trx: Executor, at: string) => Promise<T>, dates: () => (string | null)[]): Promise<T> {
  const result = await queueChange(deps, fn);
  for (const date of new Set(dates())) deps.events.publish('reception.changed', { date });
  return result;
}

/** 排入领导接访: a walk-in takes the next free place and a number now; an appointment takes a slot. */
/** 约访: not on a date past the 15-day written answer the matter owes the visitor (the rule module says when). */
async function refuseAfterWrittenAnswer(trx: Executor, matterId: string, date: string): Promise<void> {
  const m = await findMatterRow(trx, matterId);
  if (!m) return;
  const problem = appointmentProblem(factsOf(m), date, await holidayCalendar(trx));
  if (problem) throw new ApiError('CONFLICT', problem);
}

export async function schedule(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.schedule'>): Promise<BookingView> {
  let date: string | null = null;
  const id = await receptionChange(
    deps,
    async (trx, at) => {
      // Read inside the write lock: an administrator may have withdrawn or retimed the session a moment ago.
      const session = await getSession(trx, input.sessionId);
      date = session.date;
      const visit = await trx
        .selectFrom('visits')
        .select(['id', 'name', 'people_count', 'visit_date', 'matter_id'])
        .where('id', '=', input.visitId)
        .executeTakeFirst();
      if (!visit) throw new ApiError('NOT_FOUND', '找不到该来访登记');
      if (input.kind === 'appointment') await refuseAfterWrittenAnswer(trx, visit.matter_id, session.date);
      const already = await trx
        .selectFrom('reception_bookings as b')
        .innerJoin('reception_sessions as s', 's.id', 'b.session_id')
        .innerJoin('users as u', 'u.id', 's.leader_id')
        .select(['s.date', 'u.display_name'])
        .where('b.visit_id', '=', visit.id)
        .where('b.status', 'in', ['scheduled', 'waiting', 'called'])
        .executeTakeFirst();
      if (already)
        throw new ApiError('CONFLICT', `该来访已排入${already.display_name}${formatCalendarDate(already.date)}的接访，如需调整请改约`);
      const reps = await trx
        .selectFrom('visit_representatives')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('visit_id', '=', visit.id)
        .executeTakeFirstOrThrow();
      const attendees = input.attendees ?? (visit.people_count >= GROUP_THRESHOLD ? Math.max(1, Number(reps.n)) : visit.people_count);
      const room = await getRoom(trx, session.roomId);
      const today = hallDate(at);
      const problem = bookingConflict(
        { kind: input.kind, slot: input.slot, attendees, peopleCount: visit.people_count },
        session,
        room,
        await takenSlots(trx, session.id, null),
        today,
      );
      if (problem) throw new ApiError('CONFLICT', problem);
      if (input.kind === 'appointment') {
        refuseSlotInPast(session.date, input.slot!, at);
        await refuseDisplacingWalkIns(trx, session, input.slot!, at);
      }
      if (input.kind === 'walk_in' && walkInFits(session, await sessionItems(trx, session.id), hallMinutes(at)) === null) {
        throw new ApiError('CONFLICT', `${session.leaderName}今天的接访（${session.start}–${session.end}）已排满，请改约其他接访日`);
      }
      const last = await trx
        .selectFrom('reception_bookings')
        .select((eb) => eb.fn.max<number>('position').as('p'))
        .where('session_id', '=', session.id)
        .executeTakeFirst();
      const row: ReceptionBookingsTable = {
        id: newId(),
        session_id: session.id,
        visit_id: visit.id,
        kind: input.kind,
        slot_time: input.kind === 'appointment' ? input.slot : null,
        position: Number(last?.p ?? 0) + 1,
        attendees,
        status: input.kind === 'walk_in' ? 'waiting' : 'scheduled',
        ticket_id: null,
        called_at: null,
        finished_at: null,
        cancel_reason: '',
        created_by: actor.id,
        created_at: at,
        updated_at: at,
        version: 1,
      };
      await trx.insertInto('reception_bookings').values(row).execute();
      const ticketNo = input.kind === 'walk_in' ? await issueRoomTicket(trx, actor, row, session, visit.name, at) : null;
      await writeAudit(trx, {
        at,
        actorId: actor.id,
        action: 'reception.schedule',
        entity: 'reception_booking',
        entityId: row.id,
        after: {
          visitId: visit.id,
          sessionId: session.id,
          leader: session.leaderName,
          date: session.date,
          kind: row.kind,
          slot: row.slot_time,
          attendees,
          ticketNo,
        },
      });
      return row.id;
    },
    () => [date],
  );
  return bookingView(deps.db, id, deps.now());
}

/** 签到: an appointment's visitor has arrived today and gets a number for the leader's room. */
export async function checkIn(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.checkIn'>): Promise<BookingView> {
  let date: string | null = null;
  await receptionChange(
    deps,
    async (trx, at) => {
      const b = await findBooking(trx, input.bookingId);
      const session = await getSession(trx, b.session_id);
      date = session.date;
      if (b.status !== 'scheduled') throw new ApiError('CONFLICT', '该来访人已签到或不在预约中');
      if (session.date !== hallDate(at)) throw new ApiError('CONFLICT', `预约在${formatCalendarDate(session.date)}，当天才能签到`);
      const visit = await trx.selectFrom('visits').select('name').where('id', '=', b.visit_id).executeTakeFirstOrThrow();
      await trx
        .updateTable('reception_bookings')
        .set({ status: 'waiting', updated_at: at, version: b.version + 1 })
        .where('id', '=', b.id)
        .execute();
      const ticketNo = await issueRoomTicket(trx, actor, b, session, visit.name, at);
      await writeAudit(trx, {
        at,
        actorId: actor.id,
        action: 'reception.check_in',
        entity: 'reception_booking',
        entityId: b.id,
        after: { ticketNo },
      });
    },
    () => [date],
  );
  return bookingView(deps.db, input.bookingId, deps.now());
}

function informOf(name: string, phone: string, message: string): InformNotice {
  return { name, phone, message: `请通知${name}${phone ? `（电话 ${phone}）` : '（未留电话，请当面告知）'}：${message}` };
}

const when = (s: SessionView, slot: string | null) =>
  `${formatCalendarDate(s.date)} ${slot ?? s.start} 在${s.roomName}由${s.leaderName}接谈`;

/** 改约: an appointment moves to another slot or another leader's session; the clerk is told whom to inform. */
export async function move(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.move'>): Promise<BookingChange> {
  const dates: string[] = [];
  const inform = await receptionChange(
    deps,
    async (trx, at) => {
      const b = await findBooking(trx, input.bookingId);
      const from = await getSession(trx, b.session_id);
      const to = await getSession(trx, input.sessionId);
      dates.push(from.date, to.date);
      if (b.kind !== 'appointment') throw new ApiError('CONFLICT', '现场排队的来访请用“上移/下移”调整顺序');
      if (b.status !== 'scheduled' && b.status !== 'waiting') throw new ApiError('CONFLICT', '该预约已接谈、已取消或未到，不能改约');
      const visit = await trx
        .selectFrom('visits')
        .select(['name', 'phone', 'people_count', 'matter_id'])
        .where('id', '=', b.visit_id)
        .executeTakeFirstOrThrow();
      await refuseAfterWrittenAnswer(trx, visit.matter_id, to.date);
      const room = await getRoom(trx, to.roomId);
      const problem = bookingConflict(
        { kind: 'appointment', slot: input.slot, attendees: b.attendees, peopleCount: visit.people_count },
        to,
        room,
        await takenSlots(trx, to.id, b.id),
        hallDate(at),
      );
      if (problem) throw new ApiError('CONFLICT', problem);
      refuseSlotInPast(to.date, input.slot, at);
      await refuseDisplacingWalkIns(trx, to, input.slot, at, b.id);
      if (to.id === from.id && input.slot === b.slot_time) throw new ApiError('VALIDATION', '新时段与原时段相同');
      // A visitor already checked in keeps the number only if the new time is still today in a room they can walk to.
      const keepTicket = b.status === 'waiting' && to.date === hallDate(at);
      if (b.status === 'waiting' && !keepTicket) await closeTicket(trx, b.ticket_id, at);
      if (keepTicket && b.ticket_id) {
        const appointmentAt = dayjs.tz(`${to.date} ${input.slot}`, HALL_TZ).toISOString();
        await trx.updateTable('tickets').set({ room_id: to.roomId, appointment_at: appointmentAt }).where('id', '=', b.ticket_id).execute();
      }
      await trx
        .updateTable('reception_bookings')
        .set({
          session_id: to.id,
          slot_time: input.slot,
          status: keepTicket ? 'waiting' : 'scheduled',
          ticket_id: keepTicket ? b.ticket_id : null,
          updated_at: at,
          version: b.version + 1,
        })
        .where('id', '=', b.id)
        .execute();
      await writeAudit(trx, {
        at,
        actorId: actor.id,
        action: 'reception.move',
        entity: 'reception_booking',
        entityId: b.id,
        before: { sessionId: from.id, slot: b.slot_time },
        after: { sessionId: to.id, slot: input.slot },
      });
      return informOf(visit.name, visit.phone, `原定${when(from, b.slot_time)}，改为${when(to, input.slot)}。`);
    },
    () => dates,
  );
  return { booking: await bookingView(deps.db, input.bookingId, deps.now()), inform };
}

/** 取消: the place is freed; the clerk is told whom to inform. */
export async function cancel(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.cancel'>): Promise<BookingChange> {
  let date: string | null = null;
  const inform = await receptionChange(
    deps,
    async (trx, at) => {
      const b = await findBooking(trx, input.bookingId);
      const session = await getSession(trx, b.session_id);
      date = session.date;
      if (b.status === 'called') throw new ApiError('CONFLICT', '该来访人正在接谈，不能取消');
      if (b.status !== 'scheduled' && b.status !== 'waiting') throw new ApiError('CONFLICT', '该预约已结束，不能取消');
      const visit = await trx.selectFrom('visits').select(['name', 'phone']).where('id', '=', b.visit_id).executeTakeFirstOrThrow();
      await closeTicket(trx, b.ticket_id, at);
      await trx
        .updateTable('reception_bookings')
        .set({ status: 'cancelled', cancel_reason: input.reason, finished_at: at, updated_at: at, version: b.version + 1 })
        .where('id', '=', b.id)
        .execute();
      await writeAudit(trx, {
        at,
        actorId: actor.id,
        action: 'reception.cancel',
        entity: 'reception_booking',
        entityId: b.id,
        before: { status: b.status },
        after: { status: 'cancelled' },
        note: input.reason,
      });
      return informOf(visit.name, visit.phone, `原定${when(session, b.slot_time)}已取消（${input.reason}）。`);
    },
    () => [date],
  );
  return { booking: await bookingView(deps.db, input.bookingId, deps.now()), inform };
}

/** 上移/下移 a walk-in among the walk-ins still waiting; appointments keep their slot. */
export async function reorder(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.reorder'>): Promise<BookingView> {
  let date: string | null = null;
  await receptionChange(
    deps,
    async (trx, at) => {
      const b = await findBooking(trx, input.bookingId);
      date = (await getSession(trx, b.session_id)).date;
      if (b.kind !== 'walk_in' || b.status !== 'waiting')
        throw new ApiError('CONFLICT', '只有候谈中的现场来访可以调整顺序，约访按预约时段');
      const q = trx
        .selectFrom('reception_bookings')
        .selectAll()
        .where('session_id', '=', b.session_id)
        .where('kind', '=', 'walk_in')
        .where('status', '=', 'waiting');
      const other =
        input.direction === 'up'
          ? await q.where('position', '<', b.position).orderBy('position', 'desc').executeTakeFirst()
          : await q.where('position', '>', b.position).orderBy('position', 'asc').executeTakeFirst();
      if (!other) throw new ApiError('CONFLICT', input.direction === 'up' ? '已在现场来访的最前面' : '已在现场来访的最后面');
      await trx
        .updateTable('reception_bookings')
        .set({ position: other.position, updated_at: at, version: b.version + 1 })
        .where('id', '=', b.id)
        .execute();
      await trx
        .updateTable('reception_bookings')
        .set({ position: b.position, updated_at: at, version: other.version + 1 })
        .where('id', '=', other.id)
        .execute();
      await writeAudit(trx, {
        at,
        actorId: actor.id,
        action: 'reception.reorder',
        entity: 'reception_booking',
        entityId: b.id,
        after: { direction: input.direction, swappedWith: other.id },
      });
    },
    () => [date],
  );
  return bookingView(deps.db, input.bookingId, deps.now());
}
