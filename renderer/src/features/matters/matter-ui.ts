// What the matter screens share: labels, colours and the function key of each
// action. (Which actions a role may take is the domain's mayTakeAction, the
// same check the backend makes.)
import type { MatterView } from '@shared/api/schemas/matters';
import type { OpenClock } from '@shared/domain/matter';
import { CLOCKS, DECISIONS, LEGAL_ROUTES, MATTER_STATES, type Clock, type MatterAction, type MatterState } from '@shared/domain/matter';
import { labelOf } from '@shared/domain/categories';

export const stateLabel = (s: MatterState) => labelOf(MATTER_STATES, s);
export const clockLabel = (c: Clock) => labelOf(CLOCKS, c);

export const STATE_COLOR: Record<MatterState, string> = {
  registered: 'orange',
  forwarded: 'cyan',
  handling: 'blue',
  concluded: 'teal',
  review: 'violet',
  reviewed: 'teal',
  recheck: 'grape',
  final: 'dark',
  declined: 'gray',
  not_again: 'red',
  guided: 'indigo',
};

/** Short button labels (the timeline uses MATTER_ACTIONS' full labels). */
export const ACTION_BUTTON: Record<MatterAction, string> = {
  decide: '处理决定',
  unit_accept: '有权机关受理',
  return: '退回',
  deliver: '送达',
  extend: '延期',
  pause: '听证',
  conclude: '办结',
  decide_review: '复查意见',
  decide_recheck: '复核意见',
  supervise: '督办',
  request_review: '申请复查',
  request_recheck: '申请复核',
  evaluate: '评价',
  callback: '回访',
  resolve: '化解情况',
  terminate: '终结',
  lead: '包案',
};

/**
 * One key per step of the legal path; actions that share a key never share a
 * state (the transition table keeps them apart): F2 the first step, F6 the
 * time (延期 / 听证), F7 the written opinion, F9 the visitor's request; Shift
 * takes the rarer ones. F1, F5, F11 and F12 are left to the browser.
 */
export const ACTION_KEYS: Record<MatterAction, string> = {
  decide: 'F2',
  unit_accept: 'F2',
  return: 'F3',
  deliver: 'F4',
  extend: 'F6',
  pause: 'F6',
  conclude: 'F7',
  decide_review: 'F7',
  decide_recheck: 'F7',
  supervise: 'F8',
  request_review: 'F9',
  request_recheck: 'F9',
  evaluate: 'shift+F2',
  callback: 'shift+F3',
  resolve: 'shift+F4',
  terminate: 'shift+F7',
  lead: 'shift+F8',
};

/** 'shift+F7' → 'Shift+F7', as printed on a button. */
export const keyText = (k: string) => k.replace('shift+', 'Shift+');

export const DUE_MARK: Record<OpenClock['state'], { label: string; color: string }> = {
  overdue: { label: '已逾期', color: 'red' },
  due_today: { label: '今日到期', color: 'orange' },
  due_soon: { label: '即将到期', color: 'yellow' },
  ok: { label: '未到期', color: 'gray' },
};

/** 已逾期 3天 / 今日到期 / 即将到期 剩2天 / 剩20天 */
export function dueText(state: OpenClock['state'], daysLeft: number): string {
  if (state === 'overdue') return `已逾期 ${-daysLeft}天`;
  if (state === 'due_today') return '今日到期';
  if (state === 'due_soon') return `即将到期 剩${daysLeft}天`;
  return `剩${daysLeft}天`;
}

/** 转送（区住建局） / 引导向人民法院提起诉讼 — the decision in a line, as the visit's outcome reads. */
export function decisionSummary(m: Pick<MatterView, 'decision' | 'unit' | 'route'>): string {
  if (!m.decision) return '';
  const label = m.decision === 'guided' && m.route ? `引导${labelOf(LEGAL_ROUTES, m.route)}` : labelOf(DECISIONS, m.decision);
  return m.unit ? `${label}（${m.unit}）` : label;
}
