import { z } from '../zod-setup';

/** Counts characters as a person does: 𠮷 is one character, not two UTF-16 units. */
export function charLength(s: string): number {
  return Array.from(s).length;
}

/** A trimmed text field with a Chinese label used in its messages. */
export function text(label: string, opts: { min?: number; max: number }) {
  const min = opts.min ?? 0;
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .refine((s) => charLength(s) >= min, { message: min <= 1 ? `请填写${label}` : `${label}至少${min}个字` })
    .refine((s) => charLength(s) <= opts.max, { message: `${label}不能超过${opts.max}个字` });
}

export const uuid = z.uuid({ error: '编号格式不正确' });
export const empty = z.object({}).strict();
