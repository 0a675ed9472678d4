import { describe, expect, it } from 'vitest';
import { nextByRatio, orderQueue, pickNext, type Candidate } from '../../electron/backend/services/queue/ordering';
import { announcement, chineseNumber, formatTicketNo } from '@shared/domain/queue';

let n = 0;
function t(id: string, minute: number, opts: { priority?: string; appointment?: number } = {}): Candidate {
  const iso = (m: number) => new Date(Date.UTC(2026, 10, 24, 1, m)).toISOString();
  return {
    id,
    priority: opts.priority ?? null,
    appointmentAt: opts.appointment === undefined ? null : iso(opts.appointment),
    queuedAt: iso(minute),
    number: ++n,
  };
}
const NOW = new Date(Date.UTC(2026, 10, 24, 1, 30)).toISOString();
const ids = (c: Candidate[]) => c.map((x) => x.id);

describe('call order', () => {
  const line = [
    t('o1', 1),
    t('o2', 2),
    t('p1', 3, { priority: 'elderly' }),
    t('o3', 4),
    t('o4', 5),
    t('p2', 6, { priority: 'military' }),
    t('o5', 7),
  ];

  it('strict priority: every priority ticket first, each class in order of issue', () => {
    expect(ids(orderQueue(line, { kind: 'strict_priority' }, 0, NOW))).toEqual(['p1', 'p2', 'o1', 'o2', 'o3', 'o4', 'o5']);
  });

  it('ratio 2:1: two ordinary, then one priority, repeating', () => {
    expect(ids(orderQueue(line, { kind: 'ratio', ordinary: 2, priority: 1 }, 0, NOW))).toEqual(['o1', 'o2', 'p1', 'o3', 'o4', 'p2', 'o5']);
  });

  it('ratio continues from where the desk stands in its cycle', () => {
    // The desk already called two ordinary tickets: a priority ticket is due now.
    expect(ids(orderQueue(line, { kind: 'ratio', ordinary: 2, priority: 1 }, 2, NOW)).slice(0, 2)).toEqual(['p1', 'o1']);
  });

  it('ratio falls back to the other class when the wanted one is empty, without owing it later', () => {
    const onlyPriority = [t('p1', 1, { priority: 'pregnant' }), t('p2', 2, { priority: 'disabled' })];
    expect(ids(orderQueue(onlyPriority, { kind: 'ratio', ordinary: 2, priority: 1 }, 0, NOW))).toEqual(['p1', 'p2']);
    expect(nextByRatio({ ordinary: 2, priority: 1 }, 0, true, false)).toEqual({ takePriority: true, nextPosition: 0 });
    expect(nextByRatio({ ordinary: 2, priority: 1 }, 2, true, true)).toEqual({ takePriority: true, nextPosition: 0 });
    expect(nextByRatio({ ordinary: 3, priority: 2 }, 3, true, true)).toEqual({ takePriority: true, nextPosition: 4 });
  });

  it('checked-in appointments come first at their time, and wait until then', () => {
    const withAppointments = [
      t('o1', 1),
      t('y-late', 2, { appointment: 45 }),
      t('y-due', 3, { appointment: 20 }),
      t('p1', 4, { priority: 'elderly' }),
    ];
    expect(ids(orderQueue(withAppointments, { kind: 'strict_priority' }, 0, NOW))).toEqual(['y-due', 'p1', 'o1', 'y-late']);
  });

  it('within equals, order of issue (a requeued no-show goes behind those already waiting)', () => {
    const line2 = [t('b', 10), t('a', 5), t('requeued', 20)];
    expect(ids(orderQueue(line2, { kind: 'strict_priority' }, 0, NOW))).toEqual(['a', 'b', 'requeued']);
  });
});

describe('call-next from the heads of the classes', () => {
  // What db/queries/tickets.ts nextCandidates returns: the first of each class.
  const headsOf = (all: Candidate[]) => {
    const appointments = orderQueue(
      all.filter((c) => c.appointmentAt !== null),
      { kind: 'strict_priority' },
      0,
      NOW,
    );
    const rest = all.filter((c) => c.appointmentAt === null);
    const first = (xs: Candidate[]) => orderQueue(xs, { kind: 'strict_priority' }, 0, NOW).slice(0, 1);
    return [
      ...appointments.slice(0, 1),
      ...first(rest.filter((c) => c.priority !== null)),
      ...first(rest.filter((c) => c.priority === null)),
    ];
  };

  it('picks what the whole order puts first, and moves the ratio cycle the same way', () => {
    let seed = 7;
    const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
    const rules = [{ kind: 'strict_priority' as const }, { kind: 'ratio' as const, ordinary: 2, priority: 1 }];
    for (let round = 0; round < 300; round++) {
      const all = Array.from({ length: rand(12) }, (_, i) =>
        t(`t${round}-${i}`, rand(60), {
          priority: rand(4) === 0 ? 'elderly' : undefined,
          appointment: rand(5) === 0 ? rand(60) : undefined,
        }),
      );
      for (const rule of rules) {
        const pos = rand(3);
        const whole = orderQueue(all, rule, pos, NOW)[0];
        const pick = pickNext(headsOf(all), rule, pos, NOW);
        expect(pick?.next.id).toBe(whole?.id);
        if (!pick || rule.kind !== 'ratio' || pick.next.appointmentAt !== null) continue;
        const rest = all.filter((c) => c.appointmentAt === null);
        const step = nextByRatio(
          rule,
          pos,
          rest.some((c) => c.priority !== null),
          rest.some((c) => c.priority === null),
        );
        expect(pick.ratioPosition).toBe(step.nextPosition);
      }
    }
  });
});

describe('announcement', () => {
  it('reads ticket digits one by one and the desk number as a number', () => {
    expect(announcement('A012', 3)).toEqual({ text: '请 A012 号到 3 号窗口', speech: '请，A零一二号，到三号窗口' });
    expect(announcement('L105', 12).speech).toBe('请，L一零五号，到十二号窗口');
    expect(announcement('L003', 2, 'room')).toEqual({ text: '请 L003 号到 2 号接谈室', speech: '请，L零零三号，到二号接谈室' });
    expect([1, 10, 11, 20, 45, 99].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '四十五', '九十九']);
    expect(formatTicketNo('B', 7)).toBe('B007');
    expect(formatTicketNo('B', 1234)).toBe('B1234');
  });
});
