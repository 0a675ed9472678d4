// The holiday calendar the deadline rules (shared/domain/deadlines.ts) count with.
import type { ParsedInputOf } from '@shared/api/contract';
import type { CalendarDay } from '@shared/api/schemas/calendar';
import type { HolidayCalendar } from '@shared/domain/deadlines';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { recomputeDueDates } from '../matters/due';
import { hallDate } from '@shared/time';

export async function getCalendarYear(db: Executor, year: number): Promise<CalendarDay[]> {
  return db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
}

/** Replaces one year's entries as a whole (the State Council publishes a year at a time). */
export async function saveYear(deps: Deps, actor: Actor, input: ParsedInputOf<'calendar.save'>): Promise<CalendarDay[]> {
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    const before = await getCalendarYear(trx, input.year);
    await trx.deleteFrom('calendar_days').where('date', '>=', `${input.year}-01-01`).where('date', '<=', `${input.year}-12-31`).execute();
    for (const d of input.days)
      await trx
        .insertInto('calendar_days')
        .values({ ...d, updated_at: at })
        .execute();
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'calendar.save',
      entity: 'calendar',
      entityId: String(input.year),
      before,
      after: input.days,
    });
    // Open clocks of matters move with the holidays: recomputed in the same transaction, and audited.
    const changed = await recomputeDueDates(trx, await holidayCalendar(trx), hallDate(deps.now()));
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'matters.recompute_due',
      entity: 'matter',
      entityId: null,
      after: { changed, year: input.year },
    });
  });
  deps.events.publish('matters.changed', { matterId: '' });
  return getCalendarYear(deps.db, input.year);
}

/** Everything on file, in the shape the deadline rules take. */
export async function holidayCalendar(db: Executor): Promise<HolidayCalendar> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind']).execute();
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.date)),
  };
}
