// 备份与恢复 (issue 13). A backup is an online copy of the SQLite store
// (files.ts: SQLite's backup API in one read snapshot), verified after writing
// (integrity_check and the row counts of the snapshot), with a manifest (time,
// size, SHA-256, counts, the archive's PDFs and their hashes) beside it, in the
// folder the administrator chose; rotation (rotation.ts) then deletes what is
// no longer kept. Every backup, failed backup and restore writes an audit row.
//
// Restore under a running app, and why it is safe:
//  1. the backup is verified (hash, integrity_check, counts) and copied to a
//     staging file in the data folder, which is migrated to this app's schema
//     and checked again: the live database is not touched yet;
//  2. the live database is copied aside (online copy, replaced/…): never deleted;
//  3. a journal (restore/journal.json, fsynced) names both chain heads;
//  4. the staged copy is written INTO the live database through the backup API,
//     which does it as ONE write transaction of the live file: every process
//     with the file open (other desks, the desktop app) sees the old database
//     or the new one, never a mixture; kill -9 before its commit leaves the
//     old database whole (uncommitted WAL frames are discarded), after it the
//     new one. No file is renamed under an open connection.
//  5. the restore's audit row is written into the restored database, the
//     journal removed, and 'system.restored' makes every screen reload.
// Killed between 3 and 5, the next start finds the journal, tells from the
// audit chain's head which database is live, and writes the audit row then.
// Sessions live in memory, so nobody is logged out (unless their account is
// not in the backup).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { ApiError, fieldError } from '@shared/api/errors';
import {
  BACKUP_NAME,
  DEFAULT_BACKUP_SETTINGS,
  backupSettingsInput,
  type BackupEntry,
  type BackupOverview,
  type BackupSettings,
  type RestorePlan,
  type RestoreResult,
  type StoreSummary,
} from '@shared/api/schemas/backup';
import { HALL_TZ } from '@shared/time';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { openSqliteStore } from '../../db/connection';
import { migrationProviderFor } from '../../db/migrations';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { RESTORED_KEY } from '../../events-bridge';
import { recomputeIfFlagged } from '../matters/due';
import { holidayCalendar } from '../calendar/calendar';
import { getSetting, saveSetting } from '../settings-store';
import { rotation } from './rotation';
import {
  archiveDirOf,
  copyArchive,
  copyDurably,
  copyInto,
  dbFileOf,
  describeDb,
  fsyncPath,
  manifestOf,
  openFile,
  privateDir,
  readManifest,
  removeDbFiles,
  sha256File,
  snapshotCopy,
  tableCounts,
  verifyBackupFiles,
  writeFileAtomic,
  type Manifest,
} from './files';
import dayjs from 'dayjs';

const KEY = 'backup';

export const getBackupSettings = (db: Executor): Promise<BackupSettings> =>
  getSetting(db, KEY, backupSettingsInput, DEFAULT_BACKUP_SETTINGS);

function sqliteOnly(deps: Deps): string {
  if (!deps.sqliteFile) throw new ApiError('CONFLICT', '本大厅使用 PostgreSQL 数据库，备份由数据库服务器完成（pg_dump），本程序不备份');
  return deps.sqliteFile;
}

/** The folder must be usable now: made (0700) if missing. */
function checkFolder(folder: string): void {
  try {
    privateDir(folder);
    const probe = join(folder, `.probe-${process.pid}`);
    writeFileAtomic(probe, 'ok');
    rmSync(probe);
  } catch (e) {
    throw fieldError('folder', `无法使用此备份位置：${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function saveBackupSettings(deps: Deps, actor: Actor, input: BackupSettings): Promise<BackupSettings> {
  if (input.folder) {
    checkFolder(input.folder);
    if (deps.sqliteFile && dirname(deps.sqliteFile) === input.folder)
      throw fieldError('folder', '备份位置不能是数据文件夹本身，请另选文件夹（最好在另一块磁盘上）');
  }
  return saveSetting(deps, actor, KEY, input, getBackupSettings);
}

/** hall-YYYYMMDD-HHmmss in hall time, with -2, -3… if taken. */
function newName(folder: string, at: Date): string {
  const base = `hall-${dayjs(at).tz(HALL_TZ).format('YYYYMMDD-HHmmss')}`;
  let name = base;
  for (let i = 2; existsSync(dbFileOf(folder, name)) || existsSync(manifestOf(folder, name)); i++) name = `${base}-${i}`;
  return name;
}

/** Names of the backups in a folder (a .sqlite3 or a manifest), newest first. */
function namesIn(folder: string): string[] {
  if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) return [];
  const names = new Set<string>();
  for (const f of readdirSync(folder)) {
    const m = /^(.+)\.(sqlite3|json)$/.exec(f);
    if (m && BACKUP_NAME.test(m[1]!)) names.add(m[1]!);
  }
  return [...names].sort().reverse();
}

export interface TakenBackup {
  manifest: Manifest;
  deleted: string[];
}

/**
 * Takes a verified backup of the live file into `folder` and applies rotation.
 * Throws (in Chinese) when the copy cannot be written or does not verify; a
 * copy that fails is removed, never listed as good.
 */
export async function writeBackup(opts: {
  liveFile: string;
  dataDir: string;
  folder: string;
  now: Date;
  nativeBinding?: string;
}): Promise<TakenBackup> {
  const { folder } = opts;
  privateDir(folder);
  // Leftovers of a backup killed half-way.
  for (const f of readdirSync(folder)) if (f.startsWith('.hall-') && f.endsWith('.tmp')) rmSync(join(folder, f), { force: true });
  const name = newName(folder, opts.now);
  const tmp = join(folder, `.${name}.sqlite3.tmp`);
  try {
    const counts = await snapshotCopy(opts.liveFile, tmp, opts.nativeBinding);
    let described: ReturnType<typeof describeDb>;
    const copy = openFile(tmp, { nativeBinding: opts.nativeBinding });
    try {
      // A self-contained file: no -wal beside it.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check') as { integrity_check: string }[];
      if (check.length !== 1 || check[0]?.integrity_check !== 'ok')
        throw new Error(`副本完整性检查未通过：${check[0]?.integrity_check ?? ''}`);
      const again = tableCounts(copy);
      for (const [t, n] of Object.entries(counts)) {
        if (again[t] !== n) throw new Error(`副本中表 ${t} 的行数（${again[t] ?? '缺失'}）与复制时（${n}）不符`);
      }
      described = describeDb(copy);
    } finally {
      copy.close();
    }
    fsyncPath(tmp);
    const manifest: Manifest = {
      format: 1,
      name,
      createdAt: opts.now.toISOString(),
      bytes: statSync(tmp).size,
      sha256: sha256File(tmp),
      tables: counts,
      ...described,
      archive: copyArchive(opts.dataDir, folder),
    };
    renameSync(tmp, dbFileOf(folder, name));
    // The manifest last: a backup without one is incomplete.
    writeFileAtomic(manifestOf(folder, name), JSON.stringify(manifest, null, 1));
    return { manifest, deleted: rotate(folder) };
  } catch (e) {
    removeDbFiles(tmp);
    throw e;
  }
}

/** Deletes the backups rotation no longer keeps (the archive's PDFs stay: newer backups list them too). */
function rotate(folder: string): string[] {
  const good = namesIn(folder)
    .map((n) => readManifest(folder, n))
    .filter((m): m is Manifest => m !== null && existsSync(dbFileOf(folder, m.name)));
  const kept = rotation(good.map((m) => m.createdAt));
  const deleted: string[] = [];
  for (const m of good) {
    if (kept.has(m.createdAt)) continue;
    rmSync(dbFileOf(folder, m.name), { force: true });
    rmSync(manifestOf(folder, m.name), { force: true });
    deleted.push(m.name);
  }
  return deleted;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** 立即备份, the schedule and the command line: a verified backup, audited; a failure is audited too. */
export async function runBackup(deps: Deps, actor: Actor | null, reason: '定时' | '立即' | '命令行'): Promise<BackupEntry> {
  const liveFile = sqliteOnly(deps);
  const settings = await getBackupSettings(deps.db);
  const at = deps.now();
  try {
    if (!settings.folder) throw new Error('尚未设置备份位置');
    const { manifest, deleted } = await writeBackup({
      liveFile,
      dataDir: deps.dataDir,
      folder: settings.folder,
      now: at,
      nativeBinding: deps.nativeBinding,
    });
    await writeTransaction(deps.db, (trx) =>
      writeAudit(trx, {
        at: deps.now().toISOString(),
        actorId: actor?.id ?? null,
        action: 'backup.create',
        entity: 'backup',
        entityId: manifest.name,
        after: {
          reason,
          folder: settings.folder,
          bytes: manifest.bytes,
          sha256: manifest.sha256,
          visits: manifest.visits,
          archiveFiles: manifest.archive.length,
          deleted,
        },
      }),
    );
    return entryOf(manifest, rotation([manifest.createdAt]).get(manifest.createdAt) ?? [], null);
  } catch (e) {
    const why = message(e);
    await writeTransaction(deps.db, (trx) =>
      writeAudit(trx, {
        at: deps.now().toISOString(),
        actorId: actor?.id ?? null,
        action: 'backup.failed',
        entity: 'backup',
        entityId: null,
        after: { reason, folder: settings.folder },
        note: why,
      }),
    ).catch((err: unknown) => console.error('备份失败且无法记入审计日志：', err));
    throw new ApiError('CONFLICT', `备份失败：${why}`);
  }
}

function entryOf(m: Manifest, keptFor: string[], problem: string | null): BackupEntry {
  return {
    name: m.name,
    createdAt: m.createdAt,
    bytes: m.bytes,
    sha256: m.sha256,
    visits: m.visits,
    archiveFiles: m.archive.length,
    keptFor,
    problem,
  };
}

/** The backups in a folder, newest first; a cheap check (manifest, file, size) — verify reads each fully. */
export function listBackups(folder: string): BackupEntry[] {
  const manifests = namesIn(folder).map((n) => ({ n, m: readManifest(folder, n) }));
  const kept = rotation(manifests.flatMap(({ m }) => (m ? [m.createdAt] : [])));
  return manifests.map(({ n, m }) => {
    if (!m)
      return {
        name: n,
        createdAt: '',
        bytes: 0,
        sha256: '',
        visits: 0,
        archiveFiles: 0,
        keptFor: [],
        problem: '缺少备份清单（备份未完成或清单已损坏）',
      };
    const file = dbFileOf(folder, n);
    const problem = !existsSync(file) ? '备份文件不存在' : statSync(file).size !== m.bytes ? '备份文件大小不符，文件已损坏' : null;
    return entryOf(m, kept.get(m.createdAt) ?? [], problem);
  });
}

function liveSummary(deps: Deps, liveFile: string): StoreSummary {
  const db = openFile(liveFile, { readonly: true, nativeBinding: deps.nativeBinding });
  try {
    const d = describeDb(db);
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
    return { lastChangeAt: d.lastChangeAt, bytes: size(liveFile) + size(`${liveFile}-wal`), visits: d.visits };
  } finally {
    db.close();
  }
}

async function lastBackupFailure(db: Executor): Promise<BackupOverview['lastFailure']> {
  const row = await db
    .selectFrom('audit_log')
    .select(['action', 'at', 'note'])
    .where('action', 'in', ['backup.create', 'backup.failed'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.action === 'backup.failed' ? { at: row.at, message: row.note ?? '备份失败' } : null;
}

/** The next 每天 HH:mm after `now`, in hall time. */
export function nextDailyRun(dailyAt: string, now: Date): Date | null {
  if (!dailyAt) return null;
  const [h, m] = dailyAt.split(':').map(Number) as [number, number];
  let t = dayjs(now).tz(HALL_TZ).hour(h).minute(m).second(0).millisecond(0);
  if (!t.isAfter(dayjs(now))) t = t.add(1, 'day');
  return t.toDate();
}

export async function getBackupOverview(deps: Deps): Promise<BackupOverview> {
  const settings = await getBackupSettings(deps.db);
  if (!deps.sqliteFile) return { engine: 'postgres', settings, backups: [], lastFailure: null, nextRunAt: null, current: null };
  return {
    engine: 'sqlite',
    settings,
    backups: listBackups(settings.folder),
    lastFailure: await lastBackupFailure(deps.db),
    nextRunAt: settings.folder ? (nextDailyRun(settings.dailyAt, deps.now())?.toISOString() ?? null) : null,
    current: liveSummary(deps, deps.sqliteFile),
  };
}

function needFolder(settings: BackupSettings): string {
  if (!settings.folder) throw new ApiError('CONFLICT', '尚未设置备份位置');
  return settings.folder;
}

/** Reads the backup in full (hash, integrity_check, counts, archive); the entry with what is wrong, if anything. */
export async function verifyBackup(deps: Deps, name: string): Promise<BackupEntry> {
  sqliteOnly(deps);
  const folder = needFolder(await getBackupSettings(deps.db));
  const entry = listBackups(folder).find((b) => b.name === name);
  if (!entry) throw new ApiError('NOT_FOUND', `找不到备份 ${name}`);
  return { ...entry, problem: verifyBackupFiles(folder, name, deps.nativeBinding) };
}

const asideFolder = (dataDir: string) => join(dataDir, 'replaced');
const asideFileOf = (dataDir: string, stamp: string) => join(asideFolder(dataDir), `petition-hall-${stamp}-恢复前.sqlite3`);

/**
 * The restore's time as it names what it sets aside, with -2, -3 … when an earlier restore in the
 * same second already used it: a replaced database is never overwritten (two restores a second
 * apart kept only the second's).
 */
function freeStamp(dataDir: string, base: string): string {
  for (let n = 1; ; n++) {
    const stamp = n === 1 ? base : `${base}-${n}`;
    if (!existsSync(asideFileOf(dataDir, stamp)) && !existsSync(join(asideFolder(dataDir), `archive-${stamp}`))) return stamp;
  }
}
const restoreDir = (dataDir: string) => join(dataDir, 'restore');
const journalOf = (dataDir: string) => join(restoreDir(dataDir), 'journal.json');

/** Verified, not from a newer app: the manifest of a backup that may be restored. */
async function restorable(folder: string, name: string, nativeBinding?: string): Promise<Manifest> {
  const m = readManifest(folder, name);
  if (!m) throw new ApiError('NOT_FOUND', `找不到备份 ${name}（缺少备份清单）`);
  const problem = verifyBackupFiles(folder, name, nativeBinding);
  if (problem) throw new ApiError('CONFLICT', `备份已损坏，不能恢复：${problem}`);
  const known = Object.keys(await migrationProviderFor('sqlite').getMigrations());
  const newer = m.migrations.filter((x) => !known.includes(x));
  if (newer.length) throw new ApiError('CONFLICT', `该备份由更新版本的程序制作，请先升级程序（${newer.join('、')}）`);
  return m;
}

export async function planRestoreIn(deps: Deps, folder: string, name: string): Promise<RestorePlan> {
  const liveFile = sqliteOnly(deps);
  const m = await restorable(folder, name, deps.nativeBinding);
  return {
    name,
    sha256: m.sha256,
    current: liveSummary(deps, liveFile),
    backup: { createdAt: m.createdAt, lastChangeAt: m.lastChangeAt, bytes: m.bytes, visits: m.visits },
    asideFolder: asideFolder(deps.dataDir),
  };
}

export async function planRestore(deps: Deps, name: string): Promise<RestorePlan> {
  sqliteOnly(deps);
  return planRestoreIn(deps, needFolder(await getBackupSettings(deps.db)), name);
}

interface Journal {
  name: string;
  folder: string;
  actorId: string | null;
  actorName: string | null;
  startedAt: string;
  asideFile: string;
  /** The chain heads of the restored (staged) and the replaced database: which one is live tells how far it got. */
  stagedHead: string | null;
  asideHead: string | null;
  before: StoreSummary;
  after: StoreSummary;
  archiveRestored: number;
}

function headOf(db: BetterSqlite3.Database): string | null {
  return describeDb(db).lastAudit?.hash ?? null;
}

/** Puts back the archive's PDFs the backup lists; one that differs here is moved aside first. */
function restoreArchive(folder: string, m: Manifest, dataDir: string, stamp: string): number {
  let n = 0;
  for (const a of m.archive) {
    const to = join(dataDir, a.path);
    if (existsSync(to) && sha256File(to) === a.sha256) continue;
    if (existsSync(to)) {
      const keep = join(asideFolder(dataDir), `archive-${stamp}`, a.path);
      privateDir(dirname(keep));
      renameSync(to, keep);
    }
    copyDurably(join(archiveDirOf(folder), a.path), to);
    n++;
  }
  return n;
}

/** Restores `name` from `folder` over the live database (see the top of this file). */
export async function restoreFrom(
  deps: Deps,
  actor: Actor | null,
  input: { folder: string; name: string; sha256: string },
): Promise<RestoreResult> {
  const liveFile = sqliteOnly(deps);
  const m = await restorable(input.folder, input.name, deps.nativeBinding);
  if (m.sha256 !== input.sha256) throw new ApiError('CONFLICT', '备份文件与确认时的不同，请重新打开恢复确认');
  if (existsSync(journalOf(deps.dataDir))) throw new ApiError('CONFLICT', '上一次恢复尚未收尾，请重新启动程序后再试');
  const before = liveSummary(deps, liveFile);
  const stamp = freeStamp(deps.dataDir, dayjs(deps.now()).tz(HALL_TZ).format('YYYYMMDD-HHmmss'));
  privateDir(restoreDir(deps.dataDir));
  privateDir(asideFolder(deps.dataDir));

  // 1. staged: a copy of the backup, migrated to this app's schema and checked again
  const staging = join(restoreDir(deps.dataDir), 'staging.sqlite3');
  removeDbFiles(staging);
  await copyInto(dbFileOf(input.folder, input.name), staging, deps.nativeBinding);
  const staged = await openSqliteStore(staging, { nativeBinding: deps.nativeBinding });
  await staged.close();
  let stagedHead: string | null;
  const check = openFile(staging, { nativeBinding: deps.nativeBinding });
  try {
    check.pragma('journal_mode = DELETE');
    const ok = check.pragma('integrity_check') as { integrity_check: string }[];
    if (ok[0]?.integrity_check !== 'ok') throw new ApiError('CONFLICT', '恢复准备失败：升级后的副本未通过完整性检查，当前数据未改变');
    stagedHead = headOf(check);
  } finally {
    check.close();
  }

  // 2. the live database, copied aside (online) and never deleted
  const asideFile = asideFileOf(deps.dataDir, stamp);
  const asideTmp = `${asideFile}.tmp`;
  removeDbFiles(asideTmp);
  await snapshotCopy(liveFile, asideTmp, deps.nativeBinding);
  let asideHead: string | null;
  const aside = openFile(asideTmp, { nativeBinding: deps.nativeBinding });
  try {
    aside.pragma('journal_mode = DELETE');
    asideHead = headOf(aside);
  } finally {
    aside.close();
  }
  fsyncPath(asideTmp);
  renameSync(asideTmp, asideFile);
  fsyncPath(dirname(asideFile));

  const archiveRestored = restoreArchive(input.folder, m, deps.dataDir, stamp);
  const journal: Journal = {
    name: input.name,
    folder: input.folder,
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? null,
    startedAt: deps.now().toISOString(),
    asideFile,
    stagedHead,
    asideHead,
    before,
    after: { lastChangeAt: m.lastChangeAt, bytes: m.bytes, visits: m.visits },
    archiveRestored,
  };
  // 3. the journal, then 4. the one transaction that replaces the live database
  writeFileAtomic(journalOf(deps.dataDir), JSON.stringify(journal));
  const settings = await getBackupSettings(deps.db);
  testKill('before-swap');
  await copyInto(staging, liveFile, deps.nativeBinding);
  testKill('after-swap');
  // 5. the audit row in the restored database, with this machine's backup settings kept
  await finishRestore(deps, journal, settings, null);
  return { name: input.name, asideFile, archiveRestored };
}

/**
 * For tests/unit/backup.test.ts only: a restore killed (SIGKILL, nothing cleaned up) at this point,
 * when PETITION_HALL_TEST_RESTORE_KILL names it. Nobody sets it in production.
 */
function testKill(point: 'before-swap' | 'after-swap'): void {
  if (process.env.PETITION_HALL_TEST_RESTORE_KILL === point) process.kill(process.pid, 'SIGKILL');
}

/** 备份与恢复's 恢复: a backup of the folder set on the screen. */
export async function restoreBackup(deps: Deps, actor: Actor, input: { name: string; sha256: string }): Promise<RestoreResult> {
  sqliteOnly(deps);
  const folder = needFolder(await getBackupSettings(deps.db));
  return restoreFrom(deps, actor, { folder, ...input });
}

async function finishRestore(deps: Deps, j: Journal, settings: BackupSettings | null, note: string | null): Promise<void> {
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    // The restorer's account may postdate the backup: then the row names them in its details.
    const known = j.actorId ? await trx.selectFrom('users').select('id').where('id', '=', j.actorId).executeTakeFirst() : undefined;
    const mark = JSON.stringify({ at, name: j.name });
    await trx
      .insertInto('settings')
      .values({ key: RESTORED_KEY, value_json: mark, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: mark, updated_at: at }))
      .execute();
    if (settings)
      await trx
        .insertInto('settings')
        .values({ key: KEY, value_json: JSON.stringify(settings), updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(settings), updated_at: at }))
        .execute();
    await writeAudit(trx, {
      at,
      actorId: known ? j.actorId : null,
      action: 'backup.restore',
      entity: 'backup',
      entityId: j.name,
      before: j.before,
      after: { ...j.after, folder: j.folder, asideFile: j.asideFile, archiveRestored: j.archiveRestored, by: j.actorName },
      note,
    });
  });
  // Migrations of an older backup may have flagged due dates to recompute.
  await recomputeIfFlagged(deps.db, await holidayCalendar(deps.db), deps.now());
  rmSync(journalOf(deps.dataDir), { force: true });
  removeDbFiles(join(restoreDir(deps.dataDir), 'staging.sqlite3'));
  deps.events.publish('system.restored', { at });
}

/**
 * At start: a restore killed half-way left its journal. The audit chain's head
 * tells which database is live; the audit row says what happened.
 */
export async function recoverInterruptedRestore(deps: Deps): Promise<void> {
  const file = journalOf(deps.dataDir);
  if (!deps.sqliteFile || !existsSync(file)) return;
  let j: Journal;
  try {
    j = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch {
    // Torn before its rename: the journal never existed, nothing was replaced.
    rmSync(file, { force: true });
    return;
  }
  const live = openFile(deps.sqliteFile, { readonly: true, nativeBinding: deps.nativeBinding });
  let head: string | null;
  try {
    head = headOf(live);
  } finally {
    live.close();
  }
  if (head === j.stagedHead) {
    await finishRestore(deps, j, null, '恢复已完成；程序在记录前中断，于下次启动时补记');
    return;
  }
  await writeTransaction(deps.db, (trx) =>
    writeAudit(trx, {
      at: deps.now().toISOString(),
      actorId: null,
      action: 'backup.restoreFailed',
      entity: 'backup',
      entityId: j.name,
      before: j.before,
      after: { by: j.actorName },
      note: `恢复在替换数据库前中断，当前数据未改变（原数据库副本仍保留在 ${basename(j.asideFile)}）`,
    }),
  );
  rmSync(file, { force: true });
  removeDbFiles(join(restoreDir(deps.dataDir), 'staging.sqlite3'));
}
