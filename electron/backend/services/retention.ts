// 个人信息保留 (issue 13): how long a closed record keeps the person's full personal data, a
// report of who would be affected, and, only after the administrator types a confirmation
// naming the count, the minimisation of those persons' personal fields. Never automatic.
//
// What is removed and what is kept, and why.
// 《个人信息保护法》 requires personal information to be kept no longer than the purpose needs
// (the minimum period necessary) and removed once that period ends, unless a law or
// regulation requires it to be kept. 《信访工作条例》 requires 信访 matters to be recorded and
// their files (信访档案) kept, and the bureau answers for how each matter was handled long
// after it closed (statistics, later visits about the same matter, 复查/复核 records,
// 不再受理 of a matter already ended). So what the 信访档案 needs stays:
//   - the person's 姓名 (whose matter it was; 不再受理 and repeat-visit checks are by person),
//     the document kind (not its number), and every matter and visit with its content,
//     decisions, dates, units, papers and talk records; archived notice PDFs stay as the
//     file's papers (they print the ID number masked).
// What only served reaching and identifying the person while the matter was open goes:
//   - 证件号码, 联系电话, 住址, 出生日期 and 性别 on the person, the same fields of each visit's
//     snapshot, the ID numbers and phones of a group visit's representatives, and those
//     fields in the export outbox's copies of the person and the visits (the district
//     system received them years ago and keeps its own copy under its own rules).
//   - The audit log keeps what it recorded (it cannot be changed: hash chain and triggers);
//     minimisation writes no personal data into it, only which fields were removed.
// Statistics count visits, people, categories, places and matters, none of which change.
//
// A person is affected when the record is whole (minimized_at is null) and, up to the cutoff
// (today minus the set years, hall dates): every visit of theirs and every visit about their
// matters is on or before it, and every such matter is closed (办结, 已复查, 终结, 不予受理,
// 不再受理, 引导) with no clock running and no step after the cutoff.
import ExcelJS from 'exceljs';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Actor, Deps } from '../context';
import type { Executor } from '../db/connection';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { writeAudit } from './audit';
import { removePersonPhotos } from './reader/photos';
import { getSetting, saveSetting } from './settings-store';
import { ApiError } from '@shared/api/errors';
import { maskIdNumber } from '@shared/domain/identity';
import type { MatterState } from '@shared/domain/matter';
import { hallDate, formatCalendarDate } from '@shared/time';
import {
  retentionConfirmation,
  retentionSettingsInput,
  type RetentionPerson,
  type RetentionReport,
  type RetentionResult,
  type RetentionSettings,
} from '@shared/api/schemas/retention';

const KEY = 'retention';
/** Ten years unless the administrator sets another period (check it against the bureau's 档案 retention schedule). */
const DEFAULTS: RetentionSettings = { years: 10 };
/** Persons listed on the screen; the xlsx lists every one. */
export const REPORT_LIST_MAX = 200;
const CHUNK = 500;

/** Matter states in which nothing more is owed or expected (a running clock is checked separately). */
const CLOSED: readonly MatterState[] = ['concluded', 'reviewed', 'final', 'declined', 'not_again', 'guided'];
/** A matter's dated steps: any of them after the cutoff keeps the person's data. */
const MATTER_DATES = [
  'received_on',
  'decided_on',
  'accepted_on',
  'replied_on',
  'opinion_on',
  'concluded_on',
  'review_requested_on',
  'review_decided_on',
  'recheck_requested_on',
  'recheck_decided_on',
  'final_on',
  'evaluated_on',
  'lead_on',
] as const;

/** The petitioner fields removed, as the audit row names them. */
const REMOVED = ['证件号码', '联系电话', '住址', '出生日期', '性别'];

export function getRetentionSettings(deps: Deps): Promise<RetentionSettings> {
  return getSetting(deps.db, KEY, retentionSettingsInput, DEFAULTS);
}

export function saveRetentionSettings(deps: Deps, actor: Actor, input: RetentionSettings): Promise<RetentionSettings> {
  return saveSetting(deps, actor, KEY, input, (db) => getSetting(db, KEY, retentionSettingsInput, DEFAULTS));
}

/** Today (hall date) minus `years`; 29 February falls back to the 28th. */
export function retentionCutoff(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The ids of the affected persons, as a subquery. Each condition is its own NOT EXISTS with one
 * equality on an indexed column (visits_petitioner, visits_matter, matters_petitioner, the
 * primary keys), so a person costs a few index seeks, never a scan of the visits after the cutoff.
 */
export function affectedIds(db: Executor, cutoff: string): SelectQueryBuilder<Database, 'petitioners', { id: string }> {
  // The end of the cutoff day in the hall (UTC+8, no daylight saving), as a stored instant.
  const endOfCutoff = new Date(new Date(`${cutoff}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  /** A matter still open, with a clock running, or with a step after the cutoff. */
  const live = (m: ExpressionBuilder<Database, 'matters'>) =>
    m.or([
      m('matters.state', 'not in', CLOSED),
      m('matters.next_due', 'is not', null),
      m('matters.updated_at', '>=', endOfCutoff),
      ...MATTER_DATES.map((c) => m(`matters.${c}`, '>', cutoff)),
    ]);
  /** A visit about the matter after the cutoff (anyone's). */
  const lateVisit = (m: ExpressionBuilder<Database, 'matters'>) =>
    m.exists(m.selectFrom('visits as lv').select('lv.id').whereRef('lv.matter_id', '=', 'matters.id').where('lv.visit_date', '>', cutoff));
  return db
    .selectFrom('petitioners')
    .select('petitioners.id')
    .where('petitioners.minimized_at', 'is', null)
    .where((eb) =>
      eb.and([
        // a visit of theirs after the cutoff
        eb.not(
          eb.exists(
            eb
              .selectFrom('visits')
              .select('visits.id')
              .whereRef('visits.petitioner_id', '=', 'petitioners.id')
              .where('visits.visit_date', '>', cutoff),
          ),
        ),
        // a matter of theirs live, or visited after the cutoff by anyone
        eb.not(
          eb.exists(
            eb
              .selectFrom('matters')
              .select('matters.id')
              .whereRef('matters.petitioner_id', '=', 'petitioners.id')
              .where((m) => m.or([live(m), lateVisit(m)])),
          ),
        ),
        // the same for a matter they visited about that is someone else's (a group's)
        eb.not(
          eb.exists(
            eb
              .selectFrom('visits as pv')
              .innerJoin('matters', 'matters.id', 'pv.matter_id')
              .select('matters.id')
              .whereRef('pv.petitioner_id', '=', 'petitioners.id')
              .whereRef('matters.petitioner_id', '<>', 'petitioners.id')
              .where((m) => m.or([live(m), lateVisit(m)])),
          ),
        ),
      ]),
    );
}

interface Affected extends RetentionPerson {
  idNumber: string;
}

async function listAffected(db: Executor, cutoff: string): Promise<Affected[]> {
  const ids = affectedIds(db, cutoff);
  const rows = await db
    .selectFrom('petitioners')
    .where('petitioners.id', 'in', ids)
    .select((eb) => [
      'petitioners.id',
      'petitioners.name',
      'petitioners.id_number',
      eb
        .selectFrom('visits')
        .select((v) => v.fn.max('visits.visit_date').as('d'))
        .whereRef('visits.petitioner_id', '=', 'petitioners.id')
        .as('last_visit'),
      eb
        .selectFrom('visits')
        .select((v) => v.fn.countAll().as('n'))
        .whereRef('visits.petitioner_id', '=', 'petitioners.id')
        .as('visits'),
      eb
        .selectFrom('matters')
        .select((v) => v.fn.countAll().as('n'))
        .whereRef('matters.petitioner_id', '=', 'petitioners.id')
        .as('matters'),
      eb
        .selectFrom('matters')
        .select(sql<string>`max(coalesce(final_on, recheck_decided_on, review_decided_on, concluded_on, decided_on, received_on))`.as('d'))
        .whereRef('matters.petitioner_id', '=', 'petitioners.id')
        .as('last_closed'),
    ])
    .execute();
  return rows
    .map((r) => ({
      petitionerId: r.id,
      name: r.name,
      idNumber: r.id_number,
      idMasked: maskIdNumber(r.id_number),
      lastVisitOn: r.last_visit ?? '',
      lastClosedOn: r.last_closed ?? '',
      visits: Number(r.visits ?? 0),
      matters: Number(r.matters ?? 0),
    }))
    .sort(
      (a, b) =>
        a.lastVisitOn.localeCompare(b.lastVisitOn) || a.name.localeCompare(b.name, 'zh-CN') || a.petitionerId.localeCompare(b.petitionerId),
    );
}

async function buildReport(deps: Deps, db: Executor): Promise<{ report: RetentionReport; people: Affected[] }> {
  const { years } = await getSetting(db, KEY, retentionSettingsInput, DEFAULTS);
  const cutoff = retentionCutoff(hallDate(deps.now()), years);
  const people = await listAffected(db, cutoff);
  const ids = affectedIds(db, cutoff);
  const [reps, files, minimized] = await Promise.all([
    db
      .selectFrom('visit_representatives')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('visit_id', 'in', db.selectFrom('visits').select('id').where('petitioner_id', 'in', ids))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('notice_archive')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('matter_id', 'in', db.selectFrom('matters').select('id').where('petitioner_id', 'in', ids))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('petitioners')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('minimized_at', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);
  const dates = people.map((p) => p.lastVisitOn).filter(Boolean);
  const report: RetentionReport = {
    years,
    cutoff,
    persons: people.length,
    visits: people.reduce((s, p) => s + p.visits, 0),
    matters: people.reduce((s, p) => s + p.matters, 0),
    representatives: Number(reps.n),
    files: Number(files.n),
    oldestVisitOn: dates.length ? dates[0]! : null,
    newestVisitOn: dates.length ? dates[dates.length - 1]! : null,
    list: people.slice(0, REPORT_LIST_MAX).map(({ idNumber: _full, ...p }) => p),
    alreadyMinimized: Number(minimized.n),
    confirmation: retentionConfirmation(people.length),
  };
  return { report, people };
}

/** The report: what a run would change today, before anything is done. Its persons are read-audited by the dispatcher. */
export async function getRetentionReport(deps: Deps): Promise<RetentionReport> {
  return (await buildReport(deps, deps.db)).report;
}

export const RETENTION_SHEET = '个人信息保留';
export const RETENTION_HEADERS = [
  '序号',
  '姓名',
  '证件号码（隐去）',
  '最近来访日期',
  '事项办结/终结日期',
  '来访次数',
  '事项数',
  '信访人编号',
] as const;

/** The whole report as xlsx (every person, not only the screen's first 200); audited as a read naming them. */
export async function exportRetentionReportXlsx(deps: Deps, actor: Actor): Promise<{ name: string; base64: string }> {
  const { report, people } = await buildReport(deps, deps.db);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(RETENTION_SHEET);
  ws.addRow([`个人信息保留报告：保留年限 ${report.years} 年，截止 ${formatCalendarDate(report.cutoff)}（含）`]);
  ws.addRow([
    `受影响信访人 ${report.persons} 人，来访 ${report.visits} 次，事项 ${report.matters} 件，代表 ${report.representatives} 人次，存档文书 ${report.files} 份（保留）`,
  ]);
  ws.addRow([...RETENTION_HEADERS]);
  people.forEach((p, i) => ws.addRow([i + 1, p.name, p.idMasked, p.lastVisitOn, p.lastClosedOn, p.visits, p.matters, p.petitionerId]));
  ws.getRow(3).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [8, 14, 22, 14, 18, 10, 8, 38][i]));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, (trx) =>
    writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'read',
      entity: 'retention.reportXlsx',
      entityId: null,
      after: { persons: people.map((p) => p.petitionerId), visits: [] },
    }),
  );
  return { name: `个人信息保留报告_${hallDate(deps.now()).replace(/-/g, '')}.xlsx`, base64: buffer.toString('base64') };
}

const PETITIONER_FIELDS = ['id_number', 'phone', 'address'] as const;
const VISIT_FIELDS = ['idNumber', 'phone', 'address'] as const;

/** The outbox's copy of a petitioner (snake_case row) or a visit (camelCase view), minimised alike. */
function minimizePayload(entity: string, payload: Record<string, unknown>): Record<string, unknown> {
  const out = { ...payload };
  if (entity === 'petitioner') {
    for (const f of PETITIONER_FIELDS) if (f in out) out[f] = '';
    if ('birth_date' in out) out.birth_date = null;
    if ('gender' in out) out.gender = null;
  } else {
    for (const f of VISIT_FIELDS) if (f in out) out[f] = '';
    if ('birthDate' in out) out.birthDate = null;
    if ('gender' in out) out.gender = null;
    if (Array.isArray(out.representatives))
      out.representatives = (out.representatives as Record<string, unknown>[]).map((r) => ({ ...r, idNumber: '', phone: '' }));
  }
  return out;
}

/**
 * The run, after the administrator typed the confirmation naming the count: one transaction,
 * refused (nothing written) when the words differ or the affected set changed since the report.
 */
export async function applyRetention(deps: Deps, actor: Actor, input: { count: number; confirmation: string }): Promise<RetentionResult> {
  const at = deps.now().toISOString();
  return writeTransaction(deps.db, async (trx) => {
    const { report, people } = await buildReport(deps, trx);
    if (people.length !== input.count) {
      throw new ApiError('CONFLICT', `需处理的人数已变化（现为 ${people.length} 人），请重新生成报告后再确认`, { count: '人数已变化' });
    }
    if (input.confirmation !== retentionConfirmation(input.count)) {
      throw new ApiError('VALIDATION', `请输入“${retentionConfirmation(input.count)}”以确认`, {
        confirmation: `请输入“${retentionConfirmation(input.count)}”`,
      });
    }
    let visits = 0;
    let representatives = 0;
    let outboxRows = 0;
    const ids = people.map((p) => p.petitionerId);
    // Stored ID-card photos go with the ID number: removed (and audited) before the number is
    // cleared, since a photo not yet linked is found by the number's hash.
    let photos = 0;
    for (const id of ids) photos += await removePersonPhotos(trx, id, { at, actorId: actor.id, note: '个人信息保留期满' });
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const visitIds = trx.selectFrom('visits').select('id').where('petitioner_id', 'in', chunk);
      const r = await trx
        .updateTable('visit_representatives')
        .set({ id_number: '', phone: '' })
        .where('visit_id', 'in', visitIds)
        .executeTakeFirst();
      representatives += Number(r.numUpdatedRows);
      const outbox = await trx
        .selectFrom('outbox')
        .select(['seq', 'entity', 'payload_json'])
        .where((eb) =>
          eb.or([
            eb.and([eb('entity', '=', 'petitioner'), eb('entity_id', 'in', chunk)]),
            eb.and([eb('entity', '=', 'visit'), eb('entity_id', 'in', visitIds)]),
          ]),
        )
        .execute();
      for (const o of outbox) {
        const payload = minimizePayload(o.entity, JSON.parse(o.payload_json) as Record<string, unknown>);
        await trx
          .updateTable('outbox')
          .set({ payload_json: JSON.stringify(payload) })
          .where('seq', '=', o.seq)
          .execute();
      }
      outboxRows += outbox.length;
      const v = await trx
        .updateTable('visits')
        .set({ id_number: '', phone: '', address: '' })
        .where('petitioner_id', 'in', chunk)
        .executeTakeFirst();
      visits += Number(v.numUpdatedRows);
      await trx
        .updateTable('petitioners')
        .set({ id_number: '', phone: '', address: '', birth_date: null, gender: null, minimized_at: at, updated_at: at })
        .where('id', 'in', chunk)
        .execute();
    }
    for (const p of people) {
      await writeAudit(trx, {
        at,
        actorId: actor.id,
        action: 'retention.minimize',
        entity: 'petitioner',
        entityId: p.petitionerId,
        after: { removed: REMOVED, years: report.years, cutoff: report.cutoff },
      });
    }
    const result: RetentionResult = { persons: people.length, visits, representatives, outboxRows, at };
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'retention.run',
      entity: 'retention',
      entityId: null,
      after: { ...result, photos, years: report.years, cutoff: report.cutoff },
    });
    return result;
  });
}
