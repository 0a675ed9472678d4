// 统计分析: every figure the bureau is judged on, its formula written down as
// data (what is counted above the line and below it), and pure functions that
// compute the figures from plain rows. The backend groups the rows in SQL (per
// day and per value of the fields a figure reads, with a count of the rows each
// group stands for) and hands them here, so each rule is written once, in this
// file, whether it counts one row or a year's groups. Periods are inclusive ranges of hall dates 'YYYY-MM-DD'
// (visits.visit_date is already the hall date of registration).
import { CATEGORIES, PURPOSES, labelOf, type Option } from './categories';
import { addDays, daysBetween, replyDue, type HolidayCalendar } from './deadlines';
import type { Decision, Evaluation } from './matter';
import { formatCalendarDate } from '../time';
import { padOutcome } from './pad';

/** 集体访: a visit of this many people or more. */
export const GROUP_VISIT_MIN_PEOPLE = 5;

export interface Period {
  from: string;
  to: string;
}

// ---- the figures' definitions ------------------------------------------------------

export type CountFigure =
  'visits' | 'people' | 'group_visits' | 'group_people' | 'first_visits' | 'repeat_visits' | 'skip_level' | 'tickets';
export type RateFigure =
  'timely_reply' | 'on_time_conclusion' | 'evaluation_rate' | 'satisfaction' | 'repeat_share' | 'lead_resolution' | 'no_show';
export type FigureKey = CountFigure | RateFigure;

export interface FigureDefinition {
  key: FigureKey;
  label: string;
  /** What is counted (a count), or the numerator of a rate. */
  numerator: string;
  /** Null for a count. */
  denominator: string | null;
  /** What the drill list behind the number shows. */
  drills: 'visits' | 'matters' | 'tickets';
}

export const FIGURES: readonly FigureDefinition[] = [
  { key: 'visits', label: '来访批次', numerator: '登记日期在期间内的来访登记数（每次登记为一批）', denominator: null, drills: 'visits' },
  { key: 'people', label: '来访人次', numerator: '期间内来访登记的来访人数之和', denominator: null, drills: 'visits' },
  {
    key: 'group_visits',
    label: '集体访批次',
    numerator: `期间内来访人数不少于${GROUP_VISIT_MIN_PEOPLE}人的来访登记数`,
    denominator: null,
    drills: 'visits',
  },
  {
    key: 'group_people',
    label: '集体访人次',
    numerator: `期间内集体访（不少于${GROUP_VISIT_MIN_PEOPLE}人）的来访人数之和`,
    denominator: null,
    drills: 'visits',
  },
  { key: 'first_visits', label: '初访批次', numerator: '期间内登记为初访的来访数', denominator: null, drills: 'visits' },
  { key: 'repeat_visits', label: '重复访批次', numerator: '期间内登记为重复访的来访数', denominator: null, drills: 'visits' },
  { key: 'skip_level', label: '越级访批次', numerator: '期间内标记为越级访的来访数', denominator: null, drills: 'visits' },
  {
    key: 'timely_reply',
    label: '及时受理率',
    numerator: '分母中在书面告知期限届满之日或之前作出处理决定（当场答复、受理、交办、转送、不予受理、不再受理、引导诉讼）的事项数',
    denominator: '15日书面告知期限（自登记受理之日起算，遇节假日顺延）届满之日在期间内的事项数',
    drills: 'matters',
  },
  {
    key: 'on_time_conclusion',
    label: '按期办结率',
    numerator: '分母中在办理期限（含延期）届满之日或之前办结的事项数',
    denominator: '办理期限（含延期、交办期限）届满之日在期间内的事项数',
    drills: 'matters',
  },
  {
    key: 'evaluation_rate',
    label: '群众参评率',
    numerator: '分母中已评价且评价不是“未参评”的事项数',
    denominator: '办结日期在期间内的事项数',
    drills: 'matters',
  },
  {
    key: 'satisfaction',
    label: '参评群众满意率',
    numerator: '分母中评价为“满意”或“基本满意”的事项数',
    denominator: '办结日期在期间内且已参评（评价不是“未参评”）的事项数',
    drills: 'matters',
  },
  { key: 'repeat_share', label: '重复访占比', numerator: '期间内重复访批次', denominator: '期间内来访批次', drills: 'visits' },
  {
    key: 'lead_resolution',
    label: '包案化解率',
    numerator: '分母中化解情况为“已化解”的事项数（按当前记录）',
    denominator: '包案日期在期间内的事项数',
    drills: 'matters',
  },
  { key: 'tickets', label: '取号数', numerator: '期间内窗口排队取号数（不含候谈室）', denominator: null, drills: 'tickets' },
  { key: 'no_show', label: '过号率', numerator: '分母中最终过号未到的号数', denominator: '期间内被叫过的窗口取号数', drills: 'tickets' },
];

export function figureDefinition(key: FigureKey): FigureDefinition {
  return FIGURES.find((f) => f.key === key)!;
}

/** Breakdowns of the visits (批次 and 人次 per value). */
export const BREAKDOWNS = [
  { code: 'category', label: '内容分类' },
  { code: 'purpose', label: '来访目的' },
  { code: 'area', label: '问题属地' },
  { code: 'unit', label: '责任单位' },
] as const satisfies readonly Option[];
export type BreakdownKey = (typeof BREAKDOWNS)[number]['code'];

/** The label of a breakdown value ('' → 未填/未定). */
export function breakdownLabel(by: BreakdownKey, code: string): string {
  if (by === 'category') return labelOf(CATEGORIES, code) || '未填';
  if (by === 'purpose') return labelOf(PURPOSES, code) || '未填';
  if (by === 'unit') return code || '未定责任单位';
  return code || '未填';
}

// ---- periods -----------------------------------------------------------------------

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const parts = (s: string) => s.split('-').map(Number) as [number, number, number];

/** The same calendar date a year earlier (29 Feb → 28 Feb). */
export function yearEarlier(date: string): string {
  const [y, m, d] = parts(date);
  return ymd(y - 1, m, Math.min(d, lastDayOfMonth(y - 1, m)));
}

const isWholeMonths = (p: Period) => {
  const [, , fd] = parts(p.from);
  const [ty, tm, td] = parts(p.to);
  return fd === 1 && td === lastDayOfMonth(ty, tm);
};

/**
 * 环比: the period just before. Whole calendar months (a month, a quarter, a
 * year) compare with the same number of months before; any other range with
 * as many days ending the day before.
 */
export function previousPeriod(p: Period): Period {
  if (isWholeMonths(p)) {
    const [fy, fm] = parts(p.from);
    const [ty, tm] = parts(p.to);
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const startIndex = fy * 12 + (fm - 1) - months;
    const endIndex = fy * 12 + (fm - 1) - 1;
    const sy = Math.floor(startIndex / 12);
    const ey = Math.floor(endIndex / 12);
    const em = (endIndex % 12) + 1;
    return { from: ymd(sy, (startIndex % 12) + 1, 1), to: ymd(ey, em, lastDayOfMonth(ey, em)) };
  }
  const days = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}

/** 同比: the same dates a year earlier (a whole month stays a whole month). */
export function samePeriodLastYear(p: Period): Period {
  if (isWholeMonths(p)) {
    const [ty, tm] = parts(p.to);
    return { from: yearEarlier(p.from), to: ymd(ty - 1, tm, lastDayOfMonth(ty - 1, tm)) };
  }
  return { from: yearEarlier(p.from), to: yearEarlier(p.to) };
}

export type PeriodKind = 'day' | 'week' | 'month' | 'year';

/** The day, week (Monday to Sunday), month or year containing `date`. */
export function periodOf(kind: PeriodKind, date: string): Period {
  const [y, m] = parts(date);
  if (kind === 'day') return { from: date, to: date };
  if (kind === 'month') return { from: ymd(y, m, 1), to: ymd(y, m, lastDayOfMonth(y, m)) };
  if (kind === 'year') return { from: ymd(y, 1, 1), to: ymd(y, 12, 31) };
  const monday = addDays(date, -((weekday(date) + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** A period in Chinese dates: 2026年11月01日, or 2026年11月01日至2026年11月30日. */
export const periodText = (p: Period) =>
  p.from === p.to ? formatCalendarDate(p.from) : `${formatCalendarDate(p.from)}至${formatCalendarDate(p.to)}`;

const inPeriod = (date: string | null | undefined, p: Period) => date != null && date >= p.from && date <= p.to;

// ---- rows the figures are computed from ---------------------------------------------

/** One visit, or `visits` visits alike in every field below (a grouped row). */
export interface VisitRow extends VisitDayRow {
  category: string;
  purpose: string;
  locationArea: string;
  /** The matter's responsible unit ('' while none). */
  unit: string;
}

/** What the volume figures and the daily trend read of a visit (or of `visits` alike visits). */
export interface VisitDayRow {
  visitDate: string;
  kind: 'first' | 'repeat';
  peopleCount: number;
  skipLevel: boolean;
  /** How many visits this row stands for (1 for a single visit). */
  visits?: number;
}

/**
 * What a breakdown reads of the period's visits: `visits` visits of `people` people in all, alike in the
 * fields given (a field left out is not read by the breakdowns this row is for).
 */
export interface VisitGroupRow {
  category?: string;
  purpose?: string;
  locationArea?: string;
  unit?: string;
  visits: number;
  people: number;
}

export interface MatterRow {
  id: string;
  receivedOn: string;
  decision: Decision | null;
  decidedOn: string | null;
  handleDue: string | null;
  concludedOn: string | null;
  evaluation: Evaluation | null;
  leadOn: string | null;
  leadLeaderId: string | null;
  resolution: 'resolved' | 'unresolved' | null;
  unit: string;
  /** The earliest open clock's date (null: none runs). */
  nextDue: string | null;
}

/**
 * What a matter rate reads of a matter (a MatterRow has it all), or of `matters` matters alike in the
 * fields given: the backend groups the matters of a rate by its MATTER_RATE_READS and counts them.
 */
export type MatterRateRow = Partial<Pick<MatterRow, (typeof MATTER_RATE_READS)[MatterRate][number]>> & {
  /** How many matters this row stands for (1 for one matter). */
  matters?: number;
};

/** What the ticket count and 过号率 read of a ticket, or of `tickets` alike tickets. */
export interface TicketCountRow {
  day: string;
  status: string;
  /** Called at least once. */
  called: boolean;
  tickets?: number;
}

export const ticketCountRow = (t: TicketRow): TicketCountRow => ({ day: t.day, status: t.status, called: t.firstCallAt != null });

export interface TicketRow {
  id: string;
  day: string;
  laneId: string;
  status: string;
  issuedAt: string;
  /** The first call (null: never called). */
  firstCallAt: string | null;
  /** The last call's desk (null: never called). */
  deskId: string | null;
  /** Who made the last call (null: never called). */
  clerkId: string | null;
  lastCallAt: string | null;
  finishedAt: string | null;
}

// ---- the figures ---------------------------------------------------------------------

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator, null when the denominator is 0. */
  rate: number | null;
}

export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

export interface Volume {
  visits: number;
  people: number;
  group_visits: number;
  group_people: number;
  first_visits: number;
  repeat_visits: number;
  skip_level: number;
}

export const isGroupVisit = (peopleCount: number) => peopleCount >= GROUP_VISIT_MIN_PEOPLE;

export function volume(rows: readonly VisitDayRow[], p: Period): Volume {
  const v: Volume = { visits: 0, people: 0, group_visits: 0, group_people: 0, first_visits: 0, repeat_visits: 0, skip_level: 0 };
  for (const r of rows) {
    if (!inPeriod(r.visitDate, p)) continue;
    const n = r.visits ?? 1;
    v.visits += n;
    v.people += n * r.peopleCount;
    if (isGroupVisit(r.peopleCount)) {
      v.group_visits += n;
      v.group_people += n * r.peopleCount;
    }
    if (r.kind === 'first') v.first_visits += n;
    else v.repeat_visits += n;
    if (r.skipLevel) v.skip_level += n;
  }
  return v;
}

export interface BreakdownRow {
  code: string;
  label: string;
  visits: number;
  people: number;
}

const visitKey = (r: Omit<VisitGroupRow, 'visits' | 'people'>, by: BreakdownKey) =>
  (by === 'category' ? r.category : by === 'purpose' ? r.purpose : by === 'area' ? r.locationArea : r.unit) ?? '';

/** 批次 and 人次 per value of one field of the period's visits, most visits first (ties by label). */
export function breakdown(rows: readonly VisitGroupRow[], by: BreakdownKey): BreakdownRow[] {
  const m = new Map<string, BreakdownRow>();
  for (const r of rows) {
    const code = visitKey(r, by);
    const b = m.get(code) ?? { code, label: breakdownLabel(by, code), visits: 0, people: 0 };
    b.visits += r.visits;
    b.people += r.people;
    m.set(code, b);
  }
  return [...m.values()].sort((a, b) => b.visits - a.visits || a.label.localeCompare(b.label, 'zh-CN'));
}

/** The `n` largest rows of a breakdown and one 其他 row adding up the rest (when there is a rest). */
export function topWithOther(rows: readonly BreakdownRow[], n: number): BreakdownRow[] {
  if (rows.length <= n + 1) return [...rows];
  const rest = rows.slice(n);
  return [
    ...rows.slice(0, n),
    {
      code: '*other',
      label: '其他',
      visits: rest.reduce((a, r) => a + r.visits, 0),
      people: rest.reduce((a, r) => a + r.people, 0),
    },
  ];
}

/** Does a visit row fall under a breakdown value (for the drill list)? */
export const visitMatches = (r: VisitRow, by: BreakdownKey, code: string) => visitKey(r, by) === code;

/** 批次 and 人次 per day of the period, every day present. */
export function dailyTrend(rows: readonly VisitDayRow[], p: Period): { date: string; visits: number; people: number }[] {
  const out = new Map<string, { date: string; visits: number; people: number }>();
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.set(d, { date: d, visits: 0, people: 0 });
  for (const r of rows) {
    const o = out.get(r.visitDate);
    if (!o) continue;
    o.visits += r.visits ?? 1;
    o.people += (r.visits ?? 1) * r.peopleCount;
  }
  return [...out.values()];
}

/** Which visit figure (a count) a visit row counts towards. */
export function visitCounts(key: FigureKey, r: VisitRow): boolean {
  switch (key) {
    case 'visits':
    case 'people':
      return true;
    case 'group_visits':
    case 'group_people':
      return isGroupVisit(r.peopleCount);
    case 'first_visits':
      return r.kind === 'first';
    case 'repeat_visits':
    case 'repeat_share':
      return r.kind === 'repeat';
    case 'skip_level':
      return r.skipLevel;
    default:
      return false;
  }
}

/**
 * For a matter rate: is the matter in the denominator, and in the numerator?
 * The one place each rate's rule is written as code.
 */
export function matterMembership(
  key: RateFigure,
  m: MatterRateRow,
  p: Period,
  cal: HolidayCalendar,
): { inDenominator: boolean; inNumerator: boolean } {
  const no = { inDenominator: false, inNumerator: false };
  switch (key) {
    case 'timely_reply': {
      if (!m.receivedOn) return no;
      const due = replyDue(m.receivedOn, cal);
      if (!inPeriod(due, p)) return no;
      return { inDenominator: true, inNumerator: m.decidedOn != null && m.decidedOn <= due };
    }
    case 'on_time_conclusion':
      if (!inPeriod(m.handleDue, p)) return no;
      return { inDenominator: true, inNumerator: m.concludedOn != null && m.concludedOn <= m.handleDue! };
    case 'evaluation_rate':
      if (!inPeriod(m.concludedOn, p)) return no;
      return { inDenominator: true, inNumerator: m.evaluation != null && m.evaluation !== 'none' };
    case 'satisfaction':
      if (!inPeriod(m.concludedOn, p) || m.evaluation == null || m.evaluation === 'none') return no;
      return { inDenominator: true, inNumerator: m.evaluation === 'satisfied' || m.evaluation === 'basic' };
    case 'lead_resolution':
      if (!m.leadLeaderId || !inPeriod(m.leadOn, p)) return no;
      return { inDenominator: true, inNumerator: m.resolution === 'resolved' };
    default:
      return no;
  }
}

export const MATTER_RATES = [
  'timely_reply',
  'on_time_conclusion',
  'evaluation_rate',
  'satisfaction',
  'lead_resolution',
] as const satisfies readonly RateFigure[];
export type MatterRate = (typeof MATTER_RATES)[number];

/** The fields matterMembership reads for each rate: what the backend groups a rate's matters by. */
export const MATTER_RATE_READS = {
  timely_reply: ['receivedOn', 'decidedOn'],
  on_time_conclusion: ['handleDue', 'concludedOn'],
  evaluation_rate: ['concludedOn', 'evaluation'],
  satisfaction: ['concludedOn', 'evaluation'],
  lead_resolution: ['leadOn', 'leadLeaderId', 'resolution'],
} as const satisfies Record<MatterRate, readonly (keyof MatterRow)[]>;

export function matterRate(key: MatterRate, rows: readonly MatterRateRow[], p: Period, cal: HolidayCalendar): Ratio {
  let num = 0;
  let den = 0;
  for (const m of rows) {
    const s = matterMembership(key, m, p, cal);
    const n = m.matters ?? 1;
    if (s.inDenominator) den += n;
    if (s.inNumerator) num += n;
  }
  return ratio(num, den);
}

/** 逾期: matters whose earliest open clock is before `today`, by unit (most first). */
export function overdueByUnit(
  rows: readonly (Pick<MatterRow, 'unit' | 'nextDue'> & {
    /** How many matters the row stands for (1 for one matter). */ matters?: number;
  })[],
  today: string,
): { unit: string; label: string; count: number }[] {
  const m = new Map<string, number>();
  for (const r of rows) if (r.nextDue != null && r.nextDue < today) m.set(r.unit, (m.get(r.unit) ?? 0) + (r.matters ?? 1));
  return [...m.entries()]
    .map(([unit, count]) => ({ unit, label: breakdownLabel('unit', unit), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}

// ---- hall operations ------------------------------------------------------------------

/** The q-quantile (0..1) of ascending values by the nearest-rank method; null for none. */
const nearestRank = (sorted: ArrayLike<number>, q: number): number | null =>
  sorted.length === 0 ? null : sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;

const minutesBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;

export interface ServiceTimes {
  /** Tickets called at least once. */
  called: number;
  /** 等候: issue → first call, minutes. */
  waitP50: number | null;
  waitP90: number | null;
  /** Tickets served to the end ('done'). */
  served: number;
  /** 办理: last call → finish, minutes, of tickets served to the end. */
  serviceP50: number | null;
  serviceP90: number | null;
}

/** The waits and service times of one group of tickets, gathered before the quantiles. */
type Gathered = { waits: number[]; service: number[] };

function serviceTimes(g: Gathered): ServiceTimes {
  // Sorted once each (a typed array sorts numbers natively); both quantiles read the same order.
  const waits = Float64Array.from(g.waits).sort();
  const service = Float64Array.from(g.service).sort();
  return {
    called: waits.length,
    waitP50: nearestRank(waits, 0.5),
    waitP90: nearestRank(waits, 0.9),
    served: service.length,
    serviceP50: nearestRank(service, 0.5),
    serviceP90: nearestRank(service, 0.9),
  };
}

/**
 * Waiting and service times in total and per lane, per desk and per clerk (the desk and the clerk of the
 * last call). One pass: each ticket's times are worked out once and gathered into its groups.
 */
export function hallTimes(
  rows: readonly TicketRow[],
  p: Period,
): { all: ServiceTimes; byLane: Map<string, ServiceTimes>; byDesk: Map<string, ServiceTimes>; byClerk: Map<string, ServiceTimes> } {
  const all: Gathered = { waits: [], service: [] };
  const byLane = new Map<string, Gathered>();
  const byDesk = new Map<string, Gathered>();
  const byClerk = new Map<string, Gathered>();
  const into = (m: Map<string, Gathered>, k: string) => {
    let g = m.get(k);
    if (!g) m.set(k, (g = { waits: [], service: [] }));
    return g;
  };
  for (const t of rows) {
    if (!inPeriod(t.day, p)) continue;
    const groups = [all, into(byLane, t.laneId)];
    if (t.deskId != null) groups.push(into(byDesk, t.deskId));
    if (t.clerkId != null) groups.push(into(byClerk, t.clerkId));
    if (t.firstCallAt) {
      const wait = minutesBetween(t.issuedAt, t.firstCallAt);
      for (const g of groups) g.waits.push(wait);
    }
    if (t.status === 'done' && t.lastCallAt && t.finishedAt) {
      const service = minutesBetween(t.lastCallAt, t.finishedAt);
      for (const g of groups) g.service.push(service);
    }
  }
  const times = (m: Map<string, Gathered>) => new Map([...m].map(([k, g]) => [k, serviceTimes(g)]));
  return { all: serviceTimes(all), byLane: times(byLane), byDesk: times(byDesk), byClerk: times(byClerk) };
}

/** 取号数: the desks' tickets of the period. */
export function ticketCount(rows: readonly TicketCountRow[], p: Period): number {
  let n = 0;
  for (const t of rows) if (inPeriod(t.day, p)) n += t.tickets ?? 1;
  return n;
}

/** 过号率: tickets that ended 过号 / tickets called at least once. */
export function noShowRate(rows: readonly TicketCountRow[], p: Period): Ratio {
  let noShow = 0;
  let called = 0;
  for (const t of rows) {
    if (!inPeriod(t.day, p) || !t.called) continue;
    called += t.tickets ?? 1;
    if (t.status === 'no_show') noShow += t.tickets ?? 1;
  }
  return ratio(noShow, called);
}

/** Tickets issued per hall weekday (0 = Sunday) × hour: load[weekday][hour]. */
export function weekdayHourLoad(rows: readonly TicketRow[], p: Period, hallHour: (iso: string) => number): number[][] {
  const load = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const weekdays = new Map<string, number>();
  for (const t of rows) {
    if (!inPeriod(t.day, p)) continue;
    let w = weekdays.get(t.day);
    if (w === undefined) weekdays.set(t.day, (w = weekday(t.day)));
    load[w]![hallHour(t.issuedAt)]!++;
  }
  return load;
}

// ---- the window's evaluations (评价器) ------------------------------------------------
//
// A pad answer rates the reception at a window or talk room; the matter's 群众参评率 and
// 参评群众满意率 above rate the handling of concluded matters. They are kept apart: a pad
// answer becomes the matter's evaluation only when the matter was concluded at that visit
// (当场答复), and then it is counted there through the matter's own evaluation (via 评价器),
// once. See electron/backend/services/pads.ts.

/** One question a pad asked. */
export interface WindowEvaluationRow {
  day: string;
  /** The desk's or the room's id. */
  placeId: string;
  answer: Evaluation | null;
  expiresAt: string;
  reasons: readonly string[];
}

export interface WindowEvaluations {
  /** Questions asked in the period. */
  asked: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  /** 未参评: unanswered when their time ran out. */
  none: number;
  /** Still waiting for an answer (counted neither way yet). */
  open: number;
  /** 窗口参评率 = answered / (answered + 未参评). */
  participation: Ratio;
  /** 窗口满意率 = 满意 + 基本满意 / answered. */
  satisfaction: Ratio;
  /** 不满意 reasons: how often each was tapped. */
  reasons: { code: string; count: number }[];
}

function countWindow(rows: readonly WindowEvaluationRow[], now: string): WindowEvaluations {
  const w = { asked: rows.length, satisfied: 0, basic: 0, unsatisfied: 0, none: 0, open: 0 };
  const reasons = new Map<string, number>();
  for (const r of rows) {
    const outcome = padOutcome(r, now);
    if (outcome === null) w.open++;
    else if (outcome === 'none') w.none++;
    else w[outcome]++;
    if (outcome === 'unsatisfied') for (const c of r.reasons) reasons.set(c, (reasons.get(c) ?? 0) + 1);
  }
  const answered = w.satisfied + w.basic + w.unsatisfied;
  return {
    ...w,
    participation: ratio(answered, answered + w.none),
    satisfaction: ratio(w.satisfied + w.basic, answered),
    reasons: [...reasons].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

/** The window figures of a period, in total and per desk or room, as at `now` (an open question may time out later). */
export function windowEvaluations(
  rows: readonly WindowEvaluationRow[],
  p: Period,
  now: string,
): { all: WindowEvaluations; byPlace: Map<string, WindowEvaluations> } {
  const inP = rows.filter((r) => inPeriod(r.day, p));
  const byPlace = new Map<string, WindowEvaluationRow[]>();
  for (const r of inP) byPlace.set(r.placeId, [...(byPlace.get(r.placeId) ?? []), r]);
  return { all: countWindow(inP, now), byPlace: new Map([...byPlace].map(([k, rs]) => [k, countWindow(rs, now)])) };
}
