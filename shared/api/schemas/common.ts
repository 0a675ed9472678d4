import { z } from '../zod-setup';

/** Counts characters as a person does: 𠮷 is one character, not two UTF-16 units. */
export function charLength(s: string): number {
  return Array.from(s).length;
}

// Half a surrogate pair, or a control character other than tab and line breaks: such text
// cannot be stored as it was typed (SQLite's UTF-8 turns a lone surrogate into U+FFFD) and
// only ever comes from a broken paste or a hostile client.
const BROKEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** True when the text can be stored and printed exactly as typed. */
export const isCleanText = (s: string) => !BROKEN.test(s);

/** The message for text that cannot be stored as typed (half a surrogate pair, NUL, control characters). */
export const brokenTextMessage = (label: string) => `${label}含有无法保存的字符（如不完整的汉字或控制符），请删除后重新输入`;

/** A string that is refused, naming `label`, when it cannot be stored as typed. */
export const cleanString = (label: string) => z.string().refine(isCleanText, { message: brokenTextMessage(label) });

/** A trimmed text field with a Chinese label used in its messages. */
export function text(label: string, opts: { min?: number; max: number }) {
  const min = opts.min ?? 0;
  return (
    z
      .string({ error: `请填写${label}` })
      .trim()
      .refine(isCleanText, { message: brokenTextMessage(label) })
      // An empty field asks to be filled in; a too-short one says how long it must be.
      .refine((s) => min === 0 || charLength(s) > 0, { message: `请填写${label}` })
      .refine((s) => charLength(s) === 0 || charLength(s) >= min, { message: `${label}至少${min}个字` })
      .refine((s) => charLength(s) <= opts.max, { message: `${label}不能超过${opts.max}个字` })
  );
}

/** A record's id: its messages name the field (field-labels.ts). */
export const uuid = z.uuid();
export const empty = z.object({}).strict();
