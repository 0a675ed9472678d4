// The one API contract. Every call the renderer can make is declared here once:
// its name, the zod schema its input must pass (checked in the backend), who may
// call it, and the type it returns. Electron IPC and the HTTP transport both
// dispatch through this table, so neither can offer a call the other lacks.
import type { z } from 'zod';
import { empty } from './schemas/common';
import {
  cardPhotoPolicyInput,
  personPhotoInput,
  readerReadInput,
  readerSaveInput,
  type CardPhotoPolicy,
  type PersonPhoto,
  type ReaderResult,
  type ReaderSettingsView,
  type ReaderState,
} from './schemas/reader';
import {
  changePasswordInput,
  createAdminInput,
  createUserInput,
  loginInput,
  resetPasswordInput,
  unlockUserInput,
  setDisabledInput,
  type CurrentUser,
  type UserRow,
} from './schemas/auth';
import {
  correctVisitInput,
  listDayInput,
  lookupInput,
  registerVisitInput,
  searchInput,
  visitIdInput,
  type LookupResult,
  type PetitionerInfo,
  type VisitDetail,
  type VisitSummary,
} from './schemas/visits';
import {
  callNextInput,
  callTicketInput,
  dayLogInput,
  deskInput,
  issueTicketInput,
  queueSettingsInput,
  saveDeskInput,
  saveLaneInput,
  ticketInput,
  transferInput,
  walkInInput,
  type DeskBoard,
  displayStateInput,
  type DeskView,
  type DisplayState,
  type IssuedTicket,
  type LaneView,
  type QueueSettings,
  type TicketLogEntry,
  type TicketView,
} from './schemas/queue';
import {
  previewPrintInput,
  archivedPdfInput,
  archiveInput,
  bureauInput,
  type ArchivedNotice,
  printingInput,
  printJobTokenInput,
  printLogInput,
  printOutcomeInput,
  submitPrintInput,
  type Bureau,
  type PrintingSettings,
  type PrintJobView,
  type PrintSubmitted,
  type SlipData,
} from './schemas/printing';
import {
  destinationInput,
  exportNowInput,
  exportSettingsInput,
  listFailuresInput,
  reexportInput,
  setDestinationEnabledInput,
  type DestinationView,
  type ExportOverview,
  type ExportRunResult,
  type ExportSettings,
  type FailureView,
} from './schemas/export';
import { calendarYearInput, saveCalendarInput, type CalendarDay } from './schemas/calendar';
import {
  boardInput,
  bookingInput,
  cancelBookingInput,
  moveInput,
  myQueueInput,
  recordTalkInput,
  reorderInput,
  rosterRangeInput,
  saveRoomInput,
  saveSessionInput,
  saveTalkDraftInput,
  scheduleInput,
  sessionInput,
  sessionStatusInput,
  setQueueScopeInput,
  type BookingChange,
  type BookingView,
  type DayBoard,
  type LeaderQueue,
  type RoomView,
  type SessionView,
  type TalkDraft,
  type TalkRecordView,
} from './schemas/reception';
import {
  dueListInput as matterDueInput,
  ledgerInput,
  matterActInput,
  matterIdInput,
  type DueList,
  type LedgerRow,
  type MatterView,
} from './schemas/matters';
import {
  printReportInput,
  reportPdfInput,
  statsDrillInput,
  statsReportInput,
  statsSummaryInput,
  type ArchivedReport,
  type StatsDrill,
  type StatsReport,
  type StatsSummary,
} from './schemas/stats';
import {
  padAnswerInput,
  padIdInput,
  padPairInput,
  padPlaceInput,
  padSettingsInput,
  padTokenInput,
  type PadAnswerResult,
  type PadCode,
  type PadSettings,
  type PadState,
  type PadView,
} from './schemas/pads';
import { auditExportInput, auditQueryInput, type AuditPage, type ChainStatus } from './schemas/audit';
import {
  retentionApplyInput,
  retentionSettingsInput,
  type RetentionReport,
  type RetentionResult,
  type RetentionSettings,
} from './schemas/retention';
import {
  backupNameInput,
  backupSettingsInput,
  restoreInput,
  type BackupEntry,
  type BackupOverview,
  type BackupSettings,
  type RestorePlan,
  type RestoreResult,
} from './schemas/backup';
import type { Role } from './roles';

/** 'public': no login needed; 'user': any logged-in user; otherwise the roles allowed. */
export type Access = 'public' | 'user' | readonly Role[];

/**
 * Personal data of petitioners a method hands out (issue 13), for the read audit:
 * - 'read': returns personal data (names, ID numbers, histories, visits, matters); the
 *   dispatcher writes a read-audit entry naming the persons and visits returned
 *   (electron/backend/services/read-audit.ts);
 * - 'audited': returns or changes personal data and its service writes its own audit
 *   entry naming the record (a registration, a correction, a print, an export run);
 * - 'none': no petitioner's personal data (settings, staff accounts, counts, masked display).
 * Every method must say which; tests/unit/read-audit.test.ts lists them all.
 */
export type Personal = 'read' | 'audited' | 'none';

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly access: Access;
  readonly personal: Personal;
  /**
   * Takes an idempotency key (one per form submission; the client sends the same key when it
   * resubmits after an unanswered call): the dispatcher runs the call in one write transaction that
   * also stores key → answer, and answers a repeated key with the first answer
   * (electron/backend/api/idempotency.ts).
   */
  readonly idempotent?: true;
  /** Phantom: carries the output type only. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; personal: Personal; idempotent?: true }): MethodDef<I, O> => def;
}

/*
 * Which methods take an idempotency key: every create or act a person can submit twice by retrying
 * (registrations and corrections, the queue's tickets and calls, bookings and the leader's calls and
 * talk records, matter actions, print outcomes, and the administrator's creates). Left out, on purpose:
 * - print.submit and stats.printReport: after their commit they render the paper through the print
 *   route (a second request that must read the committed job) and drive the printer, which cannot
 *   happen inside the still-open transaction; a repeat is a visible 重印 of the same paper, both kept;
 * - saves that set a state (settings, bureau, calendar, destinations, queue.pause/resume,
 *   reception.saveDraft, users.setDisabled/resetPassword/unlock/setQueueScope, pads.revoke):
 *   the repeat sets the same state;
 * - pad.answer: public (no user to own a key); the pad sends its own answer key (answer_key);
 * - reads, logins, setup, export runs (idempotent by record id and version), the audit export and
 *   the retention report's workbook;
 * - retention.apply: a repeat finds the persons already minimised, so the report's count no longer
 *   matches and it is refused (nothing changes twice);
 * - backup.runNow: the copy is made outside any database transaction; a repeat is a second verified
 *   copy, which rotation keeps or drops like any other;
 * - backup.restore: it replaces the database file the key would be stored in; a repeat asks for the
 *   typed confirmation again (planRestore) and restores the same backup.
 */

const DESK: readonly Role[] = ['clerk', 'admin'];
const STAFF: readonly Role[] = ['clerk', 'leader', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const LEADER: readonly Role[] = ['leader', 'admin'];

export const contract = {
  // first run and sessions
  'setup.status': method<{ needsAdmin: boolean }>()({ input: empty, access: 'public', personal: 'none' }),
  'setup.createAdmin': method<CurrentUser>()({ input: createAdminInput, access: 'public', personal: 'none' }),
  'auth.login': method<CurrentUser>()({ input: loginInput, access: 'public', personal: 'none' }),
  'auth.me': method<CurrentUser | null>()({ input: empty, access: 'public', personal: 'none' }),
  'auth.logout': method<null>()({ input: empty, access: 'public', personal: 'none' }),
  'auth.changePassword': method<CurrentUser>()({ input: changePasswordInput, access: 'user', personal: 'none' }),

  // accounts (admin)
  'users.list': method<UserRow[]>()({ input: empty, access: ADMIN, personal: 'none' }),
  'users.create': method<UserRow>()({ input: createUserInput, access: ADMIN, personal: 'none', idempotent: true }),
  'users.setDisabled': method<UserRow>()({ input: setDisabledInput, access: ADMIN, personal: 'none' }),
  'users.resetPassword': method<UserRow>()({ input: resetPasswordInput, access: ADMIN, personal: 'none' }),
  /** Lifts the lock after too many wrong passwords; the password stays. */
  'users.unlock': method<UserRow>()({ input: unlockUserInput, access: ADMIN, personal: 'none' }),
  'users.setQueueScope': method<UserRow>()({ input: setQueueScopeInput, access: ADMIN, personal: 'none' }),

  // petitioners and their history
  'petitioners.lookup': method<LookupResult>()({ input: lookupInput, access: STAFF, personal: 'read' }),
  'petitioners.search': method<PetitionerInfo[]>()({ input: searchInput, access: STAFF, personal: 'read' }),

  // walk-in registration
  'visits.register': method<VisitDetail>()({ input: registerVisitInput, access: DESK, personal: 'audited', idempotent: true }),
  'visits.correct': method<VisitDetail>()({ input: correctVisitInput, access: DESK, personal: 'audited', idempotent: true }),
  'visits.get': method<VisitDetail>()({ input: visitIdInput, access: STAFF, personal: 'read' }),
  'visits.listDay': method<VisitSummary[]>()({ input: listDayInput, access: STAFF, personal: 'read' }),

  // queue configuration
  'queue.lanes': method<LaneView[]>()({ input: empty, access: STAFF, personal: 'none' }),
  'queue.desks': method<DeskView[]>()({ input: empty, access: STAFF, personal: 'none' }),
  'queue.settings': method<QueueSettings>()({ input: empty, access: STAFF, personal: 'none' }),
  'queue.saveLane': method<LaneView>()({ input: saveLaneInput, access: ADMIN, personal: 'none', idempotent: true }),
  'queue.saveDesk': method<DeskView>()({ input: saveDeskInput, access: ADMIN, personal: 'none', idempotent: true }),
  'queue.saveSettings': method<QueueSettings>()({ input: queueSettingsInput, access: ADMIN, personal: 'none' }),

  // queue life: 取号、叫号、重呼、过号…
  'queue.issue': method<IssuedTicket>()({ input: issueTicketInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.board': method<DeskBoard>()({ input: deskInput, access: DESK, personal: 'read' }),
  'queue.callNext': method<TicketView | null>()({ input: callNextInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.callTicket': method<TicketView>()({ input: callTicketInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.recall': method<TicketView>()({ input: deskInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.noShow': method<TicketView>()({ input: deskInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.finish': method<null>()({ input: deskInput, access: DESK, personal: 'none', idempotent: true }),
  'queue.requeue': method<TicketView>()({ input: ticketInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.transfer': method<TicketView>()({ input: transferInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.park': method<TicketView>()({ input: ticketInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.unpark': method<TicketView>()({ input: ticketInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.serveWalkIn': method<TicketView>()({ input: walkInInput, access: DESK, personal: 'audited', idempotent: true }),
  'queue.pause': method<null>()({ input: deskInput, access: DESK, personal: 'none' }),
  'queue.resume': method<null>()({ input: deskInput, access: DESK, personal: 'none' }),
  'queue.dayLog': method<TicketLogEntry[]>()({ input: dayLogInput, access: STAFF, personal: 'read' }),

  // 候谈室 and the roster of reception days (领导接访日)
  'rooms.list': method<RoomView[]>()({ input: empty, access: STAFF, personal: 'none' }),
  'rooms.save': method<RoomView>()({ input: saveRoomInput, access: ADMIN, personal: 'none', idempotent: true }),
  'roster.list': method<SessionView[]>()({ input: rosterRangeInput, access: STAFF, personal: 'none' }),
  'roster.save': method<SessionView>()({ input: saveSessionInput, access: ADMIN, personal: 'none', idempotent: true }),
  'roster.setStatus': method<SessionView>()({ input: sessionStatusInput, access: ADMIN, personal: 'none' }),

  // scheduling visitors into a leader's queue (the hall's day board)
  'reception.board': method<DayBoard>()({ input: boardInput, access: DESK, personal: 'read' }),
  'reception.schedule': method<BookingView>()({ input: scheduleInput, access: DESK, personal: 'audited', idempotent: true }),
  'reception.checkIn': method<BookingView>()({ input: bookingInput, access: DESK, personal: 'audited', idempotent: true }),
  'reception.move': method<BookingChange>()({ input: moveInput, access: DESK, personal: 'audited', idempotent: true }),
  'reception.cancel': method<BookingChange>()({ input: cancelBookingInput, access: DESK, personal: 'audited', idempotent: true }),
  'reception.reorder': method<BookingView>()({ input: reorderInput, access: DESK, personal: 'audited', idempotent: true }),

  // the duty leader: own queue, calling into the room, the talk record and its dates
  'reception.myQueue': method<LeaderQueue>()({ input: myQueueInput, access: LEADER, personal: 'read' }),
  'reception.callNext': method<{ bookingId: string } | null>()({
    input: sessionInput,
    access: LEADER,
    personal: 'audited',
    idempotent: true,
  }),
  'reception.recall': method<{ bookingId: string }>()({ input: sessionInput, access: LEADER, personal: 'audited', idempotent: true }),
  'reception.noShow': method<null>()({ input: bookingInput, access: LEADER, personal: 'audited', idempotent: true }),
  'reception.record': method<TalkRecordView>()({ input: recordTalkInput, access: LEADER, personal: 'audited', idempotent: true }),
  // The leader's unsaved talk notes (a working copy, replaced by the record): read by their leader only.
  'reception.draft': method<TalkDraft | null>()({ input: bookingInput, access: LEADER, personal: 'read' }),
  'reception.saveDraft': method<TalkDraft>()({ input: saveTalkDraftInput, access: LEADER, personal: 'read' }),

  // 信访事项: every decision and step of a matter (the same at the window and at a talk), its clocks, 包案
  'matters.get': method<MatterView>()({ input: matterIdInput, access: STAFF, personal: 'read' }),
  'matters.act': method<MatterView>()({ input: matterActInput, access: STAFF, personal: 'audited', idempotent: true }),
  'matters.dueList': method<DueList>()({ input: matterDueInput, access: STAFF, personal: 'read' }),
  'matters.ledger': method<LedgerRow[]>()({ input: ledgerInput, access: STAFF, personal: 'read' }),

  // 统计分析: leaders and the administrator any period, a clerk today's only (checked in the service)
  'stats.summary': method<StatsSummary>()({ input: statsSummaryInput, access: STAFF, personal: 'none' }),
  'stats.drill': method<StatsDrill>()({ input: statsDrillInput, access: STAFF, personal: 'read' }),
  /** 信访日报 / 周报 / 月报: the data, printed (kept as PDF first), the copies kept, and the workbook. */
  'stats.report': method<StatsReport>()({ input: statsReportInput, access: LEADER, personal: 'none' }),
  'stats.printReport': method<PrintSubmitted & { archiveId: string }>()({ input: printReportInput, access: LEADER, personal: 'none' }),
  'stats.reports': method<ArchivedReport[]>()({ input: empty, access: LEADER, personal: 'none' }),
  'stats.reportPdf': method<{ sha256: string; base64: string; name: string }>()({
    input: reportPdfInput,
    access: LEADER,
    personal: 'none',
  }),
  'stats.reportXlsx': method<{ base64: string; name: string }>()({ input: statsReportInput, access: LEADER, personal: 'none' }),

  // the hall display: public (a TV browser has no login), masked data only
  'display.state': method<DisplayState>()({ input: displayStateInput, access: 'public', personal: 'none' }),

  // 评价器 (satisfaction pads): the administrator pairs and revokes them; the pad itself has no
  // login and proves itself with its token on every call (checked in the service)
  'pads.settings': method<PadSettings>()({ input: empty, access: STAFF, personal: 'none' }),
  'pads.saveSettings': method<PadSettings>()({ input: padSettingsInput, access: ADMIN, personal: 'none' }),
  'pads.list': method<PadView[]>()({ input: empty, access: ADMIN, personal: 'none' }),
  'pads.pairCode': method<PadCode>()({ input: padPlaceInput, access: ADMIN, personal: 'none' }),
  'pads.revoke': method<null>()({ input: padIdInput, access: ADMIN, personal: 'none' }),
  'pad.pair': method<{ token: string; place: PadView['place'] }>()({ input: padPairInput, access: 'public', personal: 'none' }),
  'pad.state': method<PadState>()({ input: padTokenInput, access: 'public', personal: 'none' }),
  'pad.answer': method<PadAnswerResult>()({ input: padAnswerInput, access: 'public', personal: 'none' }),

  // printing slips (排队凭条、登记回执)
  'print.bureau': method<Bureau>()({ input: empty, access: STAFF, personal: 'none' }),
  'print.saveBureau': method<Bureau>()({ input: bureauInput, access: ADMIN, personal: 'none' }),
  'print.settings': method<PrintingSettings>()({ input: empty, access: STAFF, personal: 'none' }),
  'print.printers': method<{ fromSystem: boolean; printers: string[] }>()({ input: empty, access: ADMIN, personal: 'none' }),
  'print.saveSettings': method<PrintingSettings>()({ input: printingInput, access: ADMIN, personal: 'none' }),
  'print.submit': method<PrintSubmitted>()({ input: submitPrintInput, access: STAFF, personal: 'audited' }),
  'print.preview': method<{ route: string }>()({ input: previewPrintInput, access: STAFF, personal: 'read' }),
  'print.outcome': method<PrintJobView>()({ input: printOutcomeInput, access: STAFF, personal: 'audited', idempotent: true }),
  'print.archive': method<ArchivedNotice[]>()({ input: archiveInput, access: STAFF, personal: 'read' }),
  'print.archivedPdf': method<{ sha256: string; base64: string; name: string }>()({
    input: archivedPdfInput,
    access: STAFF,
    personal: 'audited',
  }),
  'print.log': method<PrintJobView[]>()({ input: printLogInput, access: STAFF, personal: 'read' }),
  /** The print page's data, by the job's one-time token: the hidden print window has no login. */
  'print.slip': method<SlipData>()({ input: printJobTokenInput, access: 'public', personal: 'read' }),

  // the ID card reader (二代证阅读器) of the PC this backend runs on
  // The card in the visitor's hand, not stored data: nothing read from the database to audit
  // (a kept photo is audited by the reader service as reader.photoStored).
  'reader.read': method<ReaderResult>()({ input: readerReadInput, access: DESK, personal: 'none' }),
  'reader.status': method<ReaderState>()({ input: empty, access: DESK, personal: 'none' }),
  // Settings of this PC's reader (kept in its data folder), the hall's default, and the hall's photo policy.
  'reader.settings': method<ReaderSettingsView>()({ input: empty, access: ADMIN, personal: 'none' }),
  'reader.saveSettings': method<ReaderSettingsView>()({ input: readerSaveInput, access: ADMIN, personal: 'none' }),
  'reader.savePhotoPolicy': method<CardPhotoPolicy>()({ input: cardPhotoPolicyInput, access: ADMIN, personal: 'none' }),
  /** A person's kept card photo, for comparison at the window: the desk's, never a leader's. */
  'petitioners.photo': method<PersonPhoto>()({ input: personPhotoInput, access: DESK, personal: 'read' }),

  // holiday calendar (节假日与调休) for the deadline rules
  'calendar.year': method<CalendarDay[]>()({ input: calendarYearInput, access: STAFF, personal: 'none' }),
  'calendar.save': method<CalendarDay[]>()({ input: saveCalendarInput, access: ADMIN, personal: 'none' }),

  // export to the district 信访信息系统 (administrator)
  'export.overview': method<ExportOverview>()({ input: empty, access: ADMIN, personal: 'none' }),
  'export.saveSettings': method<ExportSettings>()({ input: exportSettingsInput, access: ADMIN, personal: 'none' }),
  'export.saveDestination': method<DestinationView>()({ input: destinationInput, access: ADMIN, personal: 'none' }),
  'export.setDestinationEnabled': method<DestinationView>()({ input: setDestinationEnabledInput, access: ADMIN, personal: 'none' }),
  'export.runNow': method<ExportRunResult>()({ input: exportNowInput, access: ADMIN, personal: 'audited' }),
  'export.reexport': method<ExportRunResult>()({ input: reexportInput, access: ADMIN, personal: 'audited' }),
  'export.failures': method<FailureView[]>()({ input: listFailuresInput, access: ADMIN, personal: 'read' }),

  // 审计 (administrator): the chain check and the audit query; reading the log is itself audited
  'audit.verify': method<ChainStatus>()({ input: empty, access: ADMIN, personal: 'none' }),
  'audit.query': method<AuditPage>()({ input: auditQueryInput, access: ADMIN, personal: 'audited' }),
  'audit.export': method<{ name: string; base64: string; rows: number }>()({ input: auditExportInput, access: ADMIN, personal: 'audited' }),

  // 个人信息保留 (administrator): the period, the report of who would be minimised, and the confirmed run
  'retention.settings': method<RetentionSettings>()({ input: empty, access: ADMIN, personal: 'none' }),
  'retention.saveSettings': method<RetentionSettings>()({ input: retentionSettingsInput, access: ADMIN, personal: 'none' }),
  'retention.report': method<RetentionReport>()({ input: empty, access: ADMIN, personal: 'read' }),
  'retention.reportXlsx': method<{ name: string; base64: string }>()({ input: empty, access: ADMIN, personal: 'audited' }),
  'retention.apply': method<RetentionResult>()({ input: retentionApplyInput, access: ADMIN, personal: 'audited' }),
  // 备份与恢复 (administrator; SQLite only — on PostgreSQL the database server backs up)
  'backup.overview': method<BackupOverview>()({ input: empty, access: ADMIN, personal: 'none' }),
  'backup.saveSettings': method<BackupSettings>()({ input: backupSettingsInput, access: ADMIN, personal: 'none' }),
  /** 立即备份: a copy of all personal data, audited as backup.create (or backup.failed). */
  'backup.runNow': method<BackupEntry>()({ input: empty, access: ADMIN, personal: 'audited' }),
  'backup.verify': method<BackupEntry>()({ input: backupNameInput, access: ADMIN, personal: 'none' }),
  /** What a restore would replace (the current database and the backup: time, size, visits), for the confirmation. */
  'backup.planRestore': method<RestorePlan>()({ input: backupNameInput, access: ADMIN, personal: 'none' }),
  'backup.restore': method<RestoreResult>()({ input: restoreInput, access: ADMIN, personal: 'audited' }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before defaults and transforms). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, normalised). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
