// The one API contract. Every call the renderer can make is declared here once:
// its name, the zod schema its input must pass (checked in the backend), who may
// call it, and the type it returns. Electron IPC and the HTTP transport both
// dispatch through this table, so neither can offer a call the other lacks.
import type { z } from 'zod';
import { empty } from './schemas/common';
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
import { statsDrillInput, statsSummaryInput, type StatsDrill, type StatsSummary } from './schemas/stats';
import type { Role } from './roles';

/** 'public': no login needed; 'user': any logged-in user; otherwise the roles allowed. */
export type Access = 'public' | 'user' | readonly Role[];

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly access: Access;
  /** Phantom: carries the output type only. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access }): MethodDef<I, O> => def;
}

const DESK: readonly Role[] = ['clerk', 'admin'];
const STAFF: readonly Role[] = ['clerk', 'leader', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const LEADER: readonly Role[] = ['leader', 'admin'];

export const contract = {
  // first run and sessions
  'setup.status': method<{ needsAdmin: boolean }>()({ input: empty, access: 'public' }),
  'setup.createAdmin': method<CurrentUser>()({ input: createAdminInput, access: 'public' }),
  'auth.login': method<CurrentUser>()({ input: loginInput, access: 'public' }),
  'auth.me': method<CurrentUser | null>()({ input: empty, access: 'public' }),
  'auth.logout': method<null>()({ input: empty, access: 'public' }),
  'auth.changePassword': method<CurrentUser>()({ input: changePasswordInput, access: 'user' }),

  // accounts (admin)
  'users.list': method<UserRow[]>()({ input: empty, access: ADMIN }),
  'users.create': method<UserRow>()({ input: createUserInput, access: ADMIN }),
  'users.setDisabled': method<UserRow>()({ input: setDisabledInput, access: ADMIN }),
  'users.resetPassword': method<UserRow>()({ input: resetPasswordInput, access: ADMIN }),
  /** Lifts the lock after too many wrong passwords; the password stays. */
  'users.unlock': method<UserRow>()({ input: unlockUserInput, access: ADMIN }),
  'users.setQueueScope': method<UserRow>()({ input: setQueueScopeInput, access: ADMIN }),

  // petitioners and their history
  'petitioners.lookup': method<LookupResult>()({ input: lookupInput, access: STAFF }),
  'petitioners.search': method<PetitionerInfo[]>()({ input: searchInput, access: STAFF }),

  // walk-in registration
  'visits.register': method<VisitDetail>()({ input: registerVisitInput, access: DESK }),
  'visits.correct': method<VisitDetail>()({ input: correctVisitInput, access: DESK }),
  'visits.get': method<VisitDetail>()({ input: visitIdInput, access: STAFF }),
  'visits.listDay': method<VisitSummary[]>()({ input: listDayInput, access: STAFF }),

  // queue configuration
  'queue.lanes': method<LaneView[]>()({ input: empty, access: STAFF }),
  'queue.desks': method<DeskView[]>()({ input: empty, access: STAFF }),
  'queue.settings': method<QueueSettings>()({ input: empty, access: STAFF }),
  'queue.saveLane': method<LaneView>()({ input: saveLaneInput, access: ADMIN }),
  'queue.saveDesk': method<DeskView>()({ input: saveDeskInput, access: ADMIN }),
  'queue.saveSettings': method<QueueSettings>()({ input: queueSettingsInput, access: ADMIN }),

  // queue life: 取号、叫号、重呼、过号…
  'queue.issue': method<IssuedTicket>()({ input: issueTicketInput, access: DESK }),
  'queue.board': method<DeskBoard>()({ input: deskInput, access: DESK }),
  'queue.callNext': method<TicketView | null>()({ input: callNextInput, access: DESK }),
  'queue.callTicket': method<TicketView>()({ input: callTicketInput, access: DESK }),
  'queue.recall': method<TicketView>()({ input: deskInput, access: DESK }),
  'queue.noShow': method<TicketView>()({ input: deskInput, access: DESK }),
  'queue.finish': method<null>()({ input: deskInput, access: DESK }),
  'queue.requeue': method<TicketView>()({ input: ticketInput, access: DESK }),
  'queue.transfer': method<TicketView>()({ input: transferInput, access: DESK }),
  'queue.park': method<TicketView>()({ input: ticketInput, access: DESK }),
  'queue.unpark': method<TicketView>()({ input: ticketInput, access: DESK }),
  'queue.serveWalkIn': method<TicketView>()({ input: walkInInput, access: DESK }),
  'queue.pause': method<null>()({ input: deskInput, access: DESK }),
  'queue.resume': method<null>()({ input: deskInput, access: DESK }),
  'queue.dayLog': method<TicketLogEntry[]>()({ input: dayLogInput, access: STAFF }),

  // 候谈室 and the roster of reception days (领导接访日)
  'rooms.list': method<RoomView[]>()({ input: empty, access: STAFF }),
  'rooms.save': method<RoomView>()({ input: saveRoomInput, access: ADMIN }),
  'roster.list': method<SessionView[]>()({ input: rosterRangeInput, access: STAFF }),
  'roster.save': method<SessionView>()({ input: saveSessionInput, access: ADMIN }),
  'roster.setStatus': method<SessionView>()({ input: sessionStatusInput, access: ADMIN }),

  // scheduling visitors into a leader's queue (the hall's day board)
  'reception.board': method<DayBoard>()({ input: boardInput, access: DESK }),
  'reception.schedule': method<BookingView>()({ input: scheduleInput, access: DESK }),
  'reception.checkIn': method<BookingView>()({ input: bookingInput, access: DESK }),
  'reception.move': method<BookingChange>()({ input: moveInput, access: DESK }),
  'reception.cancel': method<BookingChange>()({ input: cancelBookingInput, access: DESK }),
  'reception.reorder': method<BookingView>()({ input: reorderInput, access: DESK }),

  // the duty leader: own queue, calling into the room, the talk record and its dates
  'reception.myQueue': method<LeaderQueue>()({ input: myQueueInput, access: LEADER }),
  'reception.callNext': method<{ bookingId: string } | null>()({ input: sessionInput, access: LEADER }),
  'reception.recall': method<{ bookingId: string }>()({ input: sessionInput, access: LEADER }),
  'reception.noShow': method<null>()({ input: bookingInput, access: LEADER }),
  'reception.record': method<TalkRecordView>()({ input: recordTalkInput, access: LEADER }),
  'reception.draft': method<TalkDraft | null>()({ input: bookingInput, access: LEADER }),
  'reception.saveDraft': method<TalkDraft>()({ input: saveTalkDraftInput, access: LEADER }),

  // 信访事项: every decision and step of a matter (the same at the window and at a talk), its clocks, 包案
  'matters.get': method<MatterView>()({ input: matterIdInput, access: STAFF }),
  'matters.act': method<MatterView>()({ input: matterActInput, access: STAFF }),
  'matters.dueList': method<DueList>()({ input: matterDueInput, access: STAFF }),
  'matters.ledger': method<LedgerRow[]>()({ input: ledgerInput, access: STAFF }),

  // 统计分析: leaders and the administrator any period, a clerk today's only (checked in the service)
  'stats.summary': method<StatsSummary>()({ input: statsSummaryInput, access: STAFF }),
  'stats.drill': method<StatsDrill>()({ input: statsDrillInput, access: STAFF }),

  // the hall display: public (a TV browser has no login), masked data only
  'display.state': method<DisplayState>()({ input: empty, access: 'public' }),

  // printing slips (排队凭条、登记回执)
  'print.bureau': method<Bureau>()({ input: empty, access: STAFF }),
  'print.saveBureau': method<Bureau>()({ input: bureauInput, access: ADMIN }),
  'print.settings': method<PrintingSettings>()({ input: empty, access: STAFF }),
  'print.printers': method<{ fromSystem: boolean; printers: string[] }>()({ input: empty, access: ADMIN }),
  'print.saveSettings': method<PrintingSettings>()({ input: printingInput, access: ADMIN }),
  'print.submit': method<PrintSubmitted>()({ input: submitPrintInput, access: STAFF }),
  'print.preview': method<{ route: string }>()({ input: previewPrintInput, access: STAFF }),
  'print.outcome': method<PrintJobView>()({ input: printOutcomeInput, access: STAFF }),
  'print.archive': method<ArchivedNotice[]>()({ input: archiveInput, access: STAFF }),
  'print.archivedPdf': method<{ sha256: string; base64: string; name: string }>()({ input: archivedPdfInput, access: STAFF }),
  'print.log': method<PrintJobView[]>()({ input: printLogInput, access: STAFF }),
  /** The print page's data, by the job's one-time token: the hidden print window has no login. */
  'print.slip': method<SlipData>()({ input: printJobTokenInput, access: 'public' }),

  // holiday calendar (节假日与调休) for the deadline rules
  'calendar.year': method<CalendarDay[]>()({ input: calendarYearInput, access: STAFF }),
  'calendar.save': method<CalendarDay[]>()({ input: saveCalendarInput, access: ADMIN }),

  // export to the district 信访信息系统 (administrator)
  'export.overview': method<ExportOverview>()({ input: empty, access: ADMIN }),
  'export.saveSettings': method<ExportSettings>()({ input: exportSettingsInput, access: ADMIN }),
  'export.saveDestination': method<DestinationView>()({ input: destinationInput, access: ADMIN }),
  'export.setDestinationEnabled': method<DestinationView>()({ input: setDestinationEnabledInput, access: ADMIN }),
  'export.runNow': method<ExportRunResult>()({ input: exportNowInput, access: ADMIN }),
  'export.reexport': method<ExportRunResult>()({ input: reexportInput, access: ADMIN }),
  'export.failures': method<FailureView[]>()({ input: listFailuresInput, access: ADMIN }),
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
