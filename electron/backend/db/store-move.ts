// store:move: a hall that began on one PC's SQLite file moves to the shared
// PostgreSQL server. Every table is copied in one PostgreSQL transaction, in
// foreign-key order, then counted and checksummed on both sides before the
// commit; any difference rolls the whole move back.
//
// "Empty" target: a database holding only what the migrations put there
// (the seed lanes, desks, rooms and settings flags) and nothing else, in
// particular no users: editing lanes, desks, rooms or settings needs a user, so
// a target without users and without visits, tickets, matters… has seen no
// hall yet. The seed rows are then replaced by the source's.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { isPostgresUrl, openPostgresStore, openSqliteStore, type Executor, type PostgresStore, type SqliteStore } from './connection';
import { tables } from './schema';
import { writeTransaction } from './transaction';

type TableName = keyof typeof tables;
type Loose = Kysely<Record<string, Record<string, unknown>>>;

/** Tables the migrations seed; all others must be empty in the target. */
const SEED_TABLES: readonly TableName[] = ['lanes', 'desks', 'rooms', 'settings'];
/** Not hall data: events between running processes, kept ten minutes (events-bridge.ts). */
const NOT_MOVED: readonly TableName[] = ['event_log'];

export interface TableReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceSum: string;
  targetSum: string;
  ok: boolean;
}

export interface MoveReport {
  tables: TableReport[];
  ok: boolean;
}

export class MoveError extends Error {
  constructor(
    message: string,
    readonly report?: MoveReport,
  ) {
    super(message);
  }
}

/** The tables in an order where every table comes after those it references (self-references aside). */
export function copyOrder(): TableName[] {
  const names = (Object.keys(tables) as TableName[]).filter((t) => !NOT_MOVED.includes(t));
  const done: TableName[] = [];
  const visiting = new Set<TableName>();
  const visit = (t: TableName) => {
    if (done.includes(t)) return;
    if (visiting.has(t)) throw new Error(`外键循环：${t}`);
    visiting.add(t);
    for (const target of Object.values(tables[t].references ?? {}) as string[]) {
      const ref = target.split('.')[0] as TableName;
      if (ref !== t) visit(ref);
    }
    visiting.delete(t);
    done.push(t);
  };
  names.forEach(visit);
  return done;
}

/** Columns of `t` that reference `t` itself (tickets.carried_from, matters.ended_matter_id). */
function selfColumns(t: TableName): string[] {
  return Object.entries(tables[t].references ?? {})
    .filter(([, target]) => (target as string).split('.')[0] === t)
    .map(([c]) => c);
}

function columnsOf(t: TableName): string[] {
  return Object.keys(tables[t].columns);
}

/** One value as text, the same on both engines (NULL is not any text). */
function asText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  return String(v);
}

/**
 * Row count and sha256 of a table: each row's values as text in column order,
 * rows sorted by primary key in code-point order (not the database's collation,
 * which differs between the engines).
 */
async function summarize(db: Executor, t: TableName): Promise<{ rows: number; sum: string }> {
  const cols = columnsOf(t);
  const pk = tables[t].primaryKey as readonly string[];
  const rows = (await (db as unknown as Loose).selectFrom(t).select(cols).execute()).map((r) => ({
    key: JSON.stringify(pk.map((c) => asText(r[c]))),
    line: JSON.stringify(cols.map((c) => asText(r[c]))),
  }));
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const h = createHash('sha256');
  for (const r of rows) h.update(r.line).update('\n');
  return { rows: rows.length, sum: h.digest('hex') };
}

/** Refuses a target holding anything but the migrations' seed rows. */
async function assertEmpty(db: Executor): Promise<void> {
  const filled: string[] = [];
  for (const t of Object.keys(tables) as TableName[]) {
    if (SEED_TABLES.includes(t)) continue;
    const { n } = (await (db as unknown as Loose)
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()) as { n: number };
    if (Number(n) > 0) filled.push(`${t}（${n} 行）`);
  }
  if (filled.length) throw new MoveError(`目标数据库已有大厅数据，拒绝迁移：${filled.join('、')}`);
}

/** Inserts rows in chunks under PostgreSQL's 65,535 parameters per statement. */
async function insertRows(db: Executor, t: TableName, rows: Record<string, unknown>[]): Promise<void> {
  const per = Math.max(1, Math.floor(30_000 / columnsOf(t).length));
  for (let i = 0; i < rows.length; i += per) {
    await (db as unknown as Loose)
      .insertInto(t)
      .values(rows.slice(i, i + per))
      .execute();
  }
}

async function copyAll(source: SqliteStore, target: Executor, progress: (t: string, n: number) => void): Promise<void> {
  const order = copyOrder();
  // The seed rows go, last-referencing first.
  for (const t of [...order].reverse()) await (target as unknown as Loose).deleteFrom(t).execute();
  for (const t of order) {
    const rows = await (source.db as unknown as Loose).selectFrom(t).select(columnsOf(t)).execute();
    const self = selfColumns(t);
    // Rows referencing rows of their own table: inserted with those columns empty, set after.
    const firstPass = self.length ? rows.map((r) => ({ ...r, ...Object.fromEntries(self.map((c) => [c, null])) })) : rows;
    await insertRows(target, t, firstPass);
    const pk = tables[t].primaryKey as readonly string[];
    for (const r of rows) {
      const set = Object.fromEntries(self.filter((c) => r[c] !== null).map((c) => [c, r[c]]));
      if (!Object.keys(set).length) continue;
      let q = (target as unknown as Loose).updateTable(t).set(set);
      for (const c of pk) q = q.where(c, '=', r[c]);
      await q.execute();
    }
    progress(t, rows.length);
  }
  // Identity columns (outbox.seq): the next value after the copied ones.
  for (const t of Object.keys(tables) as TableName[]) {
    for (const [c, def] of Object.entries(tables[t].columns)) {
      if (!(def as { generated: boolean }).generated) continue;
      await sql`SELECT setval(pg_get_serial_sequence(${t}, ${c}), COALESCE((SELECT max(${sql.ref(c)}) FROM ${sql.table(t)}), 0) + 1, false)`.execute(
        target,
      );
    }
  }
}

export async function moveStore(opts: { from: string; to: string; progress?: (table: string, rows: number) => void }): Promise<MoveReport> {
  if (isPostgresUrl(opts.from)) throw new MoveError('--from 应为 SQLite 数据文件的路径');
  if (!isPostgresUrl(opts.to)) throw new MoveError('--to 应为 PostgreSQL 地址（postgres://用户名:密码@主机:端口/数据库名）');
  if (!existsSync(opts.from)) throw new MoveError(`找不到数据文件：${opts.from}`);
  const source = await openSqliteStore(opts.from);
  let target: PostgresStore | null = null;
  try {
    target = await openPostgresStore(opts.to);
    const pgStore = target;
    // One snapshot of the source, even if the desktop app is still writing to it.
    source.raw.exec('BEGIN');
    try {
      return await writeTransaction(pgStore.db, async (trx) => {
        await assertEmpty(trx);
        await copyAll(source, trx, opts.progress ?? (() => {}));
        const report: MoveReport = { tables: [], ok: true };
        for (const t of copyOrder()) {
          const [s, d] = [await summarize(source.db, t), await summarize(trx, t)];
          const ok = s.rows === d.rows && s.sum === d.sum;
          report.tables.push({ table: t, sourceRows: s.rows, targetRows: d.rows, sourceSum: s.sum, targetSum: d.sum, ok });
          report.ok &&= ok;
        }
        if (!report.ok) throw new MoveError('核对不一致，已回滚，目标数据库未作任何改动', report);
        return report;
      });
    } finally {
      source.raw.exec('COMMIT');
    }
  } finally {
    await target?.close();
    await source.close();
  }
}

/** The report as a table in Chinese, for the terminal. */
export function formatReport(report: MoveReport): string {
  const head = ['数据表', '源行数', '目标行数', '校验值（sha256 前 12 位）', '结果'];
  const rows = report.tables.map((r) => [
    r.table,
    String(r.sourceRows),
    String(r.targetRows),
    r.sourceSum === r.targetSum ? r.sourceSum.slice(0, 12) : `${r.sourceSum.slice(0, 12)} ≠ ${r.targetSum.slice(0, 12)}`,
    r.ok ? '一致' : '不一致',
  ]);
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
  const total = report.tables.reduce((n, r) => n + r.sourceRows, 0);
  return [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    report.ok ? `迁移完成：${report.tables.length} 张表，共 ${total} 行，行数与校验值全部一致。` : '迁移失败：核对不一致，已回滚。',
  ].join('\n');
}
