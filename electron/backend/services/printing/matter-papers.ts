// The papers of a 信访事项 (matter) — 告知书, 意见书, 交办单, 督办单: who may
// print them, whether the matter allows one (shared/domain/matter-papers.ts, the
// rule the screens use too) and the data each is drawn from.
import { ApiError } from '@shared/api/errors';
import type { MatterPaper, MatterTemplate, Supervision } from '@shared/api/schemas/printing';
import type { HolidayCalendar } from '@shared/domain/deadlines';
import { matterPaperProblem } from '@shared/domain/matter-papers';
import type { Actor } from '../../context';
import type { Executor } from '../../db/connection';
import { findMatterRow, parseOpinion } from '../../db/queries/matters';
import { findUserById } from '../../db/queries/users';
import { getMatter } from '../matters/view';
import { getVisit } from '../visits';
import { paperVisit } from './paper-visit';

/**
 * A leader sees the papers of a matter they talked about, lead (包案), or any
 * matter when allowed to open every leader's queue; staff see every matter's.
 */
export async function refuseOthersMatter(db: Executor, actor: Actor, matterId: string): Promise<void> {
  const m = await db.selectFrom('matters').select(['id', 'lead_leader_id']).where('id', '=', matterId).executeTakeFirst();
  if (!m) throw new ApiError('NOT_FOUND', '找不到该信访事项');
  if (actor.role !== 'leader' || m.lead_leader_id === actor.id) return;
  const talked = await db
    .selectFrom('talk_records as t')
    .innerJoin('visits as v', 'v.id', 't.visit_id')
    .select('t.id')
    .where('v.matter_id', '=', matterId)
    .where('t.leader_id', '=', actor.id)
    .executeTakeFirst();
  if (talked || (await findUserById(db, actor.id))?.sees_all_queues === 1) return;
  throw new ApiError('FORBIDDEN', '只能查看本人接谈或包案事项的文书');
}

/** Refuses a paper the matter does not allow, with the rule's Chinese message. */
export async function refuseMatterPaper(db: Executor, template: MatterTemplate, matterId: string): Promise<void> {
  const m = await findMatterRow(db, matterId);
  if (!m) throw new ApiError('NOT_FOUND', '找不到该信访事项');
  const problem = matterPaperProblem(template, {
    decision: m.decision,
    extensionDays: m.extension_days,
    opinion: parseOpinion(m.opinion_json),
    reviewOpinion: parseOpinion(m.review_opinion_json),
    recheckOpinion: parseOpinion(m.recheck_opinion_json),
    supervisionCount: m.supervision_count,
  });
  if (problem) throw new ApiError('CONFLICT', problem);
}

/** The data a matter's paper is drawn from: the matter with its timeline, its first visit, the extension and the latest 督办. */
export async function matterPaper(db: Executor, matterId: string, today: string, cal: HolidayCalendar): Promise<MatterPaper> {
  const matter = await getMatter(db, matterId, today, cal);
  const row = await db.selectFrom('matters').select('first_visit_id').where('id', '=', matterId).executeTakeFirstOrThrow();
  const visitId = row.first_visit_id ?? matter.visits[0]?.id;
  if (!visitId) throw new ApiError('NOT_FOUND', '该信访事项没有来访登记');
  const visit = paperVisit(await getVisit(db, visitId));

  const extension = matter.events.filter((e) => e.action === 'extend').at(-1);
  // The deadline before the one extension, as the extension's audit entry recorded it.
  const audit = extension
    ? await db
        .selectFrom('audit_log')
        .select('before_json')
        .where('entity', '=', 'matter')
        .where('entity_id', '=', matterId)
        .where('action', '=', 'matter.extend')
        .orderBy('at', 'desc')
        .executeTakeFirst()
    : undefined;
  const before = audit?.before_json ? (JSON.parse(audit.before_json) as { handle_due?: string | null }) : null;

  const supervisions = matter.events.filter((e) => e.action === 'supervise');
  const last = supervisions.at(-1);
  const supervision: Supervision | null = last
    ? {
        on: last.on,
        due: typeof last.data.due === 'string' ? last.data.due : (matter.superviseDue ?? last.on),
        unit: last.unit,
        reason: last.reason,
        count: supervisions.length,
      }
    : null;

  return {
    matter,
    visit,
    originalHandleDue: before?.handle_due ?? null,
    extendedOn: extension?.on ?? null,
    supervision,
  };
}
