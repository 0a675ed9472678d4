// The timeline's words for what an event carried (the act's own data).
import { EVALUATION_VIA, EVALUATIONS, DECISIONS, DECLINE_GROUNDS, DELIVERY_METHODS, LEGAL_ROUTES } from '@shared/domain/matter';
import { labelOf } from '@shared/domain/categories';
import type { MatterEventView } from '@shared/api/schemas/matters';
import { formatCalendarDate } from '@shared/time';

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Lines under the event: the decision and its fields, days, the opinion's parts, the delivery… */
export function eventLines(e: MatterEventView): string[] {
  const d = e.data;
  const lines: string[] = [];
  const add = (label: string, v: unknown) => str(v) && lines.push(`${label}：${str(v)}`);
  if (d.decision && e.action === 'decide') add('决定', labelOf(DECISIONS, str(d.decision)));
  if (d.declineGround) add('理由', labelOf(DECLINE_GROUNDS, str(d.declineGround)));
  if (d.route) add('法定途径', labelOf(LEGAL_ROUTES, str(d.route)));
  if (d.deadline) add('办理期限', formatCalendarDate(str(d.deadline)));
  if (d.days) add(e.action === 'pause' ? '听证天数' : '延期天数', `${str(d.days)}天`);
  if (d.approver) add('批准人', d.approver);
  if (d.method) add('送达方式', labelOf(DELIVERY_METHODS, str(d.method)));
  if (d.evaluation) add('评价', labelOf(EVALUATIONS, str(d.evaluation)));
  if (d.via) add('评价方式', labelOf(EVALUATION_VIA, str(d.via)));
  if (d.contact) add('回访对象', d.contact);
  if (d.summary) add('回访情况', d.summary);
  if (d.due) add('督办期限', formatCalendarDate(str(d.due)));
  if (d.resolution) add('化解', d.resolution === 'resolved' ? '已化解' : '未化解');
  const o = d.opinion as Record<string, unknown> | undefined;
  if (o && typeof o === 'object') {
    add('查明的事实', o.facts);
    add('理由', o.reasons);
    add('处理意见', o.decision);
    add('依据', o.basis);
  }
  return lines;
}
