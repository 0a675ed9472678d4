// The 信访事项 (matter): one method for every transition (the same at the window
// and at a leader's talk), the matter with its timeline, the due list of every
// clock, and the 包案台账. The rules themselves are in shared/domain/matter.ts.
import { z } from '../zod-setup';
import { codesOf } from '../../domain/categories';
import {
  CLOCKS,
  DECISIONS,
  DECLINE_GROUNDS,
  DELIVERY_METHODS,
  EVALUATION_VIA,
  EVALUATIONS,
  LEGAL_ROUTES,
  type Clock,
  type Decision,
  type DeclineGround,
  type Evaluation,
  type EvaluationVia,
  type LegalRoute,
  type MatterAction,
  type MatterFacts,
  type MatterKind,
  type MatterState,
  type OpenClock,
} from '../../domain/matter';
import { text, uuid } from './common';

const date = (label: string) => z.iso.date(`${label}格式不正确`);
const on = date('日期');
const unit = (label: string) => text(label, { min: 2, max: 60 });

/** The four parts of a 处理意见书 / 复查意见书 / 复核意见书. */
export const opinionInput = z.object({
  facts: text('查明的事实', { min: 4, max: 4000 }),
  reasons: text('理由', { min: 2, max: 2000 }),
  decision: text('处理意见', { min: 2, max: 2000 }),
  basis: text('依据', { max: 1000 }).default(''),
});
export type Opinion = z.output<typeof opinionInput>;

const common = {
  matterId: uuid,
  /** The version the screen showed: a change made meanwhile by someone else is refused, not overwritten. */
  version: z.number().int().min(1),
  on,
};

/**
 * 作出处理决定: the decision's fields, the same at the window (matters.act) and
 * in the leader's talk record (reception.record); checked per decision by
 * `refineDecision`.
 */
export const decisionFields = {
  decision: z.enum(codesOf(DECISIONS), { error: '请选择处理方式' }),
  unit: text('单位', { max: 60 }).default(''),
  deadline: date('办理期限').nullable().default(null),
  declineGround: z.enum(codesOf(DECLINE_GROUNDS)).nullable().default(null),
  route: z.enum(codesOf(LEGAL_ROUTES)).nullable().default(null),
  /** 不再受理: the ended matter this one repeats. */
  endedMatterId: uuid.nullable().default(null),
  reason: text('理由', { max: 500 }).default(''),
};

type DecisionFields = Omit<{ [K in keyof typeof decisionFields]: z.output<(typeof decisionFields)[K]> }, 'decision'> & {
  decision: z.output<typeof decisionFields.decision> | null;
};

export function refineDecision<T extends DecisionFields>(v: T, ctx: z.RefinementCtx<T>): void {
  const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if ((v.decision === 'assigned' || v.decision === 'forwarded') && v.unit.length < 2)
    need('unit', v.decision === 'assigned' ? '请填写承办单位' : '请填写转送单位');
  if (v.decision !== 'assigned' && v.deadline) need('deadline', '只有交办需要办理期限');
  if (v.decision === 'declined' && !v.declineGround) need('declineGround', '请选择不予受理的理由');
  if (v.decision === 'declined' && v.declineGround === 'other' && v.reason.length < 4) need('reason', '请写明不予受理的理由（至少4个字）');
  if (v.decision === 'guided' && !v.route) need('route', '请选择引导的法定途径');
  if (v.decision === 'not_again' && !v.endedMatterId) need('endedMatterId', '请选择已终结的同一事项');
}

const decideInput = z.object({ ...common, action: z.literal('decide'), ...decisionFields }).superRefine(refineDecision);

/** One union over every action, told apart by `action` (so a missing field is named, not the whole union). */
export const matterActInput = z.discriminatedUnion('action', [
  decideInput,
  z.object({ ...common, action: z.literal('unit_accept'), unit: unit('受理单位') }),
  z.object({ ...common, action: z.literal('return'), unit: unit('退回单位'), reason: text('退回理由', { min: 4, max: 500 }) }),
  z.object({
    ...common,
    action: z.literal('extend'),
    days: z.number({ error: '请填写延期天数' }).int('延期天数应为整数').min(1, '延期天数为1至30天').max(30, '延期最多30天'),
    reason: text('延期理由（将告知来访人）', { min: 4, max: 300 }),
    approver: text('批准人', { min: 2, max: 30 }),
  }),
  z.object({ ...common, action: z.literal('conclude'), opinion: opinionInput }),
  z.object({
    ...common,
    action: z.literal('deliver'),
    /** The print job of the paper delivered (its template tells whether it answers in writing). */
    printJobId: uuid,
    method: z.enum(codesOf(DELIVERY_METHODS), { error: '请选择送达方式' }),
    reason: text('备注', { max: 200 }).default(''),
  }),
  z.object({
    ...common,
    action: z.literal('evaluate'),
    evaluation: z.enum(codesOf(EVALUATIONS), { error: '请选择评价' }),
    via: z.enum(codesOf(EVALUATION_VIA), { error: '请选择评价方式' }),
    reason: text('不满意的原因', { max: 300 }).default(''),
  }),
  z.object({
    ...common,
    action: z.literal('callback'),
    contact: text('回访对象', { min: 2, max: 30 }),
    summary: text('回访情况', { min: 4, max: 1000 }),
    evaluation: z.enum(codesOf(EVALUATIONS)).nullable().default(null),
  }),
  z.object({ ...common, action: z.literal('request_review'), reason: text('复查请求', { min: 4, max: 1000 }) }),
  z.object({ ...common, action: z.literal('decide_review'), opinion: opinionInput }),
  z.object({ ...common, action: z.literal('request_recheck'), reason: text('复核请求', { min: 4, max: 1000 }) }),
  z.object({ ...common, action: z.literal('decide_recheck'), opinion: opinionInput }),
  z.object({
    ...common,
    action: z.literal('pause'),
    days: z.number({ error: '请填写听证天数' }).int('听证天数应为整数').min(1, '听证天数为1至90天').max(90, '听证天数为1至90天'),
    reason: text('听证情况', { min: 4, max: 500 }),
  }),
  z.object({ ...common, action: z.literal('terminate'), reason: text('终结说明', { min: 4, max: 500 }) }),
  z.object({
    ...common,
    action: z.literal('supervise'),
    unit: unit('督办单位'),
    due: date('督办期限'),
    reason: text('督办事由', { min: 4, max: 500 }),
  }),
  z.object({ ...common, action: z.literal('lead'), leaderId: uuid, reason: text('说明', { max: 300 }).default('') }),
  z.object({
    ...common,
    action: z.literal('resolve'),
    resolution: z.enum(['resolved', 'unresolved'], { error: '请选择化解情况' }),
    reason: text('化解情况说明', { min: 4, max: 1000 }),
  }),
]);
export type MatterActInput = z.input<typeof matterActInput>;

export const matterIdInput = z.object({ matterId: uuid });

export const dueListInput = z.object({
  clock: z.enum(codesOf(CLOCKS)).nullable().default(null),
  unit: text('单位', { max: 60 }).default(''),
  leaderId: uuid.nullable().default(null),
  /** Only matters overdue or due within this many days; null: every open clock. */
  withinDays: z.number().int().min(0).max(366).nullable().default(null),
  limit: z.number().int().min(1).max(500).default(200),
  offset: z.number().int().min(0).default(0),
});

export const ledgerInput = z.object({ leaderId: uuid.nullable().default(null) });

// ---- outputs ---------------------------------------------------------------

export interface MatterEventView {
  id: string;
  /** Instant (UTC ISO) the write happened; `on` is the hall date the act itself is dated. */
  at: string;
  on: string;
  action: MatterAction;
  actorName: string;
  fromState: MatterState;
  toState: MatterState;
  unit: string;
  reason: string;
  /** Action-specific facts (the opinion's parts, the delivery method, the days…), for the timeline. */
  data: Record<string, unknown>;
}

export interface MatterView extends MatterFacts {
  id: string;
  version: number;
  petitionerId: string;
  name: string;
  category: string;
  locationArea: string;
  summary: string;
  kind: MatterKind | null;
  /** 首办负责: the organ and clerk who first received it. */
  receivedOrgan: string;
  receivedByName: string;
  unit: string;
  declineGround: DeclineGround | null;
  route: LegalRoute | null;
  reason: string;
  extensionReason: string;
  extensionApprover: string;
  opinion: Opinion | null;
  reviewOpinion: Opinion | null;
  recheckOpinion: Opinion | null;
  evaluation: Evaluation | null;
  evaluationVia: EvaluationVia | null;
  evaluatedOn: string | null;
  leadLeaderName: string;
  resolution: 'resolved' | 'unresolved' | null;
  superviseDue: string | null;
  supervisionCount: number;
  clocks: OpenClock[];
  /** What the screens may offer now (from the one transition table). */
  actions: MatterAction[];
  visits: { id: string; visitNo: string; visitDate: string; kind: 'first' | 'repeat'; peopleCount: number }[];
  events: MatterEventView[];
}

export interface DueMatter {
  matterId: string;
  name: string;
  summary: string;
  state: MatterState;
  decision: Decision | null;
  unit: string;
  leadLeaderName: string;
  clock: Clock;
  due: string;
  dueState: OpenClock['state'];
  daysLeft: number;
  supervisionCount: number;
}

export interface DueList {
  items: DueMatter[];
  /** Over every open matter that matches the filters, not only this page. */
  counts: { total: number; overdue: number; dueToday: number; dueSoon: number };
  /** Per responsible unit ('' = not named), over every filter but the unit: open, overdue, and 督办 issued. */
  units: { unit: string; open: number; overdue: number; supervisions: number }[];
}

export interface LedgerRow {
  matterId: string;
  leaderId: string;
  leaderName: string;
  name: string;
  summary: string;
  state: MatterState;
  /** Days since receipt. */
  ageDays: number;
  leadOn: string;
  resolution: 'resolved' | 'unresolved' | null;
}
