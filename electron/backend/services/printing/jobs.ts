// Printing slips: a job row per slip (who, what, when, 补打 or not), the data
// the print page renders, and the outcome. Printing personal data is audited.
import { randomBytes } from 'node:crypto';
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import {
  DEFAULT_PRINTING,
  FORMAL_NOTICES,
  isA4Paper,
  isMatterTemplate,
  isTalkTemplate,
  printingInput,
  type PrintingSettings,
  type PrintJobView,
  type PrintTemplate,
  type PrintSubmitted,
  type ReceiptVisit,
  type SlipData,
} from '@shared/api/schemas/printing';
import type { VisitDetail } from '@shared/api/schemas/visits';
import { maskIdNumber } from '@shared/domain/identity';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { findTicket, toTicketView } from '../../db/queries/tickets';
import type { PrintJobsTable } from '../../db/schema';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { newId } from '../ids';
import { peopleAhead } from '../queue/tickets';
import { getSetting, saveSetting } from '../settings-store';
import { getVisit } from '../visits';
import { getTalk, refuseOthersTalk } from '../reception/talks';
import { holidayCalendar } from '../calendar/calendar';
import { hallDate } from '@shared/time';
import { archiveNotice } from './archive';
import type { SessionHolder } from '../sessions';
import { currentUser } from '../users';
import { matterPaper, refuseMatterPaper, refuseOthersMatter } from './matter-papers';
import { talkPaper } from './talk-papers';
import { bureauIsSet, BUREAU_UNSET, getBureau } from './bureau';

export const getPrintSettings = (db: Executor) => getSetting(db, 'printing', printingInput, DEFAULT_PRINTING);

export const savePrintSettings = (deps: Deps, actor: Actor, v: PrintingSettings) =>
  saveSetting(deps, actor, 'printing', v, getPrintSettings);

export async function toView(db: Executor, j: PrintJobsTable): Promise<PrintJobView> {
  const actor = await db.selectFrom('users').select('display_name').where('id', '=', j.actor_id).executeTakeFirst();
  return {
    id: j.id,
    template: j.template,
    refId: j.ref_id,
    copies: j.copies,
    reprint: j.reprint === 1,
    status: j.status,
    error: j.error,
    printer: j.printer,
    at: j.created_at,
    actorName: actor?.display_name ?? '',
  };
}

/**
 * The slip exists and its template applies (a matter's papers: the rule in
 * shared/domain/matter-papers.ts); leaders print only the papers of their
 * talks and of the matters they talked about or lead.
 */
async function checkPrintable(trx: Executor, actor: Actor, template: PrintTemplate, refId: string): Promise<void> {
  if (isTalkTemplate(template)) {
    // A talk record holds the leader's notes: not for the desk, neither previewed nor printed.
    if (actor.role === 'clerk') throw new ApiError('FORBIDDEN', '登记员不能查看或打印领导的接谈记录');
    await refuseOthersTalk(trx, actor, refId);
    await getTalk(trx, refId);
    return;
  }
  if (isMatterTemplate(template)) {
    await refuseOthersMatter(trx, actor, refId);
    await refuseMatterPaper(trx, template, refId);
    return;
  }
  if (actor.role === 'leader') throw new ApiError('FORBIDDEN', '接访领导只能打印接谈和信访事项的文书');
  const exists =
    template === 'ticket'
      ? await trx.selectFrom('tickets').select('id').where('id', '=', refId).executeTakeFirst()
      : await trx.selectFrom('visits').select('id').where('id', '=', refId).executeTakeFirst();
  if (!exists) throw new ApiError('NOT_FOUND', template === 'ticket' ? '找不到该号' : '找不到该来访登记');
}

/**
 * Print tokens. A token gives the print page one slip's data, once: the first
 * read consumes it, a second read is refused. It lives 2 minutes and is bound
 * to the user who made it (a browser's print frame reads it with that user's
 * login). Tokens the backend hands straight to its own renderer (the desktop
 * printer's hidden window, the PDF renderer of the notice archive) are never
 * shown to a screen and are read without a login. Previews (nothing printed,
 * so no job and no audit) and those renderer tokens are kept in memory; a
 * browser job's token is the job row's.
 */
export const TOKEN_MS = 2 * 60_000;

interface MemoryToken {
  template: PrintTemplate;
  refId: string;
  /** The job whose snapshot is drawn; null for a preview (drawn from the data as it stands). */
  jobId: string | null;
  /** Who may read it: a user id, or null for the backend's own renderer. */
  userId: string | null;
  expires: number;
}
const memoryTokens = new WeakMap<Deps, Map<string, MemoryToken>>();

function issueMemoryToken(deps: Deps, t: Omit<MemoryToken, 'expires'>): string {
  const now = deps.now().getTime();
  let map = memoryTokens.get(deps);
  if (!map) memoryTokens.set(deps, (map = new Map()));
  for (const [k, v] of map) if (v.expires < now) map.delete(k);
  const token = randomBytes(24).toString('base64url');
  map.set(token, { ...t, expires: now + TOKEN_MS });
  return token;
}

/** The route the backend's own renderers (the archive's PDF, the desktop printer) read a job through: a token of their own, never on a screen. */
export function internalJobRoute(deps: Deps, job: { id: string; template: PrintTemplate; refId: string }): string {
  return `/print/job/${issueMemoryToken(deps, { template: job.template, refId: job.refId, jobId: job.id, userId: null })}`;
}

const USED = '该打印凭据已使用，请重新打印或预览';
const GONE = '打印任务不存在或已过期，请重新打印';
const NOT_YOURS = '该打印凭据属于其他用户，不能读取';

export async function previewPrint(deps: Deps, actor: Actor, input: ParsedInputOf<'print.preview'>): Promise<{ route: string }> {
  await checkPrintable(deps.db, actor, input.template, input.refId);
  const token = issueMemoryToken(deps, { template: input.template, refId: input.refId, jobId: null, userId: actor.id });
  return { route: `/print/preview/${token}` };
}

/**
 * Records a print job and hands it to the desktop printer when there is one.
 * A slip printed before for the same ticket or visit is marked 补打 (reprint).
 * A printer that fails leaves the registration untouched: only the job says so.
 */
export async function submitPrint(deps: Deps, actor: Actor, input: ParsedInputOf<'print.submit'>): Promise<PrintSubmitted> {
  const now = deps.now();
  const at = now.toISOString();
  const template = input.template;
  const all = await getPrintSettings(deps.db);
  const settings = isA4Paper(template) ? all.notice : all[template];
  if (FORMAL_NOTICES.includes(template) && !(await bureauIsSet(deps.db))) throw new ApiError('CONFLICT', BUREAU_UNSET);
  const job = await writeTransaction(deps.db, async (trx) => {
    await checkPrintable(trx, actor, template, input.refId);
    const earlier = await trx
      .selectFrom('print_jobs')
      .select('id')
      .where('ref_id', '=', input.refId)
      .where('template', '=', input.template)
      .where('status', '!=', 'failed')
      .executeTakeFirst();
    const row: PrintJobsTable = {
      id: newId(),
      template: input.template,
      ref_id: input.refId,
      copies: input.copies,
      reprint: earlier ? 1 : 0,
      status: 'pending',
      error: '',
      printer: settings.printer,
      paper: settings.paper,
      token: randomBytes(24).toString('base64url'),
      token_expires_at: new Date(now.getTime() + TOKEN_MS).toISOString(),
      slip_json: null,
      actor_id: actor.id,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('print_jobs').values(row).execute();
    // Printing a slip hands personal data to paper: audited like a change.
    const entity =
      template === 'ticket' ? 'ticket' : template === 'receipt' ? 'visit' : isMatterTemplate(template) ? 'matter' : 'talk_record';
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: `print.${template}`,
      entity,
      entityId: input.refId,
      after: { jobId: row.id, copies: row.copies, reprint: row.reprint === 1 },
    });
    return row;
  });
  // The browser's print frame reads the job's own token; the backend's renderers get their own.
  const route = `/print/job/${job.token}`;
  const internalRoute = () => internalJobRoute(deps, { id: job.id, template, refId: input.refId });
  // The A4 papers are drawn from one fixed snapshot: the archived PDF and the paper cannot differ
  // because someone extended the deadline or edited the bureau in between.
  if (isA4Paper(template)) {
    const snapshot = await slipFor(deps, {
      template,
      refId: input.refId,
      paper: job.paper as SlipData['paper'],
      reprint: job.reprint === 1,
      printedAt: job.created_at,
    });
    await deps.db
      .updateTable('print_jobs')
      .set({ slip_json: JSON.stringify(snapshot) })
      .where('id', '=', job.id)
      .execute();
  }
  // A formal notice is kept as PDF before it is printed; if that fails it is not printed.
  try {
    if (FORMAL_NOTICES.includes(template))
      await archiveNotice(deps, actor, { id: job.id, template, matterId: input.refId, route: internalRoute() });
  } catch (e) {
    // The clerk gets a Chinese message; the log keeps the technical cause for whoever fixes it.
    if (!(e instanceof ApiError)) console.error(`告知书存档失败（任务 ${job.id}）：`, e);
    await recordOutcome(deps, actor, { jobId: job.id, ok: false, error: e instanceof ApiError ? e.message : '告知书存档失败' });
    throw e instanceof ApiError ? e : new ApiError('INTERNAL', '告知书存档失败，告知书未打印');
  }
  if (!deps.printer) return { job: await toView(deps.db, job), route, mode: 'browser', paper: settings.paper as PrintSubmitted['paper'] };
  const result = await deps.printer.print({
    route: internalRoute(),
    paper: job.paper as PrintSubmitted['paper'],
    printer: settings.printer,
    silent: settings.silent,
    copies: job.copies,
  });
  const done = await recordOutcome(deps, actor, { jobId: job.id, ok: result.ok, error: result.ok ? '' : result.message });
  return { job: done, route, mode: 'desktop', paper: settings.paper as PrintSubmitted['paper'] };
}

export async function recordOutcome(deps: Deps, actor: Actor, input: ParsedInputOf<'print.outcome'>): Promise<PrintJobView> {
  const at = deps.now().toISOString();
  const row = await writeTransaction(deps.db, async (trx) => {
    const job = await trx.selectFrom('print_jobs').selectAll().where('id', '=', input.jobId).executeTakeFirst();
    if (!job) throw new ApiError('NOT_FOUND', '找不到该打印任务');
    const status = input.ok ? ('printed' as const) : ('failed' as const);
    await trx.updateTable('print_jobs').set({ status, error: input.error, updated_at: at }).where('id', '=', job.id).execute();
    if (!input.ok)
      await writeAudit(trx, { at, actorId: actor.id, action: 'print.failed', entity: 'print_job', entityId: job.id, note: input.error });
    return { ...job, status, error: input.error };
  });
  return toView(deps.db, row);
}

/**
 * The slip's data for the print page, by its one-time token. The hidden print
 * window has no login; a browser's frame has the creator's.
 */
export async function getSlip(deps: Deps, session: SessionHolder, token: string): Promise<SlipData> {
  const reader = (await currentUser(deps, session))?.id ?? null;
  const now = deps.now();
  const map = memoryTokens.get(deps);
  const mem = map?.get(token);
  if (mem) {
    if (mem.expires < now.getTime()) throw new ApiError('NOT_FOUND', GONE);
    if (mem.userId !== null && mem.userId !== reader) throw new ApiError('FORBIDDEN', NOT_YOURS);
    map!.delete(token);
    if (mem.jobId) return jobSlip(deps, mem.jobId);
    const all = await getPrintSettings(deps.db);
    const t = mem.template;
    const paper = isA4Paper(t) ? all.notice.paper : t === 'ticket' ? all.ticket.paper : all.receipt.paper;
    return slipFor(deps, { template: t, refId: mem.refId, paper, reprint: false, printedAt: now.toISOString() });
  }
  const job = await deps.db
    .selectFrom('print_jobs')
    .select(['id', 'actor_id', 'token_expires_at'])
    .where('token', '=', token)
    .executeTakeFirst();
  if (!job) throw new ApiError('NOT_FOUND', GONE);
  if (job.token_expires_at === '') throw new ApiError('CONFLICT', USED);
  if (job.token_expires_at < now.toISOString()) throw new ApiError('NOT_FOUND', GONE);
  if (job.actor_id !== reader) throw new ApiError('FORBIDDEN', NOT_YOURS);
  // Consumed by the first read: of two readers at once, one wins.
  const used = await deps.db
    .updateTable('print_jobs')
    .set({ token_expires_at: '' })
    .where('id', '=', job.id)
    .where('token_expires_at', '=', job.token_expires_at)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw new ApiError('CONFLICT', USED);
  return jobSlip(deps, job.id);
}

/** A job's slip: its snapshot (the A4 papers), else drawn now. */
async function jobSlip(deps: Deps, jobId: string): Promise<SlipData> {
  const job = await deps.db.selectFrom('print_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  if (job.slip_json) return JSON.parse(job.slip_json) as SlipData;
  return slipFor(deps, {
    template: job.template,
    refId: job.ref_id,
    paper: job.paper as SlipData['paper'],
    reprint: job.reprint === 1,
    printedAt: job.created_at,
  });
}

/** The receipt's visit: what the paper prints, the ID number masked. */
function receiptVisit(v: VisitDetail): ReceiptVisit {
  return {
    visitNo: v.visitNo,
    name: v.name,
    idType: v.idType,
    idNumberMasked: v.idNumber ? maskIdNumber(v.idNumber) : '',
    registeredAt: v.registeredAt,
    peopleCount: v.peopleCount,
    isGroup: v.isGroup,
    representativeNames: v.representatives.map((r) => r.name),
    purpose: v.purpose,
    category: v.category,
    locationArea: v.locationArea,
    summary: v.summary,
    demands: v.demands,
    registeredByName: v.registeredByName,
  };
}

async function slipFor(
  deps: Deps,
  job: { template: PrintTemplate; refId: string; paper: SlipData['paper']; reprint: boolean; printedAt: string },
): Promise<SlipData> {
  const bureau = await getBureau(deps.db);
  const base = { bureau, paper: job.paper, reprint: job.reprint, printedAt: job.printedAt, refId: job.refId };
  if (job.template === 'ticket') {
    const t = await findTicket(deps.db, job.refId);
    if (!t) throw new ApiError('NOT_FOUND', '找不到该号');
    const v = toTicketView(t);
    const ticket = { id: v.id, ticketNo: v.ticketNo, laneName: v.laneName, priority: v.priority, issuedAt: v.issuedAt };
    return { template: 'ticket', ...base, ticket: { ...ticket, peopleAhead: await peopleAhead(deps, t.id) } };
  }
  if (job.template === 'receipt') return { template: 'receipt', ...base, visit: receiptVisit(await getVisit(deps.db, job.refId)) };
  const today = hallDate(deps.now());
  const cal = await holidayCalendar(deps.db);
  if (isMatterTemplate(job.template)) return { template: job.template, ...base, ...(await matterPaper(deps.db, job.refId, today, cal)) };
  // A statistics report is always drawn from the snapshot its job keeps (stats.printReport).
  if (job.template === 'stats_report') throw new ApiError('NOT_FOUND', '报表打印任务缺少数据，请重新打印');
  return { template: job.template, ...base, ...(await talkPaper(deps.db, job.refId, today, cal)) };
}

export async function getPrintLog(deps: Deps, refId: string): Promise<PrintJobView[]> {
  const rows = await deps.db.selectFrom('print_jobs').selectAll().where('ref_id', '=', refId).orderBy('created_at', 'desc').execute();
  return Promise.all(rows.map((r) => toView(deps.db, r)));
}
