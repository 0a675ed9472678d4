// 期限提醒 of matters: every open clock, earliest first, read from the one
// index on next_due; and the recomputation of those dates when the holiday
// calendar changes (or a database from before 0010 is opened).
import { sql } from 'kysely';
import type { ParsedInputOf } from '@shared/api/contract';
import type { DueList, DueMatter } from '@shared/api/schemas/matters';
import { daysBetween, dueState, LIMITS, type HolidayCalendar } from '@shared/domain/deadlines';
import { addDays } from '@shared/domain/deadlines';
import { CLOSED_STATES, nextDue, type Clock } from '@shared/domain/matter';
import { hallDate } from '@shared/time';
import type { Actor, Deps } from '../../context';
import type { Db, Executor } from '../../db/connection';
import { factsOf } from '../../db/queries/matters';
import { findUserById } from '../../db/queries/users';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';

type DueInput = ParsedInputOf<'matters.dueList'>;

/** Open matters (a clock running) matching the filters; read from the next_due / (unit, next_due) indexes. */
function filtered(db: Executor, input: DueInput, leaderId: string | null) {
  let q = db.selectFrom('matters as m').where('m.next_due', 'is not', null);
  if (input.clock) q = q.where('m.next_clock', '=', input.clock);
  if (input.unit) q = q.where('m.unit', '=', input.unit);
  if (leaderId) q = q.where('m.lead_leader_id', '=', leaderId);
  return q;
}

/** Leaders see the matters they took on (包案) unless the administrator let them see every queue. */
async function leaderScope(db: Executor, actor: Actor, requested: string | null): Promise<string | null> {
  if (actor.role !== 'leader') return requested;
  const all = (await findUserById(db, actor.id))?.sees_all_queues === 1;
  return all ? requested : actor.id;
}

export async function dueList(deps: Deps, actor: Actor, input: DueInput): Promise<DueList> {
  const today = hallDate(deps.now());
  const leaderId = await leaderScope(deps.db, actor, input.leaderId);
  let page = filtered(deps.db, input, leaderId);
  if (input.withinDays !== null) page = page.where('m.next_due', '<=', addDays(today, input.withinDays));
  const rows = await page
    .innerJoin('petitioners as p', 'p.id', 'm.petitioner_id')
    .leftJoin('users as l', 'l.id', 'm.lead_leader_id')
    .select([
      'm.id',
      'p.name',
      'm.summary',
      'm.state',
      'm.decision',
      'm.unit',
      'm.next_clock',
      'm.next_due',
      'm.supervision_count',
      'l.display_name as lead_name',
    ])
    .orderBy('m.next_due')
    .orderBy('m.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const soon = addDays(today, LIMITS.warnDaysBefore);
  // The counts in one pass over the index (every match, not only this page).
  const c = await filtered(deps.db, input, leaderId)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      sql<number>`coalesce(sum(CASE WHEN m.next_due < ${today} THEN 1 ELSE 0 END), 0)`.as('overdue'),
      sql<number>`coalesce(sum(CASE WHEN m.next_due = ${today} THEN 1 ELSE 0 END), 0)`.as('dueToday'),
      sql<number>`coalesce(sum(CASE WHEN m.next_due > ${today} AND m.next_due <= ${soon} THEN 1 ELSE 0 END), 0)`.as('dueSoon'),
    ])
    .executeTakeFirstOrThrow();
  const [total, overdue, dueToday, dueSoon] = [c.total, c.overdue, c.dueToday, c.dueSoon].map(Number) as [number, number, number, number];
  const items: DueMatter[] = rows.map((r) => ({
    matterId: r.id,
    name: r.name,
    summary: r.summary,
    state: r.state,
    decision: r.decision,
    unit: r.unit,
    leadLeaderName: r.lead_name ?? '',
    clock: r.next_clock as Clock,
    due: r.next_due!,
    dueState: dueState(r.next_due!, today),
    daysLeft: daysBetween(today, r.next_due!),
    supervisionCount: r.supervision_count,
  }));
  // By responsible unit, over the other filters (so the breakdown names every unit): open, overdue, 督办.
  const units = await filtered(deps.db, { ...input, unit: '' }, leaderId)
    .select((eb) => [
      'm.unit',
      eb.fn.countAll<number>().as('open'),
      sql<number>`coalesce(sum(CASE WHEN m.next_due < ${today} THEN 1 ELSE 0 END), 0)`.as('overdue'),
      sql<number>`coalesce(sum(m.supervision_count), 0)`.as('supervisions'),
    ])
    .groupBy('m.unit')
    .execute();
  return {
    items,
    counts: { total, overdue, dueToday, dueSoon },
    units: units
      .map((u) => ({ unit: u.unit, open: Number(u.open), overdue: Number(u.overdue), supervisions: Number(u.supervisions) }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || Number(!a.unit) - Number(!b.unit) || a.unit.localeCompare(b.unit)),
  };
}

/**
 * Recomputes next_due of every matter whose clocks may run, in one write
 * transaction: after the administrator changes the holiday calendar, and once
 * after 0010 (flagged in settings). Returns how many dates changed.
 */
export async function recomputeDueDates(trx: Executor, cal: HolidayCalendar, today: string): Promise<number> {
  const rows = await trx.selectFrom('matters').selectAll().where('state', 'not in', CLOSED_STATES).execute();
  let changed = 0;
  for (const m of rows) {
    const next = nextDue(factsOf(m), today, cal);
    if ((next?.due ?? null) === m.next_due && (next?.clock ?? null) === m.next_clock) continue;
    await trx
      .updateTable('matters')
      .set({ next_due: next?.due ?? null, next_clock: next?.clock ?? null })
      .where('id', '=', m.id)
      .execute();
    changed++;
  }
  return changed;
}

/** At start: the recomputation 0010 asked for, once. */
export async function recomputeIfFlagged(db: Db, cal: HolidayCalendar, now: Date): Promise<void> {
  const flag = await db.selectFrom('settings').select('value_json').where('key', '=', 'matters.recomputeDue').executeTakeFirst();
  if (flag?.value_json !== 'true') return;
  await writeTransaction(db, async (trx) => {
    const n = await recomputeDueDates(trx, cal, hallDate(now));
    await trx.deleteFrom('settings').where('key', '=', 'matters.recomputeDue').execute();
    await writeAudit(trx, {
      at: now.toISOString(),
      actorId: null,
      action: 'matters.recompute_due',
      entity: 'matter',
      entityId: null,
      after: { changed: n },
    });
  });
}
