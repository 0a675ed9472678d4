// The leader's talk notes while they are typed: saved a moment after each pause
// (the talk screen debounces), so a reload, a crash or a 未到 pressed in error
// loses nothing; the talk screen starts from the draft when it is reopened. A
// draft is a working copy, not a record: it is not audited or exported, and the
// talk record that replaces it is (recordTalk deletes the draft in its transaction).
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { TalkDraft } from '@shared/api/schemas/reception';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { findBooking } from '../../db/queries/bookings';
import { writeTransaction } from '../../db/transaction';
import { ownSession } from './talks';

async function ownBooking(db: Executor, actor: Actor, bookingId: string, at: string) {
  const b = await findBooking(db, bookingId);
  if (!b) throw new ApiError('NOT_FOUND', '找不到该接访预约');
  await ownSession(db, actor, b.session_id, at, { pastAllowed: true });
  return b;
}

export async function getDraft(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.draft'>): Promise<TalkDraft | null> {
  await ownBooking(deps.db, actor, input.bookingId, deps.now().toISOString());
  const row = await deps.db
    .selectFrom('talk_drafts')
    .select(['notes', 'updated_at'])
    .where('booking_id', '=', input.bookingId)
    .executeTakeFirst();
  return row ? { notes: row.notes, updatedAt: row.updated_at } : null;
}

export async function saveDraft(deps: Deps, actor: Actor, input: ParsedInputOf<'reception.saveDraft'>): Promise<TalkDraft> {
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    const b = await ownBooking(trx, actor, input.bookingId, at);
    if (b.status === 'done') throw new ApiError('CONFLICT', '该来访的接谈已记录');
    if (input.notes.trim() === '') {
      await trx.deleteFrom('talk_drafts').where('booking_id', '=', b.id).execute();
      return;
    }
    await trx
      .insertInto('talk_drafts')
      .values({ booking_id: b.id, author_id: actor.id, notes: input.notes, updated_at: at })
      .onConflict((oc) => oc.column('booking_id').doUpdateSet({ author_id: actor.id, notes: input.notes, updated_at: at }))
      .execute();
  });
  return { notes: input.notes, updatedAt: at };
}
