// 评价器: what the satisfaction pad at a window or talk room may ask, and when
// an unanswered question counts as 未参评. Pure: the backend, the pad page and
// the statistics read the same rules.
import type { Option } from './categories';
import { EVALUATIONS, type Evaluation } from './matter';

/** The answers a visitor can tap (未参评 is never tapped: it is what no answer in time becomes). */
export const PAD_ANSWERS = EVALUATIONS.filter((e) => e.code !== 'none') as readonly Option<Exclude<Evaluation, 'none'>>[];
export type PadAnswer = Exclude<Evaluation, 'none'>;

/** Reasons offered after 不满意 (a visitor may tap several, or none). */
export const PAD_REASONS = [
  { code: 'wait', label: '等候时间太长' },
  { code: 'attitude', label: '服务态度不好' },
  { code: 'unclear', label: '解答没听明白' },
  { code: 'unsolved', label: '问题没有解决' },
  { code: 'process', label: '手续太繁琐' },
] as const satisfies readonly Option[];
export type PadReason = (typeof PAD_REASONS)[number]['code'];

/** How long the pad waits for an answer by default (the administrator may set 15–600 s). */
export const DEFAULT_PAD_TIMEOUT_SECONDS = 60;
export const PAD_TIMEOUT_RANGE = { min: 15, max: 600 } as const;

/** What the bureau says on the idle pad, unless the administrator writes other words. */
export const DEFAULT_PAD_WORDS = '依法、文明、热情接待，办理结束后请您对本次服务作出评价';

/** A pairing code is good for this long, and once. */
export const PAD_CODE_MINUTES = 10;

/**
 * What a question counts as at `now`: its answer, 未参评 once its time has run
 * out unanswered, or null while it is still open (counted neither way yet).
 */
export function padOutcome(e: { answer: Evaluation | null; expiresAt: string }, now: string): Evaluation | null {
  if (e.answer) return e.answer;
  return Date.parse(now) >= Date.parse(e.expiresAt) ? 'none' : null;
}
