import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../electron/backend/services/calendar/calendar';
import { replyDue } from '@shared/domain/deadlines';
import { type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
});

const national = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({
  date,
  kind: 'holiday' as const,
  name: '国庆节',
}));

describe('holiday calendar', () => {
  it('the administrator enters a year; deadlines count with it; a clerk may read but not change it', async () => {
    expect(replyDue('2026-09-16', await holidayCalendar(hall.backend.deps.db))).toBe('2026-10-01');
    await hall.admin.call('calendar.save', { year: 2026, days: [...national, { date: '2026-10-10', kind: 'workday', name: '国庆调休' }] });
    expect(replyDue('2026-09-16', await holidayCalendar(hall.backend.deps.db))).toBe('2026-10-08');
    expect((await clerk.call('calendar.year', { year: 2026 })).map((d) => d.kind)).toEqual([...national.map(() => 'holiday'), 'workday']);
    expect((await clerk.fail('calendar.save', { year: 2026, days: [] })).code).toBe('FORBIDDEN');
  });

  it('refuses a date outside the year or entered twice, and keeps what was saved', async () => {
    await hall.admin.call('calendar.save', { year: 2026, days: national });
    const err = await hall.admin.fail('calendar.save', {
      year: 2026,
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, national[0], national[0]],
    });
    expect(err.fields?.['days.0.date']).toContain('不在 2026 年内');
    expect(err.fields?.['days.2.date']).toContain('重复');
    expect(await hall.admin.call('calendar.year', { year: 2026 })).toHaveLength(7);
  });
});
