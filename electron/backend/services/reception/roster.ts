// The roster of reception days (领导接访日安排): which leader receives in which
// room, when, on what topics, with which lawyer on duty. Drafts become the
// roster when published; only published sessions take bookings.
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { SessionView } from '@shared/api/schemas/reception';
import { planQueue, rosterConflict, slotsOf, type QueueItem, type RosterEntry } from '@shared/domain/reception';
import { hallDate, hallMinutes } from '@shared/time';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { sessionRows, toSessionView } from '../../db/queries/sessions';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { newId } from '../ids';
import { getRoom, toRoomView } from './rooms';

export async function listSessions(db: Executor, from: string, to: string): Promise<SessionView[]> {
  const rows = await sessionRows(db)
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .orderBy('s.date')
    .orderBy('s.start_time')
    .orderBy('r.number')
    .execute();
  return rows.map(toSessionView);
}

export async function getSession(db: Executor, id: string): Promise<SessionView> {
  const row = await sessionRows(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', '找不到该接访安排');
  return toSessionView(row);
}

export async function saveSession(deps: Deps, actor: Actor, input: ParsedInputOf<'roster.save'>): Promise<SessionView> {
  const at = deps.now().toISOString();
  const id = await writeTransaction(deps.db, async (trx) => {
    const leader = await trx
      .selectFrom('users')
      .select(['id', 'display_name', 'role', 'disabled'])
      .where('id', '=', input.leaderId)
      .executeTakeFirst();
    if (!leader || leader.role !== 'leader') throw new ApiError('VALIDATION', '请选择一位接访领导', { leaderId: '请选择一位接访领导' });
    if (leader.disabled) throw new ApiError('VALIDATION', `${leader.display_name}的账户已停用`, { leaderId: '该账户已停用' });
    const room = toRoomView(await getRoom(trx, input.roomId));
    const before = input.id ? await getSession(trx, input.id) : null;
    if (before && before.version !== input.expectedVersion) throw new ApiError('CONFLICT', '这条接访安排已被他人修改，请重新打开');
    if (before?.status === 'cancelled') throw new ApiError('CONFLICT', '已取消的接访安排不能修改');
    const entry: RosterEntry = {
      id: input.id,
      leaderId: input.leaderId,
      leaderName: leader.display_name,
      date: input.date,
      start: input.start,
      end: input.end,
      roomId: input.roomId,
      slotMinutes: input.slotMinutes,
    };
    const sameDay = (await listSessions(trx, input.date, input.date)).filter((s) => s.status !== 'cancelled');
    const problem = rosterConflict(entry, room, sameDay);
    if (problem) throw new ApiError('CONFLICT', problem);
    // Booked visitors must not silently fall outside the session.
    if (
      before &&
      before.activeBookings > 0 &&
      (before.date !== input.date || before.roomId !== input.roomId || before.leaderId !== input.leaderId)
    ) {
      throw new ApiError('CONFLICT', `该接访已有${before.activeBookings}位来访人排队或预约，不能改日期、房间或领导；请先改约或取消`);
    }
    if (before && before.activeBookings > 0) await refuseRetimeStrandingVisitors(trx, before, input, at);
    const values = {
      leader_id: input.leaderId,
      date: input.date,
      start_time: input.start,
      end_time: input.end,
      room_id: input.roomId,
      topics: input.topics,
      lawyer: input.lawyer,
      slot_minutes: input.slotMinutes,
      updated_at: at,
    };
    const id = before?.id ?? newId();
    if (before)
      await trx
        .updateTable('reception_sessions')
        .set({ ...values, version: before.version + 1 })
        .where('id', '=', id)
        .execute();
    else
      await trx
        .insertInto('reception_sessions')
        .values({ id, ...values, status: 'draft', cancel_reason: '', created_by: actor.id, created_at: at, version: 1 })
        .execute();
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: before ? 'roster.update' : 'roster.create',
      entity: 'reception_session',
      entityId: id,
      before: before ?? undefined,
      after: input,
    });
    return id;
  });
  deps.events.publish('reception.changed', { date: input.date });
  return getSession(deps.db, id);
}

/** New hours or place length must still hold every booked slot, and every walk-in waiting today. */
async function refuseRetimeStrandingVisitors(trx: Executor, before: SessionView, input: ParsedInputOf<'roster.save'>, at: string) {
  if (before.start === input.start && before.end === input.end && before.slotMinutes === input.slotMinutes) return;
  const active = await trx
    .selectFrom('reception_bookings')
    .selectAll()
    .where('session_id', '=', before.id)
    .where('status', 'in', ['scheduled', 'waiting', 'called'])
    .execute();
  const shape = { start: input.start, end: input.end, slotMinutes: input.slotMinutes };
  const slots = slotsOf(shape);
  const stranded = active.filter((b) => b.kind === 'appointment' && b.slot_time && !slots.includes(b.slot_time)).map((b) => b.slot_time);
  if (stranded.length > 0) throw new ApiError('CONFLICT', `已有约访在 ${stranded.join('、')}，改动后不在接访时段内，请先改约`);
  if (before.date !== hallDate(at)) return;
  const items: QueueItem[] = active.map((b) => ({
    id: b.id,
    kind: b.kind,
    slot: b.slot_time,
    position: b.position,
    status: b.status,
    calledAtMinutes: b.called_at ? hallMinutes(b.called_at) : null,
  }));
  if (planQueue(shape, items, hallMinutes(at)).some((p) => p.at === null))
    throw new ApiError('CONFLICT', '改动后已在候谈的来访人今天排不上，请先改约或取消');
}

/** 发布 / 撤回为草稿 / 取消. A session with visitors still booked cannot be withdrawn or cancelled. */
export async function setSessionStatus(deps: Deps, actor: Actor, input: ParsedInputOf<'roster.setStatus'>): Promise<SessionView> {
  const at = deps.now().toISOString();
  const s = await writeTransaction(deps.db, async (trx) => {
    const before = await getSession(trx, input.sessionId);
    if (before.status === 'cancelled') throw new ApiError('CONFLICT', '该接访安排已取消');
    if (input.status !== 'published' && before.activeBookings > 0) {
      throw new ApiError(
        'CONFLICT',
        `已有${before.activeBookings}位来访人排入该领导接访，请先改约或取消后再${input.status === 'draft' ? '撤回' : '取消'}`,
      );
    }
    await trx
      .updateTable('reception_sessions')
      .set({
        status: input.status,
        cancel_reason: input.status === 'cancelled' ? input.reason : '',
        updated_at: at,
        version: before.version + 1,
      })
      .where('id', '=', before.id)
      .execute();
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: `roster.${input.status}`,
      entity: 'reception_session',
      entityId: before.id,
      before: { status: before.status },
      after: { status: input.status },
      note: input.reason || null,
    });
    return before;
  });
  deps.events.publish('reception.changed', { date: s.date });
  return getSession(deps.db, input.sessionId);
}
