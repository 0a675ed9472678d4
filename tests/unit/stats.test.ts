// 统计分析 on a fixture district built through the real API: visits across the
// October/November boundary (one at 23:59 hall time on 31 October, one at 23:59
// on 30 November, one at 00:00 on 1 December), a group, a repeat, a 越级访, a
// corrected visit, a cancelled booking, decisions, conclusions, evaluations,
// 包案 and queue calls. Every expected figure below is counted by hand from the
// story in the comments, not by the code under test.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Client, TestHall } from '../support/backend';
import { buildStatsDistrict } from '../support/stats-district';

const NOV = { from: '2026-11-01', to: '2026-11-30' };

let hall: TestHall;
let clerk: Client;
let wang: Client;
let m: Record<string, string>;
let v: Record<string, string>;

beforeAll(async () => {
  ({ hall, clerk, wang, m, v } = await buildStatsDistrict());
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
    // Every call was the one clerk's: the per-clerk row repeats the hall's figures under the clerk's name.
    expect(s.hall.byClerk).toEqual([
      { id: expect.any(String), name: '测试clerk1', called: 3, waitP50: 20, waitP90: 30, served: 2, serviceP50: 10, serviceP90: 15 },
    ]);
    expect(s.hall.load[5]![9]).toBe(3);
    expect(s.hall.load.flat().reduce((x, y) => x + y, 0)).toBe(3);
  });

  it('names no petitioner in the summary, and staff only in the per-clerk rows', async () => {
    const s = await summary();
    const text = JSON.stringify({ ...s, hall: { ...s.hall, byClerk: [] } });
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
    // Yesterday, or today with yesterday, is another range: refused too.
    for (const range of [
      { from: '2026-11-30', to: '2026-11-30' },
      { from: '2026-11-30', to: '2026-12-01' },
    ])
      expect((await clerk.fail('stats.summary', range)).code).toBe('FORBIDDEN');
    const today = await clerk.call('stats.summary', { from: '2026-12-01', to: '2026-12-01' });
    expect(today.figures.find((f) => f.key === 'visits')!.numerator).toBe(1);
    // A clerk's 今日大厅 shows the hall's times, not colleagues' rows.
    expect(today.hall.byClerk).toEqual([]);
    expect((await hall.admin.call('stats.summary', NOV)).figures.find((f) => f.key === 'visits')!.numerator).toBe(13);
  });
});
