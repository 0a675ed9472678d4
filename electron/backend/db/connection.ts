import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Transaction } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from './schema';
import { migrationProvider } from './migrations';

export type Db = Kysely<Database>;
/** Queries take either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface OpenOptions {
  /** Path to an Electron-ABI build of better-sqlite3 (see README: the native-binding trap). */
  nativeBinding?: string;
}

export interface Store {
  db: Db;
  raw: BetterSqlite3.Database;
  close(): Promise<void>;
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

/** Opens (creating if needed) the SQLite file and brings its schema up to date. */
export async function openStore(file: string, opts: OpenOptions = {}): Promise<Store> {
  const raw = openRaw(file, opts);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  // Kysely runs SQLite migrations without a transaction; we wrap them in one
  // (SQLite DDL is transactional), so a power cut or a second process starting
  // at the same moment never leaves the schema half upgraded.
  raw.exec('BEGIN IMMEDIATE');
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  raw.exec(error || failed ? 'ROLLBACK' : 'COMMIT');
  if (error || failed) {
    await db.destroy();
    throw new Error(`数据库升级失败（${failed?.migrationName ?? '未知'}）：${String(error)}`);
  }
  refreshStaleStatistics(raw);
  return { db, raw, close: () => db.destroy() };
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
