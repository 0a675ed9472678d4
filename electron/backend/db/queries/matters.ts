// The matter's row as the rules read it (MatterFacts), and as the district
// receives it (the export payload). Used by the matter service, registration,
// the leader's talk and the papers.
import type { Opinion } from '@shared/api/schemas/matters';
import type { MatterFacts } from '@shared/domain/matter';
import type { Executor } from '../connection';
import type { MattersTable } from '../schema';

export const findMatterRow = (db: Executor, id: string): Promise<MattersTable | undefined> =>
  db.selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirst();

export function factsOf(m: MattersTable): MatterFacts {
  return {
    state: m.state,
    receivedOn: m.received_on,
    decision: m.decision,
    decidedOn: m.decided_on,
    acceptedOn: m.accepted_on,
    handleDue: m.handle_due,
    extensionDays: m.extension_days,
    repliedOn: m.replied_on,
    opinionOn: m.opinion_on,
    concludedOn: m.concluded_on,
    reviewRequestedOn: m.review_requested_on,
    reviewPausedDays: m.review_paused_days,
    reviewDecidedOn: m.review_decided_on,
    recheckRequestedOn: m.recheck_requested_on,
    recheckPausedDays: m.recheck_paused_days,
    recheckDecidedOn: m.recheck_decided_on,
    finalOn: m.final_on,
    leadLeaderId: m.lead_leader_id,
  };
}

/** The facts back as columns (for the fields a transition sets). */
export function columnsOf(f: Partial<MatterFacts>): Partial<MattersTable> {
  const map: { [K in keyof MatterFacts]: keyof MattersTable } = {
    state: 'state',
    receivedOn: 'received_on',
    decision: 'decision',
    decidedOn: 'decided_on',
    acceptedOn: 'accepted_on',
    handleDue: 'handle_due',
    extensionDays: 'extension_days',
    repliedOn: 'replied_on',
    opinionOn: 'opinion_on',
    concludedOn: 'concluded_on',
    reviewRequestedOn: 'review_requested_on',
    reviewPausedDays: 'review_paused_days',
    reviewDecidedOn: 'review_decided_on',
    recheckRequestedOn: 'recheck_requested_on',
    recheckPausedDays: 'recheck_paused_days',
    recheckDecidedOn: 'recheck_decided_on',
    finalOn: 'final_on',
    leadLeaderId: 'lead_leader_id',
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) out[map[k as keyof MatterFacts]] = v;
  return out as Partial<MattersTable>;
}

export const parseOpinion = (json: string | null): Opinion | null => (json ? (JSON.parse(json) as Opinion) : null);

/**
 * The matter as the district system receives it: its state, unit, dates and
 * decisions (snake_case, as matter records have always travelled). The
 * opinions' texts stay in the hall; their dates travel.
 */
export function matterPayload(m: MattersTable) {
  return {
    id: m.id,
    petitioner_id: m.petitioner_id,
    category: m.category,
    location_area: m.location_area,
    summary: m.summary,
    first_visit_id: m.first_visit_id,
    created_at: m.created_at,
    kind: m.kind,
    state: m.state,
    received_on: m.received_on,
    received_organ: m.received_organ,
    decision: m.decision,
    unit: m.unit,
    decline_ground: m.decline_ground,
    legal_route: m.legal_route,
    decided_on: m.decided_on,
    accepted_on: m.accepted_on,
    handle_due: m.handle_due,
    extension_days: m.extension_days,
    replied_on: m.replied_on,
    opinion_on: m.opinion_on,
    concluded_on: m.concluded_on,
    review_requested_on: m.review_requested_on,
    review_decided_on: m.review_decided_on,
    recheck_requested_on: m.recheck_requested_on,
    recheck_decided_on: m.recheck_decided_on,
    final_on: m.final_on,
    evaluation: m.evaluation,
    evaluated_on: m.evaluated_on,
    lead_leader_id: m.lead_leader_id,
    resolution: m.resolution,
    supervision_count: m.supervision_count,
    updated_at: m.updated_at,
    version: m.version,
  };
}
