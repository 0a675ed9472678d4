// 审计查询 (issue 13): the administrator's view of the audit log and its xlsx
// export, and the chain check for the admin screen. Reading the log is itself
// audited ('audit.query', 'audit.export', with the filter), in the same
// transaction as nothing else: the row is written before the rows are returned.
import ExcelJS from 'exceljs';
import { sql, type ExpressionBuilder } from 'kysely';
import type { AuditFilter, AuditPage, AuditRowView, ChainStatus } from '@shared/api/schemas/audit';
import { auditActionLabel, readMethodLabel } from '@shared/domain/audit';
import { normalizeIdInput } from '@shared/domain/identity';
import { formatDateTime } from '@shared/time';
import type { Actor, Deps } from '../context';
import type { ChainedFields } from '../db/audit-chain';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { describeChain, verifyAuditChain, writeAudit } from './audit';
import { xlsxCells } from './xlsx-text';

/** The export holds at most this many rows (newest first); the screen says so. */
export const AUDIT_EXPORT_MAX = 50_000;

export async function verifyAudit(deps: Deps): Promise<ChainStatus> {
  const r = await verifyAuditChain(deps.db);
  return { ok: r.ok, count: r.count, headHash: r.headHash, broken: r.broken, message: describeChain(r, formatDateTime) };
}

/** Start of a hall day (Asia/Shanghai, no daylight saving) as a UTC instant. */
function dayStart(ymd: string, plusDays = 0): string {
  const t = new Date(`${ymd}T00:00:00+08:00`).getTime() + plusDays * 86_400_000;
  return new Date(t).toISOString();
}

interface Resolved {
  persons: string[];
  visits: string[];
  matters: string[];
}

/** The petitioners an ID number or a name names, with their visits and matters; null when no filter. */
async function resolvePerson(deps: Deps, person: string): Promise<Resolved | null> {
  if (!person) return null;
  const idNumber = normalizeIdInput(person);
  const rows = await deps.db
    .selectFrom('petitioners')
    .select('id')
    .where((eb) => eb.or([eb('name', '=', person), ...(idNumber.length >= 6 ? [eb('id_number', '=', idNumber)] : [])]))
    .limit(50)
    .execute();
  const persons = rows.map((r) => r.id);
  if (persons.length === 0) return { persons, visits: [], matters: [] };
  const visits = (await deps.db.selectFrom('visits').select('id').where('petitioner_id', 'in', persons).execute()).map((r) => r.id);
  const matters = (await deps.db.selectFrom('matters').select('id').where('petitioner_id', 'in', persons).execute()).map((r) => r.id);
  return { persons, visits, matters };
}

function whereFilter(f: AuditFilter, who: Resolved | null) {
  return (eb: ExpressionBuilder<Database, 'audit_log'>) => {
    const conds = [];
    if (f.userId) conds.push(eb('audit_log.actor_id', '=', f.userId));
    if (f.from) conds.push(eb('audit_log.at', '>=', dayStart(f.from)));
    if (f.to) conds.push(eb('audit_log.at', '<', dayStart(f.to, 1)));
    if (f.action) conds.push(eb('audit_log.action', '=', f.action));
    if (who) {
      const byId = (entity: string, ids: string[]) =>
        ids.length ? [eb.and([eb('audit_log.entity', '=', entity), eb('audit_log.entity_id', 'in', ids)])] : [];
      conds.push(
        eb.or([
          sql<boolean>`1 = 0`,
          ...byId('petitioner', who.persons),
          ...byId('visit', who.visits),
          ...byId('matter', who.matters),
          ...who.persons.map((p) => eb.and([eb('audit_log.action', '=', 'read'), eb('audit_log.after_json', 'like', `%${p}%`)])),
        ]),
      );
    }
    return eb.and(conds);
  };
}

// The fields of an entry's after_json worth showing in the list, in Chinese; other fields are in the export's raw row.
const FIELD_LABELS: Readonly<Record<string, string>> = {
  visitNo: '登记编号',
  visit_no: '登记编号',
  name: '姓名',
  username: '用户名',
  ticketNo: '号码',
  ticket_no: '号码',
  template: '文书',
  summary: '摘要',
  reason: '理由',
  changed: '变更',
  records: '记录数',
};

const FILTER_LABELS: Readonly<Record<string, string>> = { person: '信访人', userId: '用户', from: '从', to: '至', action: '操作' };

/** A line a person can read: the labelled fields of the entry, or its JSON when it has none of them. */
function summarize(action: string, json: string | null): string {
  if (!json) return '';
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return json;
  const o = v as Record<string, unknown>;
  if (action === 'audit.query' || action === 'audit.export') {
    const f = (o.filter ?? {}) as Record<string, unknown>;
    const parts = Object.entries(FILTER_LABELS)
      .filter(([k]) => f[k] !== null && f[k] !== undefined && f[k] !== '')
      .map(([k, label]) => `${label} ${String(f[k])}`);
    return `条件：${parts.length ? parts.join('，') : '全部'}；${String(o.rows ?? 0)} 条`;
  }
  const parts = Object.entries(FIELD_LABELS)
    .filter(([k]) => typeof o[k] === 'string' || typeof o[k] === 'number')
    .map(([k, label]) => `${label} ${String(o[k])}`);
  return parts.length ? [...new Set(parts)].join('，') : json;
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** A chained row as the audit screen reads it: who acted by name instead of by id. */
type LogRow = Omit<ChainedFields, 'actor_id'> & { actor_name: string | null };

async function toViews(deps: Deps, rows: LogRow[]): Promise<AuditRowView[]> {
  const readPersons = new Map<string, string[]>();
  const personIds = new Set<string>();
  const visitIds = new Set<string>();
  const matterIds = new Set<string>();
  for (const r of rows) {
    if (r.action === 'read' && r.after_json) {
      const ids = (JSON.parse(r.after_json) as { persons?: string[] }).persons ?? [];
      readPersons.set(r.id, ids);
      ids.forEach((p) => personIds.add(p));
    } else if (r.entity === 'petitioner' && r.entity_id) personIds.add(r.entity_id);
    else if (r.entity === 'visit' && r.entity_id) visitIds.add(r.entity_id);
    else if (r.entity === 'matter' && r.entity_id) matterIds.add(r.entity_id);
  }
  const matterPerson = new Map<string, string>();
  if (matterIds.size) {
    const rs = await deps.db
      .selectFrom('matters')
      .select(['id', 'petitioner_id'])
      .where('id', 'in', [...matterIds])
      .execute();
    rs.forEach((m) => {
      matterPerson.set(m.id, m.petitioner_id);
      personIds.add(m.petitioner_id);
    });
  }
  const names = new Map<string, string>();
  const ids = [...personIds];
  for (let i = 0; i < ids.length; i += 500) {
    const rs = await deps.db
      .selectFrom('petitioners')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    rs.forEach((p) => names.set(p.id, p.name));
  }
  const visitNames = new Map<string, string>();
  if (visitIds.size) {
    const rs = await deps.db
      .selectFrom('visits')
      .select(['id', 'name'])
      .where('id', 'in', [...visitIds])
      .execute();
    rs.forEach((v) => visitNames.set(v.id, v.name));
  }
  return rows.map((r) => {
    const readIds = readPersons.get(r.id);
    let persons: string[] = [];
    let detail: string;
    if (readIds) {
      persons = readIds.map((p) => names.get(p) ?? p);
      const visits = (JSON.parse(r.after_json!) as { visits?: string[] }).visits ?? [];
      detail = `${readMethodLabel(r.entity)}：${readIds.length} 人${visits.length ? `、${visits.length} 条来访` : ''}`;
    } else {
      if (r.entity === 'petitioner' && r.entity_id && names.has(r.entity_id)) persons = [names.get(r.entity_id)!];
      if (r.entity === 'visit' && r.entity_id && visitNames.has(r.entity_id)) persons = [visitNames.get(r.entity_id)!];
      const owner = r.entity === 'matter' && r.entity_id ? matterPerson.get(r.entity_id) : undefined;
      if (owner && names.has(owner)) persons = [names.get(owner)!];
      detail = shorten([r.note, summarize(r.action, r.after_json)].filter(Boolean).join('；'), 200);
    }
    return {
      seq: Number(r.seq),
      id: r.id,
      at: r.at,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      persons,
      detail,
    };
  });
}

function baseQuery(deps: Deps) {
  return deps.db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id');
}

const COLUMNS = [
  'audit_log.seq',
  'audit_log.id',
  'audit_log.at',
  'users.display_name as actor_name',
  'audit_log.action',
  'audit_log.entity',
  'audit_log.entity_id',
  'audit_log.before_json',
  'audit_log.after_json',
  'audit_log.note',
] as const;

async function auditTheReading(deps: Deps, actor: Actor, action: 'audit.query' | 'audit.export', filter: AuditFilter, rows: number) {
  await writeTransaction(deps.db, (trx) =>
    writeAudit(trx, {
      at: deps.now().toISOString(),
      actorId: actor.id,
      action,
      entity: 'audit_log',
      entityId: null,
      after: { filter, rows },
    }),
  );
}

export async function queryAudit(
  deps: Deps,
  actor: Actor,
  input: { filter: AuditFilter; page: number; pageSize: number },
): Promise<AuditPage> {
  const { filter, page, pageSize } = input;
  const who = await resolvePerson(deps, filter.person);
  const where = whereFilter(filter, who);
  const { n } = await baseQuery(deps)
    .select(sql<number>`count(*)`.as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows = await baseQuery(deps)
    .select(COLUMNS)
    .where(where)
    .orderBy('audit_log.seq', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const actions = (await deps.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()).map((r) => r.action);
  const views = await toViews(deps, rows);
  await auditTheReading(deps, actor, 'audit.query', filter, views.length);
  return { total: Number(n), page, pageSize, rows: views, actions, personNotFound: !!who && who.persons.length === 0 };
}

export const AUDIT_SHEET = '审计日志';
export const AUDIT_HEADERS = ['序号', '时间', '用户', '操作', '对象', '对象编号', '涉及信访人', '内容', '记录编号'] as const;

export async function exportAudit(deps: Deps, actor: Actor, input: { filter: AuditFilter }) {
  const who = await resolvePerson(deps, input.filter.person);
  const rows = await baseQuery(deps)
    .select(COLUMNS)
    .where(whereFilter(input.filter, who))
    .orderBy('audit_log.seq', 'desc')
    .limit(AUDIT_EXPORT_MAX)
    .execute();
  const views = await toViews(deps, rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(AUDIT_SHEET);
  ws.addRow([...AUDIT_HEADERS]);
  for (const v of views) {
    ws.addRow(
      xlsxCells([
        v.seq,
        formatDateTime(v.at),
        v.actorName ?? '',
        auditActionLabel(v.action),
        v.action === 'read' ? readMethodLabel(v.entity) : v.entity,
        v.entityId ?? '',
        v.persons.join('、'),
        v.detail,
        v.id,
      ]),
    );
  }
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [8, 20, 12, 16, 18, 38, 24, 60, 38][i]));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await auditTheReading(deps, actor, 'audit.export', input.filter, views.length);
  const stamp = deps.now().toISOString().slice(0, 10).replace(/-/g, '');
  return { name: `审计日志_${stamp}.xlsx`, base64: buffer.toString('base64'), rows: views.length };
}
