import type { z } from 'zod';
import { ApiError } from '@shared/api/errors';

/** The same zod schema the backend uses, run in the form: { path: message } for Mantine. */
export function zodErrors(schema: z.ZodType, values: unknown): Record<string, string> {
  const r = schema.safeParse(values);
  if (r.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  return errors;
}

/** A message for any thrown value, in Chinese. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请重试';
}
