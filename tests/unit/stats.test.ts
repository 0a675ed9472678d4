// 统计分析 on a fixture district built through the real API: visits across the
// October/November boundary (one at 23:59 hall time on 31 October, one at 23:59
// on 30 November, one at 00:00 on 1 December), a group, a repeat, a 越级访, a
// corrected visit, a cancelled booking, decisions, conclusions, evaluations,
// 包案 and queue calls. Every expected figure below is counted by hand from the
// story in the comments, not by the code under test.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api/contract';
import { hallDate } from '@shared/time';
import { openHall, residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { DESK, LANE } from '../support/queue';

const ROOM1 = '0193a000-0000-7000-8000-000000000301';
const OPINION = { facts: '经核实情况属实', reasons: '符合相关政策', decision: '予以支持', basis: '' };
const NOV = { from: '2026-11-01', to: '2026-11-30' };

let hall: TestHall;
let clerk: Client;
let wang: Client;
let wangId: string;
const m: Record<string, string> = {};
const v: Record<string, string> = {};

/** Sets the hall clock to a hall date and time (UTC+8). */
const at = (date: string, time = '10:00') => (hall.clock.now = new Date(`${date}T${time}:00+08:00`));
let seq = 100;
const rep = () => ({
  name: '李代表',
  idType: 'resident' as const,
  idNumber: residentId('110105', '19600101', String(seq++)),
  phone: '13900000001',
});
async function register(key: string, over: Parameters<typeof visitInput>[0] = {}) {
  const r = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', String(seq++)), ...over }));
  v[key] = r.id;
  if (!over.matterId) m[key] = r.matterId;
  return r;
}
type Act = InputOf<'matters.act'>;
type ActBody = { [K in Act['action']]: Omit<Extract<Act, { action: K }>, 'matterId' | 'version' | 'on'> }[Act['action']];
async function act(c: Client, matterId: string, body: ActBody) {
  const cur = await c.call('matters.get', { matterId });
  return c.call('matters.act', { matterId, version: cur.version, on: hallDate(hall.clock.now), ...body } as Act);
}
const accept = (id: string, unit: string) => act(clerk, id, { action: 'decide', decision: 'accepted', unit });
const answer = (id: string) => act(clerk, id, { action: 'decide', decision: 'answered' });
const evaluate = (id: string, evaluation: 'satisfied' | 'basic' | 'unsatisfied' | 'none') =>
  act(clerk, id, { action: 'evaluate', evaluation, via: 'phone' });

beforeAll(async () => {
  hall = await openHall({ start: new Date('2026-09-15T01:00:00Z') });
  clerk = await hall.as('clerk');
  wang = await hall.as('leader', 'wang');
  wangId = (await hall.admin.call('users.list', {})).find((u) => u.username === 'wang')!.id;
  // wang takes on matters across the hall (包案): allowed every queue by the administrator.
  await hall.admin.call('users.setQueueScope', { userId: wangId, seesAllQueues: true });

  // September: M10 accepted 09-15 (handling due 11-14 Sat → 11-16), concluded 11-10, 基本满意.
  at('2026-09-15');
  await register('M10', { category: 'land_resources', locationArea: '西山镇' });
  await accept(m.M10!, '区自然资源局');
  // M11 received Sun 09-20, accepted Mon 09-21 (handling due 11-20), never concluded.
  at('2026-09-20');
  await register('M11', { category: 'transport' });
  at('2026-09-21');
  await accept(m.M11!, '区交通局');

  // October (the previous period): three visits, eight people, one group of six.
  at('2026-10-17'); // M3: written answer due 11-01 (Sun) → 11-02; never decided.
  await register('M3', { category: 'health' });
  at('2026-10-20', '09:30'); // M1: written answer due 11-04; accepted 10-22 (in time).
  const a = await register('M1', { category: 'urban_construction' });
  at('2026-10-22');
  await accept(m.M1!, '区住建局');
  at('2026-10-30', '09:00'); // an October ticket, never called
  await clerk.call('queue.issue', { laneId: LANE.A });
  at('2026-10-31', '23:59'); // M2: a group of six at 23:59 hall time belongs to 31 October; answer due 11-15 (Sun) → 11-16
  const b = await register('M2', { peopleCount: 6, representatives: [rep()], category: 'labour_social_security' });

  // November.
  at('2026-11-01', '00:01'); // M4: answered on the spot, 满意
  await register('M4', { category: 'education', locationArea: '西山镇' });
  await answer(m.M4!);
  at('2026-11-02'); // A again about M1, two people: a repeat
  await register('V5', { idNumber: a.idNumber, matterId: m.M1!, peopleCount: 2, category: 'urban_construction' });
  at('2026-11-03');
  await evaluate(m.M4!, 'satisfied');
  at('2026-11-05'); // B's group again, five people, 越级: a repeat group visit
  await register('V6', {
    idNumber: b.idNumber,
    matterId: m.M2!,
    peopleCount: 5,
    representatives: [rep()],
    skipLevel: true,
    category: 'labour_social_security',
  });
  at('2026-11-10'); // M7 registered as 城乡建设, corrected to 生态环境; accepted the same day (answer due 11-25)
  const e = await register('M7', { category: 'urban_construction' });
  await clerk.call('visits.correct', {
    visitId: e.id,
    expectedVersion: e.version,
    reason: '分类登记错误',
    changes: { ...visitInput(), name: e.name, category: 'environment', representatives: [] },
  });
  await accept(m.M7!, '区住建局');
  await act(clerk, m.M10!, { action: 'conclude', opinion: OPINION });
  await evaluate(m.M10!, 'basic');
  at('2026-11-12');
  await act(wang, m.M1!, { action: 'lead', leaderId: wangId });
  at('2026-11-15');
  await act(wang, m.M7!, { action: 'lead', leaderId: wangId });
  at('2026-11-18'); // M2 forwarded two days after its written answer fell due
  await act(clerk, m.M2!, { action: 'decide', decision: 'forwarded', unit: '区人社局', reason: '属区人社局职权' });

  // 11-20 (Friday): eight 咨询 answered on the spot; three tickets at 09:00.
  at('2026-11-20', '08:30');
  const evals = ['satisfied', 'satisfied', 'satisfied', 'basic', 'basic', 'unsatisfied', 'none', null] as const;
  for (let i = 0; i < 8; i++) {
    await register(`H${i}`, { purpose: 'consultation', category: 'civil_affairs', locationArea: '东湖街道' });
    await answer(m[`H${i}`]!);
    if (evals[i]) await evaluate(m[`H${i}`]!, evals[i]!);
  }
  await act(wang, m.M1!, { action: 'resolve', resolution: 'resolved', reason: '已落实补贴，来访人息诉' });
  await act(wang, m.M7!, { action: 'resolve', resolution: 'unresolved', reason: '仍在协调相关部门' });
  // A booking made and cancelled: it counts nowhere.
  const s = await hall.admin.call('roster.save', {
    id: null,
    leaderId: wangId,
    date: '2026-11-20',
    start: '14:00',
    end: '16:00',
    roomId: ROOM1,
    topics: '城建',
    lawyer: '',
    slotMinutes: 30,
    expectedVersion: null,
  });
  await hall.admin.call('roster.setStatus', { sessionId: s.id, status: 'published', reason: '' });
  const booking = await clerk.call('reception.schedule', { visitId: v.H0!, sessionId: s.id, kind: 'walk_in' });
  await clerk.call('reception.cancel', { bookingId: booking.id, reason: '来访人已离开' });

  at('2026-11-20', '09:00');
  for (let i = 0; i < 3; i++) await clerk.call('queue.issue', { laneId: LANE.A });
  at('2026-11-20', '09:10'); // T1 waited 10 min, served 10 min
  await clerk.call('queue.callNext', { deskId: DESK[1] });
  at('2026-11-20', '09:20');
  await clerk.call('queue.finish', { deskId: DESK[1] });
  await clerk.call('queue.callNext', { deskId: DESK[1] }); // T2 waited 20 min, then 过号
  at('2026-11-20', '09:22');
  await clerk.call('queue.recall', { deskId: DESK[1] });
  await clerk.call('queue.noShow', { deskId: DESK[1] });
  at('2026-11-20', '09:30'); // T3 waited 30 min, served 15 min
  await clerk.call('queue.callNext', { deskId: DESK[1] });
  at('2026-11-20', '09:45');
  await clerk.call('queue.finish', { deskId: DESK[1] });

  at('2026-11-30', '23:59'); // M8: 23:59 on the last day of November belongs to November; 未参评
  await register('M8', { purpose: 'consultation', category: 'education' });
  await answer(m.M8!);
  await evaluate(m.M8!, 'none');
  at('2026-12-01', '00:00'); // M9: December
  await register('M9');
  at('2026-12-01', '10:00');
}, 120_000);
afterAll(() => hall.close());

const fig = (s: Awaited<ReturnType<typeof summary>>, key: string) => {
  const f = s.figures.find((x) => x.key === key)!;
  return {
    n: f.numerator,
    d: f.denominator,
    prev: [f.previous.numerator, f.previous.denominator],
    ly: [f.lastYear.numerator, f.lastYear.denominator],
  };
};
const summary = () => wang.call('stats.summary', NOV);

describe('the November summary of the fixture district', () => {
  it('volume: 13 visits, 18 people; October 3 visits, 8 people; November 2025 nothing', async () => {
    const s = await summary();
    expect(s.previous).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(s.lastYear).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    // M4, V5, V6, M7, M8 and eight 咨询 (H0–H7); 1+2+5+1+1+8 people.
    expect(fig(s, 'visits')).toEqual({ n: 13, d: null, prev: [3, null], ly: [0, null] });
    expect(fig(s, 'people')).toEqual({ n: 18, d: null, prev: [8, null], ly: [0, null] });
    expect(fig(s, 'group_visits')).toEqual({ n: 1, d: null, prev: [1, null], ly: [0, null] });
    expect(fig(s, 'group_people')).toEqual({ n: 5, d: null, prev: [6, null], ly: [0, null] });
    expect(fig(s, 'first_visits')).toEqual({ n: 11, d: null, prev: [3, null], ly: [0, null] });
    expect(fig(s, 'repeat_visits')).toEqual({ n: 2, d: null, prev: [0, null], ly: [0, null] });
    expect(fig(s, 'skip_level')).toEqual({ n: 1, d: null, prev: [0, null], ly: [0, null] });
    expect(fig(s, 'repeat_share')).toEqual({ n: 2, d: 13, prev: [0, 3], ly: [0, 0] });
    expect(s.trend.find((t) => t.date === '2026-11-30')).toEqual({ date: '2026-11-30', visits: 1, people: 1 });
    expect(s.trend.find((t) => t.date === '2026-11-20')).toEqual({ date: '2026-11-20', visits: 8, people: 8 });
    expect(s.trend).toHaveLength(30);
  });

  it('breakdowns by 内容分类 (after the correction) and 责任单位', async () => {
    const s = await summary();
    expect(s.breakdowns.category.map((b) => [b.code, b.visits, b.people])).toEqual([
      ['civil_affairs', 8, 8],
      ['education', 2, 2],
      // ties at one visit in pinyin order of the label: 城乡建设, 劳动和社会保障, 生态环境
      ['urban_construction', 1, 2],
      ['labour_social_security', 1, 5],
      ['environment', 1, 1],
    ]);
    expect(s.breakdowns.unit.map((b) => [b.label, b.visits, b.people])).toEqual([
      ['未定责任单位', 10, 10],
      ['区住建局', 2, 3],
      ['区人社局', 1, 5],
    ]);
  });

  it('the rates, numerator over denominator', async () => {
    const s = await summary();
    // Written answers due in November: M1 (11-04, decided 10-22 ✓), M3 (11-02, undecided ✗), M2 (11-16, decided 11-18 ✗),
    // M4 (11-16, answered 11-01 ✓), M7 (11-25, decided 11-10 ✓). In October only M11 (10-05, decided 09-21 ✓).
    expect(fig(s, 'timely_reply')).toEqual({ n: 3, d: 5, prev: [1, 1], ly: [0, 0] });
    // Handling due in November: M10 (11-16, concluded 11-10 ✓), M11 (11-20 ✗).
    expect(fig(s, 'on_time_conclusion')).toEqual({ n: 1, d: 2, prev: [0, 0], ly: [0, 0] });
    // Concluded in November: M4, M10, H0–H7, M8 = 11; evaluated other than 未参评: M4, M10, H0–H5 = 8.
    expect(fig(s, 'evaluation_rate')).toEqual({ n: 8, d: 11, prev: [0, 0], ly: [0, 0] });
    // 满意 or 基本满意 of those 8: M4, M10, H0–H4 = 7 (H5 不满意).
    expect(fig(s, 'satisfaction')).toEqual({ n: 7, d: 8, prev: [0, 0], ly: [0, 0] });
    // 包案 in November: M1 (化解), M7 (未化解).
    expect(fig(s, 'lead_resolution')).toEqual({ n: 1, d: 2, prev: [0, 0], ly: [0, 0] });
  });

  it('overdue today (12-01) by unit: every matter whose written answer was never delivered and is past due', async () => {
    const s = await summary();
    // M1 (11-04) and M7 (11-25) 区住建局; M2 (11-16) 区人社局; M3 (11-02) no unit; M10 (09-30); M11 (10-05).
    expect(s.overdueByUnit.map((o) => [o.label, o.count])).toEqual([
      ['区住建局', 2],
      ['区交通局', 1],
      ['区人社局', 1],
      ['区自然资源局', 1],
      ['未定责任单位', 1],
    ]);
  });

  it('hall operations: waits 10/20/30 min, service 10/15 min, one 过号 of three called, Friday 9 o’clock', async () => {
    const s = await summary();
    expect(fig(s, 'tickets')).toEqual({ n: 3, d: null, prev: [1, null], ly: [0, null] });
    expect(fig(s, 'no_show')).toEqual({ n: 1, d: 3, prev: [0, 0], ly: [0, 0] });
    expect(s.hall.all).toEqual({ called: 3, waitP50: 20, waitP90: 30, served: 2, serviceP50: 10, serviceP90: 15 });
    expect(s.hall.byDesk).toHaveLength(1);
    expect(s.hall.load[5]![9]).toBe(3);
    expect(s.hall.load.flat().reduce((x, y) => x + y, 0)).toBe(3);
  });

  it('names nobody in the summary', async () => {
    const text = JSON.stringify(await summary());
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain('李代表');
    expect(text).not.toContain('测试');
  });
});

describe('drill lists and access', () => {
  it('lists the visits, matters or tickets behind a number', async () => {
    const repeats = await wang.call('stats.drill', { ...NOV, figure: 'repeat_visits' });
    expect(repeats.total).toBe(2);
    expect(repeats.kind === 'visits' && repeats.rows.map((r) => r.id)).toEqual([v.V5, v.V6]);
    const env = await wang.call('stats.drill', { ...NOV, figure: 'category', key: 'environment' });
    expect(env.kind === 'visits' && env.rows.map((r) => r.id)).toEqual([v.M7]);
    const timely = await wang.call('stats.drill', { ...NOV, figure: 'timely_reply' });
    expect(timely.total).toBe(5);
    expect(timely.kind === 'matters' && Object.fromEntries(timely.rows.map((r) => [r.id, r.counted]))).toEqual({
      [m.M1!]: true,
      [m.M2!]: false,
      [m.M3!]: false,
      [m.M4!]: true,
      [m.M7!]: true,
    });
    const overdue = await wang.call('stats.drill', { ...NOV, figure: 'overdue', key: '区住建局' });
    expect(overdue.kind === 'matters' && overdue.rows.map((r) => r.id).sort()).toEqual([m.M1!, m.M7!].sort());
    const noShow = await wang.call('stats.drill', { ...NOV, figure: 'no_show' });
    expect(noShow.kind === 'tickets' && noShow.rows.map((r) => r.status).sort()).toEqual(['done', 'done', 'no_show']);
  });

  it('a clerk sees today only; the administrator any period', async () => {
    const err = await clerk.fail('stats.summary', NOV);
    expect(err).toMatchObject({ code: 'FORBIDDEN', message: '登记员只能查看当日大厅统计' });
    expect((await clerk.fail('stats.drill', { ...NOV, figure: 'visits' })).code).toBe('FORBIDDEN');
    const today = await clerk.call('stats.summary', { from: '2026-12-01', to: '2026-12-01' });
    expect(today.figures.find((f) => f.key === 'visits')!.numerator).toBe(1);
    expect((await hall.admin.call('stats.summary', NOV)).figures.find((f) => f.key === 'visits')!.numerator).toBe(13);
  });
});
