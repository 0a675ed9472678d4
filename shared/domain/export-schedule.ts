// The export schedule in words (导出设置's picker): 每天 HH:mm, 工作日 HH:mm, or 每隔 N 分钟
// between two hours (每天 or 工作日), written as the five-field cron expressions the
// scheduler runs, and read back from them; anything else stays a raw 自定义 expression.
// The next run times come from croner with the scheduler's own options (exportCron), so
// what the screen shows is what runs.
//
// 工作日 here is Monday to Friday (cron's day-of-week 1-5). The scheduler follows cron
// only: it does not read the holiday calendar (节假日), so a public holiday on a weekday
// still gets its runs (they send nothing when nothing is new) and a 调休 Saturday gets none.
import { exportCron } from '../api/schemas/export';

export type ScheduleDays = 'every' | 'workdays';

/** Interval lengths that divide an hour evenly, so every hour runs at the same minutes. */
export const INTERVAL_MINUTES = [5, 10, 15, 20, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];

export type ScheduleRule =
  | { kind: 'daily'; days: ScheduleDays; time: string }
  /** Runs at minutes 0, N, 2N… of each hour from `fromHour`:00 until before `toHour`:00. */
  | { kind: 'interval'; days: ScheduleDays; every: IntervalMinutes; fromHour: number; toHour: number }
  | { kind: 'custom'; cron: string };

const pad = (n: number) => String(n).padStart(2, '0');
const dow = (days: ScheduleDays) => (days === 'workdays' ? '1-5' : '*');

export function ruleToCron(rule: ScheduleRule): string {
  switch (rule.kind) {
    case 'custom':
      return rule.cron.trim();
    case 'daily': {
      const [h, m] = rule.time.split(':').map(Number);
      return `${m} ${h} * * ${dow(rule.days)}`;
    }
    case 'interval': {
      const minutes = rule.every === 60 ? '0' : Array.from({ length: 60 / rule.every }, (_, i) => i * rule.every).join(',');
      const hours = rule.toHour - 1 === rule.fromHour ? `${rule.fromHour}` : `${rule.fromHour}-${rule.toHour - 1}`;
      return `${minutes} ${hours} * * ${dow(rule.days)}`;
    }
  }
}

const int = (s: string, max: number): number | null => (/^\d{1,2}$/.test(s) && Number(s) <= max ? Number(s) : null);

/** The picker's rule for an expression the picker could have written (as the default ones); otherwise 自定义. */
export function cronToRule(expr: string): ScheduleRule {
  const cron = expr.trim();
  const custom: ScheduleRule = { kind: 'custom', cron };
  const parts = cron.split(/\s+/);
  if (parts.length !== 5) return custom;
  const [min, hour, dom, mon, wd] = parts as [string, string, string, string, string];
  if (dom !== '*' || mon !== '*' || (wd !== '*' && wd !== '1-5')) return custom;
  const days: ScheduleDays = wd === '1-5' ? 'workdays' : 'every';
  const m = int(min, 59);
  const h = int(hour, 23);
  if (m !== null && h !== null) return { kind: 'daily', days, time: `${pad(h)}:${pad(m)}` };
  // Minutes: 0,N,2N… (or */N) with N dividing the hour; "0" with an hour range is every 60 minutes.
  let every: IntervalMinutes | null = null;
  const step = /^(?:\*|0)\/(\d+)$/.exec(min);
  if (step) every = INTERVAL_MINUTES.find((n) => n === Number(step[1]) && n < 60) ?? null;
  else if (min === '0') every = 60;
  else {
    const list = min.split(',').map((s) => int(s, 59));
    const n = list[1];
    if (list.length > 1 && n != null) {
      const candidate = INTERVAL_MINUTES.find((x) => x === n);
      if (candidate && list.length === 60 / candidate && list.every((v, i) => v === i * candidate)) every = candidate;
    }
  }
  const range = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(hour);
  if (!every || !range) return custom;
  const from = int(range[1]!, 23);
  const to = range[2] === undefined ? from : int(range[2], 23);
  if (from === null || to === null || to < from) return custom;
  return { kind: 'interval', days, every, fromHour: from, toHour: to + 1 };
}

/** The rule in words, e.g. 每天 08:00 至 17:00 每隔 30 分钟（末次 16:30）. */
export function describeRule(rule: ScheduleRule): string {
  const days = (d: ScheduleDays) => (d === 'workdays' ? '工作日（周一至周五）' : '每天');
  switch (rule.kind) {
    case 'custom':
      return `自定义：${rule.cron}`;
    case 'daily':
      return `${days(rule.days)} ${rule.time}`;
    case 'interval': {
      const lastMinute = rule.every === 60 ? 0 : 60 - rule.every;
      return `${days(rule.days)} ${pad(rule.fromHour)}:00 至 ${pad(rule.toHour)}:00 每隔 ${rule.every} 分钟（末次 ${pad(rule.toHour - 1)}:${pad(lastMinute)}）`;
    }
  }
}

/** Why a picked rule cannot be saved (Chinese, naming the field), or null. */
export function ruleProblem(rule: ScheduleRule): string | null {
  if (rule.kind === 'daily' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(rule.time)) return '时间须为 HH:mm，如 17:30';
  if (rule.kind === 'interval') {
    if (!Number.isInteger(rule.fromHour) || rule.fromHour < 0 || rule.fromHour > 23) return '开始时间须在 0 至 23 点之间';
    if (!Number.isInteger(rule.toHour) || rule.toHour <= rule.fromHour || rule.toHour > 24) return '结束时间须晚于开始时间，且不晚于 24 点';
  }
  return null;
}

/** The next `count` times any of the expressions fires after `after`, merged in order (an instant once). Invalid ones are skipped. */
export function nextRuns(schedules: readonly string[], after: Date, count: number): Date[] {
  const all: number[] = [];
  for (const expr of schedules) {
    try {
      const job = exportCron(expr, { paused: true });
      for (const d of job.nextRuns(count, after)) all.push(d.getTime());
      job.stop();
    } catch {
      // An expression that does not parse runs never; the field says why.
    }
  }
  return [...new Set(all)]
    .sort((a, b) => a - b)
    .slice(0, count)
    .map((t) => new Date(t));
}
