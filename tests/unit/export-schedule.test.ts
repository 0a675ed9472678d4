// The export schedule picker's words ↔ cron, and the next run times the screen shows, which
// come from the scheduler's own croner jobs (exportCron) in hall time.
import { describe, expect, it } from 'vitest';
import { cronToRule, describeRule, nextRuns, ruleProblem, ruleToCron, type ScheduleRule } from '@shared/domain/export-schedule';
import { DEFAULT_EXPORT_SETTINGS } from '@shared/api/schemas/export';
import { nextScheduledRun } from '../../electron/backend/services/export/settings';

/** Hall time (UTC+8) as "MM-DD HH:mm 周X". */
const hall = (d: Date) => {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(5, 10)} ${s.slice(11, 16)} 周${'日一二三四五六'[new Date(s.slice(0, 10)).getUTCDay()]}`;
};

describe('picker rules and cron', () => {
  it('writes each kind of rule as the cron the scheduler runs', () => {
    expect(ruleToCron({ kind: 'daily', days: 'every', time: '17:30' })).toBe('30 17 * * *');
    expect(ruleToCron({ kind: 'daily', days: 'workdays', time: '08:05' })).toBe('5 8 * * 1-5');
    expect(ruleToCron({ kind: 'interval', days: 'every', every: 30, fromHour: 8, toHour: 17 })).toBe('0,30 8-16 * * *');
    expect(ruleToCron({ kind: 'interval', days: 'workdays', every: 15, fromHour: 9, toHour: 10 })).toBe('0,15,30,45 9 * * 1-5');
    expect(ruleToCron({ kind: 'interval', days: 'every', every: 60, fromHour: 8, toHour: 18 })).toBe('0 8-17 * * *');
    expect(ruleToCron({ kind: 'custom', cron: ' 15 8 1 * * ' })).toBe('15 8 1 * *');
  });

  it('reads the default schedule back as the picker would have written it, and says it in Chinese', () => {
    const rules = DEFAULT_EXPORT_SETTINGS.schedules.map(cronToRule);
    expect(rules).toEqual([
      { kind: 'interval', days: 'every', every: 30, fromHour: 8, toHour: 17 },
      { kind: 'daily', days: 'every', time: '17:30' },
    ]);
    expect(rules.map(describeRule)).toEqual(['每天 08:00 至 17:00 每隔 30 分钟（末次 16:30）', '每天 17:30']);
    expect(describeRule(cronToRule('0 9 * * 1-5'))).toBe('工作日（周一至周五） 09:00');
  });

  it('round-trips every rule it writes; anything else stays 自定义 with its text', () => {
    const rules: ScheduleRule[] = [
      { kind: 'daily', days: 'workdays', time: '00:00' },
      { kind: 'daily', days: 'every', time: '23:59' },
      ...([5, 10, 15, 20, 30, 60] as const).map((every): ScheduleRule => ({
        kind: 'interval',
        days: 'workdays',
        every,
        fromHour: 7,
        toHour: 19,
      })),
    ];
    for (const r of rules) expect(cronToRule(ruleToCron(r))).toEqual(r);
    expect(cronToRule('*/20 8-11 * * *')).toEqual({ kind: 'interval', days: 'every', every: 20, fromHour: 8, toHour: 12 });
    for (const odd of ['15 8 1 * *', '0,25 8-16 * * *', '0 8 * * 6', '0,30 16-8 * * *', '@daily', '0 8 * 12 *'])
      expect(cronToRule(odd)).toEqual({ kind: 'custom', cron: odd });
  });

  it('refuses a rule it cannot write, naming the field', () => {
    expect(ruleProblem({ kind: 'daily', days: 'every', time: '25:00' })).toContain('时间');
    expect(ruleProblem({ kind: 'interval', days: 'every', every: 30, fromHour: 17, toHour: 8 })).toContain('结束时间');
    expect(ruleProblem({ kind: 'interval', days: 'every', every: 30, fromHour: 8, toHour: 17 })).toBeNull();
  });
});

describe('the next runs shown are the scheduler’s', () => {
  // Friday 2026-11-27 16:20 in the hall.
  const friday = new Date('2026-11-27T08:20:00Z');

  it('merges every expression in hall time: the default schedule after a Friday 16:20', () => {
    expect(nextRuns(DEFAULT_EXPORT_SETTINGS.schedules, friday, 5).map(hall)).toEqual([
      '11-27 16:30 周五',
      '11-27 17:30 周五',
      '11-28 08:00 周六',
      '11-28 08:30 周六',
      '11-28 09:00 周六',
    ]);
    expect(nextScheduledRun(DEFAULT_EXPORT_SETTINGS.schedules, friday)).toEqual(nextRuns(DEFAULT_EXPORT_SETTINGS.schedules, friday, 1)[0]);
  });

  it('工作日 skips the weekend (Monday to Friday by the week, not the holiday calendar)', () => {
    const workdays = [ruleToCron({ kind: 'daily', days: 'workdays', time: '09:00' })];
    expect(nextRuns(workdays, friday, 3).map(hall)).toEqual(['11-30 09:00 周一', '12-01 09:00 周二', '12-02 09:00 周三']);
    // New Year's Day 2027 is a Friday: the scheduler still runs then (it reads no holiday calendar).
    expect(nextRuns(workdays, new Date('2026-12-31T02:00:00Z'), 1).map(hall)).toEqual(['01-01 09:00 周五']);
  });

  it('an instant two expressions share is one run; an expression that does not parse never runs', () => {
    expect(nextRuns(['0 9 * * *', '0 9 * * 1-5', 'not cron'], friday, 2).map(hall)).toEqual(['11-28 09:00 周六', '11-29 09:00 周日']);
  });
});
