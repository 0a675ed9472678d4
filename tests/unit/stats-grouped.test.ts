// The summary counts in SQL, grouped (services/stats/rows.ts); the drill lists
// read the rows behind a number one by one and apply the same rules to each.
// On the fixture district, for periods that cut through its story (a day, a
// week, the months, the whole autumn), every figure of the summary must equal
// what its drill list holds: the grouped counting may not drift from the rows.
// And one case only the grouped path meets: a ticket put back after 过号 (its
// call_count is 0 again, its calls remain) still counts as called.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRILL_LIMIT, type StatsDrill } from '@shared/api/schemas/stats';
import { FIGURES } from '@shared/domain/stats';
import { hallHour, hallMinutes } from '@shared/time';
import type { Client, TestHall } from '../support/backend';
import { DESK, LANE } from '../support/queue';
import { buildStatsDistrict } from '../support/stats-district';

let hall: TestHall;
let clerk: Client;
let wang: Client;

beforeAll(async () => {
  ({ hall, clerk, wang } = await buildStatsDistrict());
}, 120_000);
afterAll(() => hall.close());

const PERIODS = [
  { from: '2026-11-20', to: '2026-11-20' }, // the busy Friday
  { from: '2026-11-16', to: '2026-11-22' }, // its week
  { from: '2026-10-01', to: '2026-10-31' },
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2026-09-01', to: '2026-12-31' }, // the whole story
];

const peopleOf = (d: StatsDrill) => (d.kind === 'visits' ? d.rows.reduce((a, r) => a + r.peopleCount, 0) : NaN);

describe('every figure equals the rows its drill list holds', () => {
  for (const p of PERIODS)
    it(`${p.from} – ${p.to}`, async () => {
      const s = await wang.call('stats.summary', p);
      let nonZero = 0;
      for (const f of FIGURES) {
        const got = s.figures.find((x) => x.key === f.key)!;
        const d = await wang.call('stats.drill', { ...p, figure: f.key });
        expect(d.total).toBeLessThan(DRILL_LIMIT);
        const what = `${f.key} ${p.from}–${p.to}`;
        if (f.key === 'people' || f.key === 'group_people') expect(peopleOf(d), what).toBe(got.numerator);
        else if (f.denominator === null) expect(d.total, what).toBe(got.numerator);
        else if (d.kind === 'matters') {
          expect(d.total, what).toBe(got.denominator);
          expect(d.rows.filter((r) => r.counted).length, what).toBe(got.numerator);
        } else if (d.kind === 'tickets') {
          expect(d.total, what).toBe(got.denominator);
          expect(d.rows.filter((r) => r.status === 'no_show').length, what).toBe(got.numerator);
        } else {
          // 重复访占比 drills to the repeat visits (its numerator); its denominator is 来访批次.
          expect(d.total, what).toBe(got.numerator);
          expect(got.denominator, what).toBe(s.figures.find((x) => x.key === 'visits')!.numerator);
        }
        if (got.numerator > 0) nonZero++;
      }
      for (const [by, rows] of Object.entries(s.breakdowns))
        for (const b of rows) {
          const d = await wang.call('stats.drill', { ...p, figure: by as keyof typeof s.breakdowns, key: b.code });
          expect([d.total, peopleOf(d)], `${by} ${b.code}`).toEqual([b.visits, b.people]);
        }
      // The trend adds up to the period's visits and people.
      const sum = s.trend.reduce((a, t) => [a[0]! + t.visits, a[1]! + t.people], [0, 0]);
      expect(sum).toEqual([s.figures[0]!.numerator, s.figures[1]!.numerator]);
      expect(nonZero).toBeGreaterThan(2);
    });
});

describe('tickets counted grouped (环比) and one by one (the period) agree', () => {
  it('a ticket put back after 过号 was called: 过号率 0/1 on its day, as the next day’s 环比 too', async () => {
    // 12-01 (the hall's today): one ticket called twice, marked 过号, then put back in line (call_count back to 0).
    await clerk.call('queue.issue', { laneId: LANE.A });
    await clerk.call('queue.callNext', { deskId: DESK[1] });
    await clerk.call('queue.recall', { deskId: DESK[1] });
    const t = await clerk.call('queue.noShow', { deskId: DESK[1] });
    await clerk.call('queue.requeue', { ticketId: t.id });
    const day = { from: '2026-12-01', to: '2026-12-01' };
    const fig = (s: Awaited<ReturnType<typeof summary>>, key: string) => s.figures.find((f) => f.key === key)!;
    const summary = (p: typeof day) => wang.call('stats.summary', p);
    const today = await summary(day);
    expect([fig(today, 'tickets').numerator, fig(today, 'no_show').numerator, fig(today, 'no_show').denominator]).toEqual([1, 0, 1]);
    expect(today.hall.all.called).toBe(1);
    const next = await summary({ from: '2026-12-02', to: '2026-12-02' });
    expect(next.previous).toEqual(day);
    expect([
      fig(next, 'tickets').previous.numerator,
      fig(next, 'no_show').previous.numerator,
      fig(next, 'no_show').previous.denominator,
    ]).toEqual([1, 0, 1]);
  });
});

describe('hallHour', () => {
  it('is the hour of hallMinutes, across midnight and the whole day', () => {
    for (let h = 0; h < 48; h++) {
      const iso = new Date(Date.UTC(2026, 10, 23, h, 59, 59, 999)).toISOString();
      expect(hallHour(iso), iso).toBe(Math.floor(hallMinutes(iso) / 60));
    }
    expect(hallHour('2026-11-23T16:00:00.000Z')).toBe(0); // midnight in the hall is 0, not 24
    expect(hallHour('2026-11-23T15:59:59.999Z')).toBe(23);
  });
});
