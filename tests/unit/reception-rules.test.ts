// The reception-day rules without a database: every roster and booking
// conflict, the walk-in estimate, and the dates an outcome sets.
import { describe, expect, it } from 'vitest';
import { EMPTY_CALENDAR, type HolidayCalendar } from '@shared/domain/deadlines';
import { openClocks, plan, registeredFacts, type Decision, type MatterFacts } from '@shared/domain/matter';
import {
  bookingConflict,
  planQueue,
  rosterConflict,
  slotsOf,
  walkInFits,
  type QueueItem,
  type RosterEntry,
  type RosterRoom,
  type SessionShape,
} from '@shared/domain/reception';

const room1: RosterRoom = { id: 'r1', name: '1号接谈室', kind: 'talk', capacity: 6, openFrom: '08:30', openTo: '17:30', active: true };
const entry = (over: Partial<RosterEntry> = {}): RosterEntry => ({
  id: null,
  leaderId: 'wang',
  leaderName: '王局长',
  date: '2026-11-25',
  start: '09:00',
  end: '11:30',
  roomId: 'r1',
  slotMinutes: 30,
  ...over,
});

describe('roster conflicts', () => {
  const other = { ...entry({ id: 's1' }), roomName: '1号接谈室' };

  it('accepts an entry inside the room hours with nobody else there', () => {
    expect(rosterConflict(entry(), room1, [])).toBeNull();
  });

  it('refuses a leader in two rooms at once', () => {
    const msg = rosterConflict(entry({ roomId: 'r2', start: '11:00', end: '12:00' }), { ...room1, id: 'r2', name: '2号接谈室' }, [other]);
    expect(msg).toContain('同一时间不能在两个房间');
    expect(msg).toContain('王局长');
  });

  it('refuses a room given to two leaders at once', () => {
    const msg = rosterConflict(entry({ leaderId: 'li', leaderName: '李主任', start: '10:00', end: '10:30' }), room1, [other]);
    expect(msg).toContain('同一房间不能重复安排');
  });

  it('allows back-to-back blocks (the end is not part of the block)', () => {
    expect(rosterConflict(entry({ start: '11:30', end: '12:00' }), room1, [other])).toBeNull();
    expect(rosterConflict(entry({ leaderId: 'li', leaderName: '李主任', start: '08:30', end: '09:00' }), room1, [other])).toBeNull();
  });

  it('ignores the entry itself when it is edited', () => {
    expect(rosterConflict(entry({ id: 's1', end: '12:00' }), room1, [other])).toBeNull();
  });

  it('refuses times outside the room hours, reversed times, a waiting room and blocks shorter than one talk', () => {
    expect(rosterConflict(entry({ start: '08:00' }), room1, [])).toContain('开放时间为 08:30–17:30');
    expect(rosterConflict(entry({ end: '18:00' }), room1, [])).toContain('超出');
    expect(rosterConflict(entry({ start: '11:00', end: '10:00' }), room1, [])).toBe('结束时间应晚于开始时间');
    expect(rosterConflict(entry(), { ...room1, kind: 'waiting', name: '候谈室' }, [])).toContain('候谈室');
    expect(rosterConflict(entry({ end: '09:20' }), room1, [])).toContain('不足一个接谈时长');
    expect(rosterConflict(entry(), { ...room1, active: false }, [])).toContain('已停用');
  });
});

describe('booking conflicts', () => {
  const session: SessionShape = { date: '2026-11-25', start: '09:00', end: '11:30', slotMinutes: 30, status: 'published' };
  const room = { name: '2号接谈室', capacity: 6 };
  const walkIn = { kind: 'walk_in' as const, slot: null, attendees: 1, peopleCount: 1 };
  const appt = (slot: string | null, over = {}) => ({ kind: 'appointment' as const, slot, attendees: 1, peopleCount: 1, ...over });

  it('offers slots that fit whole inside the block', () => {
    expect(slotsOf(session)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
    expect(slotsOf({ start: '09:00', end: '10:10', slotMinutes: 20 })).toEqual(['09:00', '09:20', '09:40']);
  });

  it('accepts a walk-in today and an appointment at a free slot', () => {
    expect(bookingConflict(walkIn, session, room, [], '2026-11-25')).toBeNull();
    expect(bookingConflict(appt('10:00'), session, room, ['09:00'], '2026-11-24')).toBeNull();
  });

  it('refuses a group larger than the room', () => {
    expect(bookingConflict({ ...walkIn, attendees: 4, peopleCount: 4 }, session, { ...room, capacity: 3 }, [], '2026-11-25')).toBe(
      '进入接谈的4人超过2号接谈室的容量（3人）',
    );
  });

  it('refuses more than 5 representatives of a group visit', () => {
    expect(bookingConflict({ ...walkIn, attendees: 6, peopleCount: 30 }, session, { ...room, capacity: 20 }, [], '2026-11-25')).toContain(
      '代表不超过5人',
    );
    expect(bookingConflict({ ...walkIn, attendees: 5, peopleCount: 30 }, session, room, [], '2026-11-25')).toBeNull();
    // Four relatives are not a group: the representative rule does not apply, only the room's size.
    expect(bookingConflict({ ...walkIn, attendees: 4, peopleCount: 4 }, session, room, [], '2026-11-25')).toBeNull();
  });

  it('refuses a slot outside the roster, a taken slot and a missing slot', () => {
    expect(bookingConflict(appt('11:30'), session, room, [], '2026-11-24')).toContain('不在该领导的接访安排内');
    expect(bookingConflict(appt('09:15'), session, room, [], '2026-11-24')).toContain('不在该领导的接访安排内');
    expect(bookingConflict(appt('14:00'), session, room, [], '2026-11-24')).toContain('09:00–11:30');
    expect(bookingConflict(appt('09:30'), session, room, ['09:30'], '2026-11-24')).toBe('09:30 已有约访，请另选时段');
    expect(bookingConflict(appt(null), session, room, [], '2026-11-24')).toBe('请选择约访时段');
  });

  it('refuses unpublished or past sessions, and walk-ins on another day', () => {
    expect(bookingConflict(walkIn, { ...session, status: 'draft' }, room, [], '2026-11-25')).toContain('尚未发布');
    expect(bookingConflict(walkIn, session, room, [], '2026-11-26')).toBe('该接访日已过');
    expect(bookingConflict(walkIn, session, room, [], '2026-11-24')).toContain('约访');
  });
});

describe('the order of a leader’s queue and the walk-in estimate', () => {
  const s = { start: '09:00', end: '11:30', slotMinutes: 30 };
  const item = (id: string, over: Partial<QueueItem>): QueueItem => ({
    id,
    kind: 'walk_in',
    slot: null,
    position: 1,
    status: 'waiting',
    calledAtMinutes: null,
    ...over,
  });
  const at = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

  it('walk-ins fill the gaps between appointments in the clerk’s order', () => {
    const plan = planQueue(
      s,
      [
        item('appt930', { kind: 'appointment', slot: '09:30', status: 'scheduled' }),
        item('w2', { position: 2 }),
        item('w1', { position: 1 }),
        item('appt1000', { kind: 'appointment', slot: '10:00', status: 'waiting' }),
      ],
      8 * 60,
    );
    expect(plan).toEqual([
      { id: 'w1', at: '09:00' },
      { id: 'appt930', at: '09:30' },
      { id: 'appt1000', at: '10:00' },
      { id: 'w2', at: '10:30' },
    ]);
  });

  it('starts from now, or from the end of the talk under way', () => {
    expect(planQueue(s, [item('w', {})], 9 * 60 + 47)).toEqual([{ id: 'w', at: at(9 * 60 + 47) }]);
    const plan = planQueue(s, [item('in', { status: 'called', calledAtMinutes: 9 * 60 + 10 }), item('w', {})], 9 * 60 + 20);
    expect(plan).toEqual([
      { id: 'in', at: '09:10' },
      { id: 'w', at: '09:40' },
    ]);
  });

  it('finished, cancelled and missing visitors take no time', () => {
    const plan = planQueue(
      s,
      [
        item('done', { status: 'done' }),
        item('gone', { status: 'cancelled', kind: 'appointment', slot: '09:00' }),
        item('w', { position: 3 }),
      ],
      0,
    );
    expect(plan).toEqual([{ id: 'w', at: '09:00' }]);
  });

  it('says when the day is full', () => {
    const full = ['09:00', '09:30', '10:00', '10:30', '11:00'].map((slot, i) =>
      item(`a${i}`, { kind: 'appointment', slot, status: 'scheduled' }),
    );
    expect(walkInFits(s, full, 0)).toBeNull();
    expect(walkInFits(s, full.slice(1), 0)).toBe('09:00');
    expect(walkInFits(s, [], 11 * 60 + 1)).toBeNull();
    expect(planQueue(s, [...full, item('w', {})], 0).at(-1)).toEqual({ id: 'w', at: null });
  });
});

describe('dates a talk’s decision sets (the matter’s rules in shared/domain/matter.ts)', () => {
  const cal: HolidayCalendar = { holidays: new Set(['2027-01-01']), workdays: new Set() };
  const registered = (receivedOn: string): MatterFacts => registeredFacts(receivedOn);
  const dates = (decision: Decision, receivedOn: string, on: string, c: HolidayCalendar, deadline: string | null = null) => {
    const r = plan(registered(receivedOn), { action: 'decide', decision, on, deadline, unit: '区住建局' }, on, c);
    if (!r.ok) throw new Error(r.message);
    return Object.fromEntries(
      openClocks({ ...registered(receivedOn), ...r.plan.set, state: r.plan.to }, on, c).map((k) => [k.clock, k.due]),
    );
  };

  it('answered on the spot sets none', () => {
    expect(dates('answered', '2026-11-24', '2026-11-24', EMPTY_CALENDAR)).toEqual({});
  });

  it('accepted: 15 days to answer in writing from receipt, 60 days to handle from acceptance', () => {
    expect(dates('accepted', '2026-11-24', '2026-11-24', EMPTY_CALENDAR)).toEqual({ reply: '2026-12-09', handle: '2027-01-25' });
  });

  it('a period ending on a holiday or rest day ends on the next working day', () => {
    // 2026-12-17 + 15 = 2027-01-01 (元旦, a Friday) → Monday 2027-01-04.
    expect(dates('declined', '2026-12-17', '2026-12-17', cal).reply).toBe('2027-01-04');
  });

  it('assigned keeps the leader’s deadline, or the 60-day limit when none is set', () => {
    expect(dates('assigned', '2026-11-24', '2026-11-24', EMPTY_CALENDAR, '2026-12-20').handle).toBe('2026-12-20');
    expect(dates('assigned', '2026-11-24', '2026-11-24', EMPTY_CALENDAR).handle).toBe('2027-01-25');
  });

  it('forwarded, declined and guided only owe the written answer, from receipt', () => {
    for (const d of ['forwarded', 'declined', 'guided'] as const)
      expect(dates(d, '2026-11-24', '2026-11-25', EMPTY_CALENDAR)).toEqual({ reply: '2026-12-09' });
  });
});
