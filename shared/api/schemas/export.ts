// Inputs (zod) and outputs of the export screen's calls (district 信访信息系统). Free of Node imports
// on purpose: they are meant to move to shared/api/schemas/ when the contract
// is wired, and the renderer will import them from there. croner is plain JS
// and runs in a browser as well.
import { Cron } from 'croner';
import { z } from '../zod-setup';
import { text, uuid } from './common';

export const EXPORT_FORMAT_OPTIONS = [
  { code: 'xlsx', label: 'Excel 来访登记表（xlsx）' },
  { code: 'csv', label: 'CSV 来访登记表（GB18030）' },
  { code: 'jsonl', label: 'JSON Lines（供系统读取，含全部记录）' },
] as const;
const FORMAT_CODES = ['xlsx', 'csv', 'jsonl'] as const;

export const EXPORT_TZ = 'Asia/Shanghai';

/** Every 30 minutes from 08:00 to 16:30, and once at 17:30, hall time, every day (a day with nothing new sends nothing). */
export const DEFAULT_EXPORT_SETTINGS: ExportSettings = { schedules: ['0,30 8-16 * * *', '30 17 * * *'], keepStagedDays: 90 };

/**
 * The one way a schedule expression becomes a croner job: five fields, hall time. The scheduler
 * runs these jobs, and the screen's next-run preview (shared/domain/export-schedule.ts) asks them.
 */
export function exportCron(expr: string, opts: { paused?: boolean; name?: string; unref?: boolean } = {}, run?: () => void): Cron {
  const options = { mode: '5-part' as const, timezone: EXPORT_TZ, ...opts };
  return run ? new Cron(expr.trim(), options, run) : new Cron(expr.trim(), options);
}

/** null when `expr` is a valid five-field cron expression (or @daily etc.); otherwise why not, in Chinese. */
export function cronProblem(expr: string): string | null {
  const s = expr.trim();
  if (!/^@(yearly|annually|monthly|weekly|daily|hourly)$/.test(s) && s.split(/\s+/).length !== 5) {
    return `“${s}”不是有效的定时表达式：应为5段（分 时 日 月 周），例如“0,30 8-16 * * *”`;
  }
  try {
    exportCron(s, { paused: true }).stop();
    return null;
  } catch (e) {
    return `“${s}”不是有效的定时表达式（${e instanceof Error ? e.message.replace(/^CronPattern: /, '') : String(e)}）`;
  }
}

const cronExpr = z
  .string()
  .trim()
  .min(1, '请填写定时表达式')
  .max(100, '定时表达式过长')
  .superRefine((s, ctx) => {
    const problem = cronProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const exportSettingsInput = z.object({
  schedules: z.array(cronExpr).max(20, '定时最多20条'),
  /** Days a delivered batch's staged files stay in the data folder; then only its manifest (with the SHA-256) is kept. */
  keepStagedDays: z
    .number({ error: '暂存保留天数须为整数' })
    .int('暂存保留天数须为整数')
    .min(1, '暂存保留天数至少1天')
    .max(3650, '暂存保留天数不能超过3650天')
    .default(90),
});
export type ExportSettings = z.output<typeof exportSettingsInput>;

/** A drive path (D:\导出), a UNC share (\\server\share) or a POSIX path (/media/usb). */
const absolutePath = /^([A-Za-z]:[\\/]|\\\\[^\\]|\/)/;

const common = {
  /** null creates a destination; an id updates that one. */
  id: uuid.nullable().default(null),
  name: text('名称', { min: 1, max: 40 }),
  enabled: z.boolean().default(true),
};

export const folderDestinationInput = z.object({
  ...common,
  kind: z.literal('folder'),
  path: z
    .string()
    .trim()
    .min(1, '请填写导出文件夹')
    .max(260, '路径过长')
    .regex(absolutePath, '请填写完整路径，例如 D:\\信访导出、\\\\服务器\\共享 或 /media/usb'),
  formats: z
    .array(z.enum(FORMAT_CODES, { error: '格式只能是 xlsx、csv 或 jsonl' }))
    .min(1, '请至少选择一种文件格式')
    .default(['xlsx', 'csv', 'jsonl']),
});

/** Plain http:// is allowed for this machine only (a test receiver): personal data never crosses a network unencrypted. */
export function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return u.protocol === 'http:' && (host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host));
}

export const httpDestinationInput = z.object({
  ...common,
  kind: z.literal('http'),
  url: z
    .string()
    .trim()
    .min(1, '请填写接收地址')
    .max(500, '地址过长')
    .refine((s) => {
      try {
        return new URL(s).protocol === 'https:' || isLoopbackHttp(s);
      } catch {
        return false;
      }
    }, '请填写以 https:// 开头的完整地址（http:// 仅限本机测试地址）'),
  /** null keeps the saved token (the screen never receives it back). */
  token: z.string().trim().max(1000, '令牌过长').nullable().default(null),
  timeoutMs: z.number().int().min(1000, '超时不能少于1秒').max(300_000, '超时不能超过5分钟').default(30_000),
  retries: z.number().int().min(0).max(10, '重试次数不能超过10次').default(3),
  retryBaseMs: z.number().int().min(10).max(60_000).default(1000),
  partSize: z.number().int().min(1).max(5000, '每次发送不能超过5000条').default(500),
});

export const destinationInput = z.discriminatedUnion('kind', [folderDestinationInput, httpDestinationInput], {
  error: '请选择导出位置的类型',
});
export type DestinationInput = z.output<typeof destinationInput>;

export const setDestinationEnabledInput = z.object({ destinationId: uuid, enabled: z.boolean() });
export const exportNowInput = z.object({ destinationId: uuid.optional() });
export const reexportInput = z
  .object({
    destinationId: uuid.optional(),
    from: z.iso.date('开始日期格式不正确'),
    to: z.iso.date('结束日期格式不正确'),
  })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });
export const listFailuresInput = z.object({ destinationId: uuid, limit: z.number().int().min(1).max(1000).default(200) });

// ---- outputs ---------------------------------------------------------------------

export type BatchStatus = 'pending' | 'sent' | 'failed' | 'acknowledged';
export type RecordState = 'unsent' | 'sending' | 'sent' | 'acknowledged' | 'failed';

export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '失败',
  acknowledged: '已确认',
};
export const ENTITY_LABELS: Record<string, string> = { visit: '来访登记', petitioner: '信访人', matter: '信访事项' };

export interface DestinationView {
  id: string;
  name: string;
  kind: 'folder' | 'http';
  enabled: boolean;
  /** Folder path, or the endpoint URL. */
  target: string;
  formats: ('xlsx' | 'csv' | 'jsonl')[];
  /** HTTP only: whether a token is saved (the token itself is never sent to the screen). */
  hasToken: boolean;
  /** What the settings screen shows for the token: 已设置 / 未设置 (folders: null). */
  tokenStatus: '已设置' | '未设置' | null;
  /** Set by a save that cleared the token because the endpoint moved to another origin: the admin is told. */
  notice: string | null;
  timeoutMs: number | null;
  retries: number | null;
  partSize: number | null;
}

export interface BatchView {
  id: string;
  createdAt: string;
  kind: 'incremental' | 'reexport';
  kindLabel: string;
  status: BatchStatus;
  statusLabel: string;
  recordCount: number;
  /** Re-export range (hall dates), or outbox seqs for an incremental batch. */
  rangeFrom: string | null;
  rangeTo: string | null;
  fromSeq: number | null;
  toSeq: number | null;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
  files: { name: string; sha256: string; bytes: number; rows: number }[];
  /** From the district's acknowledgement (HTTP): how many accepted, how many sent back. */
  accepted: number | null;
  rejected: number | null;
}

export interface DestinationStatus extends DestinationView {
  lastSuccessAt: string | null;
  /** The earlier of the next scheduled run and the next due retry. */
  nextRunAt: string | null;
  /** Changes not yet put in any batch for this destination. */
  unsentCount: number;
  sendingCount: number;
  failedCount: number;
  /** The most common reasons among failed records, most frequent first. */
  failureReasons: { reason: string; count: number }[];
  recentBatches: BatchView[];
}

export interface ExportOverview {
  schedules: string[];
  keepStagedDays: number;
  nextScheduledAt: string | null;
  destinations: DestinationStatus[];
}

export interface FailureView {
  entity: string;
  entityLabel: string;
  entityId: string;
  version: number;
  /** Visit number, or the person's name, or the matter's summary: what a person recognises. */
  label: string;
  failures: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  batchId: string | null;
}

export interface ExportRunResult {
  destinations: {
    destinationId: string;
    name: string;
    /** Set when another run (this or another process) is exporting to it right now. */
    skipped: string | null;
    batches: { batchId: string; kind: 'incremental' | 'reexport'; status: BatchStatus; records: number; error: string | null }[];
  }[];
}
