// A matter opened by a first visit (初访): received today by this clerk for this
// bureau (首办负责), with the 15-day written answer clock running from today.
import type { HolidayCalendar } from '@shared/domain/deadlines';
import { kindOfPurpose } from '@shared/domain/categories';
import { nextDue, registeredFacts, type MatterFacts } from '@shared/domain/matter';
import type { MattersTable } from '../../db/schema';

export interface NewMatter {
  id: string;
  petitionerId: string;
  category: string;
  locationArea: string;
  summary: string;
  purpose: string;
  receivedOn: string;
  receivedBy: string;
  receivedOrgan: string;
  at: string;
}

export function newMatterRow(n: NewMatter, cal: HolidayCalendar): MattersTable {
  const facts: MatterFacts = registeredFacts(n.receivedOn);
  const next = nextDue(facts, n.receivedOn, cal);
  return {
    id: n.id,
    petitioner_id: n.petitionerId,
    category: n.category,
    location_area: n.locationArea,
    summary: n.summary,
    first_visit_id: null,
    created_at: n.at,
    kind: kindOfPurpose(n.purpose),
    state: 'registered',
    received_on: n.receivedOn,
    received_by: n.receivedBy,
    received_organ: n.receivedOrgan,
    decision: null,
    unit: '',
    decline_ground: null,
    legal_route: null,
    reason: '',
    ended_matter_id: null,
    decided_on: null,
    accepted_on: null,
    handle_due: null,
    extension_days: null,
    extension_reason: '',
    extension_approver: '',
    extended_on: null,
    replied_on: null,
    opinion_on: null,
    opinion_json: null,
    concluded_on: null,
    review_requested_on: null,
    review_paused_days: 0,
    review_decided_on: null,
    review_opinion_json: null,
    recheck_requested_on: null,
    recheck_paused_days: 0,
    recheck_decided_on: null,
    recheck_opinion_json: null,
    final_on: null,
    evaluation: null,
    evaluation_via: null,
    evaluated_on: null,
    lead_leader_id: null,
    lead_on: null,
    resolution: null,
    supervise_due: null,
    supervision_count: 0,
    next_due: next?.due ?? null,
    next_clock: next?.clock ?? null,
    updated_at: n.at,
    version: 1,
  };
}
