// Every transition of a matter, at the window or at a leader's talk: checked by
// the one rule module (shared/domain/matter.ts → plan), written as one row
// change + a timeline event + audit + outbox (the district gets a new version
// of the matter), all in the caller's transaction.
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { HolidayCalendar } from '@shared/domain/deadlines';
import { decisionText, mayTakeAction, nextDue, plan, WRITTEN_ANSWER_PAPERS, type Proposal } from '@shared/domain/matter';
import { formatCalendarDate, hallDate } from '@shared/time';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { columnsOf, factsOf, findMatterRow, matterPayload } from '../../db/queries/matters';
import { findUserById } from '../../db/queries/users';
import type { MattersTable } from '../../db/schema';
import { writeTransaction } from '../../db/transaction';
import { recordChange } from '../audit';
import { holidayCalendar } from '../calendar/calendar';
import { newId } from '../ids';
import { setVisitOutcome } from '../visits';

export type ActInput = ParsedInputOf<'matters.act'>;

/** Where the act happened, for the timeline: the visit at the window, or the leader's talk. */
export interface ActLinks {
  visitId?: string | null;
  talkId?: string | null;
}

async function proposalOf(trx: Executor, m: MattersTable, input: ActInput): Promise<Proposal> {
  switch (input.action) {
    case 'decide': {
      let hasEndedSibling = false;
      if (input.endedMatterId) {
        const ended = await findMatterRow(trx, input.endedMatterId);
        if (!ended || ended.petitioner_id !== m.petitioner_id || ended.id === m.id)
          throw new ApiError('VALIDATION', '所选的已终结事项不属于该来访人', { endedMatterId: '请选择该来访人已终结的事项' });
        hasEndedSibling = ended.state === 'final' || ended.state === 'not_again';
      }
      return { action: 'decide', decision: input.decision, on: input.on, unit: input.unit, deadline: input.deadline, hasEndedSibling };
    }
    case 'deliver': {
      const job = await trx
        .selectFrom('print_jobs')
        .select(['template', 'ref_id', 'status'])
        .where('id', '=', input.printJobId)
        .executeTakeFirst();
      if (!job || job.ref_id !== m.id)
        throw new ApiError('VALIDATION', '找不到该事项的这份文书，请先打印', { printJobId: '请选择已打印的文书' });
      return { action: 'deliver', on: input.on, answersInWriting: (WRITTEN_ANSWER_PAPERS as readonly string[]).includes(job.template) };
    }
    case 'extend':
    case 'pause':
      return { action: input.action, on: input.on, days: input.days };
    case 'supervise':
      return { action: 'supervise', on: input.on, due: input.due };
    default:
      return { action: input.action, on: input.on } as Proposal;
  }
}

/** The columns an action writes beyond the facts the rules set. */
async function extrasOf(trx: Executor, m: MattersTable, input: ActInput): Promise<Partial<MattersTable>> {
  switch (input.action) {
    case 'decide':
      return {
        unit: input.unit,
        decline_ground: input.decision === 'declined' ? input.declineGround : null,
        legal_route: input.decision === 'guided' ? input.route : null,
        reason: input.reason,
        ended_matter_id: input.decision === 'not_again' ? input.endedMatterId : null,
      };
    case 'unit_accept':
      return { unit: input.unit };
    case 'return':
      return { unit: '', decline_ground: null, legal_route: null, reason: '', supervise_due: null };
    case 'extend':
      return { extension_reason: input.reason, extension_approver: input.approver, extended_on: input.on };
    case 'conclude':
      return { opinion_json: JSON.stringify(input.opinion) };
    case 'decide_review':
      return { review_opinion_json: JSON.stringify(input.opinion) };
    case 'decide_recheck':
      return { recheck_opinion_json: JSON.stringify(input.opinion) };
    case 'evaluate':
      return { evaluation: input.evaluation, evaluation_via: input.via, evaluated_on: input.on };
    case 'callback':
      return input.evaluation ? { evaluation: input.evaluation, evaluation_via: 'phone', evaluated_on: input.on } : {};
    case 'supervise':
      return { supervise_due: input.due, supervision_count: m.supervision_count + 1 };
    case 'lead': {
      const leader = await findUserById(trx, input.leaderId);
      if (!leader || leader.role !== 'leader' || leader.disabled)
        throw new ApiError('VALIDATION', '包案领导应为在用的接访领导账户', { leaderId: '请选择接访领导' });
      return { lead_leader_id: leader.id, lead_on: input.on, resolution: null };
    }
    case 'resolve':
      if (!m.lead_leader_id) throw new ApiError('CONFLICT', '该事项尚无包案领导，请先包案');
      return { resolution: input.resolution };
    default:
      return {};
  }
}

/** What the timeline shows of an act beyond its reason and unit. */
function eventData(input: ActInput): Record<string, unknown> {
  const { matterId: _m, version: _v, on: _o, action: _a, ...rest } = input as ActInput & Record<string, unknown>;
  const { reason: _r, unit: _u, ...data } = rest as Record<string, unknown>;
  return data;
}

/**
 * The visit's 处理结果 as the district receives it, from the matter: the
 * decision and unit, the one extension, the conclusion and the end.
 */
export function outcomeText(m: MattersTable): string | null {
  if (!m.decision) return null;
  const parts = [decisionText({ decision: m.decision, unit: m.unit, route: m.legal_route })];
  if (m.extension_days && m.handle_due) parts.push(`延期${m.extension_days}日至${formatCalendarDate(m.handle_due)}`);
  if (m.concluded_on && m.decision !== 'answered') parts.push(`${formatCalendarDate(m.concluded_on)}办结`);
  if (m.final_on) parts.push(`${formatCalendarDate(m.final_on)}终结`);
  return parts.join('；');
}

/**
 * Applies one action in the caller's transaction; returns the matter as
 * written. Refusals throw before anything is written.
 */
export async function applyMatterAction(
  trx: Executor,
  actor: Actor,
  at: string,
  cal: HolidayCalendar,
  input: ActInput,
  links: ActLinks = {},
): Promise<MattersTable> {
  const m = await findMatterRow(trx, input.matterId);
  if (!m) throw new ApiError('NOT_FOUND', '找不到该信访事项');
  if (m.version !== input.version) throw new ApiError('CONFLICT', '该事项已被他人更新，请刷新后再操作');
  if (!mayTakeAction(actor.role, input.action)) throw new ApiError('FORBIDDEN', '该操作由接访领导或管理员办理');
  if (input.action === 'lead' && actor.role === 'leader' && input.leaderId !== actor.id)
    throw new ApiError('FORBIDDEN', '接访领导只能本人包案', { leaderId: '只能选择本人' });

  const today = hallDate(new Date(at));
  const facts = factsOf(m);
  const result = plan(facts, await proposalOf(trx, m, input), today, cal);
  if (!result.ok) {
    if (result.field) throw new ApiError('VALIDATION', result.message, { [result.field]: result.message });
    throw new ApiError('CONFLICT', result.message);
  }
  const nextFacts = { ...facts, ...result.plan.set, state: result.plan.to };
  const next = nextDue(nextFacts, today, cal);
  const row: MattersTable = {
    ...m,
    ...columnsOf(result.plan.set),
    ...(await extrasOf(trx, m, input)),
    state: result.plan.to,
    next_due: next?.due ?? null,
    next_clock: next?.clock ?? null,
    updated_at: at,
    version: m.version + 1,
  };
  const { id: _id, ...changes } = row;
  const res = await trx.updateTable('matters').set(changes).where('id', '=', m.id).where('version', '=', m.version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new ApiError('CONFLICT', '该事项已被他人更新，请刷新后再操作');

  const reason = 'reason' in input ? input.reason : '';
  const unit = 'unit' in input ? input.unit : '';
  await trx
    .insertInto('matter_events')
    .values({
      id: newId(),
      matter_id: m.id,
      version: row.version,
      at,
      on_date: input.on,
      actor_id: actor.id,
      action: input.action,
      from_state: m.state,
      to_state: row.state,
      unit,
      reason,
      visit_id: links.visitId ?? null,
      talk_id: links.talkId ?? null,
      data_json: JSON.stringify(eventData(input)),
    })
    .execute();
  const changed = (Object.keys(changes) as (keyof MattersTable)[]).filter((k) => row[k] !== m[k] && k !== 'updated_at' && k !== 'version');
  await recordChange(trx, {
    at,
    actorId: actor.id,
    action: `matter.${input.action}`,
    entity: 'matter',
    entityId: m.id,
    before: Object.fromEntries(changed.map((k) => [k, m[k]])),
    after: Object.fromEntries(changed.map((k) => [k, row[k]])),
    note: reason || null,
    version: row.version,
    payload: matterPayload(row),
  });

  // The visit the decision was made at carries the 处理结果 the district shows for it.
  const text = outcomeText(row);
  if (text && text !== outcomeText(m)) {
    const decidedAt =
      links.visitId ??
      (
        await trx
          .selectFrom('matter_events')
          .select('visit_id')
          .where('matter_id', '=', m.id)
          .where('action', '=', 'decide')
          .where('visit_id', 'is not', null)
          .orderBy('version', 'desc')
          .executeTakeFirst()
      )?.visit_id ??
      m.first_visit_id;
    if (decidedAt) {
      const v = await trx.selectFrom('visits').select('outcome').where('id', '=', decidedAt).executeTakeFirst();
      if (v && v.outcome !== text) await setVisitOutcome(trx, actor, decidedAt, text, at);
    }
  }
  return row;
}

/** matters.act: one transition in its own write transaction; screens refetch on 'matters.changed'. */
export async function actOnMatter(deps: Deps, actor: Actor, input: ActInput, links: ActLinks = {}): Promise<MattersTable> {
  const cal = await holidayCalendar(deps.db);
  const at = deps.now().toISOString();
  const row = await writeTransaction(deps.db, (trx) => applyMatterAction(trx, actor, at, cal, input, links));
  deps.events.publish('matters.changed', { matterId: row.id });
  if (row.decision && input.action === 'decide') {
    const visitId = links.visitId ?? row.first_visit_id;
    const v = visitId ? await deps.db.selectFrom('visits').select(['id', 'visit_no']).where('id', '=', visitId).executeTakeFirst() : null;
    if (v) deps.events.publish('visits.changed', { visitId: v.id, visitNo: v.visit_no, change: 'outcome' });
  }
  return row;
}
