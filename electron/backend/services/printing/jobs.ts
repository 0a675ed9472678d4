// Printing slips: a job row per slip (who, what, when, 补打 or not), the data
// the print page renders, and the outcome. Printing personal data is audited.
import { randomBytes } from 'node:crypto';
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import {
  bureauInput,
  DEFAULT_BUREAU,
  DEFAULT_PRINTING,
  isA4Paper,
  isMatterTemplate,
  isTalkTemplate,
  printingInput,
  type Bureau,
  type PrintingSettings,
  type PrintJobView,
  type PrintTemplate,
  type PrintSubmitted,
  type SlipData,
} from '@shared/api/schemas/printing';
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
import { matterPaper, refuseMatterPaper, refuseOthersMatter } from './matter-papers';
import { talkPaper } from './talk-papers';

/** How long the print page may fetch a slip's data after the job is made. */
const TOKEN_MINUTES = 10;

export const getBureau = (db: Executor) => getSetting(db, 'bureau', bureauInput, DEFAULT_BUREAU);
export const getPrintSettings = (db: Executor) => getSetting(db, 'printing', printingInput, DEFAULT_PRINTING);
export const saveBureau = (deps: Deps, actor: Actor, v: Bureau) => saveSetting(deps, actor, 'bureau', v, getBureau);
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
 * Preview tokens: the print page drawn on screen before printing. Not a print
 * (nothing leaves the screen), so no job and no audit; kept in memory for
 * the token's 10 minutes.
 */
const previews = new WeakMap<Deps, Map<string, { template: PrintTemplate; refId: string; expires: number }>>();

export async function previewPrint(deps: Deps, actor: Actor, input: ParsedInputOf<'print.preview'>): Promise<{ route: string }> {
  await checkPrintable(deps.db, actor, input.template, input.refId);
  const now = deps.now().getTime();
  let map = previews.get(deps);
  if (!map) previews.set(deps, (map = new Map()));
  for (const [k, v] of map) if (v.expires < now) map.delete(k);
  const token = randomBytes(24).toString('base64url');
  map.set(token, { template: input.template, refId: input.refId, expires: now + TOKEN_MINUTES * 60_000 });
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
      token_expires_at: new Date(now.getTime() + TOKEN_MINUTES * 60_000).toISOString(),
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
  const route = `/print/job/${job.token}`;
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
    await archiveNotice(deps, actor, { id: job.id, template, matterId: input.refId, route });
  } catch (e) {
    // The clerk gets a Chinese message; the log keeps the technical cause for whoever fixes it.
    if (!(e instanceof ApiError)) console.error(`告知书存档失败（任务 ${job.id}）：`, e);
    await recordOutcome(deps, actor, { jobId: job.id, ok: false, error: e instanceof ApiError ? e.message : '告知书存档失败' });
    throw e instanceof ApiError ? e : new ApiError('INTERNAL', '告知书存档失败，告知书未打印');
  }
  if (!deps.printer) return { job: await toView(deps.db, job), route, mode: 'browser', paper: settings.paper as PrintSubmitted['paper'] };
  const result = await deps.printer.print({
    route,
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

/** The slip's data for the print page, by its one-time token (no login: the hidden print window has none). */
export async function getSlip(deps: Deps, token: string): Promise<SlipData> {
  const preview = previews.get(deps)?.get(token);
  if (preview && preview.expires >= deps.now().getTime()) {
    const all = await getPrintSettings(deps.db);
    const t = preview.template;
    const paper = isA4Paper(t) ? all.notice.paper : t === 'ticket' ? all.ticket.paper : all.receipt.paper;
    return slipFor(deps, { template: preview.template, refId: preview.refId, paper, reprint: false, printedAt: deps.now().toISOString() });
  }
  const job = await deps.db.selectFrom('print_jobs').selectAll().where('token', '=', token).executeTakeFirst();
  if (!job || job.token_expires_at < deps.now().toISOString()) throw new ApiError('NOT_FOUND', '打印任务不存在或已过期，请重新打印');
  if (job.slip_json) return JSON.parse(job.slip_json) as SlipData;
  return slipFor(deps, {
    template: job.template,
    refId: job.ref_id,
    paper: job.paper as SlipData['paper'],
    reprint: job.reprint === 1,
    printedAt: job.created_at,
  });
}

async function slipFor(
  deps: Deps,
  job: { template: PrintTemplate; refId: string; paper: SlipData['paper']; reprint: boolean; printedAt: string },
): Promise<SlipData> {
  const bureau = await getBureau(deps.db);
  const base = { bureau, paper: job.paper, reprint: job.reprint, printedAt: job.printedAt };
  if (job.template === 'ticket') {
    const t = await findTicket(deps.db, job.refId);
    if (!t) throw new ApiError('NOT_FOUND', '找不到该号');
    return { template: 'ticket', ...base, ticket: { ...toTicketView(t), peopleAhead: await peopleAhead(deps, t.id) } };
  }
  if (job.template === 'receipt') return { template: 'receipt', ...base, visit: await getVisit(deps.db, job.refId) };
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
