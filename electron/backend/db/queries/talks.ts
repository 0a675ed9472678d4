// A query used by more than one service, or a row builder (select + mapper to a
// view type), lives in db/queries/<table>.ts; a query used by one service only
// may stay inline in that service.
import type { TalkRecordView } from '@shared/api/schemas/reception';
import type { Executor } from '../connection';

/** Talk records with their visit and leader, for TalkRecordView. */
export function talkRows(db: Executor) {
  return db
    .selectFrom('talk_records as k')
    .innerJoin('visits as v', 'v.id', 'k.visit_id')
    .innerJoin('users as u', 'u.id', 'k.leader_id')
    .selectAll('k')
    .select(['v.visit_no', 'v.visit_date', 'v.name', 'v.petitioner_id', 'u.display_name as leader_name']);
}
export type TalkRow = Awaited<ReturnType<ReturnType<typeof talkRows>['executeTakeFirstOrThrow']>>;

export const toTalkView = (k: TalkRow): TalkRecordView => ({
  id: k.id,
  bookingId: k.booking_id,
  visitId: k.visit_id,
  visitNo: k.visit_no,
  visitDate: k.visit_date,
  name: k.name,
  leaderName: k.leader_name,
  notes: k.notes,
  outcome: k.outcome,
  unit: k.unit,
  reason: k.reason,
  lawyerPresent: k.lawyer_present === 1,
  satisfaction: k.satisfaction,
  decidedOn: k.decided_on,
  replyDue: k.reply_due,
  handleDue: k.handle_due,
  extensionDays: k.extension_days,
  extensionReason: k.extension_reason,
  repliedOn: k.replied_on,
  concludedOn: k.concluded_on,
  version: k.version,
});
