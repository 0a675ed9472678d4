// 备份与恢复 (issue 13): online backups of the SQLite store on a schedule the
// administrator sets, kept by rotation, verified, listed; restore with a
// confirmation. On PostgreSQL the database server backs up (pg_dump).
import { z } from '../zod-setup';
import { text } from './common';

/** A backup's name: the file name without its extension, e.g. hall-20261129-230000 (hall time). */
export const BACKUP_NAME = /^hall-\d{8}-\d{6}(-\d+)?$/;

export const backupSettingsInput = z.object({
  /** An absolute folder on this machine (or a mounted share); empty: no backups. */
  folder: text('备份位置', { max: 400 }).refine((s) => s === '' || s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\'), {
    message: '备份位置须为完整路径（如 /mnt/备份 或 D:\\备份）',
  }),
  /** 每天 HH:mm (hall time); empty: only 立即备份. */
  dailyAt: z
    .string({ error: '请填写备份时间' })
    .trim()
    .refine((s) => s === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: '备份时间格式应为 时:分，如 22:30' }),
});

export type BackupSettings = z.output<typeof backupSettingsInput>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: '', dailyAt: '22:30' };

/** How many backups rotation keeps: the newest of each of the last N days, weeks and months. */
export const BACKUP_KEEP = { daily: 7, weekly: 4, monthly: 12 } as const;

const backupName = z.string({ error: '请选择备份' }).regex(BACKUP_NAME, { error: '备份名称不正确' });

export const backupNameInput = z.object({ name: backupName });

export const restoreInput = z.object({
  name: backupName,
  /** The SHA-256 the confirmation showed: the file restored is the one confirmed. */
  sha256: z.string({ error: '请先确认恢复' }).regex(/^[0-9a-f]{64}$/, { error: '恢复确认不正确，请重新打开确认' }),
});

/** What a database holds, for the confirmation: as of when, how big, how many visits. */
export interface StoreSummary {
  /** The newest audit row's time (the last change), or null for an empty store. */
  lastChangeAt: string | null;
  bytes: number;
  visits: number;
}

export interface BackupEntry {
  name: string;
  createdAt: string;
  bytes: number;
  sha256: string;
  visits: number;
  /** Archived notice and report PDFs kept with it. */
  archiveFiles: number;
  /** Why rotation keeps it: 日 / 周 / 月 (one backup may count for several). */
  keptFor: string[];
  /** Verified after writing; a later verify may find it damaged. */
  problem: string | null;
}

export interface BackupOverview {
  engine: 'sqlite' | 'postgres';
  settings: BackupSettings;
  backups: BackupEntry[];
  /** The latest backup attempt failed (shown until a backup succeeds). */
  lastFailure: { at: string; message: string } | null;
  nextRunAt: string | null;
  current: StoreSummary | null;
}

export interface RestorePlan {
  name: string;
  sha256: string;
  current: StoreSummary;
  backup: StoreSummary & { createdAt: string };
  /** Where the replaced database will be kept. */
  asideFolder: string;
}

export interface RestoreResult {
  name: string;
  /** The replaced database, kept here. */
  asideFile: string;
  archiveRestored: number;
}
