// The reception domain's part of the hall's day end (run by the queue's
// rollover, before its own tickets are closed or carried).
import { sql } from 'kysely';
import type { Executor } from '../../db/connection';
import { writeAudit } from '../audit';

/**
 * A leader's session that has ended takes nobody more: visitors still booked
 * or waiting are marked 未到 (the clerk can book them again). A visitor called
 * into the room keeps that state until the leader records the talk.
 */
export async function closePastBookings(trx: Executor, today: string, at: string): Promise<void> {
  const left = await pastBookings(trx, today).execute();
  for (const b of left) {
    await trx
      .updateTable('reception_bookings')
      .set({ status: 'no_show', finished_at: at, updated_at: at, version: b.version + 1 })
      .where('id', '=', b.id)
      .execute();
    await writeAudit(trx, {
      at,
      actorId: null,
      action: 'reception.day_end',
      entity: 'reception_booking',
      entityId: b.id,
      before: { status: b.status },
      after: { status: 'no_show' },
    });
  }
}

/** Bookings of sessions before `today` still scheduled or waiting: what closePastBookings closes (a query). */
export function pastBookings(trx: Executor, today: string) {
  return (
    trx
      .selectFrom('reception_bookings as b')
      .innerJoin('reception_sessions as s', 's.id', 'b.session_id')
      .select(['b.id', 'b.status', 'b.version'])
      .where('s.date', '<', today)
      // Literal statuses: the condition of the reception_bookings_open index (0024).
      .where(sql<boolean>`b.status IN ('scheduled', 'waiting')`)
  );
}
