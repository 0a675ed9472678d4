// The duty leader's side: their own queue for today with each visitor's
// history, calling the next visitor into the room (on the hall display), and
// the talk record, whose decision is the matter's (services/matters/act.ts):
// the clocks, the extension and the due list are the matter's too.
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { LeaderQueue, QueueVisitor, TalkRecordView } from '@shared/api/schemas/reception';
import { formatCalendarDate, hallDate } from '@shared/time';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { findBooking } from '../../db/queries/bookings';
import { findPetitionerById } from '../../db/queries/petitioners';
import { findMatterRow } from '../../db/queries/matters';
import { legacyOutcome, talkRows, toTalkView } from '../../db/queries/talks';
import { findUserById } from '../../db/queries/users';
import type { TalkRecordsTable } from '../../db/schema';
import { writeAudit } from '../audit';
import { holidayCalendar } from '../calendar/calendar';
import { newId } from '../ids';
import { askPad } from '../pads';
import { historyOf } from '../petitioners';
import { announceCall, logCall } from '../queue/calls';
import { queueChange } from '../queue/tickets';
import { applyMatterAction } from '../matters/act';
import { sessionBoard } from './bookings';
import { getSession, listSessions } from './roster';

export async function getTalk(db: Executor, id: string): Promise<TalkRecordView> {
  const k = await talkRows(db).where('k.id', '=', id).executeTakeFirst();
  if (!k) throw new ApiError('NOT_FOUND', '找不到该接谈记录');
  return toTalkView(k);
}

/** A leader may handle the papers of their own talks, or all when allowed; desks and the administrator all. */
export async function refuseOthersTalk(db: Executor, actor: Actor, talkId: string): Promise<void> {
  if (actor.role !== 'leader') return;
  const k = await db.selectFrom('talk_records').select('leader_id').where('id', '=', talkId).executeTakeFirst();
  if (!k) throw new ApiError('NOT_FOUND', '找不到该接谈记录');
  if (!(await mayOpenQueueOf(db, actor, k.leader_id))) throw new ApiError('FORBIDDEN', '只能查看本人接谈的文书');
}

/** Leaders see their own queue; another leader's only when the administrator allowed it. */
async function mayOpenQueueOf(db: Executor, actor: Actor, leaderId: string): Promise<boolean> {
  if (actor.role === 'admin' || actor.id === leaderId) return true;
  if (actor.role !== 'leader') return false;
  return (await findUserById(db, actor.id))?.sees_all_queues === 1;
}

export async function getMyQueue(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.myQueue'>): Promise<LeaderQueue> {
  const db = deps.db;
  const now = deps.now();
  const today = hallDate(now);
  const everyone = actor.role === 'admin' || (await findUserById(db, actor.id))?.sees_all_queues === 1;
  const leaders = everyone
    ? await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('role', '=', 'leader')
        .where('disabled', '=', 0)
        .orderBy('display_name')
        .execute()
    : [{ id: actor.id, display_name: actor.displayName }];
  const visibleLeaders = leaders.map((l) => ({ id: l.id, name: l.display_name }));
  visibleLeaders.sort((a, b) => (a.id === actor.id ? -1 : b.id === actor.id ? 1 : 0));
  // The administrator has no queue of their own: open the first leader's.
  const leaderId = input.leaderId ?? (actor.role === 'leader' ? actor.id : visibleLeaders[0]?.id);
  if (!leaderId) return { leaderId: '', leaderName: '', date: today, sessions: [], visibleLeaders };
  if (!(await mayOpenQueueOf(db, actor, leaderId))) throw new ApiError('FORBIDDEN', '只能查看本人的接访队列');
  const leader = await findUserById(db, leaderId);
  if (!leader || leader.role !== 'leader') throw new ApiError('NOT_FOUND', '找不到该接访领导');

  const sessions = (await listSessions(db, today, today)).filter((s) => s.leaderId === leaderId && s.status === 'published');
  const out: LeaderQueue['sessions'] = [];
  for (const s of sessions) {
    const board = await sessionBoard(db, s, now);
    const visitors: QueueVisitor[] = [];
    for (const b of board.bookings) {
      const person = await findPetitionerById(db, b.petitionerId);
      const talks = (await talkRows(db).where('v.petitioner_id', '=', b.petitionerId).orderBy('k.created_at', 'desc').execute()).map(
        toTalkView,
      );
      visitors.push({
        ...b,
        history: person ? await historyOf(db, person) : null,
        earlierTalks: talks.filter((t) => t.bookingId !== b.id),
        talk: talks.find((t) => t.bookingId === b.id) ?? null,
      });
    }
    const { bookings: _b, freeSlots: _f, nextWalkIn: _n, ...view } = board;
    out.push({ ...view, visitors });
  }

  return { leaderId, leaderName: leader.display_name, date: today, sessions: out, visibleLeaders };
}

/** The session, checked to be today's and the caller's to run (its leader, or the administrator). */
export async function ownSession(trx: Executor, actor: Actor, sessionId: string, at: string, opts: { pastAllowed?: boolean } = {}) {
  const s = await getSession(trx, sessionId);
  if (actor.role !== 'admin' && s.leaderId !== actor.id) throw new ApiError('FORBIDDEN', '只能在本人的接访中叫号和记录');
  // Calling is for today only; a talk begun on an earlier day may still be recorded (or marked missing) afterwards.
  const ok = opts.pastAllowed ? s.date <= hallDate(at) : s.date === hallDate(at);
  if (!ok) throw new ApiError('CONFLICT', `该接访在${formatCalendarDate(s.date)}，不是今天`);
  return s;
}

/** 叫下一位: the first visitor waiting, in the queue's order, is called into the leader's room. Null when nobody waits. */
export async function callNext(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.callNext'>) {
  const result = await queueChange(deps, async (trx, at) => {
    const s = await ownSession(trx, actor, input.sessionId, at);
    const board = await sessionBoard(trx, s, new Date(at));
    const inTalk = board.bookings.find((b) => b.status === 'called');
    if (inTalk) throw new ApiError('CONFLICT', `请先记录${inTalk.name}（${inTalk.ticketNo}）的接谈结果，或标记未到`);
    const next = board.bookings.find((b) => b.status === 'waiting');
    if (!next) return null;
    const b = (await findBooking(trx, next.id))!;
    const t = await trx.selectFrom('tickets').selectAll().where('id', '=', b.ticket_id!).executeTakeFirstOrThrow();
    const res = await trx
      .updateTable('tickets')
      .set({ status: 'called', called_at: at, call_count: t.call_count + 1, version: t.version + 1 })
      .where('id', '=', t.id)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('CONFLICT', `${t.ticket_no} 已被叫号`);
    await trx
      .updateTable('reception_bookings')
      .set({ status: 'called', called_at: at, updated_at: at, version: b.version + 1 })
      .where('id', '=', b.id)
      .execute();
    const call = await logCall(
      trx,
      { place: 'room', placeId: s.roomId, ticketId: t.id, actorId: actor.id, at, recall: false },
      { ticketNo: t.ticket_no, placeNumber: s.roomNumber },
    );
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'ticket.call',
      entity: 'ticket',
      entityId: t.id,
      after: { ticketNo: t.ticket_no, room: s.roomName, bookingId: b.id },
    });
    return { call, bookingId: b.id, date: s.date };
  });
  if (!result) return null;
  announceCall(deps, result.call);
  deps.events.publish('reception.changed', { date: result.date });
  return { bookingId: result.bookingId };
}

/** 重呼 the visitor called into the room who has not come in yet. */
export async function recall(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.recall'>) {
  const result = await queueChange(deps, async (trx, at) => {
    const s = await ownSession(trx, actor, input.sessionId, at);
    const b = await trx
      .selectFrom('reception_bookings')
      .selectAll()
      .where('session_id', '=', s.id)
      .where('status', '=', 'called')
      .executeTakeFirst();
    if (!b?.ticket_id) throw new ApiError('CONFLICT', '当前没有被叫到的来访人');
    const t = await trx.selectFrom('tickets').selectAll().where('id', '=', b.ticket_id).executeTakeFirstOrThrow();
    await trx
      .updateTable('tickets')
      .set({ call_count: t.call_count + 1, called_at: at, version: t.version + 1 })
      .where('id', '=', t.id)
      .execute();
    const call = await logCall(
      trx,
      { place: 'room', placeId: s.roomId, ticketId: t.id, actorId: actor.id, at, recall: true },
      { ticketNo: t.ticket_no, placeNumber: s.roomNumber },
    );
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'ticket.recall',
      entity: 'ticket',
      entityId: t.id,
      after: { ticketNo: t.ticket_no, room: s.roomName },
    });
    return { call, bookingId: b.id, date: s.date };
  });
  announceCall(deps, result.call);
  deps.events.publish('reception.changed', { date: result.date });
  return { bookingId: result.bookingId };
}

/** 未到: the visitor called did not come into the room. */
export async function noShow(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.noShow'>) {
  const date = await queueChange(deps, async (trx, at) => {
    const b = await findBooking(trx, input.bookingId);
    if (!b) throw new ApiError('NOT_FOUND', '找不到该接访预约');
    const s = await ownSession(trx, actor, b.session_id, at, { pastAllowed: true });
    if (b.status !== 'called') throw new ApiError('CONFLICT', '只有已叫号的来访人可以标记未到');
    await trx
      .updateTable('reception_bookings')
      .set({ status: 'no_show', finished_at: at, updated_at: at, version: b.version + 1 })
      .where('id', '=', b.id)
      .execute();
    if (b.ticket_id) await trx.updateTable('tickets').set({ status: 'no_show', finished_at: at }).where('id', '=', b.ticket_id).execute();
    await writeAudit(trx, { at, actorId: actor.id, action: 'reception.no_show', entity: 'reception_booking', entityId: b.id });
    return s.date;
  });
  deps.events.publish('reception.changed', { date });
  return null;
}

/**
 * 接谈记录: what was said, and the decision on the matter, taken through the
 * same method as at the window (matters.act 'decide': the one rule module, one
 * timeline event linked to this talk, the visit's 处理结果 and the district's
 * copy). The visit is finished.
 */
export async function recordTalk(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.record'>): Promise<TalkRecordView> {
  const cal = await holidayCalendar(deps.db);
  const result = await queueChange(deps, async (trx, at) => {
    const b = await findBooking(trx, input.bookingId);
    if (!b) throw new ApiError('NOT_FOUND', '找不到该接访预约');
    const s = await ownSession(trx, actor, b.session_id, at, { pastAllowed: true });
    if (b.status !== 'called')
      throw new ApiError('CONFLICT', b.status === 'done' ? '该来访的接谈已记录' : '请先叫号，来访人进入接谈室后再记录');
    const visit = await trx.selectFrom('visits').select(['matter_id']).where('id', '=', b.visit_id).executeTakeFirstOrThrow();
    const matter = await findMatterRow(trx, visit.matter_id);
    if (!matter) throw new ApiError('NOT_FOUND', '找不到该来访的信访事项');
    const today = hallDate(at);
    // A matter still 待处理 gets its decision at the talk; one already decided keeps it (a returning visitor).
    if (!input.decision && matter.state === 'registered')
      throw new ApiError('VALIDATION', '请选择处理方式', { decision: '请选择处理方式' });
    const decision = input.decision ?? matter.decision;
    if (!decision) throw new ApiError('CONFLICT', '该事项尚无处理决定');
    // The old clock columns stay in the table (shipped) but the matter keeps the dates now.
    const row: TalkRecordsTable = {
      id: newId(),
      booking_id: b.id,
      visit_id: b.visit_id,
      leader_id: s.leaderId,
      notes: input.notes,
      outcome: legacyOutcome(decision),
      unit: input.decision ? input.unit : matter.unit,
      reason: input.decision ? input.reason : '',
      lawyer_present: input.lawyerPresent ? 1 : 0,
      satisfaction: input.satisfaction,
      decided_on: today,
      reply_due: null,
      handle_due: null,
      extension_days: null,
      extension_reason: '',
      replied_on: null,
      concluded_on: null,
      recorded_by: actor.id,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await trx.insertInto('talk_records').values(row).execute();
    const { bookingId: _b, notes: _n, lawyerPresent: _l, satisfaction: _s, decision: chosen, ...fields } = input;
    if (chosen)
      await applyMatterAction(
        trx,
        actor,
        at,
        cal,
        { ...fields, decision: chosen, action: 'decide', matterId: matter.id, version: matter.version, on: today },
        { visitId: b.visit_id, talkId: row.id },
      );
    await trx
      .updateTable('reception_bookings')
      .set({ status: 'done', finished_at: at, updated_at: at, version: b.version + 1 })
      .where('id', '=', b.id)
      .execute();
    await trx.deleteFrom('talk_drafts').where('booking_id', '=', b.id).execute();
    if (b.ticket_id) await trx.updateTable('tickets').set({ status: 'done', finished_at: at }).where('id', '=', b.ticket_id).execute();
    await askPad(trx, at, { roomId: s.roomId, ticketId: b.ticket_id, visitId: b.visit_id, staffId: actor.id });
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'talk.record',
      entity: 'talk_record',
      entityId: row.id,
      after: { ...row, notes: undefined, matterId: matter.id, decision: input.decision ?? null },
    });
    return { id: row.id, date: s.date, matterId: matter.id };
  });
  deps.events.publish('reception.changed', { date: result.date });
  deps.events.publish('matters.changed', { matterId: result.matterId });
  const view = await getTalk(deps.db, result.id);
  deps.events.publish('visits.changed', { visitId: view.visitId, visitNo: view.visitNo, change: 'outcome' });
  return view;
}
