// The rows the statistics are computed from (shared/domain/stats.ts does the
// counting). Plain SQL both engines run: date filters compare the text date
// columns, grouping is on plain columns, times are bucketed in JS.
//
// Counting happens in SQL, grouped per day or per value of what a figure reads,
// each from one range of a covering index (0019); a period's figures are a few
// hundred to a few thousand grouped rows whatever its length. Only the hall's
// waiting and service times (p50/p90) read one row per ticket of the period,
// and only the columns they need. Per-day summary tables written beside every
// change were the other way, and were not taken: what they would count changes
// in many places (a visit's correction, its matter's 责任单位 set by a later
// decision, every clock of a matter, a ticket's calls and ending, a put-back
// that undoes a call), each a writer in another service that would have to keep
// them right in its transaction forever, while grouped index ranges answer a
// year of the 1M district well inside its 2 s with nothing to keep in step.
import { sql } from 'kysely';
import { addDays } from '@shared/domain/deadlines';
import {
  MATTER_RATE_READS,
  MATTER_RATES,
  type MatterRate,
  type MatterRateRow,
  type MatterRow,
  type Period,
  type TicketCountRow,
  type TicketRow,
  type VisitDayRow,
  type VisitGroupRow,
  type WindowEvaluationRow,
} from '@shared/domain/stats';
import type { Deps } from '../../context';

type Db = Deps['db'];

/**
 * The visits of a period grouped per day by what the volume figures and the trend read (kind, people,
 * 越级): a few rows a day, from one range of the covering index visits_stats (0019).
 */
export async function visitDayRows(db: Db, p: Period): Promise<VisitDayRow[]> {
  const rows = await db
    .selectFrom('visits')
    .select(['visit_date', 'kind', 'people_count', 'skip_level'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('visit_date', '>=', p.from)
    .where('visit_date', '<=', p.to)
    .groupBy(['visit_date', 'kind', 'people_count', 'skip_level'])
    .execute();
  return rows.map((r) => ({
    visitDate: r.visit_date,
    kind: r.kind,
    peopleCount: Number(r.people_count),
    skipLevel: Number(r.skip_level) === 1,
    visits: Number(r.n),
  }));
}

/**
 * The period's visits and people grouped by 内容分类, 来访目的 and 问题属地, for those three breakdowns
 * (one range of visits_stats; a year of the 1M district is a few thousand groups).
 */
export async function visitGroupRows(db: Db, p: Period): Promise<VisitGroupRow[]> {
  const rows = await db
    .selectFrom('visits')
    .select(['category', 'purpose', 'location_area'])
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('people_count').as('people')])
    .where('visit_date', '>=', p.from)
    .where('visit_date', '<=', p.to)
    .groupBy(['category', 'purpose', 'location_area'])
    .execute();
  return rows.map((r) => ({
    category: r.category,
    purpose: r.purpose,
    locationArea: r.location_area,
    visits: Number(r.n),
    people: Number(r.people),
  }));
}

/**
 * The period's visits and people grouped by their matter's 责任单位, for the 责任单位 breakdown. The visits
 * are grouped by matter first (from visits_stats), so each matter's unit is looked up once, not once a visit.
 */
export async function visitUnitRows(db: Db, p: Period): Promise<VisitGroupRow[]> {
  const perMatter = db
    .selectFrom('visits')
    .select('matter_id')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('people_count').as('people')])
    .where('visit_date', '>=', p.from)
    .where('visit_date', '<=', p.to)
    .groupBy('matter_id')
    .as('x');
  const rows = await db
    .selectFrom(perMatter)
    .innerJoin('matters as m', 'm.id', 'x.matter_id')
    .select('m.unit')
    .select((eb) => [eb.fn.sum<number | string>('x.n').as('n'), eb.fn.sum<number | string>('x.people').as('people')])
    .groupBy('m.unit')
    .execute();
  return rows.map((r) => ({ unit: r.unit, visits: Number(r.n), people: Number(r.people) }));
}

/**
 * The written answer falls due at most 15 days after receipt plus a holiday's
 * shift; 45 days back is ample, the domain then keeps only those due in the period.
 */
const REPLY_LOOKBACK_DAYS = 45;

/** What the drill lists and the 逾期 list read of a matter. */
const RATE_FIELDS = [
  'm.id',
  'm.received_on',
  'm.decision',
  'm.decided_on',
  'm.handle_due',
  'm.concluded_on',
  'm.evaluation',
  'm.lead_on',
  'm.lead_leader_id',
  'm.resolution',
  'm.unit',
  'm.next_due',
] as const;

/** What the matter rates read of a matter, with the person and summary for the drill lists. */
const matterStatRows = (db: Db) =>
  db
    .selectFrom('matters as m')
    .innerJoin('petitioners as pe', 'pe.id', 'm.petitioner_id')
    .select([...RATE_FIELDS, 'm.state', 'm.summary', 'pe.name']);

/** The column of each field a matter rate reads. */
const RATE_COLUMN = {
  receivedOn: 'received_on',
  decidedOn: 'decided_on',
  handleDue: 'handle_due',
  concludedOn: 'concluded_on',
  evaluation: 'evaluation',
  leadOn: 'lead_on',
  leadLeaderId: 'lead_leader_id',
  resolution: 'resolution',
} as const satisfies Record<(typeof MATTER_RATE_READS)[MatterRate][number], string>;

/**
 * The date each matter rate selects its matters by, and how many days before the period it looks:
 * a written answer falls due 15 days after receipt plus a holiday's shift (the domain keeps only those due in the period).
 */
const RATE_SELECT: Record<MatterRate, { by: 'received_on' | 'handle_due' | 'concluded_on' | 'lead_on'; lookback: number }> = {
  timely_reply: { by: 'received_on', lookback: REPLY_LOOKBACK_DAYS },
  on_time_conclusion: { by: 'handle_due', lookback: 0 },
  evaluation_rate: { by: 'concluded_on', lookback: 0 },
  satisfaction: { by: 'concluded_on', lookback: 0 },
  lead_resolution: { by: 'lead_on', lookback: 0 },
};

/**
 * The matters each rate of the period may count, grouped in SQL by the fields the rate reads
 * (MATTER_RATE_READS) with a count: one range of a covering index a rate (0019), a few thousand
 * groups for a year of the 1M district where the rows were ~60,000. Rates that read the same fields
 * of the same matters (参评率 and 满意率) share one query. The domain's matterRate counts them.
 */
export async function matterRateRows(db: Db, p: Period): Promise<Record<MatterRate, MatterRateRow[]>> {
  // Sent together (PostgreSQL runs them on as many pooled connections; SQLite one after another).
  const queries = new Map<string, Promise<MatterRateRow[]>>();
  const byRate = MATTER_RATES.map((rate) => {
    const fields = MATTER_RATE_READS[rate];
    const { by, lookback } = RATE_SELECT[rate];
    const key = `${by}:${lookback}:${fields.join()}`;
    let rows = queries.get(key);
    if (!rows) {
      const columns = fields.map((f) => RATE_COLUMN[f]);
      rows = db
        .selectFrom('matters')
        .select(columns)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where(by, '>=', addDays(p.from, -lookback))
        .where(by, '<=', p.to)
        .groupBy(columns)
        .execute()
        .then((got) =>
          got.map((r) => {
            const row: Record<string, unknown> = { matters: Number(r.n) };
            for (const f of fields) row[f] = (r as Record<string, unknown>)[RATE_COLUMN[f]] ?? null;
            return row as MatterRateRow;
          }),
        );
      queries.set(key, rows);
    }
    return [rate, rows] as const;
  });
  const rows = await Promise.all(byRate.map(([, r]) => r));
  return Object.fromEntries(byRate.map(([rate], i) => [rate, rows[i]!])) as Record<MatterRate, MatterRateRow[]>;
}

/**
 * Matters a matter rate of the period may count, one row each with the person, summary and state, for
 * the drill lists (the domain decides which are behind the number): received in the period or the 45
 * days before it, or due, concluded or taken on (包案) in it, each an indexed range (0019).
 */
export async function matterRows(db: Db, p: Period): Promise<(MatterRow & { name: string; summary: string; state: string })[]> {
  const between = (c: 'm.handle_due' | 'm.concluded_on' | 'm.lead_on') => [c, p.from, p.to] as const;
  const rows = await db
    .selectFrom('matters as m')
    .innerJoin('petitioners as pe', 'pe.id', 'm.petitioner_id')
    .select([...RATE_FIELDS, 'm.state', 'm.summary', 'pe.name'])
    .where((eb) =>
      eb.or([
        eb.and([eb('m.received_on', '>=', addDays(p.from, -REPLY_LOOKBACK_DAYS)), eb('m.received_on', '<=', p.to)]),
        ...(['m.handle_due', 'm.concluded_on', 'm.lead_on'] as const).map((c) => {
          const [col, from, to] = between(c);
          return eb.and([eb(col, '>=', from), eb(col, '<=', to)]);
        }),
      ]),
    )
    .orderBy('m.received_on')
    .orderBy('m.id')
    .execute();
  return rows.map(toMatterRow);
}

/**
 * The matters overdue today counted per unit in SQL (one covering index range, one row a unit), for the
 * summary's 逾期 table: every overdue matter of the hall's history is in it, ~37k on the 1M district.
 * Grouped by `unit || ''`, not `unit`: SQLite, not knowing how few matters are overdue, otherwise
 * walks all of matters_by_unit (unit, next_due) in unit order to spare itself the grouping
 * (~470k entries on the 1M district, 70–100 ms) instead of the range of matters_overdue (next_due, unit).
 */
export async function overdueDues(db: Db, today: string): Promise<{ unit: string; nextDue: string; matters: number }[]> {
  const unit = sql<string>`${sql.ref('unit')} || ''`;
  const rows = await db
    .selectFrom('matters')
    .select((eb) => [unit.as('unit'), eb.fn.min('next_due').as('next_due'), eb.fn.countAll<number>().as('n')])
    .where('next_due', '<', today)
    .groupBy(unit)
    .execute();
  return rows.map((r) => ({ unit: r.unit, nextDue: r.next_due!, matters: Number(r.n) }));
}

/** Matters overdue today: their earliest open clock is past. */
export async function overdueRows(db: Db, today: string) {
  const rows = await matterStatRows(db).where('m.next_due', '<', today).orderBy('m.next_due').orderBy('m.id').execute();
  return rows.map(toMatterRow);
}

function toMatterRow(r: {
  id: string;
  received_on: string;
  decision: MatterRow['decision'];
  decided_on: string | null;
  handle_due: string | null;
  concluded_on: string | null;
  evaluation: MatterRow['evaluation'];
  lead_on: string | null;
  lead_leader_id: string | null;
  resolution: MatterRow['resolution'];
  unit: string;
  next_due: string | null;
  state: string;
  summary: string;
  name: string;
}) {
  return {
    id: r.id,
    receivedOn: r.received_on,
    decision: r.decision,
    decidedOn: r.decided_on,
    handleDue: r.handle_due,
    concludedOn: r.concluded_on,
    evaluation: r.evaluation,
    leadOn: r.lead_on,
    leadLeaderId: r.lead_leader_id,
    resolution: r.resolution,
    unit: r.unit,
    nextDue: r.next_due,
    state: r.state,
    summary: r.summary,
    name: r.name,
  };
}

/**
 * The desks' tickets of a period (not a leader's room queue) with their first and last call, one row a
 * ticket: the waiting and service times' quantiles need every one. Unordered (the drill list sorts).
 */
export async function ticketRows(db: Db, p: Period): Promise<(TicketRow & { ticketNo: string })[]> {
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'day', 'lane_id', 'status', 'issued_at', 'finished_at', 'ticket_no'])
    .where('day', '>=', p.from)
    .where('day', '<=', p.to)
    .where('room_id', 'is', null)
    .execute();
  const calls = await db
    .selectFrom('ticket_calls as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .select(['c.ticket_id', 'c.desk_id', 'c.at', 'c.actor_id'])
    .where('t.day', '>=', p.from)
    .where('t.day', '<=', p.to)
    .where('t.room_id', 'is', null)
    .execute();
  // The first and the last call by time (ISO instants compare as text); of two at the same instant the later row counts as last.
  const byTicket = new Map<string, { first: string; last: string; desk: string; clerk: string }>();
  for (const c of calls) {
    const k = byTicket.get(c.ticket_id);
    if (k === undefined) byTicket.set(c.ticket_id, { first: c.at, last: c.at, desk: c.desk_id, clerk: c.actor_id });
    else {
      if (c.at < k.first) k.first = c.at;
      if (c.at >= k.last) Object.assign(k, { last: c.at, desk: c.desk_id, clerk: c.actor_id });
    }
  }
  return tickets.map((t) => {
    const k = byTicket.get(t.id);
    return {
      id: t.id,
      day: t.day,
      laneId: t.lane_id,
      status: t.status,
      issuedAt: t.issued_at,
      firstCallAt: k?.first ?? null,
      deskId: k?.desk ?? null,
      clerkId: k?.clerk ?? null,
      lastCallAt: k?.last ?? null,
      finishedAt: t.finished_at,
      ticketNo: t.ticket_no,
    };
  });
}

/**
 * The desks' tickets of a period grouped per day by status and whether they were ever called, for the
 * 取号数 and 过号率 of the 环比 and 同比 periods (whose times are not shown). A ticket whose call_count is
 * above 0 was called (a call raises it and logs the call in one transaction, queue/tickets.ts markCalled);
 * only a ticket at 0 (never called, or put back after its calls) has its calls looked up.
 */
export async function ticketCountRows(db: Db, p: Period): Promise<TicketCountRow[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .select(['t.day', 't.status'])
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when(
              eb.or([
                eb('t.call_count', '>', 0),
                eb.exists(eb.selectFrom('ticket_calls as c').select('c.id').whereRef('c.ticket_id', '=', 't.id')),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('called'),
    ])
    .where('t.day', '>=', p.from)
    .where('t.day', '<=', p.to)
    .where('t.room_id', 'is', null)
    .groupBy(['t.day', 't.status'])
    .execute();
  return rows.flatMap((r) => {
    const called = Number(r.called ?? 0);
    const never = Number(r.n) - called;
    return [
      ...(called > 0 ? [{ day: r.day, status: r.status, called: true, tickets: called }] : []),
      ...(never > 0 ? [{ day: r.day, status: r.status, called: false, tickets: never }] : []),
    ];
  });
}

/** The questions the 评价器 asked in a period (one row each: a hall asks a few hundred a day). */
export async function evaluationRows(db: Db, p: Period): Promise<WindowEvaluationRow[]> {
  const rows = await db
    .selectFrom('evaluations')
    .select(['day', 'desk_id', 'room_id', 'answer', 'expires_at', 'reasons_json'])
    .where('day', '>=', p.from)
    .where('day', '<=', p.to)
    .execute();
  return rows.map((r) => ({
    day: r.day,
    placeId: (r.desk_id ?? r.room_id)!,
    answer: r.answer,
    expiresAt: r.expires_at,
    reasons: JSON.parse(r.reasons_json) as string[],
  }));
}
