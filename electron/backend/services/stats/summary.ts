// stats.summary and stats.drill: the figures of a period with 环比 and 同比,
// and the visits, matters or tickets behind one number. Leaders and the
// administrator see any period; a clerk only today's (checked here, not in
// the screen). The summary names nobody; a drill list is a staff screen.
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import { DRILL_LIMIT, type FigureSummary, type FigureValue, type StatsDrill, type StatsSummary } from '@shared/api/schemas/stats';
import type { HolidayCalendar } from '@shared/domain/deadlines';
import {
  BREAKDOWNS,
  FIGURES,
  MATTER_RATES,
  breakdown,
  dailyTrend,
  figureDefinition,
  hallTimes,
  matterMembership,
  matterRate,
  noShowRate,
  overdueByUnit,
  previousPeriod,
  ratio,
  samePeriodLastYear,
  ticketCount,
  ticketCountRow,
  visitCounts,
  visitMatches,
  volume,
  weekdayHourLoad,
  windowEvaluations,
  type BreakdownKey,
  type FigureKey,
  type MatterRate,
  type Period,
  type TicketCountRow,
  type VisitDayRow,
} from '@shared/domain/stats';
import { hallDate, hallHour } from '@shared/time';
import { maskName } from '@shared/domain/identity';
import type { Actor, Deps } from '../../context';
import { readablePersons } from '../leader-scope';
import { holidayCalendar } from '../calendar/calendar';
import {
  evaluationRows,
  matterRateRows,
  matterRows,
  overdueDues,
  overdueRows,
  ticketCountRows,
  ticketRows,
  visitDayRows,
  visitGroupRows,
  visitUnitRows,
} from './rows';

function checkScope(deps: Deps, actor: Actor, p: Period): string {
  const today = hallDate(deps.now());
  if (actor.role === 'clerk' && (p.from !== today || p.to !== today))
    throw new ApiError('FORBIDDEN', '登记员只能查看当日大厅统计', { from: '登记员只能查看当日大厅统计' });
  return today;
}

/** What figuresOf reads of a period that the caller may have read already. */
type Loaded = { days?: VisitDayRow[]; tickets?: TicketCountRow[] };

/**
 * Every figure of one period, by key: from the visits grouped per day, each matter rate's matters
 * grouped by what it reads and the tickets grouped per day (rows.ts), counted by the domain.
 */
export async function figuresOf(deps: Deps, p: Period, cal: HolidayCalendar, loaded?: Loaded): Promise<Record<FigureKey, FigureValue>> {
  const [days, matters, tickets] = await Promise.all([
    loaded?.days ?? visitDayRows(deps.db, p),
    matterRateRows(deps.db, p),
    loaded?.tickets ?? ticketCountRows(deps.db, p),
  ]);
  const v = volume(days, p);
  const count = (n: number): FigureValue => ({ numerator: n, denominator: null, rate: null });
  const out = {} as Record<FigureKey, FigureValue>;
  for (const k of ['visits', 'people', 'group_visits', 'group_people', 'first_visits', 'repeat_visits', 'skip_level'] as const)
    out[k] = count(v[k]);
  for (const k of MATTER_RATES) out[k] = matterRate(k, matters[k], p, cal);
  out.repeat_share = ratio(v.repeat_visits, v.visits);
  out.tickets = count(ticketCount(tickets, p));
  out.no_show = noShowRate(tickets, p);
  return out;
}

export async function statsSummary(deps: Deps, actor: Actor, p: ParsedInputOf<'stats.summary'>): Promise<StatsSummary> {
  const today = checkScope(deps, actor, p);
  const previous = previousPeriod(p);
  const lastYear = samePeriodLastYear(p);
  // The period's tickets are read once (figures and hall times); a year's 环比 is its 同比, counted once.
  const [cal, days, groups, units, tickets, overdue, lanes, desks, rooms, evaluations] = await Promise.all([
    holidayCalendar(deps.db),
    visitDayRows(deps.db, p),
    visitGroupRows(deps.db, p),
    visitUnitRows(deps.db, p),
    ticketRows(deps.db, p),
    overdueDues(deps.db, today),
    deps.db.selectFrom('lanes').select(['id', 'name', 'prefix']).execute(),
    deps.db.selectFrom('desks').select(['id', 'name', 'number']).execute(),
    deps.db.selectFrom('rooms').select(['id', 'name', 'number']).execute(),
    evaluationRows(deps.db, p),
  ]);
  const samePeriod = previous.from === lastYear.from && previous.to === lastYear.to;
  const [now, prev, lyOwn] = await Promise.all([
    figuresOf(deps, p, cal, { days, tickets: tickets.map(ticketCountRow) }),
    figuresOf(deps, previous, cal),
    samePeriod ? null : figuresOf(deps, lastYear, cal),
  ]);
  const ly = lyOwn ?? prev;
  const rated = windowEvaluations(evaluations, p, deps.now().toISOString());
  const placeName = new Map([
    ...desks.map((d) => [d.id, `${d.number}号窗口`] as const),
    ...rooms.map((r) => [r.id, r.name || `${r.number}号接谈室`] as const),
  ]);
  // Per-clerk figures are staff numbers for leaders and the administrator; a clerk sees the hall's, not colleagues'.
  const clerks = actor.role === 'clerk' ? [] : await deps.db.selectFrom('users').select(['id', 'display_name']).execute();
  const figures: FigureSummary[] = FIGURES.map((f) => ({
    key: f.key,
    label: f.label,
    ...now[f.key],
    previous: prev[f.key],
    lastYear: ly[f.key],
  }));
  const times = hallTimes(tickets, p);
  const laneName = new Map(lanes.map((l) => [l.id, `${l.prefix} ${l.name}`]));
  const deskName = new Map(desks.map((d) => [d.id, d.name || `${d.number}号窗口`]));
  return {
    period: { from: p.from, to: p.to },
    previous,
    lastYear,
    figures,
    breakdowns: Object.fromEntries(
      BREAKDOWNS.map((b) => [b.code, breakdown(b.code === 'unit' ? units : groups, b.code)]),
    ) as StatsSummary['breakdowns'],
    trend: dailyTrend(days, p),
    overdueByUnit: overdueByUnit(overdue, today),
    hall: {
      all: times.all,
      byLane: [...times.byLane]
        .map(([id, t]) => ({ id, name: laneName.get(id) ?? id, ...t }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      byDesk: [...times.byDesk]
        .map(([id, t]) => ({ id, name: deskName.get(id) ?? id, ...t }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      byClerk:
        actor.role === 'clerk'
          ? []
          : [...times.byClerk]
              .map(([id, t]) => ({ id, name: clerks.find((u) => u.id === id)?.display_name ?? id, ...t }))
              .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      load: weekdayHourLoad(tickets, p, hallHourOf()),
    },
    windowEvaluations: {
      all: rated.all,
      byPlace: [...rated.byPlace]
        .map(([id, w]) => ({ id, name: placeName.get(id) ?? id, ...w }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })),
    },
  };
}

/**
 * The hall's hour of an instant, converted once per UTC hour: a year holds
 * ~100,000 tickets in ~3,000 UTC hours. The hall's
 * zone (Asia/Shanghai) is a whole number of hours off UTC and changes offset,
 * if ever, on a whole hour, so every instant of one UTC hour has the same hall hour.
 */
function hallHourOf(): (iso: string) => number {
  const cache = new Map<string, number>();
  return (iso) => {
    const key = iso.slice(0, 13);
    let h = cache.get(key);
    if (h === undefined) cache.set(key, (h = hallHour(iso)));
    return h;
  };
}

const isBreakdown = (k: string): k is BreakdownKey => BREAKDOWNS.some((b) => b.code === k);

export async function statsDrill(deps: Deps, actor: Actor, input: ParsedInputOf<'stats.drill'>): Promise<StatsDrill> {
  return maskOutOfReach(deps, actor, await drillRows(deps, actor, input));
}

/**
 * The rows behind a figure name persons: a leader limited to their own (leader-scope.ts) sees the
 * names of the others masked, as the hall display and 叫号记录 show them; the counts stay whole.
 */
async function maskOutOfReach(deps: Deps, actor: Actor, drill: StatsDrill): Promise<StatsDrill> {
  if (actor.role !== 'leader' || drill.kind === 'tickets' || drill.rows.length === 0) return drill;
  const ids = drill.rows.map((r) => r.id);
  const owners =
    drill.kind === 'visits'
      ? await deps.db.selectFrom('visits').select(['id', 'petitioner_id as pid']).where('id', 'in', ids).execute()
      : await deps.db.selectFrom('matters').select(['id', 'petitioner_id as pid']).where('id', 'in', ids).execute();
  const pidOf = new Map(owners.map((o) => [o.id, o.pid]));
  const readable = await readablePersons(deps.db, actor, [...new Set(pidOf.values())]);
  const shown = <R extends { id: string; name: string }>(r: R): R =>
    readable.has(pidOf.get(r.id) ?? '') ? r : { ...r, name: maskName(r.name) };
  return drill.kind === 'visits' ? { ...drill, rows: drill.rows.map(shown) } : { ...drill, rows: drill.rows.map(shown) };
}

async function drillRows(deps: Deps, actor: Actor, input: ParsedInputOf<'stats.drill'>): Promise<StatsDrill> {
  const p = { from: input.from, to: input.to };
  const today = checkScope(deps, actor, p);
  const key = input.figure;
  if (key === 'overdue') {
    const rows = (await overdueRows(deps.db, today)).filter((m) => input.key == null || m.unit === input.key);
    return { kind: 'matters', total: rows.length, rows: rows.slice(0, DRILL_LIMIT).map((m) => drillMatter(m, true)) };
  }
  if (isBreakdown(key) || figureDefinition(key).drills === 'visits') return drillVisits(deps, p, key, input.key);
  if (figureDefinition(key).drills === 'tickets') {
    const lanes = new Map((await deps.db.selectFrom('lanes').select(['id', 'name']).execute()).map((l) => [l.id, l.name]));
    const rows = (await ticketRows(deps.db, p))
      .filter((t) => (key === 'no_show' ? t.firstCallAt != null : true))
      .sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0));
    return {
      kind: 'tickets',
      total: rows.length,
      rows: rows.slice(0, DRILL_LIMIT).map((t) => ({
        id: t.id,
        ticketNo: t.ticketNo,
        day: t.day,
        lane: lanes.get(t.laneId) ?? '',
        status: t.status,
        issuedAt: t.issuedAt,
        firstCallAt: t.firstCallAt,
        finishedAt: t.finishedAt,
      })),
    };
  }
  const cal = await holidayCalendar(deps.db);
  const rows = (await matterRows(deps.db, p))
    .map((m) => ({ m, s: matterMembership(key as MatterRate, m, p, cal) }))
    .filter((x) => x.s.inDenominator);
  return { kind: 'matters', total: rows.length, rows: rows.slice(0, DRILL_LIMIT).map((x) => drillMatter(x.m, x.s.inNumerator)) };
}

const drillMatter = (
  m: { id: string; name: string; summary: string; state: string; unit: string; receivedOn: string },
  counted: boolean,
) => ({
  id: m.id,
  name: m.name,
  summary: m.summary,
  state: m.state,
  unit: m.unit,
  receivedOn: m.receivedOn,
  counted,
});

async function drillVisits(deps: Deps, p: Period, key: FigureKey | BreakdownKey, code: string | null): Promise<StatsDrill> {
  const rows = await deps.db
    .selectFrom('visits as v')
    .innerJoin('matters as m', 'm.id', 'v.matter_id')
    .select([
      'v.id',
      'v.visit_no',
      'v.visit_date',
      'v.name',
      'v.kind',
      'v.people_count',
      'v.skip_level',
      'v.category',
      'v.purpose',
      'v.location_area',
      'v.summary',
      'v.matter_id',
      'm.unit',
    ])
    .where('v.visit_date', '>=', p.from)
    .where('v.visit_date', '<=', p.to)
    .orderBy('v.visit_date')
    .orderBy('v.visit_no')
    .execute();
  const matching = rows.filter((r) => {
    const row = {
      visitDate: r.visit_date,
      kind: r.kind,
      peopleCount: Number(r.people_count),
      skipLevel: Number(r.skip_level) === 1,
      category: r.category,
      purpose: r.purpose,
      locationArea: r.location_area,
      unit: r.unit,
    };
    return isBreakdown(key) ? visitMatches(row, key, code ?? '') : visitCounts(key, row);
  });
  return {
    kind: 'visits',
    total: matching.length,
    rows: matching.slice(0, DRILL_LIMIT).map((r) => ({
      id: r.id,
      visitNo: r.visit_no,
      visitDate: r.visit_date,
      name: r.name,
      kind: r.kind,
      peopleCount: Number(r.people_count),
      category: r.category,
      summary: r.summary,
      unit: r.unit,
      matterId: r.matter_id,
    })),
  };
}
