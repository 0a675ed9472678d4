// One matter as the screens show it: its facts, the clocks running, the
// actions the rules allow now, its visits and its timeline.
import { ApiError } from '@shared/api/errors';
import type { MatterEventView, MatterView } from '@shared/api/schemas/matters';
import type { HolidayCalendar } from '@shared/domain/deadlines';
import { allowedActions, openClocks, type MatterAction, type MatterState } from '@shared/domain/matter';
import type { Executor } from '../../db/connection';
import { factsOf, findMatterRow, parseOpinion } from '../../db/queries/matters';
import type { MattersTable } from '../../db/schema';
import type { Actor, Deps } from '../../context';
import { hallDate } from '@shared/time';
import { holidayCalendar } from '../calendar/calendar';
import { refuseMatterOutOfReach } from '../leader-scope';

async function nameOf(db: Executor, userId: string | null): Promise<string> {
  if (!userId) return '';
  return (await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst())?.display_name ?? '';
}

export async function eventsOf(db: Executor, matterId: string): Promise<MatterEventView[]> {
  const rows = await db
    .selectFrom('matter_events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.at', 'e.on_date', 'e.action', 'e.from_state', 'e.to_state', 'e.unit', 'e.reason', 'e.data_json', 'u.display_name'])
    .where('e.matter_id', '=', matterId)
    .orderBy('e.version')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    at: e.at,
    on: e.on_date,
    action: e.action as MatterAction,
    actorName: e.display_name,
    fromState: e.from_state as MatterState,
    toState: e.to_state as MatterState,
    unit: e.unit,
    reason: e.reason,
    data: JSON.parse(e.data_json) as Record<string, unknown>,
  }));
}

export async function toMatterView(db: Executor, m: MattersTable, today: string, cal: HolidayCalendar): Promise<MatterView> {
  const facts = factsOf(m);
  const person = await db.selectFrom('petitioners').select('name').where('id', '=', m.petitioner_id).executeTakeFirstOrThrow();
  const visits = await db
    .selectFrom('visits')
    .select(['id', 'visit_no', 'visit_date', 'kind', 'people_count'])
    .where('matter_id', '=', m.id)
    .orderBy('visit_date')
    .orderBy('visit_no')
    .execute();
  return {
    ...facts,
    id: m.id,
    version: m.version,
    petitionerId: m.petitioner_id,
    name: person.name,
    category: m.category,
    locationArea: m.location_area,
    summary: m.summary,
    kind: m.kind,
    receivedOrgan: m.received_organ,
    receivedByName: await nameOf(db, m.received_by),
    unit: m.unit,
    declineGround: m.decline_ground as MatterView['declineGround'],
    route: m.legal_route as MatterView['route'],
    reason: m.reason,
    extensionReason: m.extension_reason,
    extensionApprover: m.extension_approver,
    opinion: parseOpinion(m.opinion_json),
    reviewOpinion: parseOpinion(m.review_opinion_json),
    recheckOpinion: parseOpinion(m.recheck_opinion_json),
    evaluation: m.evaluation,
    evaluationVia: m.evaluation_via as MatterView['evaluationVia'],
    evaluatedOn: m.evaluated_on,
    leadLeaderName: await nameOf(db, m.lead_leader_id),
    resolution: m.resolution,
    superviseDue: m.supervise_due,
    supervisionCount: m.supervision_count,
    clocks: openClocks(facts, today, cal),
    actions: allowedActions(facts),
    visits: visits.map((v) => ({ id: v.id, visitNo: v.visit_no, visitDate: v.visit_date, kind: v.kind, peopleCount: v.people_count })),
    events: await eventsOf(db, m.id),
  };
}

export async function getMatter(db: Executor, matterId: string, today: string, cal: HolidayCalendar): Promise<MatterView> {
  const m = await findMatterRow(db, matterId);
  if (!m) throw new ApiError('NOT_FOUND', '找不到该信访事项');
  return toMatterView(db, m, today, cal);
}

/** 'matters.get': the matter as the screen shows it; a leader's only within their reach. */
export async function getMatterFor(deps: Deps, actor: Actor, matterId: string): Promise<MatterView> {
  await refuseMatterOutOfReach(deps.db, actor, matterId);
  return getMatter(deps.db, matterId, hallDate(deps.now()), await holidayCalendar(deps.db));
}
