import { z } from '../zod-setup';
import { text } from './common';

export const CALENDAR_KINDS = [
  { code: 'holiday', label: '放假' },
  { code: 'workday', label: '调休上班' },
] as const;

const year = z.number().int().min(2000, '年份不正确').max(2100, '年份不正确');

export const calendarYearInput = z.object({ year });

export const saveCalendarInput = z
  .object({
    year,
    days: z
      .array(
        z.object({
          date: z.iso.date(),
          kind: z.enum(['holiday', 'workday'], { error: '请选择放假或调休上班' }),
          name: text('名称', { max: 20 }).default(''),
        }),
      )
      .max(366),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.days.forEach((d, i) => {
      if (!d.date.startsWith(`${v.year}-`))
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `${d.date} 不在 ${v.year} 年内` });
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `${d.date} 重复` });
      seen.add(d.date);
    });
  });

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}
