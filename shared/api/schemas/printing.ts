import { z } from '../zod-setup';
import { cleanString, text, uuid } from './common';
import type { TicketView } from './queue';
import type { VisitDetail } from './visits';
import type { TalkRecordView } from './reception';
import type { MatterView } from './matters';
import type { StatsReport } from './stats';

/** Slips (ticket, receipt), the formal papers of a matter and the talk record (A4). */
export const PRINT_TEMPLATES = [
  { code: 'ticket', label: '排队凭条' },
  { code: 'receipt', label: '登记回执' },
  { code: 'accept_notice', label: '受理告知书' },
  { code: 'forward_notice', label: '转送（交办）告知书' },
  { code: 'assign_sheet', label: '交办单' },
  { code: 'decline_notice', label: '不予受理告知书' },
  { code: 'guide_notice', label: '引导告知书' },
  { code: 'extension_notice', label: '延期告知书' },
  { code: 'opinion', label: '信访处理意见书' },
  { code: 'review_opinion', label: '复查意见书' },
  { code: 'recheck_opinion', label: '复核意见书' },
  { code: 'supervise_sheet', label: '督办单' },
  { code: 'talk_record', label: '接谈记录' },
  { code: 'stats_report', label: '信访统计报表' },
] as const;
export type PrintTemplate = (typeof PRINT_TEMPLATES)[number]['code'];

/** Papers of a 信访事项 (print.submit's refId is the matter id); which a matter allows: shared/domain/matter-papers.ts. */
export const MATTER_TEMPLATES = [
  'accept_notice',
  'forward_notice',
  'assign_sheet',
  'decline_notice',
  'guide_notice',
  'extension_notice',
  'opinion',
  'review_opinion',
  'recheck_opinion',
  'supervise_sheet',
] as const;
export type MatterTemplate = (typeof MATTER_TEMPLATES)[number];
export const isMatterTemplate = (t: PrintTemplate): t is MatterTemplate => (MATTER_TEMPLATES as readonly string[]).includes(t);

/** Papers of a leader's talk (refId is the talk record id). */
export const TALK_TEMPLATES = ['talk_record'] as const;
export type TalkTemplate = (typeof TALK_TEMPLATES)[number];
export const isTalkTemplate = (t: PrintTemplate): t is TalkTemplate => (TALK_TEMPLATES as readonly string[]).includes(t);

/** The A4 papers (matter and talk), which share the 告知书 printer settings. */
export const isA4Paper = (t: PrintTemplate): t is MatterTemplate | TalkTemplate => isMatterTemplate(t) || isTalkTemplate(t);

/**
 * The papers handed to the visitor with legal weight: kept as PDF with their
 * SHA-256 before they print. The sheets sent to a unit (交办单, 督办单) and the
 * talk record are not.
 */
export const FORMAL_NOTICES: readonly PrintTemplate[] = [
  'accept_notice',
  'forward_notice',
  'decline_notice',
  'guide_notice',
  'extension_notice',
  'opinion',
  'review_opinion',
  'recheck_opinion',
];
/** What print.submit and print.preview take: every paper but the statistics report (stats.printReport prints that). */
export type SubmittableTemplate = Exclude<PrintTemplate, 'stats_report'>;
export const PRINT_TEMPLATE_CODES = PRINT_TEMPLATES.map((t) => t.code).filter((c) => c !== 'stats_report') as [
  SubmittableTemplate,
  ...SubmittableTemplate[],
];

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
  printer: cleanString('打印机').trim().max(120).default(''),
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
  /** The ticket id, visit id, matter id (papers of a matter) or talk record id (接谈记录) the slip is for. */
  refId: uuid,
  copies: z.number().int().min(1, '份数至少为1').max(5, '一次最多打印5份').default(1),
});
export const previewPrintInput = z.object({ template: z.enum(PRINT_TEMPLATE_CODES), refId: uuid });
export const printJobTokenInput = z.object({ token: z.string().min(20).max(100) });
export const printOutcomeInput = z.object({ jobId: uuid, ok: z.boolean(), error: cleanString('错误说明').max(300).default('') });
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

/** What the talk record (接谈记录) needs: the talk, the visit, where and with whom it took place. */
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
}

/** The latest 督办 of a matter, from its timeline. */
export interface Supervision {
  on: string;
  due: string;
  unit: string;
  reason: string;
  /** How many times the matter has been supervised, this one included. */
  count: number;
}

/** What a paper of a matter needs: the matter (with its timeline) and the visit it was first received at. */
export interface MatterPaper {
  matter: MatterView;
  /** The matter's first visit: its number is the papers' number, its person the addressee. */
  visit: VisitDetail;
  /** 延期告知书: the handling deadline before the one extension, and the day it was granted. */
  originalHandleDue: string | null;
  extendedOn: string | null;
  /** 督办单: the latest 督办; null when never supervised. */
  supervision: Supervision | null;
}

/** refId: the printed record's id (a visit, matter, talk or ticket; not printed): the read audit names its person by it. */
type SlipBase = { bureau: Bureau; paper: Paper; reprint: boolean; printedAt: string; refId: string };

/** What a queue slip prints: the number, the lane, the people ahead (no name: a ticket is anonymous). */
export type TicketSlipTicket = Pick<TicketView, 'id' | 'ticketNo' | 'laneName' | 'priority' | 'issuedAt'> & { peopleAhead: number };

/**
 * What the 来访登记回执 prints and no more: the ID number comes masked from the
 * backend, and no phone, address, birth date or correction history is sent.
 */
export type ReceiptVisit = Pick<
  VisitDetail,
  | 'visitNo'
  | 'name'
  | 'idType'
  | 'registeredAt'
  | 'peopleCount'
  | 'isGroup'
  | 'purpose'
  | 'category'
  | 'locationArea'
  | 'summary'
  | 'demands'
  | 'registeredByName'
> & { idNumberMasked: string; representativeNames: string[] };

export type SlipData =
  | ({ template: 'ticket'; ticket: TicketSlipTicket } & SlipBase)
  | ({ template: 'receipt'; visit: ReceiptVisit } & SlipBase)
  | ({ template: MatterTemplate } & SlipBase & MatterPaper)
  | ({ template: TalkTemplate } & SlipBase & TalkPaper)
  | ({ template: 'stats_report'; report: StatsReport } & SlipBase);

/** A formal notice as issued: the PDF kept in the data folder and its SHA-256. */
export interface ArchivedNotice {
  id: string;
  jobId: string;
  template: PrintTemplate;
  matterId: string;
  /** Notices archived before 0011 were papers of a talk record. */
  talkId: string | null;
  sha256: string;
  bytes: number;
  at: string;
  actorName: string;
}
/** The notices archived for a matter; a talk id lists those of the talk's matter. */
export const archiveInput = z.union([z.object({ matterId: uuid }), z.object({ talkId: uuid })]);
export const archivedPdfInput = z.object({ archiveId: uuid });
