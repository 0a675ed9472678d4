// 审计查询 (issue 13): the administrator reads the audit log, filtered by person,
// user, hall dates and action, a page at a time, and exports the result as xlsx.
import { z } from '../zod-setup';
import { cleanString, uuid } from './common';

const date = z.iso.date();

export const auditFilterInput = z
  .object({
    /** An ID number or a name (exact); empty: every person. */
    person: cleanString('信访人').trim().max(40, { error: '信访人不能超过40个字' }).default(''),
    userId: uuid.nullable().default(null),
    /** Hall dates 'YYYY-MM-DD', both included; null: open. */
    from: date.nullable().default(null),
    to: date.nullable().default(null),
    action: cleanString('操作类型').trim().max(60, { error: '操作类型不能超过60个字' }).nullable().default(null),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export const auditQueryInput = z.object({
  filter: auditFilterInput,
  page: z.number().int().min(1, { error: '页码不正确' }).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});

export const auditExportInput = z.object({ filter: auditFilterInput });

export type AuditFilter = z.output<typeof auditFilterInput>;

export interface AuditRowView {
  seq: number;
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The petitioners the row names (a record of theirs was changed or read), by name. */
  persons: string[];
  /** before/after/note, shortened for the list. */
  detail: string;
}

export interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  rows: AuditRowView[];
  /** Every action in the log, for the filter. */
  actions: string[];
  /** Set when the person filter matched nobody. */
  personNotFound: boolean;
}

export interface ChainStatus {
  ok: boolean;
  count: number;
  /** 审计链完整（N 条） or where the chain breaks. */
  message: string;
  headHash: string | null;
  broken: { seq: number; id: string; at: string; reason: string } | null;
}
