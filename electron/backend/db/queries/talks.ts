// A query used by more than one service, or a row builder (select + mapper to a
// view type), lives in db/queries/<table>.ts; a query used by one service only
// may stay inline in that service.
import type { TalkRecordView } from '@shared/api/schemas/reception';
import type { Decision } from '@shared/domain/matter';
import type { Executor } from '../connection';
import type { TalkRecordsTable } from '../schema';

/**
 * The decision a talk took, as the matter's timeline holds it (the data of the
 * talk's 'decide' event, read here rather than with an engine's JSON function);
 * talks recorded before 0010, or with a matter already decided, fall back to
 * their own outcome ('litigation' is now 'guided').
 */
export function talkDecision(decideEventJson: string | null, talkOutcome: TalkRecordsTable['outcome']): Decision {
  const fromEvent = decideEventJson ? (JSON.parse(decideEventJson) as { decision?: Decision }).decision : undefined;
  return fromEvent ?? (talkOutcome === 'litigation' ? 'guided' : talkOutcome);
}

/** talk_records.outcome keeps its shipped CHECK list: the nearest old code of a decision (the matter holds the real one). */
export const legacyOutcome = (d: Decision): TalkRecordsTable['outcome'] =>
  d === 'guided' ? 'litigation' : d === 'not_again' ? 'declined' : d;

/** Talk records with their visit, leader and the decision taken (from the matter's timeline), for TalkRecordView. */
export function talkRows(db: Executor) {
  return db
    .selectFrom('talk_records as k')
    .innerJoin('visits as v', 'v.id', 'k.visit_id')
    .innerJoin('users as u', 'u.id', 'k.leader_id')
    .leftJoin('matter_events as e', (j) => j.onRef('e.talk_id', '=', 'k.id').on('e.action', '=', 'decide'))
    .selectAll('k')
    .select(['v.visit_no', 'v.visit_date', 'v.name', 'v.petitioner_id', 'v.matter_id', 'u.display_name as leader_name'])
    .select('e.data_json as decide_json');
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
  outcome: talkDecision(k.decide_json, k.outcome),
  unit: k.unit,
  reason: k.reason,
  lawyerPresent: k.lawyer_present === 1,
  satisfaction: k.satisfaction,
  decidedOn: k.decided_on,
  matterId: k.matter_id,
  version: k.version,
});
