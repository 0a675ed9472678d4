// Which papers a 信访事项 (matter) allows: the one rule the backend enforces
// (print.submit / print.preview refuse with the message below) and the screens
// use to offer their print buttons. The papers follow the matter's decision and
// the steps it has been through, never the outcome text of a talk.
import type { MatterTemplate } from '../api/schemas/printing';
import type { MatterView } from '../api/schemas/matters';

/** The facts of a matter the rule reads. */
export type MatterPaperFacts = Pick<
  MatterView,
  'decision' | 'extensionDays' | 'opinion' | 'reviewOpinion' | 'recheckOpinion' | 'supervisionCount'
>;

/** The order papers are offered in (the order they come in a matter's life). */
export const MATTER_TEMPLATE_ORDER: readonly MatterTemplate[] = [
  'accept_notice',
  'forward_notice',
  'assign_sheet',
  'decline_notice',
  'guide_notice',
  'extension_notice',
  'supervise_sheet',
  'opinion',
  'review_opinion',
  'recheck_opinion',
];

/** Why the matter does not allow this paper (a Chinese message), or null when it does. */
export function matterPaperProblem(template: MatterTemplate, m: MatterPaperFacts): string | null {
  const d = m.decision;
  switch (template) {
    case 'accept_notice':
      // 转送 and 交办 send the matter elsewhere: they are not this bureau's 受理.
      return d === 'accepted' ? null : '只有本机关受理的事项出具受理告知书（转送、交办的事项出具转送或交办告知书）';
    case 'forward_notice':
      return d === 'forwarded' || d === 'assigned' ? null : '只有转送或交办的事项出具转送（交办）告知书';
    case 'assign_sheet':
      return d === 'assigned' ? null : '只有交办的事项出具交办单';
    case 'decline_notice':
      return d === 'declined' || d === 'not_again' ? null : '只有不予受理或不再受理的事项出具不予受理告知书';
    case 'guide_notice':
      return d === 'guided' ? null : '只有引导至法定途径的事项出具引导告知书';
    case 'extension_notice':
      return m.extensionDays ? null : '该事项没有延期，不能出具延期告知书';
    case 'supervise_sheet':
      return m.supervisionCount > 0 ? null : '该事项没有督办，不能出具督办单';
    case 'opinion':
      return m.opinion ? null : '该事项尚未办结出具处理意见，不能打印信访处理意见书';
    case 'review_opinion':
      return m.reviewOpinion ? null : '该事项没有复查意见，不能打印复查意见书';
    case 'recheck_opinion':
      return m.recheckOpinion ? null : '该事项没有复核意见，不能打印复核意见书';
  }
}

export const allowedMatterTemplates = (m: MatterPaperFacts): MatterTemplate[] =>
  MATTER_TEMPLATE_ORDER.filter((t) => matterPaperProblem(t, m) === null);

/** The paper's name for this matter: 转送 or 交办告知书, 不予受理 or 不再受理告知书. */
export function matterPaperTitle(template: MatterTemplate, m: Pick<MatterView, 'decision'>): string {
  switch (template) {
    case 'accept_notice':
      return '受理告知书';
    case 'forward_notice':
      return m.decision === 'assigned' ? '交办告知书' : '转送告知书';
    case 'assign_sheet':
      return '信访事项交办单';
    case 'decline_notice':
      return m.decision === 'not_again' ? '不再受理告知书' : '不予受理告知书';
    case 'guide_notice':
      return '引导告知书';
    case 'extension_notice':
      return '延期告知书';
    case 'opinion':
      return '信访处理意见书';
    case 'review_opinion':
      return '复查意见书';
    case 'recheck_opinion':
      return '复核意见书';
    case 'supervise_sheet':
      return '信访事项督办单';
  }
}
