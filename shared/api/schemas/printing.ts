import { z } from '../zod-setup';
import { text, uuid } from './common';
import type { TicketView } from './queue';
import type { VisitDetail } from './visits';
import type { TalkRecordView } from './reception';
import type { MatterView } from './matters';

/** Slips (ticket, receipt) and the formal papers of a talk record (A4). */
export const PRINT_TEMPLATES = [
  { code: 'ticket', label: '排队凭条' },
  { code: 'receipt', label: '登记回执' },
  { code: 'accept_notice', label: '受理告知书' },
  { code: 'decline_notice', label: '不予受理告知书' },
  { code: 'extension_notice', label: '延期告知书' },
  { code: 'assign_sheet', label: '交办单' },
  { code: 'talk_record', label: '接谈记录' },
] as const;
export type PrintTemplate = (typeof PRINT_TEMPLATES)[number]['code'];
/** Papers printed from a talk record; 告知书 have legal weight and are archived as PDF with their SHA-256. */
export const TALK_TEMPLATES = ['accept_notice', 'decline_notice', 'extension_notice', 'assign_sheet', 'talk_record'] as const;
export type TalkTemplate = (typeof TALK_TEMPLATES)[number];
export const FORMAL_NOTICES: readonly PrintTemplate[] = ['accept_notice', 'decline_notice', 'extension_notice'];
export const isTalkTemplate = (t: PrintTemplate): t is TalkTemplate => (TALK_TEMPLATES as readonly string[]).includes(t);
export const PRINT_TEMPLATE_CODES = PRINT_TEMPLATES.map((t) => t.code) as [PrintTemplate, ...PrintTemplate[]];

export const PAPERS = [
  { code: '80mm', label: '80毫米热敏纸', widthMm: 80 },
  { code: '58mm', label: '58毫米热敏纸', widthMm: 58 },
  { code: 'A4', label: 'A4', widthMm: 210 },
] as const;
export type Paper = (typeof PAPERS)[number]['code'];

export const bureauInput = z.object({
  name: text('单位名称', { min: 2, max: 40 }),
  address: text('地址', { max: 80 }),
  phone: text('电话', { max: 40 }),
  sealText: text('印章文字', { max: 40 }),
});
export type Bureau = z.output<typeof bureauInput>;
export const DEFAULT_BUREAU: Bureau = { name: '某某区信访局', address: '', phone: '', sealText: '某某区信访局' };

const templateSettings = z.object({
  /** System printer name; empty: the system default. */
  printer: z.string().trim().max(120).default(''),
  paper: z.enum(['80mm', '58mm', 'A4']),
  /** Print without a dialog (tickets); the dialog lets the clerk choose for notices. */
  silent: z.boolean(),
});
export const printingInput = z.object({
  ticket: templateSettings,
  receipt: templateSettings,
  /** Notices, 交办单 and 接谈记录 (A4). Older saved settings lack it: the default applies. */
  notice: templateSettings
    .extend({ paper: z.literal('A4', { error: '告知书、交办单与接谈记录只能用A4纸' }) })
    .default({ printer: '', paper: 'A4', silent: false }),
  /** Print the ticket as soon as it is issued at the front desk. */
  autoPrintTicket: z.boolean(),
});
export type PrintingSettings = z.output<typeof printingInput>;
export const DEFAULT_PRINTING: PrintingSettings = {
  ticket: { printer: '', paper: '80mm', silent: true },
  receipt: { printer: '', paper: 'A4', silent: false },
  notice: { printer: '', paper: 'A4', silent: false },
  autoPrintTicket: true,
};

/** The printer settings, by group: the A4 papers of a talk share one. */
export const PRINT_SETTING_GROUPS = [
  { code: 'ticket', label: '排队凭条', papers: ['80mm', '58mm'] },
  { code: 'receipt', label: '登记回执', papers: ['A4', '80mm'] },
  { code: 'notice', label: '告知书、交办单与接谈记录', papers: ['A4'] },
] as const satisfies readonly { code: keyof PrintingSettings; label: string; papers: readonly Paper[] }[];

export const submitPrintInput = z.object({
  template: z.enum(PRINT_TEMPLATE_CODES),
  /** The ticket id or visit id the slip is for. */
  refId: uuid,
  copies: z.number().int().min(1, '份数至少为1').max(5, '一次最多打印5份').default(1),
});
export const previewPrintInput = z.object({ template: z.enum(PRINT_TEMPLATE_CODES), refId: uuid });
export const printJobTokenInput = z.object({ token: z.string().min(20).max(100) });
export const printOutcomeInput = z.object({ jobId: uuid, ok: z.boolean(), error: z.string().max(300).default('') });
export const printLogInput = z.object({ refId: uuid });

export interface PrintJobView {
  id: string;
  template: PrintTemplate;
  refId: string;
  copies: number;
  reprint: boolean;
  status: 'pending' | 'printed' | 'failed';
  error: string;
  printer: string;
  at: string;
  actorName: string;
}

/** What print.submit returns: printed by the desktop app, or to be printed by this browser. */
export interface PrintSubmitted {
  job: PrintJobView;
  /** The print route to render (with its one-time token), e.g. '/print/job/<token>'. */
  route: string;
  /** 'desktop': Electron printed (or failed: see job.status); 'browser': the page must print it. */
  mode: 'desktop' | 'browser';
  paper: Paper;
}

/** What a talk-record paper needs: the talk, the visit, where and with whom it took place. */
export interface TalkPaper {
  talk: TalkRecordView;
  /** The matter the talk decided: its clocks, extension and reason (the papers print the matter's dates). */
  matter: MatterView;
  visit: VisitDetail;
  leaderName: string;
  roomName: string;
  lawyer: string;
  /** Talk date 'YYYY-MM-DD', start and end of the talk ('HH:mm', hall time; end null if unknown). */
  date: string;
  startedAt: string | null;
  endedAt: string | null;
  /** 延期告知书: the handling deadline before the extension, and the day it was extended. */
  originalHandleDue: string | null;
  extendedOn: string | null;
}

export type SlipData =
  | { template: 'ticket'; bureau: Bureau; paper: Paper; reprint: boolean; printedAt: string; ticket: TicketView & { peopleAhead: number } }
  | { template: 'receipt'; bureau: Bureau; paper: Paper; reprint: boolean; printedAt: string; visit: VisitDetail }
  | ({ template: TalkTemplate; bureau: Bureau; paper: Paper; reprint: boolean; printedAt: string } & TalkPaper);

/** A formal notice as issued: the PDF kept in the data folder and its SHA-256. */
export interface ArchivedNotice {
  id: string;
  jobId: string;
  template: PrintTemplate;
  talkId: string;
  sha256: string;
  bytes: number;
  at: string;
  actorName: string;
}
export const archiveInput = z.object({ talkId: uuid });
export const archivedPdfInput = z.object({ archiveId: uuid });
