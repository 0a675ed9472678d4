// One handler per contract method. TypeScript checks that the table is complete
// and that each handler returns the contract's output type.
import type { MethodName, OutputOf, ParsedInputOf } from '@shared/api/contract';
import type { Actor, Deps } from '../context';
import * as users from '../services/users';
import * as petitioners from '../services/petitioners';
import * as visits from '../services/visits';
import * as queueConfig from '../services/queue/config';
import * as tickets from '../services/queue/tickets';
import { getDisplayState } from '../services/queue/display';
import * as pads from '../services/pads';
import { getQueueSettings, saveQueueSettings } from '../services/queue/settings';
import * as printing from '../services/printing/jobs';
import * as noticeArchive from '../services/printing/archive';
import * as bureau from '../services/printing/bureau';
import * as reader from '../services/reader/reader';
import * as photos from '../services/reader/photos';
import * as calendar from '../services/calendar/calendar';
import * as rooms from '../services/reception/rooms';
import * as roster from '../services/reception/roster';
import * as bookings from '../services/reception/bookings';
import * as talks from '../services/reception/talks';
import * as drafts from '../services/reception/drafts';
import { actOnMatter } from '../services/matters/act';
import { getMatter, getMatterFor } from '../services/matters/view';
import { refuseMatterOutOfReach } from '../services/leader-scope';
import { dueList as matterDueList } from '../services/matters/due';
import { ledger } from '../services/matters/ledger';
import { statsDrill, statsSummary } from '../services/stats/summary';
import { getStatsReport, getStatsReportPdf, listStatsReports, printStatsReport } from '../services/stats/report';
import { exportStatsReportXlsx } from '../services/stats/report-xlsx';
import { holidayCalendar } from '../services/calendar/calendar';
import { hallDate } from '@shared/time';
import { reexportRange, runExport } from '../services/export/runner';
import { saveDestination, saveExportSettings, setDestinationEnabled } from '../services/export/settings';
import { getExportOverview, listFailures } from '../services/export/status';
import type { SessionHolder } from '../services/sessions';
import { exportAudit, queryAudit, verifyAudit } from '../services/audit-log';
import * as retention from '../services/retention';
import { getBackupOverview, planRestore, restoreBackup, runBackup, saveBackupSettings, verifyBackup } from '../services/backup/backup';
import { toCurrentUser } from '../db/queries/users';

export interface CallContext {
  deps: Deps;
  session: SessionHolder;
  /** Null only for methods whose access is 'public'. */
  actor: Actor | null;
}

type Handler<M extends MethodName> = (ctx: CallContext, input: ParsedInputOf<M>) => Promise<OutputOf<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

/** For handlers whose access the dispatcher has already checked is not 'public'. */
function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new Error('handler called without an actor');
  return ctx.actor;
}

export const handlers: HandlerTable = {
  'setup.status': async ({ deps }) => ({ needsAdmin: await users.needsAdmin(deps) }),
  'setup.createAdmin': ({ deps, session }, input) => users.createAdmin(deps, session, input),
  'auth.login': ({ deps, session }, input) => users.login(deps, session, input),
  'auth.me': async ({ deps, session }) => {
    const user = await users.currentUser(deps, session);
    return user ? toCurrentUser(user) : null;
  },
  'auth.logout': ({ deps, session }) => users.logout(deps, session),
  'auth.changePassword': (ctx, input) => users.changePassword(ctx.deps, actorOf(ctx), ctx.session, input),

  'users.list': ({ deps }) => users.listUsers(deps),
  'users.create': (ctx, input) => users.createUser(ctx.deps, actorOf(ctx), input),
  'users.setDisabled': (ctx, input) => users.setUserDisabled(ctx.deps, actorOf(ctx), input),
  'users.resetPassword': (ctx, input) => users.resetUserPassword(ctx.deps, actorOf(ctx), input),
  'users.unlock': (ctx, input) => users.unlockUser(ctx.deps, actorOf(ctx), input),
  'users.setQueueScope': (ctx, input) => users.setQueueScope(ctx.deps, actorOf(ctx), input),

  'petitioners.lookup': (ctx, input) => petitioners.lookup(ctx.deps, actorOf(ctx), input),
  'petitioners.search': (ctx, input) => petitioners.search(ctx.deps, actorOf(ctx), input),

  'visits.register': (ctx, input) => visits.registerVisit(ctx.deps, actorOf(ctx), input),
  'visits.correct': (ctx, input) => visits.correctVisit(ctx.deps, actorOf(ctx), input),
  'visits.get': (ctx, input) => visits.getVisitFor(ctx.deps, actorOf(ctx), input.visitId),
  'visits.listDay': (ctx, input) => visits.listDay(ctx.deps, actorOf(ctx), input.date),

  'queue.lanes': ({ deps }) => queueConfig.listLanes(deps.db),
  'queue.desks': ({ deps }) => queueConfig.listDesks(deps.db),
  'queue.settings': ({ deps }) => getQueueSettings(deps.db),
  'queue.saveLane': (ctx, input) => queueConfig.saveLane(ctx.deps, actorOf(ctx), input),
  'queue.saveDesk': (ctx, input) => queueConfig.saveDesk(ctx.deps, actorOf(ctx), input),
  'queue.saveSettings': (ctx, input) => saveQueueSettings(ctx.deps, actorOf(ctx), input),

  'queue.issue': (ctx, input) => tickets.issueTicket(ctx.deps, actorOf(ctx), input),
  'queue.board': ({ deps }, input) => tickets.getQueueBoard(deps, input.deskId),
  'queue.callNext': (ctx, input) => tickets.callNext(ctx.deps, actorOf(ctx), input),
  'queue.callTicket': (ctx, input) => tickets.callTicket(ctx.deps, actorOf(ctx), input),
  'queue.recall': (ctx, input) => tickets.recall(ctx.deps, actorOf(ctx), input.deskId),
  'queue.noShow': (ctx, input) => tickets.noShow(ctx.deps, actorOf(ctx), input.deskId),
  'queue.finish': (ctx, input) => tickets.finish(ctx.deps, actorOf(ctx), input.deskId),
  'queue.requeue': (ctx, input) => tickets.requeue(ctx.deps, actorOf(ctx), input.ticketId),
  'queue.transfer': (ctx, input) => tickets.transfer(ctx.deps, actorOf(ctx), input),
  'queue.park': (ctx, input) => tickets.park(ctx.deps, actorOf(ctx), input.ticketId),
  'queue.unpark': (ctx, input) => tickets.unpark(ctx.deps, actorOf(ctx), input.ticketId),
  'queue.serveWalkIn': (ctx, input) => tickets.serveWalkIn(ctx.deps, actorOf(ctx), input),
  'queue.pause': (ctx, input) => tickets.setPaused(ctx.deps, actorOf(ctx), input.deskId, true),
  'queue.resume': (ctx, input) => tickets.setPaused(ctx.deps, actorOf(ctx), input.deskId, false),
  'queue.dayLog': (ctx, input) => tickets.getDayLog(ctx.deps, actorOf(ctx), input.date),

  'rooms.list': ({ deps }) => rooms.listRooms(deps.db),
  'rooms.save': (ctx, input) => rooms.saveRoom(ctx.deps, actorOf(ctx), input),
  'roster.list': ({ deps }, input) => roster.listSessions(deps.db, input.from, input.to),
  'roster.save': (ctx, input) => roster.saveSession(ctx.deps, actorOf(ctx), input),
  'roster.setStatus': (ctx, input) => roster.setSessionStatus(ctx.deps, actorOf(ctx), input),

  'reception.board': ({ deps }, input) => bookings.getReceptionBoard(deps, input.date),
  'reception.schedule': (ctx, input) => bookings.schedule(ctx.deps, actorOf(ctx), input),
  'reception.checkIn': (ctx, input) => bookings.checkIn(ctx.deps, actorOf(ctx), input),
  'reception.move': (ctx, input) => bookings.move(ctx.deps, actorOf(ctx), input),
  'reception.cancel': (ctx, input) => bookings.cancel(ctx.deps, actorOf(ctx), input),
  'reception.reorder': (ctx, input) => bookings.reorder(ctx.deps, actorOf(ctx), input),

  'reception.myQueue': (ctx, input) => talks.getMyQueue(ctx.deps, actorOf(ctx), input),
  'reception.callNext': (ctx, input) => talks.callNext(ctx.deps, actorOf(ctx), input),
  'reception.recall': (ctx, input) => talks.recall(ctx.deps, actorOf(ctx), input),
  'reception.noShow': (ctx, input) => talks.noShow(ctx.deps, actorOf(ctx), input),
  'reception.record': (ctx, input) => talks.recordTalk(ctx.deps, actorOf(ctx), input),
  'reception.draft': (ctx, input) => drafts.getDraft(ctx.deps, actorOf(ctx), input),
  'reception.saveDraft': (ctx, input) => drafts.saveDraft(ctx.deps, actorOf(ctx), input),

  'matters.get': (ctx, input) => getMatterFor(ctx.deps, actorOf(ctx), input.matterId),
  'matters.act': async (ctx, input) => {
    await refuseMatterOutOfReach(ctx.deps.db, actorOf(ctx), input.matterId);
    const row = await actOnMatter(ctx.deps, actorOf(ctx), input);
    return getMatter(ctx.deps.db, row.id, hallDate(ctx.deps.now()), await holidayCalendar(ctx.deps.db));
  },
  'matters.dueList': (ctx, input) => matterDueList(ctx.deps, actorOf(ctx), input),
  'matters.ledger': (ctx, input) => ledger(ctx.deps, actorOf(ctx), input),

  'stats.summary': (ctx, input) => statsSummary(ctx.deps, actorOf(ctx), input),
  'stats.drill': (ctx, input) => statsDrill(ctx.deps, actorOf(ctx), input),
  'stats.report': ({ deps }, input) => getStatsReport(deps, input),
  'stats.printReport': (ctx, input) => printStatsReport(ctx.deps, actorOf(ctx), input),
  'stats.reports': ({ deps }) => listStatsReports(deps),
  'stats.reportPdf': ({ deps }, input) => getStatsReportPdf(deps, input),
  'stats.reportXlsx': ({ deps }, input) => exportStatsReportXlsx(deps, input),

  'display.state': ({ deps }, input) => getDisplayState(deps, input),

  'pads.settings': ({ deps }) => pads.getPadSettings(deps.db),
  'pads.saveSettings': (ctx, input) => pads.savePadSettings(ctx.deps, actorOf(ctx), input),
  'pads.list': ({ deps }) => pads.listPads(deps),
  'pads.pairCode': (ctx, input) => pads.pairCode(ctx.deps, actorOf(ctx), input),
  'pads.revoke': (ctx, input) => pads.revokePad(ctx.deps, actorOf(ctx), input.padId),
  'pad.pair': ({ deps }, input) => pads.pairPad(deps, input),
  'pad.state': ({ deps }, input) => pads.getPadState(deps, input),
  'pad.answer': ({ deps }, input) => pads.answerPad(deps, input),

  'print.bureau': ({ deps }) => bureau.getBureau(deps.db),
  'print.saveBureau': (ctx, input) => bureau.saveBureau(ctx.deps, actorOf(ctx), input),
  'print.settings': ({ deps }) => printing.getPrintSettings(deps.db),
  // The desktop app asks the system; a browser cannot, and the names are typed.
  'print.printers': async ({ deps }) =>
    deps.printer ? { fromSystem: true, printers: await deps.printer.listPrinters() } : { fromSystem: false, printers: [] },
  'print.saveSettings': (ctx, input) => printing.savePrintSettings(ctx.deps, actorOf(ctx), input),
  'print.submit': (ctx, input) => printing.submitPrint(ctx.deps, actorOf(ctx), input),
  'print.preview': (ctx, input) => printing.previewPrint(ctx.deps, actorOf(ctx), input),
  'print.outcome': (ctx, input) => printing.recordOutcome(ctx.deps, actorOf(ctx), input),
  'print.log': ({ deps }, input) => printing.getPrintLog(deps, input.refId),
  'print.archive': (ctx, input) => noticeArchive.listArchive(ctx.deps, actorOf(ctx), input),
  'print.archivedPdf': (ctx, input) => noticeArchive.getArchivedPdf(ctx.deps, actorOf(ctx), input.archiveId),
  'print.slip': ({ deps, session }, input) => printing.getSlip(deps, session, input.token),
  'reader.read': (ctx, input) => reader.readCard(ctx.deps, actorOf(ctx), ctx.session, input),
  'reader.status': ({ deps, session }) => reader.getReaderStatus(deps, session),
  'reader.settings': ({ deps }) => reader.getReaderSettingsView(deps),
  'reader.saveSettings': (ctx, input) => reader.saveReaderSettings(ctx.deps, actorOf(ctx), input),
  'reader.savePhotoPolicy': (ctx, input) => photos.saveCardPhotoPolicy(ctx.deps, actorOf(ctx), input),
  'petitioners.photo': ({ deps }, input) => photos.getPersonPhoto(deps, input),

  'calendar.year': ({ deps }, input) => calendar.getCalendarYear(deps.db, input.year),
  'calendar.save': (ctx, input) => calendar.saveYear(ctx.deps, actorOf(ctx), input),

  'export.overview': ({ deps }) => getExportOverview(deps),
  'export.saveSettings': (ctx, input) => saveExportSettings(ctx.deps, actorOf(ctx), input),
  'export.saveDestination': (ctx, input) => saveDestination(ctx.deps, actorOf(ctx), input),
  'export.setDestinationEnabled': (ctx, input) => setDestinationEnabled(ctx.deps, actorOf(ctx), input),
  'export.runNow': (ctx, input) =>
    runExport(ctx.deps, { dataDir: ctx.deps.dataDir, destinationId: input.destinationId, actorId: actorOf(ctx).id }),
  'export.reexport': (ctx, input) =>
    reexportRange(ctx.deps, {
      dataDir: ctx.deps.dataDir,
      destinationId: input.destinationId,
      actorId: actorOf(ctx).id,
      from: input.from,
      to: input.to,
    }),
  'export.failures': ({ deps }, input) => listFailures(deps, input.destinationId, input.limit),

  'audit.verify': ({ deps }) => verifyAudit(deps),
  'audit.query': (ctx, input) => queryAudit(ctx.deps, actorOf(ctx), input),
  'audit.export': (ctx, input) => exportAudit(ctx.deps, actorOf(ctx), input),
  'retention.settings': ({ deps }) => retention.getRetentionSettings(deps),
  'retention.saveSettings': (ctx, input) => retention.saveRetentionSettings(ctx.deps, actorOf(ctx), input),
  'retention.report': ({ deps }) => retention.getRetentionReport(deps),
  'retention.reportXlsx': (ctx) => retention.exportRetentionReportXlsx(ctx.deps, actorOf(ctx)),
  'retention.apply': (ctx, input) => retention.applyRetention(ctx.deps, actorOf(ctx), input),

  'backup.overview': ({ deps }) => getBackupOverview(deps),
  'backup.saveSettings': (ctx, input) => saveBackupSettings(ctx.deps, actorOf(ctx), input),
  'backup.runNow': (ctx) => runBackup(ctx.deps, actorOf(ctx), '立即'),
  'backup.verify': ({ deps }, input) => verifyBackup(deps, input.name),
  'backup.planRestore': ({ deps }, input) => planRestore(deps, input.name),
  'backup.restore': (ctx, input) => restoreBackup(ctx.deps, actorOf(ctx), input),
};
