// Which papers a talk record allows: the one rule the backend enforces and the
// leader's screen uses to offer its print buttons.
import type { TalkTemplate } from '../api/schemas/printing';
import type { TalkRecordView } from '../api/schemas/reception';
import type { MatterFacts } from './matter';

type Talk = Pick<TalkRecordView, 'outcome'>;
/** The talk's matter: the extension is the matter's. */
type Matter = Pick<MatterFacts, 'extensionDays'>;

/** Which papers a talk record allows; a refusal names the reason. */
export function talkTemplateProblem(template: TalkTemplate, t: Talk, m: Matter): string | null {
  const accepted = t.outcome === 'accepted' || t.outcome === 'assigned';
  switch (template) {
    case 'accept_notice':
      return accepted ? null : '只有受理或交办的事项出具受理告知书';
    case 'decline_notice':
      return t.outcome === 'declined' || t.outcome === 'guided' ? null : '只有不予受理或引导诉讼的事项出具不予受理告知书';
    case 'extension_notice':
      return m.extensionDays ? null : '该事项没有延期，不能出具延期告知书';
    case 'assign_sheet':
      return t.outcome === 'assigned' ? null : '只有交办的事项出具交办单';
    case 'talk_record':
      return null;
  }
}

export const TALK_TEMPLATE_ORDER: readonly TalkTemplate[] = [
  'accept_notice',
  'decline_notice',
  'extension_notice',
  'assign_sheet',
  'talk_record',
];

export const allowedTalkTemplates = (t: Talk, m: Matter) => TALK_TEMPLATE_ORDER.filter((x) => talkTemplateProblem(x, t, m) === null);
