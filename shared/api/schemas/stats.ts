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
  type RateFigure,
  type ServiceTimes,
  type WindowEvaluations,
} from '../../domain/stats';
import { cleanString, uuid } from './common';

const date = z.iso.date();

const period = z
  .object({ from: date, to: date })
  .refine((p) => p.from <= p.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3 * 366 * 86_400_000, { message: '统计期间不能超过三年', path: ['to'] });

export const statsSummaryInput = period;

/** What a drill list may open: a figure, a breakdown value (key = its code), or a unit's overdue matters (key = the unit). */
export type DrillKey = FigureKey | (typeof BREAKDOWNS)[number]['code'] | 'overdue';
const DRILLS = [...FIGURES.map((f) => f.key), ...BREAKDOWNS.map((b) => b.code), 'overdue'] as unknown as [DrillKey, ...DrillKey[]];

export const statsDrillInput = z
  .object({ from: date, to: date, figure: z.enum(DRILLS), key: cleanString('分项').max(200).nullable().default(null) })
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
  /** byClerk: per clerk of the last call, for leaders and the administrator only (empty for a clerk). */
  hall: { all: ServiceTimes; byLane: HallTimesRow[]; byDesk: HallTimesRow[]; byClerk: HallTimesRow[]; load: number[][] };
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

// ---- 信访日报 / 周报 / 月报 ------------------------------------------------------------

export const REPORT_KINDS = [
  { code: 'day', label: '信访日报' },
  { code: 'week', label: '信访周报' },
  { code: 'month', label: '信访月报' },
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number]['code'];

/** The report of the day, week (Monday to Sunday) or calendar month containing `date` (hall dates). */
export const statsReportInput = z.object({
  kind: z.enum(['day', 'week', 'month'], { error: '报表种类不正确（日报、周报或月报）' }),
  date,
});
export const printReportInput = statsReportInput.extend({
  copies: z.number().int().min(1, '份数至少为1').max(5, '一次最多打印5份').default(1),
});
export const reportPdfInput = z.object({ archiveId: uuid });

/** A count of the period with the previous period's (环比) and the same period last year's (同比). */
export interface ReportCount {
  key: string;
  label: string;
  value: number;
  previous: number;
  lastYear: number;
}

/** 批次 and 人次 of one value, and its share of the period's 批次 (null when there were none). */
export interface ReportShare {
  label: string;
  visits: number;
  people: number;
  share: number | null;
}

export interface ReportRate {
  key: RateFigure;
  label: string;
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** Everything a report prints, names of no person: figures, shares and units only. */
export interface StatsReport {
  kind: ReportKind;
  /** 信访日报 / 信访周报 / 信访月报. */
  title: string;
  /** The bureau's name (单位与打印). */
  bureau: string;
  period: Period;
  previous: Period;
  lastYear: Period;
  /** When this copy was generated (UTC ISO). */
  generatedAt: string;
  /** The hall date the overdue snapshot was taken. */
  today: string;
  /** 来访批次/人次, 集体访, 越级访, 领导接访, with 环比 and 同比. */
  volume: ReportCount[];
  /** 初访 and 重复访 (批次, 占比). */
  kinds: ReportShare[];
  /** By 内容分类 and 问题属地: the largest rows and 其他. */
  byCategory: ReportShare[];
  byArea: ReportShare[];
  /** The 三率 and the related rates, numerator over denominator. */
  rates: ReportRate[];
  /** Matters overdue on `today`, by 责任单位. */
  overdueByUnit: { label: string; count: number }[];
}

/** A printed report kept as PDF. */
export interface ArchivedReport {
  id: string;
  kind: ReportKind;
  period: Period;
  sha256: string;
  bytes: number;
  /** When this copy was generated and printed. */
  at: string;
  actorName: string;
}
