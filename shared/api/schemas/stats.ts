// 统计分析: the summary of a period (every figure with its numerator and
// denominator, 环比 and 同比) and the drill list behind one number. The
// definitions themselves are in shared/domain/stats.ts.
import { z } from '../zod-setup';
import {
  BREAKDOWNS,
  FIGURES,
  type BreakdownRow,
  type FigureKey,
  type Period,
  type ServiceTimes,
  type WindowEvaluations,
} from '../../domain/stats';

const date = z.iso.date('日期格式不正确');

const period = z
  .object({ from: date, to: date })
  .refine((p) => p.from <= p.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3 * 366 * 86_400_000, { message: '统计期间不能超过三年', path: ['to'] });

export const statsSummaryInput = period;

/** What a drill list may open: a figure, a breakdown value (key = its code), or a unit's overdue matters (key = the unit). */
export type DrillKey = FigureKey | (typeof BREAKDOWNS)[number]['code'] | 'overdue';
const DRILLS = [...FIGURES.map((f) => f.key), ...BREAKDOWNS.map((b) => b.code), 'overdue'] as unknown as [DrillKey, ...DrillKey[]];

export const statsDrillInput = z
  .object({ from: date, to: date, figure: z.enum(DRILLS), key: z.string().max(200).nullable().default(null) })
  .refine((p) => p.from <= p.to, { message: '结束日期不能早于开始日期', path: ['to'] });

/** A count (denominator null, rate null) or a rate. */
export interface FigureValue {
  numerator: number;
  denominator: number | null;
  rate: number | null;
}

export interface FigureSummary extends FigureValue {
  key: FigureKey;
  label: string;
  previous: FigureValue;
  lastYear: FigureValue;
}

export interface HallTimesRow extends ServiceTimes {
  id: string;
  name: string;
}

export interface StatsSummary {
  period: Period;
  previous: Period;
  lastYear: Period;
  figures: FigureSummary[];
  breakdowns: Record<(typeof BREAKDOWNS)[number]['code'], BreakdownRow[]>;
  trend: { date: string; visits: number; people: number }[];
  /** Matters overdue today, by unit (a snapshot: not tied to the period). */
  overdueByUnit: { unit: string; label: string; count: number }[];
  hall: { all: ServiceTimes; byLane: HallTimesRow[]; byDesk: HallTimesRow[]; load: number[][] };
  /** 评价器: the window's own evaluations (not the matters' 群众参评率), in total and per desk or talk room. */
  windowEvaluations: { all: WindowEvaluations; byPlace: ({ id: string; name: string } & WindowEvaluations)[] };
}

export interface DrillVisit {
  id: string;
  visitNo: string;
  visitDate: string;
  name: string;
  kind: 'first' | 'repeat';
  peopleCount: number;
  category: string;
  summary: string;
  unit: string;
  matterId: string;
}
export interface DrillMatter {
  id: string;
  name: string;
  summary: string;
  state: string;
  unit: string;
  receivedOn: string;
  /** For a rate: whether the matter is counted above the line too. */
  counted: boolean;
}
export interface DrillTicket {
  id: string;
  ticketNo: string;
  day: string;
  lane: string;
  status: string;
  issuedAt: string;
  firstCallAt: string | null;
  finishedAt: string | null;
}

export type StatsDrill = { total: number } & (
  { kind: 'visits'; rows: DrillVisit[] } | { kind: 'matters'; rows: DrillMatter[] } | { kind: 'tickets'; rows: DrillTicket[] }
);

/** No more rows than this in a drill list (the total says how many there are). */
export const DRILL_LIMIT = 500;
