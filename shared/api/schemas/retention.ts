// 个人信息保留 (issue 13): how long a closed record keeps the person's full personal data,
// the report of who would be minimised, and the administrator's confirmed run.
import { z } from '../zod-setup';
import { brokenTextMessage, isCleanText } from './common';

export const RETENTION_MIN_YEARS = 1;
export const RETENTION_MAX_YEARS = 50;

export const retentionSettingsInput = z.object({
  /** Years after the last visit and the matters' last step (办结/终结/不予受理…) that full personal data is kept. */
  years: z
    .number({ error: '保留年限须为整数' })
    .int('保留年限须为整数')
    .min(RETENTION_MIN_YEARS, `保留年限至少${RETENTION_MIN_YEARS}年`)
    .max(RETENTION_MAX_YEARS, `保留年限不能超过${RETENTION_MAX_YEARS}年`),
});
export type RetentionSettings = z.output<typeof retentionSettingsInput>;

/** The words the administrator types to confirm: they name the number of persons. */
export const retentionConfirmation = (count: number) => `确认处理${count}人`;

export const retentionApplyInput = z.object({
  /** The count the report showed; the run is refused if the set changed since. */
  count: z.number({ error: '人数须为整数' }).int('人数须为整数').min(1, '没有需要处理的人员'),
  confirmation: z
    .string({ error: '请输入确认文字' })
    .refine(isCleanText, { message: brokenTextMessage('确认文字') })
    .trim()
    .max(40, { error: '确认文字不能超过40个字' }),
});

export interface RetentionPerson {
  petitionerId: string;
  name: string;
  /** ID number masked as on the receipt (the screen needs to tell people apart, not read the number). */
  idMasked: string;
  lastVisitOn: string;
  /** The latest date of any step of the person's matters. */
  lastClosedOn: string;
  visits: number;
  matters: number;
}

export interface RetentionReport {
  years: number;
  /** Hall date: a person is affected when every visit and every matter step is on or before it. */
  cutoff: string;
  persons: number;
  visits: number;
  matters: number;
  /** Representatives' rows of those visits (their ID number and phone go too). */
  representatives: number;
  /** Archived notice PDFs of those matters: kept, as papers of the 信访档案. */
  files: number;
  /** Earliest and latest last visit among the affected (null when none). */
  oldestVisitOn: string | null;
  newestVisitOn: string | null;
  /** The first REPORT_LIST_MAX persons, oldest last visit first; the xlsx has them all. */
  list: RetentionPerson[];
  /** Persons already minimised (by earlier runs). */
  alreadyMinimized: number;
  /** What the administrator must type to run it. */
  confirmation: string;
}

export interface RetentionResult {
  persons: number;
  visits: number;
  representatives: number;
  outboxRows: number;
  at: string;
}
