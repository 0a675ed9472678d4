// A leader's reception day end to end on a real SQLite file: the admin builds
// the roster, clerks schedule walk-ins and appointments, the leader sees only
// their own queue, calls visitors into the room (the hall display shows it),
// records the outcome with its computed due dates, and the visit's outcome is
// queued for the district.
import { describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api/contract';
import type { HallEvent } from '@shared/api/events';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK } from '../support/queue';
import { publishedSession as publishedSessionOf, ROOM1, ROOM2 } from '../support/roster';

const TODAY = '2026-11-24'; // the test clock starts at 09:00 in the hall

let hall: TestHall;
let clerk: Client;
let wang: Client;
let li: Client;
let wangId: string;
let liId: string;

async function leaderId(username: string) {
  return (await hall.admin.call('users.list', {})).find((u) => u.username === username)!.id;
}

/** The session these tests use: 城建、拆迁 with a lawyer, unless `over` says otherwise. */
const publishedSession = (leader: string, over: Partial<InputOf<'roster.save'>> = {}) =>
  publishedSessionOf(hall.admin, leader, over.date ?? TODAY, { topics: '城建、拆迁', lawyer: '刘律师', ...over });

let seq = 100;
async function register(over: Parameters<typeof visitInput>[0] = {}) {
  return clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', String(seq++)), ...over }));
}

useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
  wang = await hall.as('leader', 'wang');
  li = await hall.as('leader', 'li');
  wangId = await leaderId('wang');
  liId = await leaderId('li');
});

describe('the roster', () => {
  it('refuses a leader in two rooms at once and a room given twice, and only the admin edits it', async () => {
    await publishedSession(wangId);
    const twoRooms = await hall.admin.fail('roster.save', {
      id: null,
      leaderId: wangId,
      date: TODAY,
      start: '11:00',
      end: '12:00',
      roomId: ROOM2,
      slotMinutes: 30,
      expectedVersion: null,
    });
    expect(twoRooms).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('同一时间不能在两个房间') });
    const roomTaken = await hall.admin.fail('roster.save', {
      id: null,
      leaderId: liId,
      date: TODAY,
      start: '10:00',
      end: '11:00',
      roomId: ROOM1,
      slotMinutes: 30,
      expectedVersion: null,
    });
    expect(roomTaken.message).toContain('同一房间不能重复安排');
    expect(
      (
        await clerk.fail('roster.save', {
          id: null,
          leaderId: liId,
          date: TODAY,
          start: '10:00',
          end: '11:00',
          roomId: ROOM2,
          slotMinutes: 30,
          expectedVersion: null,
        })
      ).code,
    ).toBe('FORBIDDEN');
    const list = await clerk.call('roster.list', { from: TODAY, to: TODAY });
    expect(list).toEqual([
      expect.objectContaining({ leaderName: '测试wang', roomName: '1号接谈室', status: 'published', lawyer: '刘律师' }),
    ]);
  });

  it('will not withdraw or cancel a session visitors are booked into', async () => {
    const s = await publishedSession(wangId);
    const v = await register();
    await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
    const refused = await hall.admin.fail('roster.setStatus', { sessionId: s.id, status: 'cancelled', reason: '领导临时外出' });
    expect(refused.message).toContain('已有1位来访人');
  });
});

describe('scheduling into a leader’s queue', () => {
  it('a walk-in gets an L number for the room and an estimated time; desks never call it', async () => {
    const s = await publishedSession(wangId);
    const v = await register();
    const b = await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
    expect(b).toMatchObject({ status: 'waiting', ticketNo: 'L001', plannedAt: '09:00', attendees: 1 });
    // A desk serving every lane, L included, finds nobody to call.
    expect(await clerk.call('queue.callNext', { deskId: DESK[1] })).toBeNull();
    const second = await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    expect(second.plannedAt).toBe('09:30');
    const again = await clerk.fail('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
    expect(again.message).toContain('该来访已排入测试wang');
  });

  it('an appointment takes a free slot; walk-ins flow around it; refusals say why', async () => {
    const s = await publishedSession(wangId);
    const appt = await clerk.call('reception.schedule', {
      visitId: (await register()).id,
      sessionId: s.id,
      kind: 'appointment',
      slot: '09:00',
    });
    expect(appt).toMatchObject({ status: 'scheduled', ticketNo: null, plannedAt: '09:00' });
    const walk = await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    expect(walk.plannedAt).toBe('09:30');

    const taken = await clerk.fail('reception.schedule', {
      visitId: (await register()).id,
      sessionId: s.id,
      kind: 'appointment',
      slot: '09:00',
    });
    expect(taken.message).toBe('09:00 已有约访，请另选时段');
    const outside = await clerk.fail('reception.schedule', {
      visitId: (await register()).id,
      sessionId: s.id,
      kind: 'appointment',
      slot: '14:00',
    });
    expect(outside.message).toContain('不在该领导的接访安排内');

    const board = await clerk.call('reception.board', { date: TODAY });
    // 09:30 is only the walk-in's estimate: an appointment may still take it (the walk-in then moves on).
    expect(board.sessions[0]!.freeSlots).toEqual(['09:30', '10:00', '10:30', '11:00']);
    expect(board.sessions[0]!.bookings.map((x) => x.id)).toEqual([appt.id, walk.id]);
  });

  it('refuses a group larger than the room and more than five representatives going in', async () => {
    await hall.admin.call('rooms.save', {
      id: ROOM1,
      number: 1,
      name: '1号接谈室',
      kind: 'talk',
      capacity: 4,
      openFrom: '08:30',
      openTo: '17:30',
      active: true,
    });
    const s = await publishedSession(wangId);
    const reps = Array.from({ length: 5 }, (_, i) => ({
      name: `代表${'甲乙丙丁戊'[i]}`,
      idType: 'resident' as const,
      idNumber: residentId('110105', '19800101', String(200 + i)),
      phone: '',
    }));
    const group = await register({ peopleCount: 30, representatives: reps });
    const tooBig = await clerk.fail('reception.schedule', { visitId: group.id, sessionId: s.id, kind: 'walk_in' });
    expect(tooBig.message).toBe('进入接谈的5人超过1号接谈室的容量（4人）');
    const sixReps = await clerk.fail('reception.schedule', { visitId: group.id, sessionId: s.id, kind: 'walk_in', attendees: 6 });
    expect(sixReps.message).toContain('代表不超过5人');
    expect(await clerk.call('reception.schedule', { visitId: group.id, sessionId: s.id, kind: 'walk_in', attendees: 3 })).toMatchObject({
      attendees: 3,
    });
  });

  it('a draft session takes no bookings', async () => {
    const s = await hall.admin.call('roster.save', {
      id: null,
      leaderId: wangId,
      date: TODAY,
      start: '09:00',
      end: '11:30',
      roomId: ROOM1,
      slotMinutes: 30,
      expectedVersion: null,
    });
    const refused = await clerk.fail('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    expect(refused.message).toContain('尚未发布');
  });

  it('moving or cancelling an appointment tells the clerk whom to inform', async () => {
    const s = await publishedSession(wangId);
    const other = await publishedSession(liId, { date: '2026-11-26', roomId: ROOM2 });
    const b = await clerk.call('reception.schedule', {
      visitId: (await register({ name: '赵敏', phone: '13912345678' })).id,
      sessionId: s.id,
      kind: 'appointment',
      slot: '10:00',
    });
    const moved = await clerk.call('reception.move', { bookingId: b.id, sessionId: other.id, slot: '09:30' });
    expect(moved.inform).toMatchObject({ name: '赵敏', phone: '13912345678' });
    expect(moved.inform!.message).toBe(
      '请通知赵敏（电话 13912345678）：原定2026年11月24日 10:00 在1号接谈室由测试wang接谈，改为2026年11月26日 09:30 在2号接谈室由测试li接谈。',
    );
    expect(moved.booking).toMatchObject({ sessionId: other.id, slot: '09:30', status: 'scheduled' });
    const cancelled = await clerk.call('reception.cancel', { bookingId: b.id, reason: '来访人申请改期' });
    expect(cancelled.inform!.message).toContain('已取消（来访人申请改期）');
    expect(cancelled.booking.status).toBe('cancelled');
    const audit = hall.backend.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', b.id);
    expect((await audit.execute()).map((a) => a.action)).toEqual(['reception.schedule', 'reception.move', 'reception.cancel']);
  });

  it('walk-ins can be moved up or down among walk-ins only', async () => {
    const s = await publishedSession(wangId);
    const a = await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    const b = await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    await clerk.call('reception.reorder', { bookingId: b.id, direction: 'up' });
    const board = await clerk.call('reception.board', { date: TODAY });
    expect(board.sessions[0]!.bookings.map((x) => [x.id, x.plannedAt])).toEqual([
      [b.id, '09:00'],
      [a.id, '09:30'],
    ]);
    expect((await clerk.fail('reception.reorder', { bookingId: b.id, direction: 'up' })).message).toBe('已在现场来访的最前面');
  });

  it('an appointment checks in on its day and gets its number then', async () => {
    const s = await publishedSession(wangId);
    const later = await publishedSession(wangId, { date: '2026-11-25' });
    const today = await clerk.call('reception.schedule', {
      visitId: (await register()).id,
      sessionId: s.id,
      kind: 'appointment',
      slot: '10:30',
    });
    const tomorrow = await clerk.call('reception.schedule', {
      visitId: (await register()).id,
      sessionId: later.id,
      kind: 'appointment',
      slot: '10:30',
    });
    expect((await clerk.call('reception.checkIn', { bookingId: today.id })).ticketNo).toBe('L001');
    expect((await clerk.fail('reception.checkIn', { bookingId: tomorrow.id })).message).toContain('当天才能签到');
  });
});

describe('the duty leader', () => {
  it('sees only their own queue unless the admin allows more; clerks cannot open it', async () => {
    const s = await publishedSession(wangId);
    await publishedSession(liId, { roomId: ROOM2 });
    const v = await register({ name: '钱多多' });
    await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });

    const mine = await wang.call('reception.myQueue', { leaderId: null });
    expect(mine.sessions[0]!.visitors.map((x) => x.name)).toEqual(['钱多多']);
    expect(mine.sessions[0]!.visitors[0]!.history?.visits).toHaveLength(1);
    expect(mine.visibleLeaders.map((l) => l.id)).toEqual([wangId]);

    expect((await li.fail('reception.myQueue', { leaderId: wangId })).code).toBe('FORBIDDEN');
    expect((await li.call('reception.myQueue', { leaderId: null })).sessions[0]!.visitors).toEqual([]);
    expect((await clerk.fail('reception.myQueue', { leaderId: wangId })).code).toBe('FORBIDDEN');
    expect((await li.fail('reception.callNext', { sessionId: s.id })).code).toBe('FORBIDDEN');

    await hall.admin.call('users.setQueueScope', { userId: liId, seesAllQueues: true });
    expect((await li.call('reception.myQueue', { leaderId: wangId })).sessions[0]!.visitors[0]!.name).toBe('钱多多');
  });

  it('calls the next visitor into the room, shown on the hall display, then records the outcome with its due dates', async () => {
    const s = await publishedSession(wangId);
    const v = await register({ name: '孙悟空' });
    const booking = await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
    const events: HallEvent[] = [];
    hall.backend.events.subscribe((e) => events.push(e));

    // Nothing to record before the visitor is called in.
    const early = await wang.fail('reception.record', { bookingId: booking.id, notes: '了解情况', decision: 'answered' });
    expect(early.message).toContain('请先叫号');

    expect(await wang.call('reception.callNext', { sessionId: s.id })).toEqual({ bookingId: booking.id });
    expect(events.find((e) => e.name === 'queue.called')?.payload).toMatchObject({
      ticketNo: 'L001',
      deskNumber: 1,
      place: 'room',
      recall: false,
    });
    const display = await client0().call('display.state', {});
    expect(display.current).toEqual([expect.objectContaining({ ticketNo: 'L001', deskNumber: 1, place: 'room', name: '孙*空' })]);
    expect(display.recent[0]).toMatchObject({ ticketNo: 'L001', place: 'room' });

    // Calling again before recording is refused: the visitor in the room comes first.
    const second = await wang.fail('reception.callNext', { sessionId: s.id });
    expect(second.message).toContain('请先记录孙悟空（L001）的接谈结果');

    const missingUnit = await wang.fail('reception.record', { bookingId: booking.id, notes: '反映补贴未落实', decision: 'forwarded' });
    expect(missingUnit.fields).toMatchObject({ unit: '请填写转送单位' });

    const talk = await wang.call('reception.record', {
      bookingId: booking.id,
      notes: '反映补贴未落实，已核实',
      decision: 'accepted',
      unit: '区住建局',
      satisfaction: 'satisfied',
      lawyerPresent: true,
    });
    expect(talk).toMatchObject({
      outcome: 'accepted',
      unit: '区住建局',
      decidedOn: TODAY,
      matterId: v.matterId,
      satisfaction: 'satisfied',
      lawyerPresent: true,
    });
    // The clocks are the matter's: the written answer from receipt, handling from the decision.
    const matter = await wang.call('matters.get', { matterId: talk.matterId });
    expect(matter).toMatchObject({ state: 'handling', decision: 'accepted', acceptedOn: TODAY, handleDue: '2027-01-25' });
    expect(matter.clocks.map((c) => [c.clock, c.due])).toEqual([
      ['reply', '2026-12-09'],
      ['handle', '2027-01-25'],
    ]);

    const visit = await clerk.call('visits.get', { visitId: v.id });
    expect(visit).toMatchObject({ outcome: '受理（区住建局）', version: 2, correctedAt: null });
    const outbox = await hall.backend.deps.db
      .selectFrom('outbox')
      .select(['entity_version', 'payload_json'])
      .where('entity_id', '=', v.id)
      .orderBy('seq')
      .execute();
    expect(outbox.map((o) => o.entity_version)).toEqual([1, 2]);
    expect(JSON.parse(outbox[1]!.payload_json)).toMatchObject({ outcome: '受理（区住建局）' });

    const after = await hall.admin.call('display.state', {});
    expect(after.current).toEqual([]);
    const queue = await wang.call('reception.myQueue', { leaderId: null });
    expect(queue.sessions[0]!.visitors[0]).toMatchObject({
      status: 'done',
      outcome: 'accepted',
      talk: expect.objectContaining({ id: talk.id }),
    });
  });

  it('a visitor who does not come in is marked missing; recall calls again', async () => {
    const s = await publishedSession(wangId);
    const a = await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    const b = await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    await wang.call('reception.callNext', { sessionId: s.id });
    await wang.call('reception.recall', { sessionId: s.id });
    await wang.call('reception.noShow', { bookingId: a.id });
    expect(await wang.call('reception.callNext', { sessionId: s.id })).toEqual({ bookingId: b.id });
    const calls = await hall.backend.deps.db.selectFrom('room_calls').select('recall').orderBy('at').execute();
    expect(calls.map((c) => c.recall)).toEqual([0, 1, 0]);
    // 叫号记录 lists the leader's calls into the room beside the desks' calls.
    const room = (await hall.backend.deps.db.selectFrom('rooms').select('number').where('id', '=', s.roomId).executeTakeFirstOrThrow())
      .number;
    const log = await clerk.call('queue.dayLog', {});
    const l1 = log.find((t) => t.ticketNo === 'L001')!;
    expect(l1.calls).toEqual([
      expect.objectContaining({ place: 'room', placeNumber: room, kind: 'call', actorName: '测试wang', outOfOrder: false }),
      expect.objectContaining({ place: 'room', placeNumber: room, kind: 'recall', actorName: '测试wang' }),
    ]);
    expect(log.find((t) => t.ticketNo === 'L002')?.calls).toEqual([expect.objectContaining({ place: 'room', kind: 'call' })]);
  });

  it('an assigned deadline may not pass the 60-day limit; the matter is extended once; its clocks are in the matters’ due list', async () => {
    const s = await publishedSession(wangId);
    const bookings = [];
    for (let i = 0; i < 2; i++)
      bookings.push(await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' }));
    await wang.call('reception.callNext', { sessionId: s.id });
    const tooLate = await wang.fail('reception.record', {
      bookingId: bookings[0]!.id,
      notes: '交办处理',
      decision: 'assigned',
      unit: '和平街道办',
      deadline: '2027-03-01',
    });
    expect(tooLate.message).toContain('不能超过60日的法定期限（2027年01月25日）');
    const assigned = await wang.call('reception.record', {
      bookingId: bookings[0]!.id,
      notes: '交办处理',
      decision: 'assigned',
      unit: '和平街道办',
      deadline: '2026-12-04',
    });
    let m = await wang.call('matters.get', { matterId: assigned.matterId });
    expect(m.handleDue).toBe('2026-12-04');

    await wang.call('reception.callNext', { sessionId: s.id });
    const declined = await wang.call('reception.record', {
      bookingId: bookings[1]!.id,
      notes: '属于诉讼事项',
      decision: 'declined',
      declineGround: 'in_legal_process',
      reason: '已进入诉讼程序',
    });
    const d = await wang.call('matters.get', { matterId: declined.matterId });
    expect(
      (
        await wang.fail('matters.act', {
          action: 'extend',
          matterId: d.id,
          version: d.version,
          on: TODAY,
          days: 10,
          reason: '需要补充调查',
          approver: '王主任',
        })
      ).message,
    ).toBe('该事项不予受理，不能延期');

    // A 交办 is extended from its own deadline (12-04 + 30 = 2027-01-03, a Sunday → Monday).
    const ext = { action: 'extend', matterId: m.id, on: TODAY, days: 30, reason: '涉及多个部门，需要协调', approver: '王主任' } as const;
    await wang.call('matters.act', { ...ext, version: m.version });
    m = await wang.call('matters.get', { matterId: m.id });
    expect(m).toMatchObject({ extensionDays: 30, handleDue: '2027-01-04', extensionReason: '涉及多个部门，需要协调' });
    expect((await wang.fail('matters.act', { ...ext, version: m.version, days: 5 })).message).toBe('办理期限只能延长一次');

    // 2026-12-07: the written answers (due 12-09) are two days off.
    hall.clock.now = new Date('2026-12-07T02:00:00Z');
    const due = await clerk.call('matters.dueList', { clock: 'reply' });
    expect(due.items.map((i) => [i.dueState, i.daysLeft])).toEqual([
      ['due_soon', 2],
      ['due_soon', 2],
    ]);
  });

  it('a leader’s room ticket is not carried to the next day', async () => {
    await hall.admin.call('queue.saveSettings', { ...(await hall.admin.call('queue.settings', {})), dayEnd: 'carry' });
    const s = await publishedSession(wangId);
    await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    await clerk.call('queue.issue', { laneId: '0193a000-0000-7000-8000-00000000000a' });
    hall.clock.now = new Date('2026-11-25T01:00:00Z');
    await clerk.call('queue.issue', { laneId: '0193a000-0000-7000-8000-00000000000a' });
    const tickets = await hall.backend.deps.db
      .selectFrom('tickets')
      .select(['ticket_no', 'day', 'status'])
      .where('day', '=', '2026-11-25')
      .orderBy('number')
      .execute();
    expect(tickets.map((t) => t.ticket_no)).toEqual(['A001', 'A002']);
  });
});

function client0(): Client {
  return hall.admin;
}

describe('the end of a reception day', () => {
  it('at the day’s end, visitors still booked or waiting are marked missing and can be booked again; a talk begun may still be recorded', async () => {
    const s = await publishedSession(wangId);
    const v1 = await register();
    const v2 = await register();
    const inRoom = await clerk.call('reception.schedule', { visitId: v1.id, sessionId: s.id, kind: 'walk_in' });
    const waiting = await clerk.call('reception.schedule', { visitId: v2.id, sessionId: s.id, kind: 'walk_in' });
    await wang.call('reception.callNext', { sessionId: s.id });
    hall.clock.now = new Date('2026-11-25T01:00:00Z');
    await clerk.call('queue.issue', { laneId: '0193a000-0000-7000-8000-00000000000a' }); // the first queue change of the day
    const rows = await hall.backend.deps.db.selectFrom('reception_bookings').select(['id', 'status']).execute();
    expect(new Map(rows.map((r) => [r.id, r.status]))).toEqual(
      new Map([
        [inRoom.id, 'called'],
        [waiting.id, 'no_show'],
      ]),
    );
    const tomorrow = await publishedSession(wangId, { date: '2026-11-25' });
    expect((await clerk.call('reception.schedule', { visitId: v2.id, sessionId: tomorrow.id, kind: 'walk_in' })).status).toBe('waiting');
    expect((await wang.call('reception.record', { bookingId: inRoom.id, notes: '昨日接谈补记', decision: 'answered' })).decidedOn).toBe(
      '2026-11-25',
    );
    expect((await wang.fail('reception.callNext', { sessionId: s.id })).message).toContain('不是今天');
  });

  it('desks cannot park, move or requeue a number waiting for a leader’s room', async () => {
    const s = await publishedSession(wangId);
    const b = await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    const ticket = await hall.backend.deps.db
      .selectFrom('reception_bookings')
      .select('ticket_id')
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect((await clerk.fail('queue.park', { ticketId: ticket.ticket_id! })).message).toContain('在等候领导接谈');
    expect(
      (await clerk.fail('queue.transfer', { ticketId: ticket.ticket_id!, toLaneId: '0193a000-0000-7000-8000-00000000000a' })).message,
    ).toContain('在等候领导接谈');
  });

  it('retiming a session may not strand a booked appointment, and an appointment may not push a waiting walk-in out of the day', async () => {
    const s = await hall.admin.call('roster.save', {
      id: null,
      leaderId: wangId,
      date: TODAY,
      start: '09:00',
      end: '10:00',
      roomId: ROOM1,
      slotMinutes: 30,
      expectedVersion: null,
    });
    await hall.admin.call('roster.setStatus', { sessionId: s.id, status: 'published', reason: '' });
    await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'appointment', slot: '09:30' });
    const current = (await clerk.call('roster.list', { from: TODAY, to: TODAY }))[0]!;
    const retime = await hall.admin.fail('roster.save', {
      id: s.id,
      leaderId: wangId,
      date: TODAY,
      start: '09:00',
      end: '10:00',
      roomId: ROOM1,
      slotMinutes: 20,
      expectedVersion: current.version,
    });
    expect(retime.message).toBe('已有约访在 09:30，改动后不在接访时段内，请先改约');
    await clerk.call('reception.schedule', { visitId: (await register()).id, sessionId: s.id, kind: 'walk_in' });
    const pushOut = await clerk.fail('reception.schedule', {
      visitId: (await register()).id,
      sessionId: s.id,
      kind: 'appointment',
      slot: '09:00',
    });
    expect(pushOut.message).toContain('现场来访今天排不上');
  });
});

describe('what the district receives of a talk', () => {
  it('the visit’s 处理结果 is sent again, as a new version, when the matter is extended and when it is concluded', async () => {
    const s = await publishedSession(wangId);
    const v = await register();
    const b = await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
    await wang.call('reception.callNext', { sessionId: s.id });
    const t = await wang.call('reception.record', { bookingId: b.id, notes: '受理', decision: 'accepted', unit: '区住建局' });
    const act = async (input: Record<string, unknown>) => {
      const m = await wang.call('matters.get', { matterId: t.matterId });
      return wang.call('matters.act', { matterId: m.id, version: m.version, ...input } as never);
    };
    await act({ action: 'extend', on: TODAY, days: 30, reason: '涉及多个部门', approver: '王主任' });
    hall.clock.now = new Date('2026-12-20T02:00:00Z');
    await act({
      action: 'conclude',
      on: '2026-12-20',
      opinion: { facts: '经核实补贴已发放', reasons: '符合政策', decision: '予以支持', basis: '' },
    });
    const sent = await hall.backend.deps.db
      .selectFrom('outbox')
      .select(['entity_version', 'payload_json'])
      .where('entity', '=', 'visit')
      .where('entity_id', '=', v.id)
      .orderBy('seq')
      .execute();
    // Registered, outcome, extended (from the deadline in force, 2027-01-25 + 30), concluded.
    expect(sent.map((o) => [o.entity_version, (JSON.parse(o.payload_json) as { outcome: string | null }).outcome])).toEqual([
      [1, null],
      [2, '受理（区住建局）'],
      [3, '受理（区住建局）；延期30日至2027年02月24日'],
      [4, '受理（区住建局）；延期30日至2027年02月24日；2026年12月20日办结'],
    ]);
  });
});
