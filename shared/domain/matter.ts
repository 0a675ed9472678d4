// The life of a 信访事项 (matter) under 《信访工作条例》, as pure rules: its
// states, the one transition table every screen and the backend obey, and the
// clocks each state runs. The backend writes a transition only after `plan`
// below has accepted it; the screens offer only the actions `allowedActions`
// returns. Dates are hall calendar dates 'YYYY-MM-DD'; every period is computed
// by shared/domain/deadlines.ts (the one module of date rules).
//
//   登记 ─┬─ 当场答复 ───────────────────────────────▶ 办结
//         ├─ 受理 / 交办 ─▶ 办理中 (延期 once) ─ 处理意见书 ─▶ 办结 ─ 复查 ─▶ 已复查 ─ 复核 ─▶ 终结
//         ├─ 转送 ─▶ 已转送 ─ 有权机关受理 ─▶ 办理中      │                  │
//         │             └─ 退回 (5 working days) ─▶ 登记   └─ 期满未申请 ─▶ 终结
//         ├─ 不予受理 (grounds from a list)   ─▶ 不予受理
//         ├─ 不再受理 (same matter already ended) ─▶ 不再受理
//         └─ 引导诉讼 / 诉访分离 (names the route) ─▶ 已导入法定途径
//
// Not a remedy anywhere here: 复查 of a refusal. Only a 处理意见书 (and then a
// 复查意见书) opens the review route.
import type { Option } from './categories';
import {
  calendarPeriodEnd,
  daysBetween,
  dueState,
  LIMITS,
  objectionDue,
  recheckAnswerDue,
  recheckRequestDue,
  replyDue,
  reviewAnswerDue,
  reviewRequestDue,
  type DueState,
  type HolidayCalendar,
} from './deadlines';

export const MATTER_STATES = [
  { code: 'registered', label: '待处理' },
  { code: 'forwarded', label: '已转送' },
  { code: 'handling', label: '办理中' },
  { code: 'concluded', label: '已办结' },
  { code: 'review', label: '复查中' },
  { code: 'reviewed', label: '已复查' },
  { code: 'recheck', label: '复核中' },
  { code: 'final', label: '已终结' },
  { code: 'declined', label: '不予受理' },
  { code: 'not_again', label: '不再受理' },
  { code: 'guided', label: '已导入法定途径' },
] as const satisfies readonly Option[];
export type MatterState = (typeof MATTER_STATES)[number]['code'];

/** The decision that routes a registered matter (at the window or at a leader's talk: the same rules). */
export const DECISIONS = [
  { code: 'answered', label: '当场答复' },
  { code: 'accepted', label: '受理' },
  { code: 'assigned', label: '交办' },
  { code: 'forwarded', label: '转送' },
  { code: 'declined', label: '不予受理' },
  { code: 'not_again', label: '不再受理' },
  { code: 'guided', label: '引导诉讼' },
] as const satisfies readonly Option[];
export type Decision = (typeof DECISIONS)[number]['code'];

/**
 * Grounds for 不予受理, a maintained list (after the 条例's cases); the paper
 * prints the label. 'other' needs the reason written out.
 */
export const DECLINE_GROUNDS = [
  { code: 'not_petition', label: '不属于信访事项受理范围' },
  { code: 'not_our_level', label: '不属于本机关职权范围，已告知向有权处理的机关提出' },
  { code: 'in_legal_process', label: '已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决' },
  { code: 'being_handled', label: '该信访事项正在办理期限内' },
  { code: 'other', label: '其他（写明理由）' },
] as const satisfies readonly Option[];
export type DeclineGround = (typeof DECLINE_GROUNDS)[number]['code'];

/** 诉访分离: the lawful route a matter is guided to; the paper names it and warns of its time limits. */
export const LEGAL_ROUTES = [
  { code: 'court', label: '向人民法院提起诉讼' },
  { code: 'procuratorate', label: '向人民检察院申请法律监督' },
  { code: 'arbitration', label: '申请仲裁' },
  { code: 'labour_arbitration', label: '申请劳动人事争议仲裁' },
  { code: 'reconsideration', label: '申请行政复议' },
] as const satisfies readonly Option[];
export type LegalRoute = (typeof LEGAL_ROUTES)[number]['code'];

/** 《信访工作条例》's three kinds of matter, which decide how it is handled. */
export const MATTER_KINDS = [
  { code: 'suggestion', label: '建议意见' },
  { code: 'accusation', label: '检举控告' },
  { code: 'claim', label: '申诉求决' },
] as const satisfies readonly Option[];
export type MatterKind = (typeof MATTER_KINDS)[number]['code'];

export const EVALUATIONS = [
  { code: 'satisfied', label: '满意' },
  { code: 'basic', label: '基本满意' },
  { code: 'unsatisfied', label: '不满意' },
  { code: 'none', label: '未参评' },
] as const satisfies readonly Option[];
export type Evaluation = (typeof EVALUATIONS)[number]['code'];

export const EVALUATION_VIA = [
  { code: 'in_person', label: '当面' },
  { code: 'phone', label: '电话回访' },
  { code: 'visit', label: '来访时' },
  { code: 'pad', label: '评价器' },
] as const satisfies readonly Option[];
export type EvaluationVia = (typeof EVALUATION_VIA)[number]['code'];

export const DELIVERY_METHODS = [
  { code: 'in_person', label: '当面送达' },
  { code: 'post', label: '邮寄送达' },
  { code: 'refused', label: '拒收（留置送达）' },
] as const satisfies readonly Option[];
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number]['code'];

/** Every action on a matter. Each is one audited write with its actor, time and reason. */
export const MATTER_ACTIONS = [
  { code: 'decide', label: '作出处理决定' },
  { code: 'unit_accept', label: '有权机关受理' },
  { code: 'return', label: '退回（异议）' },
  { code: 'extend', label: '延期' },
  { code: 'conclude', label: '办结（出具处理意见书）' },
  { code: 'deliver', label: '送达' },
  { code: 'evaluate', label: '评价' },
  { code: 'callback', label: '回访' },
  { code: 'request_review', label: '申请复查' },
  { code: 'decide_review', label: '复查意见' },
  { code: 'request_recheck', label: '申请复核' },
  { code: 'decide_recheck', label: '复核意见' },
  { code: 'pause', label: '听证（不计入期限）' },
  { code: 'terminate', label: '终结' },
  { code: 'supervise', label: '督办' },
  { code: 'lead', label: '包案' },
  { code: 'resolve', label: '化解情况' },
] as const satisfies readonly Option[];
export type MatterAction = (typeof MATTER_ACTIONS)[number]['code'];

/** Acts only a leader or the administrator takes: opinions on review, 督办, 包案 and its result, 终结. */
export const LEADER_ONLY_ACTIONS: readonly MatterAction[] = [
  'decide_review',
  'decide_recheck',
  'supervise',
  'lead',
  'resolve',
  'terminate',
];

/** Whether a role may take an action at all (the backend refuses the rest; screens do not offer them). */
export const mayTakeAction = (role: 'clerk' | 'leader' | 'admin', action: MatterAction) =>
  role !== 'clerk' || !LEADER_ONLY_ACTIONS.includes(action);

/** Where the matter stands: what the rules read. The backend maps its row to this. */
export interface MatterFacts {
  state: MatterState;
  /** Date of receipt (the first registration): the 15-day written answer runs from it. */
  receivedOn: string;
  decision: Decision | null;
  decidedOn: string | null;
  /** The date the matter was accepted (受理 / 交办 / the unit's acceptance after 转送): the 60-day clock. */
  acceptedOn: string | null;
  /** The handling deadline in force (after any extension, or a 交办's own shorter deadline). */
  handleDue: string | null;
  extensionDays: number | null;
  /** The written answer (告知书 or 处理意见书) delivered. */
  repliedOn: string | null;
  /** 处理意见书 date; null for an on-the-spot answer. */
  opinionOn: string | null;
  concludedOn: string | null;
  reviewRequestedOn: string | null;
  reviewPausedDays: number;
  reviewDecidedOn: string | null;
  recheckRequestedOn: string | null;
  recheckPausedDays: number;
  recheckDecidedOn: string | null;
  finalOn: string | null;
  leadLeaderId: string | null;
}

/** A matter just registered on `receivedOn`: no decision, no answer, no clock stopped yet. */
export function registeredFacts(receivedOn: string): MatterFacts {
  return {
    state: 'registered',
    receivedOn,
    decision: null,
    decidedOn: null,
    acceptedOn: null,
    handleDue: null,
    extensionDays: null,
    repliedOn: null,
    opinionOn: null,
    concludedOn: null,
    reviewRequestedOn: null,
    reviewPausedDays: 0,
    reviewDecidedOn: null,
    recheckRequestedOn: null,
    recheckPausedDays: 0,
    recheckDecidedOn: null,
    finalOn: null,
    leadLeaderId: null,
  };
}

export type Clock = 'reply' | 'handle' | 'review' | 'recheck';
export const CLOCKS: readonly Option<Clock>[] = [
  { code: 'reply', label: '书面告知' },
  { code: 'handle', label: '办理' },
  { code: 'review', label: '复查答复' },
  { code: 'recheck', label: '复核答复' },
];

export interface OpenClock {
  clock: Clock;
  due: string;
  state: DueState;
  daysLeft: number;
}

/** States in which no clock but the written answer can run again (the due-date recomputation skips them). */
export const CLOSED_STATES: readonly MatterState[] = ['final', 'declined', 'not_again', 'guided'];

const reviewDueOf = (f: Pick<MatterFacts, 'reviewRequestedOn' | 'reviewPausedDays'>, cal: HolidayCalendar) =>
  f.reviewRequestedOn ? reviewAnswerDue(f.reviewRequestedOn, cal, f.reviewPausedDays) : null;
const recheckDueOf = (f: Pick<MatterFacts, 'recheckRequestedOn' | 'recheckPausedDays'>, cal: HolidayCalendar) =>
  f.recheckRequestedOn ? recheckAnswerDue(f.recheckRequestedOn, cal, f.recheckPausedDays) : null;

/**
 * The clocks still running, earliest first. The written answer is owed for
 * every matter not answered on the spot, from receipt, whoever decides it.
 */
export function openClocks(f: MatterFacts, today: string, cal: HolidayCalendar): OpenClock[] {
  const out: { clock: Clock; due: string }[] = [];
  if (f.decision !== 'answered' && !f.repliedOn) out.push({ clock: 'reply', due: replyDue(f.receivedOn, cal) });
  if (f.state === 'handling' && f.handleDue) out.push({ clock: 'handle', due: f.handleDue });
  if (f.state === 'review') out.push({ clock: 'review', due: reviewDueOf(f, cal)! });
  if (f.state === 'recheck') out.push({ clock: 'recheck', due: recheckDueOf(f, cal)! });
  return out
    .map((c) => ({ ...c, state: dueState(c.due, today), daysLeft: daysBetween(today, c.due) }))
    .sort((a, b) => a.due.localeCompare(b.due));
}

/** The earliest open clock, kept on the matter's row so the due list reads one index. */
export function nextDue(f: MatterFacts, today: string, cal: HolidayCalendar): { clock: Clock; due: string } | null {
  const first = openClocks(f, today, cal)[0];
  return first ? { clock: first.clock, due: first.due } : null;
}

/**
 * The handling deadline after the one extension of `days` (1–30): counted on
 * from the deadline in force, its last day moved off a non-working day. So the
 * stored days, the date and the 延期告知书 always say the same thing: "延长N日，
 * 至 原期限+N日（遇节假日顺延）".
 */
export function extendedDue(currentDue: string, days: number, cal: HolidayCalendar): string {
  if (!Number.isInteger(days) || days < 1 || days > LIMITS.maxExtensionDays)
    throw new RangeError(`延期天数应为1至${LIMITS.maxExtensionDays}天`);
  return calendarPeriodEnd(currentDue, days, cal);
}

// ---- the transition table ---------------------------------------------------------

/** A proposed action with the facts it carries; `on` is the date it happened (hall date). */
export type Proposal =
  | { action: 'decide'; decision: Decision; on: string; unit?: string; deadline?: string | null; hasEndedSibling?: boolean }
  | { action: 'unit_accept'; on: string }
  | { action: 'return'; on: string }
  | { action: 'extend'; on: string; days: number }
  | { action: 'conclude'; on: string }
  | { action: 'deliver'; on: string; answersInWriting: boolean }
  | { action: 'evaluate'; on: string }
  | { action: 'callback'; on: string }
  | { action: 'request_review'; on: string }
  | { action: 'decide_review'; on: string }
  | { action: 'request_recheck'; on: string }
  | { action: 'decide_recheck'; on: string }
  | { action: 'pause'; on: string; days: number }
  | { action: 'terminate'; on: string }
  | { action: 'supervise'; on: string; due: string }
  | { action: 'lead'; on: string }
  | { action: 'resolve'; on: string };

/** What the backend writes when a proposal is accepted: the new state and the changed facts. */
export interface Plan {
  to: MatterState;
  set: Partial<MatterFacts>;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; message: string; field?: string };

const refuse = (message: string, field?: string): PlanResult => ({ ok: false, message, field });
const accept = (to: MatterState, set: Partial<MatterFacts> = {}): PlanResult => ({ ok: true, plan: { to, set } });

const label = (list: readonly Option[], code: string) => list.find((o) => o.code === code)?.label ?? code;
const fmt = (ymd: string) => `${ymd.slice(0, 4)}年${ymd.slice(5, 7)}月${ymd.slice(8, 10)}日`;

/** From which states each action may be taken. The one table; `plan` adds the date and field rules. */
export const TRANSITIONS: Record<MatterAction, readonly MatterState[]> = {
  decide: ['registered'],
  unit_accept: ['forwarded'],
  return: ['forwarded', 'handling'],
  extend: ['handling'],
  conclude: ['handling'],
  deliver: [
    'registered',
    'forwarded',
    'handling',
    'concluded',
    'review',
    'reviewed',
    'recheck',
    'final',
    'declined',
    'not_again',
    'guided',
  ],
  evaluate: ['concluded', 'review', 'reviewed', 'recheck', 'final'],
  callback: ['handling', 'concluded', 'review', 'reviewed', 'recheck', 'final'],
  request_review: ['concluded'],
  decide_review: ['review'],
  request_recheck: ['reviewed'],
  decide_recheck: ['recheck'],
  pause: ['review', 'recheck'],
  terminate: ['concluded', 'reviewed'],
  supervise: ['forwarded', 'handling', 'review', 'recheck'],
  lead: ['registered', 'forwarded', 'handling', 'concluded', 'review', 'reviewed', 'recheck'],
  resolve: ['registered', 'forwarded', 'handling', 'concluded', 'review', 'reviewed', 'recheck', 'final'],
};

/** The target state of each decision. */
const DECISION_STATE: Record<Decision, MatterState> = {
  answered: 'concluded',
  accepted: 'handling',
  assigned: 'handling',
  forwarded: 'forwarded',
  declined: 'declined',
  not_again: 'not_again',
  guided: 'guided',
};

/**
 * Checks a proposed action against the state machine and the legal windows.
 * `today` is the hall date now: nothing may be dated in the future, nor before
 * the step it follows.
 */
export function plan(f: MatterFacts, p: Proposal, today: string, cal: HolidayCalendar): PlanResult {
  const stateLabel = label(MATTER_STATES, f.state);
  if (!TRANSITIONS[p.action].includes(f.state)) return refuse(`该事项${stateLabel}，不能${label(MATTER_ACTIONS, p.action)}`);
  if (p.on > today) return refuse('日期不能晚于今天', 'on');
  if (p.on < f.receivedOn) return refuse(`日期不能早于登记日期（${fmt(f.receivedOn)}）`, 'on');

  switch (p.action) {
    case 'decide': {
      if (p.decision === 'not_again' && !p.hasEndedSibling)
        return refuse('只有经复查、复核或已终结的同一事项才能不再受理；请选择已终结的事项', 'decision');
      if (p.decision === 'assigned') {
        const latest = calendarPeriodEnd(p.on, LIMITS.handleDays, cal);
        const deadline = p.deadline ?? latest;
        if (deadline < p.on) return refuse('办理期限不能早于交办日期', 'deadline');
        if (deadline > latest) return refuse(`办理期限不能超过60日的法定期限（${fmt(latest)}）`, 'deadline');
        return accept('handling', { decision: 'assigned', decidedOn: p.on, acceptedOn: p.on, handleDue: deadline });
      }
      if (p.decision === 'accepted')
        return accept('handling', {
          decision: 'accepted',
          decidedOn: p.on,
          acceptedOn: p.on,
          handleDue: calendarPeriodEnd(p.on, LIMITS.handleDays, cal),
        });
      if (p.decision === 'answered') return accept('concluded', { decision: 'answered', decidedOn: p.on, concludedOn: p.on });
      return accept(DECISION_STATE[p.decision], { decision: p.decision, decidedOn: p.on });
    }
    case 'unit_accept':
      if (f.decidedOn && p.on < f.decidedOn) return refuse('受理日期不能早于转送日期', 'on');
      return accept('handling', { acceptedOn: p.on, handleDue: calendarPeriodEnd(p.on, LIMITS.handleDays, cal) });
    case 'return': {
      if (f.decision !== 'forwarded' && f.decision !== 'assigned') return refuse('只有转送或交办的事项可以退回');
      if (!f.decidedOn) return refuse('该事项没有转送或交办日期');
      const last = objectionDue(f.decidedOn, cal);
      if (p.on > last) return refuse(`异议应在转送或交办后5个工作日内（${fmt(last)}前）提出`, 'on');
      return accept('registered', { decision: null, decidedOn: null, acceptedOn: null, handleDue: null, extensionDays: null });
    }
    case 'extend': {
      if (f.extensionDays !== null) return refuse('办理期限只能延长一次');
      if (!f.handleDue) return refuse('该事项没有办理期限');
      if (p.on > f.handleDue) return refuse(`办理期限（${fmt(f.handleDue)}）已过，不能再延期`, 'on');
      if (!Number.isInteger(p.days) || p.days < 1 || p.days > LIMITS.maxExtensionDays)
        return refuse(`延期天数应为1至${LIMITS.maxExtensionDays}天`, 'days');
      return accept('handling', { extensionDays: p.days, handleDue: extendedDue(f.handleDue, p.days, cal) });
    }
    case 'conclude':
      if (f.acceptedOn && p.on < f.acceptedOn) return refuse('办结日期不能早于受理日期', 'on');
      return accept('concluded', { opinionOn: p.on, concludedOn: p.on });
    case 'deliver':
      return accept(f.state, p.answersInWriting && !f.repliedOn ? { repliedOn: p.on } : {});
    case 'evaluate':
    case 'callback':
    case 'lead':
    case 'resolve':
      return accept(f.state);
    case 'supervise':
      if (p.due < today) return refuse('督办期限不能早于今天', 'due');
      return accept(f.state);
    case 'request_review': {
      if (!f.opinionOn) return refuse('当场答复的事项没有处理意见书，不能申请复查');
      if (p.on < f.opinionOn) return refuse('申请日期不能早于处理意见书日期', 'on');
      const last = reviewRequestDue(f.opinionOn, cal);
      if (p.on > last) return refuse(`复查应在收到处理意见书之日起30日内（${fmt(last)}前）申请`, 'on');
      return accept('review', { reviewRequestedOn: p.on, reviewPausedDays: 0 });
    }
    case 'decide_review':
      if (f.reviewRequestedOn && p.on < f.reviewRequestedOn) return refuse('复查意见日期不能早于申请日期', 'on');
      return accept('reviewed', { reviewDecidedOn: p.on });
    case 'request_recheck': {
      if (!f.reviewDecidedOn) return refuse('没有复查意见，不能申请复核');
      if (p.on < f.reviewDecidedOn) return refuse('申请日期不能早于复查意见日期', 'on');
      const last = recheckRequestDue(f.reviewDecidedOn, cal);
      if (p.on > last) return refuse(`复核应在收到复查意见书之日起30日内（${fmt(last)}前）申请`, 'on');
      return accept('recheck', { recheckRequestedOn: p.on, recheckPausedDays: 0 });
    }
    case 'decide_recheck':
      if (f.recheckRequestedOn && p.on < f.recheckRequestedOn) return refuse('复核意见日期不能早于申请日期', 'on');
      return accept('final', { recheckDecidedOn: p.on, finalOn: p.on });
    case 'pause': {
      if (!Number.isInteger(p.days) || p.days < 1 || p.days > 90) return refuse('听证天数应为1至90天', 'days');
      return f.state === 'review'
        ? accept('review', { reviewPausedDays: f.reviewPausedDays + p.days })
        : accept('recheck', { recheckPausedDays: f.recheckPausedDays + p.days });
    }
    case 'terminate': {
      // 终结 by lapse: the review window passed with no request (a 复核意见 ends the matter by itself).
      const from = f.state === 'concluded' ? f.opinionOn : f.reviewDecidedOn;
      if (f.state === 'concluded' && !from) return accept('final', { finalOn: p.on });
      const last = f.state === 'concluded' ? reviewRequestDue(from!, cal) : recheckRequestDue(from!, cal);
      if (p.on <= last) return refuse(`${f.state === 'concluded' ? '复查' : '复核'}申请期限至${fmt(last)}，期满后才能终结`, 'on');
      return accept('final', { finalOn: p.on });
    }
  }
}

/** The actions a screen may offer now (the date rules are checked when the action is taken). */
export function allowedActions(f: Pick<MatterFacts, 'state' | 'decision' | 'extensionDays' | 'opinionOn'>): MatterAction[] {
  return MATTER_ACTIONS.map((a) => a.code).filter((a) => {
    if (!TRANSITIONS[a].includes(f.state)) return false;
    if (a === 'return') return f.decision === 'forwarded' || f.decision === 'assigned';
    if (a === 'extend') return f.extensionDays === null;
    if (a === 'request_review') return f.opinionOn !== null;
    return true;
  });
}

/** What the unit is called for each decision that names one (forms and papers). */
export const DECISION_UNIT_LABELS: Partial<Record<Decision, string>> = {
  accepted: '责任单位',
  assigned: '承办单位',
  forwarded: '转送单位',
};

/** A decision on one line, as screens, papers and the district's 处理结果 show it: 转送（区住建局）, 引导向人民法院提起诉讼. */
export function decisionText(d: { decision: Decision | null; unit?: string; route?: string | null }): string {
  if (!d.decision) return '';
  const text = d.decision === 'guided' && d.route ? `引导${label(LEGAL_ROUTES, d.route)}` : label(DECISIONS, d.decision);
  return d.unit ? `${text}（${d.unit}）` : text;
}

/** A 约访 must not be booked past the written answer owed to the visitor. */
export function appointmentProblem(
  f: Pick<MatterFacts, 'receivedOn' | 'decision' | 'repliedOn'>,
  date: string,
  cal: HolidayCalendar,
): string | null {
  if (f.decision === 'answered' || f.repliedOn) return null;
  const due = replyDue(f.receivedOn, cal);
  return date > due ? `该事项应在${fmt(due)}前书面告知来访人，约访日期不能晚于该日` : null;
}

/**
 * Which papers answer the visitor in writing (their 送达 closes the 15-day clock):
 * the 告知书 of every decision that owes one (引导告知书 included: a guided
 * matter is answered by it) and the 处理意见书.
 */
export const WRITTEN_ANSWER_PAPERS = ['accept_notice', 'decline_notice', 'forward_notice', 'guide_notice', 'opinion'] as const;

/** For the registration screen: a later visit about a matter already ended is flagged, with the matter. */
export function endedNotice(state: MatterState): string | null {
  if (state === 'final') return '该事项已终结，依法不再受理';
  if (state === 'not_again') return '该事项已作出不再受理决定';
  return null;
}
