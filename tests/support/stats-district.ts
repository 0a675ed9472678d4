// The 统计分析 fixture district (tests/unit/stats.test.ts and stats-report.test.ts),
// built through the real API: visits across the October/November boundary (one at 23:59 hall time on 31 October, one at 23:59
// on 30 November, one at 00:00 on 1 December), a group, a repeat, a 越级访, a
// corrected visit, a cancelled booking, decisions, conclusions, evaluations,
// 包案 and queue calls. Every expected figure in the tests is counted by hand from
// the story in the comments, not by the code under test.
import type { InputOf } from '@shared/api/contract';
import { hallDate } from '@shared/time';
import { openHall, residentId, visitInput, type Client, type TestHall } from './backend';
import { DESK, LANE } from './queue';
import { publishedSession } from './roster';

type Act = InputOf<'matters.act'>;
type ActBody = { [K in Act['action']]: Omit<Extract<Act, { action: K }>, 'matterId' | 'version' | 'on'> }[Act['action']];

export interface StatsDistrict {
  hall: TestHall;
  clerk: Client;
  wang: Client;
  wangId: string;
  /** Matter ids by the story's names (M1…M11, H0…H7). */
  m: Record<string, string>;
  /** Visit ids by the story's names. */
  v: Record<string, string>;
}

const OPINION = { facts: '经核实情况属实', reasons: '符合相关政策', decision: '予以支持', basis: '' };

/** Builds the district through the real API; the hall clock is left at 2026-12-01 10:00 hall time. */
export async function buildStatsDistrict(): Promise<StatsDistrict> {
  const m: Record<string, string> = {};
  const v: Record<string, string> = {};
  const hall = await openHall({ start: new Date('2026-09-15T01:00:00Z') });
  const clerk = await hall.as('clerk');
  const wang = await hall.as('leader', 'wang');
  const wangId = (await hall.admin.call('users.list', {})).find((u) => u.username === 'wang')!.id;
  // wang takes on matters across the hall (包案): allowed every queue by the administrator.
  await hall.admin.call('users.setQueueScope', { userId: wangId, seesAllQueues: true });
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
  async function act(c: Client, matterId: string, body: ActBody) {
    const cur = await c.call('matters.get', { matterId });
    return c.call('matters.act', { matterId, version: cur.version, on: hallDate(hall.clock.now), ...body } as Act);
  }
  const accept = (id: string, unit: string) => act(clerk, id, { action: 'decide', decision: 'accepted', unit });
  const answer = (id: string) => act(clerk, id, { action: 'decide', decision: 'answered' });
  const evaluate = (id: string, evaluation: 'satisfied' | 'basic' | 'unsatisfied' | 'none') =>
    act(clerk, id, { action: 'evaluate', evaluation, via: 'phone' });

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
  const s = await publishedSession(hall.admin, wangId, '2026-11-20', { start: '14:00', end: '16:00', topics: '城建' });
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
  return { hall, clerk, wang, wangId, m, v };
}
