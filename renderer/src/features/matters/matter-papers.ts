// Which papers the matter page offers now. One small function, to be replaced
// by the printing rules' own module (shared/domain/matter-papers.ts, branch
// h-e) when it lands. Until then only the templates this build's PRINT_TEMPLATES
// knows are offered; the backend in this build still reads their refId as a
// talk, so it refuses a matter id with its own message, shown to the clerk.
import { PRINT_TEMPLATES, type PrintTemplate } from '@shared/api/schemas/printing';
import type { MatterView } from '@shared/api/schemas/matters';

export type MatterPaper =
  | 'accept_notice'
  | 'forward_notice'
  | 'decline_notice'
  | 'guide_notice'
  | 'extension_notice'
  | 'opinion'
  | 'review_opinion'
  | 'recheck_opinion'
  | 'assign_sheet'
  | 'supervise_sheet';

const LABELS: Record<MatterPaper, string> = {
  accept_notice: '受理告知书',
  forward_notice: '转送告知书',
  decline_notice: '不予受理告知书',
  guide_notice: '引导诉讼告知书',
  extension_notice: '延期告知书',
  opinion: '处理意见书',
  review_opinion: '复查意见书',
  recheck_opinion: '复核意见书',
  assign_sheet: '交办单',
  supervise_sheet: '督办单',
};

export const paperLabel = (code: string) => LABELS[code as MatterPaper] ?? '';

function papersFor(m: MatterView): MatterPaper[] {
  const out: MatterPaper[] = [];
  if (m.decision === 'accepted' || m.decision === 'assigned') out.push('accept_notice');
  if (m.decision === 'assigned') out.push('assign_sheet');
  if (m.decision === 'forwarded') out.push('forward_notice');
  if (m.decision === 'declined' || m.decision === 'not_again') out.push('decline_notice');
  if (m.decision === 'guided') out.push('guide_notice');
  if (m.extensionDays) out.push('extension_notice');
  if (m.opinion) out.push('opinion');
  if (m.reviewOpinion) out.push('review_opinion');
  if (m.recheckOpinion) out.push('recheck_opinion');
  if (m.supervisionCount > 0) out.push('supervise_sheet');
  return out;
}

const KNOWN = new Set<string>(PRINT_TEMPLATES.map((t) => t.code));

/** The papers to offer on the matter page, each a template print.submit accepts with { refId: matterId }. */
export function offeredPapers(m: MatterView): { template: PrintTemplate; label: string }[] {
  return papersFor(m)
    .filter((p) => KNOWN.has(p))
    .map((p) => ({ template: p as PrintTemplate, label: LABELS[p] }));
}
