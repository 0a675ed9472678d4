// The rows the statistics are computed from (shared/domain/stats.ts does the
// counting). Plain SQL both engines run: date filters compare the text date
// columns, grouping is on plain columns, times are bucketed in JS.
import { addDays } from '@shared/domain/deadlines';
import type { MatterRow, Period, TicketRow, VisitRow, WindowEvaluationRow } from '@shared/domain/stats';
import type { Deps } from '../../context';

type Db = Deps['db'];

/** The visits of a period, grouped by every field a figure reads (one row per alike group). */
export async function visitRows(db: Db, p: Period): Promise<VisitRow[]> {
  const rows = await db
    .selectFrom('visits as v')
    .innerJoin('matters as m', 'm.id', 'v.matter_id')
    .select(['v.visit_date', 'v.kind', 'v.people_count', 'v.skip_level', 'v.category', 'v.purpose', 'v.location_area', 'm.unit'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('v.visit_date', '>=', p.from)
    .where('v.visit_date', '<=', p.to)
    .groupBy(['v.visit_date', 'v.kind', 'v.people_count', 'v.skip_level', 'v.category', 'v.purpose', 'v.location_area', 'm.unit'])
    .execute();
  return rows.map((r) => ({
    visitDate: r.visit_date,
    kind: r.kind,
    peopleCount: Number(r.people_count),
    skipLevel: Number(r.skip_level) === 1,
    category: r.category,
    purpose: r.purpose,
    locationArea: r.location_area,
    unit: r.unit,
    visits: Number(r.n),
  }));
}

/**
 * The visits of a period grouped by what the volume figures read (date, kind,
 * people, 越级) only, without the matter's unit: the 环比 and 同比 periods need
 * no breakdown, and this reads the visits' index and table alone. The fields no
 * figure reads are ''.
 */
export async function visitVolumeRows(db: Db, p: Period): Promise<VisitRow[]> {
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
    category: '',
    purpose: '',
    locationArea: '',
    unit: '',
    visits: Number(r.n),
  }));
}

/**
 * The written answer falls due at most 15 days after receipt plus a holiday's
 * shift; 45 days back is ample, the domain then keeps only those due in the period.
 */
const REPLY_LOOKBACK_DAYS = 45;

/** What the matter rates read of a matter. */
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

/**
 * Matters any matter rate of the period may count (the domain decides which):
 * received in the period or the 45 days before it, or due, concluded or taken
 * on (包案) in it, each an indexed range (0016). `names`: with the person,
 * summary and state for the drill lists; the summary's figures need none.
 */
export async function matterRows(db: Db, p: Period): Promise<(MatterRow & { name: string; summary: string; state: string })[]>;
export async function matterRows(db: Db, p: Period, names: false): Promise<MatterRow[]>;
export async function matterRows(db: Db, p: Period, names = true): Promise<MatterRow[]> {
  const between = (c: 'm.handle_due' | 'm.concluded_on' | 'm.lead_on') => [c, p.from, p.to] as const;
  const rows = await db
    .selectFrom('matters as m')
    .select(RATE_FIELDS)
    .$if(names, (q) => q.innerJoin('petitioners as pe', 'pe.id', 'm.petitioner_id').select(['m.state', 'm.summary', 'pe.name']))
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
  return rows.map((r) => toMatterRow({ ...r, state: r.state ?? '', summary: r.summary ?? '', name: r.name ?? '' }));
}

/**
 * The matters overdue today counted per unit in SQL (one covering index range, one row a unit), for the
 * summary's 逾期 table: every overdue matter of the hall's history is in it, ~11k rows on a 100k-visit district.
 */
export async function overdueDues(db: Db, today: string): Promise<{ unit: string; nextDue: string; matters: number }[]> {
  const rows = await db
    .selectFrom('matters')
    .select((eb) => ['unit', eb.fn.min('next_due').as('next_due'), eb.fn.countAll<number>().as('n')])
    .where('next_due', '<', today)
    .groupBy('unit')
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

/** The desks' tickets of a period (not a leader's room queue) with their first and last call. */
export async function ticketRows(db: Db, p: Period): Promise<(TicketRow & { ticketNo: string })[]> {
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'day', 'lane_id', 'status', 'issued_at', 'finished_at', 'ticket_no'])
    .where('day', '>=', p.from)
    .where('day', '<=', p.to)
    .where('room_id', 'is', null)
    .orderBy('issued_at')
    .execute();
  const calls = await db
    .selectFrom('ticket_calls as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .select(['c.ticket_id', 'c.desk_id', 'c.at', 'c.actor_id'])
    .where('t.day', '>=', p.from)
    .where('t.day', '<=', p.to)
    .where('t.room_id', 'is', null)
    .orderBy('c.at')
    .execute();
  const first = new Map<string, string>();
  const last = new Map<string, { at: string; desk: string; clerk: string }>();
  for (const c of calls) {
    if (!first.has(c.ticket_id)) first.set(c.ticket_id, c.at);
    last.set(c.ticket_id, { at: c.at, desk: c.desk_id, clerk: c.actor_id });
  }
  return tickets.map((t) => ({
    id: t.id,
    day: t.day,
    laneId: t.lane_id,
    status: t.status,
    issuedAt: t.issued_at,
    firstCallAt: first.get(t.id) ?? null,
    deskId: last.get(t.id)?.desk ?? null,
    clerkId: last.get(t.id)?.clerk ?? null,
    lastCallAt: last.get(t.id)?.at ?? null,
    finishedAt: t.finished_at,
    ticketNo: t.ticket_no,
  }));
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
