// 信访日报 / 周报 / 月报: the figures of a day, a week (Monday to Sunday) or a
// calendar month in hall time, as the tables a bureau reports, naming nobody.
// Printing draws the report's print route (a snapshot of the data, fixed in
// the job) to PDF with the notice machinery, keeps that PDF with its SHA-256
// before it prints, and hands it to the printer or the browser. A report is
// generated afresh each time it is printed; every copy is kept.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { PrintSubmitted, SlipData } from '@shared/api/schemas/printing';
import {
  REPORT_KINDS,
  type ArchivedReport,
  type ReportCount,
  type ReportKind,
  type ReportShare,
  type StatsReport,
} from '@shared/api/schemas/stats';
import { labelOf } from '@shared/domain/categories';
import {
  breakdown,
  figureDefinition,
  overdueByUnit,
  periodOf,
  previousPeriod,
  samePeriodLastYear,
  topWithOther,
  type BreakdownRow,
  type CountFigure,
  type Period,
  type RateFigure,
} from '@shared/domain/stats';
import { hallDate } from '@shared/time';
import type { Actor, Deps } from '../../context';
import type { PrintJobsTable } from '../../db/schema';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { holidayCalendar } from '../calendar/calendar';
import { newId } from '../ids';
import { sha256, writeDurably } from '../printing/archive';
import { getBureau } from '../printing/bureau';
import { getPrintSettings, internalJobRoute, recordOutcome, TOKEN_MS, toView } from '../printing/jobs';
import { figuresOf } from './summary';
import { overdueRows, visitDayRows, visitGroupRows } from './rows';

type Db = Deps['db'];

/** How many rows of 内容分类 and 问题属地 a report lists before 其他. */
export const REPORT_TOP_ROWS = 8;

/** The counts of the 来访 table, in print order. */
const VOLUME: readonly CountFigure[] = ['visits', 'people', 'group_visits', 'group_people', 'skip_level'];
/** The 三率 and the related rates, in print order. */
const RATES: readonly RateFigure[] = [
  'timely_reply',
  'on_time_conclusion',
  'evaluation_rate',
  'satisfaction',
  'repeat_share',
  'lead_resolution',
  'no_show',
];

/** 领导接访: the duty leaders' talk records of the period (批次) and the people of their visits (人次). */
async function leaderTalks(db: Db, p: Period): Promise<{ visits: number; people: number }> {
  const row = await db
    .selectFrom('talk_records as t')
    .innerJoin('visits as v', 'v.id', 't.visit_id')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string | null>('v.people_count').as('people')])
    .where('t.decided_on', '>=', p.from)
    .where('t.decided_on', '<=', p.to)
    .executeTakeFirst();
  return { visits: Number(row?.n ?? 0), people: Number(row?.people ?? 0) };
}

const share = (visits: number, total: number) => (total === 0 ? null : visits / total);
const shares = (rows: readonly BreakdownRow[], total: number): ReportShare[] =>
  rows.map((r) => ({ label: r.label, visits: r.visits, people: r.people, share: share(r.visits, total) }));

/** The report's period: the day, week or month containing the date. */
export const reportPeriod = (kind: ReportKind, date: string): Period => periodOf(kind, date);

export async function getStatsReport(deps: Deps, input: ParsedInputOf<'stats.report'>): Promise<StatsReport> {
  const p = reportPeriod(input.kind, input.date);
  const previous = previousPeriod(p);
  const lastYear = samePeriodLastYear(p);
  const today = hallDate(deps.now());
  const cal = await holidayCalendar(deps.db);
  const [days, groups] = await Promise.all([visitDayRows(deps.db, p), visitGroupRows(deps.db, p)]);
  const [now, prev, ly, overdue, bureau, talks, talksPrev, talksLy] = await Promise.all([
    figuresOf(deps, p, cal, { days }),
    figuresOf(deps, previous, cal),
    figuresOf(deps, lastYear, cal),
    overdueRows(deps.db, today),
    getBureau(deps.db),
    leaderTalks(deps.db, p),
    leaderTalks(deps.db, previous),
    leaderTalks(deps.db, lastYear),
  ]);
  const volume: ReportCount[] = VOLUME.map((k) => ({
    key: k,
    label: figureDefinition(k).label,
    value: now[k].numerator,
    previous: prev[k].numerator,
    lastYear: ly[k].numerator,
  }));
  volume.push(
    { key: 'leader_visits', label: '领导接访批次', value: talks.visits, previous: talksPrev.visits, lastYear: talksLy.visits },
    { key: 'leader_people', label: '领导接访人次', value: talks.people, previous: talksPrev.people, lastYear: talksLy.people },
  );
  const total = now.visits.numerator;
  const firstPeople = days.filter((r) => r.kind === 'first').reduce((a, r) => a + (r.visits ?? 1) * r.peopleCount, 0);
  return {
    kind: input.kind,
    title: labelOf(REPORT_KINDS, input.kind),
    bureau: bureau.name,
    period: p,
    previous,
    lastYear,
    generatedAt: deps.now().toISOString(),
    today,
    volume,
    kinds: [
      { label: '初访', visits: now.first_visits.numerator, people: firstPeople, share: share(now.first_visits.numerator, total) },
      {
        label: '重复访',
        visits: now.repeat_visits.numerator,
        people: now.people.numerator - firstPeople,
        share: share(now.repeat_visits.numerator, total),
      },
    ],
    byCategory: shares(topWithOther(breakdown(groups, 'category'), REPORT_TOP_ROWS), total),
    byArea: shares(topWithOther(breakdown(groups, 'area'), REPORT_TOP_ROWS), total),
    rates: RATES.map((k) => ({
      key: k,
      label: figureDefinition(k).label,
      numerator: now[k].numerator,
      denominator: now[k].denominator ?? 0,
      rate: now[k].rate,
    })),
    overdueByUnit: overdueByUnit(overdue, today).map((o) => ({ label: o.label, count: o.count })),
  };
}

/** How long the print page may read the report's snapshot after the job is made. */

/**
 * Prints a report: generated now, drawn to PDF and kept (refused when no PDF
 * can be made: a report handed out is always kept), then printed by the
 * desktop app or returned for the browser to print.
 */
export async function printStatsReport(
  deps: Deps,
  actor: Actor,
  input: ParsedInputOf<'stats.printReport'>,
): Promise<PrintSubmitted & { archiveId: string }> {
  const report = await getStatsReport(deps, input);
  const settings = (await getPrintSettings(deps.db)).notice;
  const at = report.generatedAt;
  const bureau = await getBureau(deps.db);
  const refId = `report:${report.kind}:${report.period.from}`;
  const slip: SlipData = { template: 'stats_report', report, bureau, paper: 'A4', reprint: false, printedAt: at, refId };
  const job = await writeTransaction(deps.db, async (trx) => {
    const row: PrintJobsTable = {
      id: newId(),
      template: 'stats_report',
      ref_id: refId,
      copies: input.copies,
      reprint: 0,
      status: 'pending',
      error: '',
      printer: settings.printer,
      paper: 'A4',
      token: randomBytes(24).toString('base64url'),
      token_expires_at: new Date(deps.now().getTime() + TOKEN_MS).toISOString(),
      slip_json: JSON.stringify(slip),
      actor_id: actor.id,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('print_jobs').values(row).execute();
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'print.stats_report',
      entity: 'stats_report',
      entityId: refId,
      after: { jobId: row.id, copies: row.copies, period: report.period },
    });
    return row;
  });
  const route = `/print/job/${job.token}`;
  let archiveId: string;
  try {
    const internal = internalJobRoute(deps, { id: job.id, template: 'stats_report', refId });
    archiveId = await archiveReport(deps, actor, { id: job.id, kind: report.kind, period: report.period, route: internal, at });
  } catch (e) {
    if (!(e instanceof ApiError)) console.error(`报表存档失败（任务 ${job.id}）：`, e);
    await recordOutcome(deps, actor, { jobId: job.id, ok: false, error: e instanceof ApiError ? e.message : '报表存档失败' });
    throw e instanceof ApiError ? e : new ApiError('INTERNAL', '报表存档失败，报表未打印');
  }
  if (!deps.printer) return { job: await toView(deps.db, job), route, mode: 'browser', paper: 'A4', archiveId };
  const result = await deps.printer.print({
    route: internalJobRoute(deps, { id: job.id, template: 'stats_report', refId }),
    paper: 'A4',
    printer: settings.printer,
    silent: settings.silent,
    copies: job.copies,
  });
  const done = await recordOutcome(deps, actor, { jobId: job.id, ok: result.ok, error: result.ok ? '' : result.message });
  return { job: done, route, mode: 'desktop', paper: 'A4', archiveId };
}

async function archiveReport(
  deps: Deps,
  actor: Actor,
  job: { id: string; kind: ReportKind; period: Period; route: string; at: string },
): Promise<string> {
  if (!deps.noticePdf)
    throw new ApiError('CONFLICT', '本机无法生成报表存档（PDF），报表未打印。请在桌面版中打印，或为浏览器版配置 Chromium');
  const bytes = await deps.noticePdf.render({ route: job.route, paper: 'A4' });
  const rel = join('reports', hallDate(job.at).slice(0, 4), `${job.id}.pdf`);
  writeDurably(join(deps.dataDir, rel), bytes);
  const hash = sha256(bytes);
  const id = newId();
  await writeTransaction(deps.db, async (trx) => {
    await trx
      .insertInto('report_archive')
      .values({
        id,
        job_id: job.id,
        kind: job.kind,
        period_from: job.period.from,
        period_to: job.period.to,
        sha256: hash,
        bytes: bytes.length,
        path: rel,
        actor_id: actor.id,
        created_at: job.at,
      })
      .execute();
    await writeAudit(trx, {
      at: job.at,
      actorId: actor.id,
      action: 'report.archive',
      entity: 'stats_report',
      entityId: id,
      after: { kind: job.kind, period: job.period, jobId: job.id, sha256: hash, bytes: bytes.length },
    });
  });
  return id;
}

/** The reports kept, newest first (the latest 200). */
export async function listStatsReports(deps: Deps): Promise<ArchivedReport[]> {
  const rows = await deps.db
    .selectFrom('report_archive as a')
    .innerJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.kind', 'a.period_from', 'a.period_to', 'a.sha256', 'a.bytes', 'a.created_at', 'u.display_name'])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    period: { from: r.period_from, to: r.period_to },
    sha256: r.sha256,
    bytes: Number(r.bytes),
    at: r.created_at,
    actorName: r.display_name,
  }));
}

/** A kept report's PDF, checked against its SHA-256. */
export async function getStatsReportPdf(
  deps: Deps,
  input: ParsedInputOf<'stats.reportPdf'>,
): Promise<{ sha256: string; base64: string; name: string }> {
  const row = await deps.db.selectFrom('report_archive').selectAll().where('id', '=', input.archiveId).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', '找不到该报表存档');
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(deps.dataDir, row.path));
  } catch {
    throw new ApiError('NOT_FOUND', `报表存档文件缺失（${row.path}）`);
  }
  if (sha256(bytes) !== row.sha256) throw new ApiError('CONFLICT', '报表存档文件与登记的SHA-256不一致，文件可能已被改动');
  return { sha256: row.sha256, base64: bytes.toString('base64'), name: `${reportFileName(row.kind, row.period_from, row.period_to)}.pdf` };
}

/** 信访月报-2026-11-01至2026-11-30 (the file name of a report's PDF or workbook). */
export const reportFileName = (kind: ReportKind, from: string, to: string) =>
  `${labelOf(REPORT_KINDS, kind)}-${from === to ? from : `${from}至${to}`}`;
