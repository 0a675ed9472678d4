// The queue on the real store: numbering, calling, no-show, transfer, park, day end, display.
import { describe, expect, it } from 'vitest';
import type { HallEvent } from '@shared/api/events';
import { visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK, LANE, issueMany, minutesLater } from '../support/queue';

let hall: TestHall;
let clerk: Client;
let events: HallEvent[];
useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
  events = [];
  hall.backend.events.subscribe((e) => events.push(e));
});

const next = (desk: string) => clerk.call('queue.callNext', { deskId: desk });

describe('issuing tickets', () => {
  it('numbers per lane, restarting each day and never reusing a number', async () => {
    const [a1, a2] = await issueMany(clerk, LANE.A, 2);
    const [b1] = await issueMany(clerk, LANE.B, 1);
    expect([a1!.ticketNo, a2!.ticketNo, b1!.ticketNo]).toEqual(['A001', 'A002', 'B001']);
    expect(a2!.peopleAhead).toBe(1);
    hall.clock.now = new Date('2026-11-25T01:00:00Z');
    expect((await clerk.call('queue.issue', { laneId: LANE.A })).ticketNo).toBe('A001');
  });

  it('a priority ticket moves ahead within its lane, with its reason kept', async () => {
    await issueMany(clerk, LANE.A, 3);
    const p = await clerk.call('queue.issue', { laneId: LANE.A, priority: 'elderly' });
    expect(p.peopleAhead).toBe(0);
    expect(p.priority).toBe('elderly');
    const board = await clerk.call('queue.board', { deskId: DESK[1] });
    expect(board.waiting.map((t) => t.ticketNo)).toEqual(['A004', 'A001', 'A002', 'A003']);
    const audit = await hall.backend.deps.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ ticketNo: 'A004', priority: 'elderly' });
  });

  it('links a ticket to a registration, and an appointment lane needs a time', async () => {
    const visit = await clerk.call('visits.register', visitInput());
    const t = await clerk.call('queue.issue', { laneId: LANE.A, visitId: visit.id });
    expect(t.visitorName).toBe('张三丰');
    const err = await clerk.fail('queue.issue', { laneId: LANE.Y });
    expect(err.fields?.appointmentTime).toBe('请填写预约时间');
  });
});

describe('calling', () => {
  it('two desks calling in turn get different tickets; calling next finishes the current one', async () => {
    await issueMany(clerk, LANE.A, 3);
    const t1 = await next(DESK[1]);
    const t2 = await next(DESK[2]);
    expect([t1?.ticketNo, t2?.ticketNo]).toEqual(['A001', 'A002']);
    expect(t1?.deskNumber).toBe(1);
    await next(DESK[1]);
    const log = await clerk.call('queue.dayLog', {});
    expect(log.find((t) => t.ticketNo === 'A001')?.status).toBe('done');
    expect(log.find((t) => t.ticketNo === 'A003')?.calls).toEqual([
      expect.objectContaining({ place: 'desk', placeNumber: 1, kind: 'call' }),
    ]);
    expect(await next(DESK[2])).toBeNull();
  });

  it('announces each call exactly once, recall again, and never a personal detail', async () => {
    await clerk.call('queue.issue', { laneId: LANE.A });
    await next(DESK[3]);
    await clerk.call('queue.recall', { deskId: DESK[3] });
    const calls = events.filter((e) => e.name === 'queue.called').map((e) => e.payload);
    expect(calls).toEqual([
      expect.objectContaining({ ticketNo: 'A001', deskNumber: 3, recall: false }),
      expect.objectContaining({ ticketNo: 'A001', deskNumber: 3, recall: true }),
    ]);
  });

  it('the ratio rule (2 ordinary : 1 priority) holds across calls at one desk', async () => {
    const settings = await hall.admin.call('queue.settings', {});
    await hall.admin.call('queue.saveSettings', { ...settings, orderRule: { kind: 'ratio', ordinary: 2, priority: 1 } });
    await issueMany(clerk, LANE.A, 4);
    await clerk.call('queue.issue', { laneId: LANE.A, priority: 'disabled' });
    await clerk.call('queue.issue', { laneId: LANE.A, priority: 'pregnant' });
    const order = [];
    for (let i = 0; i < 6; i++) order.push((await next(DESK[1]))!.ticketNo);
    expect(order).toEqual(['A001', 'A002', 'A005', 'A003', 'A004', 'A006']);
  });

  it('calls a chosen ticket out of order with a reason, audited', async () => {
    const [, second] = await issueMany(clerk, LANE.A, 2);
    const err = await clerk.fail('queue.callTicket', { deskId: DESK[1], ticketId: second!.id, reason: '' });
    expect(err.fields?.reason).toBeTruthy();
    const t = await clerk.call('queue.callTicket', { deskId: DESK[1], ticketId: second!.id, reason: '行动不便' });
    expect(t.ticketNo).toBe('A002');
    const row = await hall.backend.deps.db
      .selectFrom('audit_log')
      .select('note')
      .where('action', '=', 'ticket.call_out_of_order')
      .executeTakeFirstOrThrow();
    expect(row.note).toBe('行动不便');
    // 叫号记录 shows the reason with that call, and only with that call.
    minutesLater(hall, 1);
    await clerk.call('queue.recall', { deskId: DESK[1] });
    const log = await clerk.call('queue.dayLog', {});
    expect(log.find((e) => e.ticketNo === 'A002')?.calls).toEqual([
      expect.objectContaining({ kind: 'call', place: 'desk', placeNumber: 1, outOfOrder: true, reason: '行动不便' }),
      expect.objectContaining({ kind: 'recall', place: 'desk', placeNumber: 1, outOfOrder: false, reason: null }),
    ]);
    expect(log.find((e) => e.ticketNo === 'A001')?.calls).toEqual([]);
  });

  it('no-show only after the configured calls; a requeued no-show goes behind those waiting', async () => {
    await issueMany(clerk, LANE.A, 3);
    await next(DESK[1]);
    expect((await clerk.fail('queue.noShow', { deskId: DESK[1] })).message).toContain('须呼叫满2次');
    await clerk.call('queue.recall', { deskId: DESK[1] });
    const gone = await clerk.call('queue.noShow', { deskId: DESK[1] });
    expect(gone.status).toBe('no_show');
    minutesLater(hall, 1);
    await clerk.call('queue.requeue', { ticketId: gone.id });
    const board = await clerk.call('queue.board', { deskId: DESK[1] });
    expect(board.waiting.map((t) => t.ticketNo)).toEqual(['A002', 'A003', 'A001']);
  });

  it('a second press of F5 made before the screen caught up does not finish an unserved visitor', async () => {
    await issueMany(clerk, LANE.A, 3);
    const first = await clerk.call('queue.callNext', { deskId: DESK[1], expectedCurrentId: null });
    const stale = await clerk.fail('queue.callNext', { deskId: DESK[1], expectedCurrentId: null });
    expect(stale.message).toContain('当前号已变化');
    const board = await clerk.call('queue.board', { deskId: DESK[1] });
    expect(board.current?.ticketNo).toBe(first!.ticketNo);
    expect(board.waiting).toHaveLength(2);
  });

  it('an appointment time is refused on an ordinary lane (it would jump the line)', async () => {
    const err = await clerk.fail('queue.issue', { laneId: LANE.A, appointmentTime: '09:00' });
    expect(err.fields?.appointmentTime).toContain('约访');
  });

  it('a paused desk cannot call; resumed it can', async () => {
    await issueMany(clerk, LANE.A, 1);
    await clerk.call('queue.pause', { deskId: DESK[1] });
    expect((await clerk.fail('queue.callNext', { deskId: DESK[1] })).message).toContain('已暂停');
    await clerk.call('queue.resume', { deskId: DESK[1] });
    expect((await next(DESK[1]))?.ticketNo).toBe('A001');
  });
});

describe('moving tickets', () => {
  it('transfer to a lane keeps the place in time; transfer to a desk reserves it for that desk', async () => {
    const settings = await hall.admin.call('queue.settings', {});
    await hall.admin.call('queue.saveDesk', { id: DESK[2], number: 2, name: '2号窗口', laneIds: [LANE.F] });
    expect(settings.noShowAfterCalls).toBe(2);
    const [a1] = await issueMany(clerk, LANE.A, 2);
    await clerk.call('queue.transfer', { ticketId: a1!.id, toLaneId: LANE.F });
    expect((await clerk.call('queue.board', { deskId: DESK[2] })).waiting.map((t) => t.ticketNo)).toEqual(['A001']);
    const a2 = (await clerk.call('queue.board', { deskId: DESK[1] })).waiting.find((t) => t.ticketNo === 'A002')!;
    await clerk.call('queue.transfer', { ticketId: a2.id, toDeskId: DESK[2] });
    // Desk 1 serves every lane, yet no longer sees A002: it waits for desk 2 only.
    expect((await clerk.call('queue.board', { deskId: DESK[1] })).waiting.map((t) => t.ticketNo)).toEqual(['A001']);
    expect((await next(DESK[2]))?.ticketNo).toBe('A001');
    expect((await next(DESK[2]))?.ticketNo).toBe('A002');
  });

  it('a parked ticket keeps its place and cannot be called until it is back', async () => {
    const [a1] = await issueMany(clerk, LANE.A, 3);
    await clerk.call('queue.park', { ticketId: a1!.id });
    expect((await clerk.call('queue.board', { deskId: DESK[1] })).parked.map((t) => t.ticketNo)).toEqual(['A001']);
    expect((await next(DESK[1]))?.ticketNo).toBe('A002');
    await clerk.call('queue.unpark', { ticketId: a1!.id });
    expect((await next(DESK[1]))?.ticketNo).toBe('A001');
  });

  it('a ticket moved into a lane that has its own numbers keeps the number the visitor holds', async () => {
    await issueMany(clerk, LANE.F, 2); // F001, F002
    const [a1] = await issueMany(clerk, LANE.A, 1);
    const moved = await clerk.call('queue.transfer', { ticketId: a1!.id, toLaneId: LANE.F });
    expect([moved.ticketNo, moved.laneName]).toEqual(['A001', '法律咨询']);
    expect((await clerk.call('queue.issue', { laneId: LANE.F })).ticketNo).toBe('F003');
    expect((await clerk.call('queue.issue', { laneId: LANE.A })).ticketNo).toBe('A002');
  });

  it('a walk-in without a ticket still takes a number, so the log is complete', async () => {
    const w = await clerk.call('queue.serveWalkIn', { deskId: DESK[1], laneId: LANE.A });
    expect(w).toMatchObject({ ticketNo: 'A001', status: 'called', deskNumber: 1 });
    expect((await clerk.call('queue.issue', { laneId: LANE.A })).ticketNo).toBe('A002');
    const log = await clerk.call('queue.dayLog', {});
    expect(log.find((t) => t.ticketNo === 'A001')?.calls).toEqual([
      expect.objectContaining({ kind: 'walk_in', place: 'desk', placeNumber: 1, actorName: expect.stringMatching(/^测试clerk/) }),
    ]);
  });
});

describe('configuration guards', () => {
  it('a lane with waiting tickets cannot be switched off, nor a desk with tickets reserved for it', async () => {
    await issueMany(clerk, LANE.F, 1);
    const err = await hall.admin.fail('queue.saveLane', { id: LANE.F, prefix: 'F', name: '法律咨询', kind: 'normal', active: false });
    expect(err.message).toContain('还有 1 个号');
    const [a] = await issueMany(clerk, LANE.A, 1);
    await clerk.call('queue.transfer', { ticketId: a!.id, toDeskId: DESK[3] });
    const desk = await hall.admin.fail('queue.saveDesk', { id: DESK[3], number: 3, name: '3号窗口', laneIds: [LANE.A], active: false });
    expect(desk.message).toContain('还有 1 个');
  });
});

describe('day end', () => {
  it('yesterday’s queue is not shown as waiting before the first change of the day', async () => {
    await issueMany(clerk, LANE.A, 2);
    hall.clock.now = new Date('2026-11-25T00:30:00Z');
    expect((await clerk.call('queue.board', { deskId: DESK[1] })).waiting).toEqual([]);
    const display = await clerk.call('display.state', {});
    expect(display.lanes.find((l) => l.prefix === 'A')?.waiting).toBe(0);
  });

  it('never blocks the queue: a carried ticket of a lane switched off since is closed, not carried', async () => {
    const s = await hall.admin.call('queue.settings', {});
    await hall.admin.call('queue.saveSettings', { ...s, dayEnd: 'carry' });
    const [f] = await issueMany(clerk, LANE.F, 1);
    await clerk.call('queue.transfer', { ticketId: f!.id, toLaneId: LANE.A });
    await hall.admin.call('queue.saveLane', { id: LANE.F, prefix: 'F', name: '法律咨询', kind: 'normal', active: false });
    await hall.backend.deps.db.updateTable('tickets').set({ lane_id: LANE.F }).where('id', '=', f!.id).execute(); // as if switched off with it waiting
    hall.clock.now = new Date('2026-11-25T00:30:00Z');
    expect((await clerk.call('queue.issue', { laneId: LANE.A })).ticketNo).toBe('A001');
    const log = await clerk.call('queue.dayLog', { date: '2026-11-24' });
    expect(log.map((t) => t.status)).toEqual(['closed']);
  });

  it('closes what is left by default', async () => {
    await issueMany(clerk, LANE.A, 2);
    hall.clock.now = new Date('2026-11-25T00:30:00Z');
    await clerk.call('queue.issue', { laneId: LANE.B });
    const yesterday = await clerk.call('queue.dayLog', { date: '2026-11-24' });
    expect(yesterday.map((t) => t.status)).toEqual(['closed', 'closed']);
    expect((await clerk.call('queue.board', { deskId: DESK[1] })).waiting.map((t) => t.ticketNo)).toEqual(['B001']);
  });

  it('a call next as the first change of the day closes yesterday’s line first, the desk’s own current visitor included', async () => {
    await issueMany(clerk, LANE.A, 2);
    await next(DESK[1]); // A001 at desk 1 until the evening; A002 never called
    hall.clock.now = new Date('2026-11-25T00:30:00Z');
    expect(await clerk.call('queue.callNext', { deskId: DESK[1] })).toBeNull();
    const yesterday = (await clerk.call('queue.dayLog', { date: '2026-11-24' })).sort((a, b) => a.ticketNo.localeCompare(b.ticketNo));
    // A001 was the desk's current visitor: the day end finished it (not this morning's call).
    expect(yesterday.map((t) => [t.ticketNo, t.status])).toEqual([
      ['A001', 'done'],
      ['A002', 'closed'],
    ]);
    const a001 = yesterday[0]!.id;
    const actions = await hall.backend.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', a001)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['ticket.issue', 'ticket.call', 'ticket.day_end']);
    await clerk.call('queue.issue', { laneId: LANE.A });
    expect(await clerk.call('queue.callNext', { deskId: DESK[1] })).toMatchObject({ ticketNo: 'A001', status: 'called' });
  });

  it('or carries it to the next morning, in order and with priority', async () => {
    const s = await hall.admin.call('queue.settings', {});
    await hall.admin.call('queue.saveSettings', { ...s, dayEnd: 'carry' });
    await clerk.call('queue.issue', { laneId: LANE.A });
    await clerk.call('queue.issue', { laneId: LANE.A, priority: 'military' });
    hall.clock.now = new Date('2026-11-25T00:30:00Z');
    await clerk.call('queue.issue', { laneId: LANE.A });
    const board = await clerk.call('queue.board', { deskId: DESK[1] });
    expect(board.waiting.map((t) => [t.ticketNo, t.priority])).toEqual([
      ['A002', 'military'],
      ['A001', null],
      ['A003', null],
    ]);
  });
});

describe('hall display (public)', () => {
  it('shows calls with masked names, waiting counts and an estimate, to anyone', async () => {
    const visit = await clerk.call('visits.register', visitInput());
    await clerk.call('queue.issue', { laneId: LANE.A, visitId: visit.id });
    await issueMany(clerk, LANE.A, 3);
    await next(DESK[1]);
    minutesLater(hall, 6);
    await next(DESK[1]); // A001 done after 6 minutes
    const anonymous = await hall.backend.call({}, 'display.state', {});
    expect(anonymous.ok).toBe(true);
    const state = anonymous.ok ? (anonymous.data as Awaited<ReturnType<typeof clerk.call<'display.state'>>>) : null;
    expect(state!.recent.map((r) => [r.ticketNo, r.name])).toEqual([
      ['A002', ''],
      ['A001', '张*丰'],
    ]);
    expect(state!.current).toEqual([expect.objectContaining({ ticketNo: 'A002', deskNumber: 1 })]);
    // 2 waiting × 6 minutes ÷ 3 open desks serving lane A = 4 minutes
    expect(state!.lanes.find((l) => l.prefix === 'A')).toEqual({ prefix: 'A', name: '普通来访', waiting: 2, estimatedMinutes: 4 });
    expect(JSON.stringify(state)).not.toContain('张三丰');
    expect(JSON.stringify(state)).not.toContain(visit.idNumber);

    const s = await hall.admin.call('queue.settings', {});
    await hall.admin.call('queue.saveSettings', { ...s, displayNames: 'hidden' });
    const hidden = await hall.backend.call({}, 'display.state', {});
    expect(JSON.stringify(hidden)).not.toContain('张*丰');
  });

  it('shows a recalled ticket once, at the top, marked 重呼', async () => {
    await issueMany(clerk, LANE.A, 3);
    await next(DESK[1]); // A001
    minutesLater(hall, 1);
    await next(DESK[2]); // A002
    minutesLater(hall, 1);
    await clerk.call('queue.recall', { deskId: DESK[1] }); // A001 again
    minutesLater(hall, 1);
    await next(DESK[3]); // A003
    const state = await clerk.call('display.state', {});
    expect(state.recent.map((r) => [r.ticketNo, r.recall])).toEqual([
      ['A003', false],
      ['A001', true],
      ['A002', false],
    ]);
  });
});
