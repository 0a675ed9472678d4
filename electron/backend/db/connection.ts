// The store: one Kysely<Database> over either engine. This file is the one
// place that chooses the engine (a postgres:// URL → PostgreSQL, anything else
// → a SQLite file) and the one place that knows how each is opened; services
// and queries get `db` and never ask which engine it is. Where SQL must differ
// between the engines, the difference is a named function in db/dialect.ts.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import type { Database } from './schema';
import { migrationProviderFor } from './migrations';
import { namedStatementPool, type NamedStatementPool } from './pg-named';
import { keptStatements } from './sqlite-statements';

export type Db = Kysely<Database>;
/** Queries take either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export type Engine = 'sqlite' | 'postgres';

export interface OpenOptions {
  /** Path to an Electron-ABI build of better-sqlite3 (see README: the native-binding trap). */
  nativeBinding?: string;
}

interface StoreBase {
  db: Db;
  /** Where the data lives, for messages: the file path, or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface SqliteStore extends StoreBase {
  engine: 'sqlite';
  /** The better-sqlite3 handle, for SQLite-only work (pragmas, query plans, benchmarks). */
  raw: BetterSqlite3.Database;
}

export interface PostgresStore extends StoreBase {
  engine: 'postgres';
  raw?: undefined;
  pool: pg.Pool;
  /** Kysely's pool: names each statement after its text once the schema is current (pg-named.ts). */
  named: NamedStatementPool;
}

export type Store = SqliteStore | PostgresStore;

/** A PostgreSQL connection URL (postgres:// or postgresql://) rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The URL with its password replaced, for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@');
  }
}

/** The raw SQLite handle of a store that must be SQLite (pragmas, EXPLAIN QUERY PLAN, file-level work). */
export function sqliteRaw(store: Store): BetterSqlite3.Database {
  if (store.engine !== 'sqlite') throw new Error(`SQLite only: this store is ${store.engine}`);
  return store.raw;
}

export function openRaw(file: string, opts: OpenOptions = {}): BetterSqlite3.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  raw.pragma('journal_mode = WAL');
  // A registration confirmed on screen must survive a power cut.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  return raw;
}

/**
 * Opens the store and brings its schema up to date: `target` is a PostgreSQL
 * URL (postgres://user:password@host:port/database) or a SQLite file path.
 */
export async function openStore(target: string, opts: OpenOptions = {}): Promise<Store> {
  return isPostgresUrl(target) ? openPostgresStore(target) : openSqliteStore(target, opts);
}

/** Opens (creating if needed) the SQLite file and brings its schema up to date. */
export async function openSqliteStore(file: string, opts: OpenOptions = {}): Promise<SqliteStore> {
  const store = openSqliteUnmigrated(file, opts);
  try {
    await migrateSqlite(store, null);
  } catch (e) {
    await store.close();
    throw e;
  }
  refreshStaleStatistics(store.raw);
  return store;
}

/** Opens the PostgreSQL database at `url` (which must exist) and brings its schema up to date. */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const store = await openPostgresUnmigrated(url);
  try {
    await migratePostgres(store, null);
  } catch (e) {
    await store.close();
    throw e;
  }
  store.named.enabled = true;
  return store;
}

export function openSqliteUnmigrated(file: string, opts: OpenOptions = {}): SqliteStore {
  const raw = openRaw(file, opts);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keptStatements(raw) }) });
  return { engine: 'sqlite', db, raw, location: file, close: () => db.destroy() };
}

// pg returns int8 (count(*), bigint columns) and numeric as strings, since they
// may exceed 2^53. Ours never do (row counts and outbox seqs of one hall), so
// they are numbers here, as SQLite returns them. Per pool, not pg's global table.
const INT8 = 20;
const NUMERIC = 1700;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (v: string) => (v === null ? null : Number(v))
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export async function openPostgresUnmigrated(url: string, opts: { connectTimeoutMs?: number } = {}): Promise<PostgresStore> {
  const location = redactUrl(url);
  let config: pg.PoolConfig;
  try {
    const u = new URL(url);
    if (!u.hostname || u.pathname.length <= 1) throw new Error('missing host or database');
    config = { connectionString: url };
  } catch {
    throw new Error(`数据库地址格式不正确：${location}（应为 postgres://用户名:密码@主机:端口/数据库名）`);
  }
  // A hall has a few desks; 10 connections leave room for readers while writers queue for the hall lock.
  const pool = new pg.Pool({ ...config, max: 10, types, connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000 });
  // A client that loses its server (restart, network) must not crash the process: an idle one
  // reports through the pool's 'error'; one checked out (or between pg-pool's listeners) through
  // its own, hence a listener on every client. The query in flight fails on its own promise, and
  // the pool replaces the dead client at the next checkout (dispatch answers DB_UNAVAILABLE meanwhile).
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new Error(postgresErrorText(e, location));
  }
  const named = namedStatementPool(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: named }) });
  return { engine: 'postgres', db, pool, named, location, close: () => db.destroy() };
}

/** A connection failure in words a hall's administrator can act on. */
export function postgresErrorText(e: unknown, location: string): string {
  const err = e as { code?: string; message?: string };
  const why: Record<string, string> = {
    '28P01': '用户名或密码错误，数据库拒绝登录',
    '28000': '数据库拒绝了此用户的连接（请检查 pg_hba.conf 与用户名）',
    '3D000': '数据库不存在，请先在服务器上创建该数据库',
    ECONNREFUSED: '无法连接数据库服务器（连接被拒绝：服务器未启动或端口不对）',
    ENOTFOUND: '找不到数据库服务器（主机名不正确）',
    EAI_AGAIN: '找不到数据库服务器（主机名无法解析）',
    ETIMEDOUT: '连接数据库服务器超时',
    '53300': '数据库连接数已满',
    '57P03': '数据库服务器正在启动或关闭，请稍后重试',
  };
  const text =
    (err.code && why[err.code]) ??
    (/timeout/i.test(err.message ?? '') ? '连接数据库服务器超时' : `无法连接数据库：${err.message ?? String(e)}`);
  return `${text}（${location}）`;
}

// Errors that mean "the server cannot be reached now", not "this query is
// wrong": the socket refused, reset or timed out; pg's own words for a
// connection that ended; SQLSTATE class 08 (connection exception), 57P01–03
// (the server shutting down, crashed, or starting) and 53300 (no free
// connections). Each of them leaves a transaction rolled back on the server.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|not queryable/i;

/** Whether `e` (or an error it wraps) says the database server cannot be reached right now. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let err = e as { code?: unknown; message?: unknown; cause?: unknown } | null, depth = 0; err && depth < 5; depth++) {
    if (typeof err !== 'object') return false;
    const code = typeof err.code === 'string' ? err.code : '';
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return true;
    if (typeof err.message === 'string' && UNAVAILABLE_MESSAGES.test(err.message)) return true;
    if (err instanceof AggregateError && err.errors.some((x) => isDatabaseUnavailable(x))) return true;
    err = err.cause as typeof err;
  }
  return false;
}

/** Refuses a database that an app newer than this one has migrated: its migration list has names we do not know. */
async function refuseNewer(db: Db, known: readonly string[]): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const rows = await (db as unknown as Kysely<{ kysely_migration: { name: string } }>)
    .selectFrom('kysely_migration')
    .select('name')
    .execute();
  const unknown = rows.map((r) => r.name).filter((n) => !known.includes(n));
  if (unknown.length) throw new Error(`数据库版本高于本程序，请升级程序（数据库含本程序不认识的升级：${unknown.sort().join('、')}）`);
}

/** Refuses (throws 数据库版本高于本程序…) a PostgreSQL database migrated by a newer app, without migrating it. */
export async function refuseNewerPostgres(store: PostgresStore): Promise<void> {
  await refuseNewer(store.db, await migrationNamesFor('postgres'));
}

async function migrationNamesFor(engine: Engine): Promise<string[]> {
  return Object.keys(await migrationProviderFor(engine).getMigrations()).sort();
}

function migrationError(results: { status: string; migrationName: string }[] | undefined, error: unknown): Error {
  const failed = results?.find((r) => r.status === 'Error');
  return new Error(`数据库升级失败（${failed?.migrationName ?? '未知'}）：${String(error)}`);
}

/**
 * Migrates a SQLite store to `target` (null: the latest). Kysely runs SQLite
 * migrations without a transaction; we wrap them in one (SQLite DDL is
 * transactional), so a power cut or a second process starting at the same
 * moment never leaves the schema half upgraded.
 */
export async function migrateSqlite(store: SqliteStore, target: string | null): Promise<void> {
  store.raw.exec('BEGIN IMMEDIATE');
  let ok = false;
  try {
    await refuseNewer(store.db, await migrationNamesFor('sqlite'));
    const migrator = new Migrator({ db: store.db, provider: migrationProviderFor('sqlite') });
    const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
    if (error || results?.some((r) => r.status === 'Error')) throw migrationError(results, error);
    ok = true;
  } finally {
    store.raw.exec(ok ? 'COMMIT' : 'ROLLBACK');
  }
}

/**
 * Migrates a PostgreSQL store to `target` (null: the latest). Kysely runs
 * PostgreSQL migrations in one transaction under its own row lock
 * (kysely_migration_lock … FOR UPDATE), so two processes starting at once
 * migrate once and a failure leaves the schema as it was.
 */
export async function migratePostgres(store: PostgresStore, target: string | null): Promise<void> {
  await refuseNewer(store.db, await migrationNamesFor('postgres'));
  const migrator = new Migrator({ db: store.db, provider: migrationProviderFor('postgres') });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (error || results?.some((r) => r.status === 'Error')) throw migrationError(results, error);
}

/**
 * Statistics taken while a table was tiny (0003 runs ANALYZE) make SQLite scan
 * that table for ever after, whatever it grows to. At each open, a table whose
 * rows (max rowid: instant, and rows are never deleted here) have grown more
 * than tenfold since its statistics is analyzed again. (PRAGMA optimize's own
 * size estimate proved unreliable for this: it skipped a table grown 2,500×.)
 */
function refreshStaleStatistics(raw: BetterSqlite3.Database): void {
  const hasStats = raw.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get();
  if (!hasStats) return;
  const stats = raw.prepare(`SELECT tbl, max(CAST(stat AS INTEGER)) AS n FROM sqlite_stat1 GROUP BY tbl`).all() as {
    tbl: string;
    n: number;
  }[];
  for (const { tbl, n } of stats) {
    const exists = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(tbl);
    if (!exists) continue;
    const rows = (raw.prepare(`SELECT max(rowid) AS r FROM "${tbl.replaceAll('"', '""')}"`).get() as { r: number | null }).r ?? 0;
    if (rows > 10 * n + 100) raw.exec(`ANALYZE "${tbl.replaceAll('"', '""')}"`);
  }
}
