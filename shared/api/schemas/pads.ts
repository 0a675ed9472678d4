// 评价器 (satisfaction pad): pairing a pad to a desk or talk room, what the
// pad shows, and the answer it sends. The pad's calls are public (no login);
// each carries the pad's token, checked in the backend.
import { z } from '../zod-setup';
import { codesOf } from '../../domain/categories';
import { PAD_ANSWERS, PAD_REASONS, PAD_TIMEOUT_RANGE, type PadAnswer } from '../../domain/pad';
import type { PlaceKind } from '../../domain/queue';
import { text, uuid } from './common';

export const padPlaceInput = z
  .object({ deskId: uuid.nullable().default(null), roomId: uuid.nullable().default(null) })
  .refine((p) => (p.deskId === null) !== (p.roomId === null), { message: '请选择一个窗口或一间接谈室', path: ['deskId'] });

export const padPairInput = z.object({
  code: z
    .string({ error: '请输入配对码' })
    .trim()
    .regex(/^\d{6}$/, '配对码为6位数字'),
});

const token = z.string({ error: '评价器尚未配对' }).min(32, '评价器尚未配对').max(100, '评价器尚未配对');
export const padTokenInput = z.object({ token });

export const padAnswerInput = z.object({
  token,
  evaluationId: uuid,
  answer: z.enum(codesOf(PAD_ANSWERS), { error: '请选择满意、基本满意或不满意' }),
  reasons: z
    .array(z.enum(codesOf(PAD_REASONS), { error: '不满意的原因不在可选范围内' }))
    .max(PAD_REASONS.length)
    .default([]),
  /** Made by the pad when the visitor taps: a resend with the same key is the same answer. */
  answerKey: uuid,
});

export const padIdInput = z.object({ padId: uuid });

export const padSettingsInput = z.object({
  timeoutSeconds: z
    .number({ error: '请填写评价等待时间' })
    .int('评价等待时间应为整数秒')
    .min(PAD_TIMEOUT_RANGE.min, `评价等待时间为${PAD_TIMEOUT_RANGE.min}至${PAD_TIMEOUT_RANGE.max}秒`)
    .max(PAD_TIMEOUT_RANGE.max, `评价等待时间为${PAD_TIMEOUT_RANGE.min}至${PAD_TIMEOUT_RANGE.max}秒`),
  words: text('评价器提示语', { min: 2, max: 60 }),
});

export type PadSettings = z.output<typeof padSettingsInput>;

export interface PadPlace {
  kind: PlaceKind;
  id: string;
  number: number;
  /** 3号窗口 / 1号接谈室 */
  name: string;
}

export interface PadCode {
  code: string;
  expiresAt: string;
  place: PadPlace;
}

export interface PadView {
  id: string;
  place: PadPlace;
  pairedAt: string;
  lastSeenAt: string | null;
}

/** What the pad shows. Never a visitor's name, ID, phone or matter: only the place, who served, and the question. */
export interface PadState {
  place: PadPlace;
  bureau: string;
  words: string;
  /** Who serves at this place now (the window's last caller today, or the talk's leader). */
  staff: { name: string; staffNo: string } | null;
  /** The open question, if a visitor was just finished here. */
  question: { evaluationId: string; ticketNo: string | null; secondsLeft: number } | null;
  timeoutSeconds: number;
}

export interface PadAnswerResult {
  answer: PadAnswer;
  /** True when this was a resend of an answer already stored (nothing new written). */
  duplicate: boolean;
}
