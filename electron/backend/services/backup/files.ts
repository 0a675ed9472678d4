// File-level work of backups: online copies through SQLite's backup API (never
// a file copy of a live database), their verification, the manifest beside
// each copy and the archive of notice/report PDFs that goes with them. No
// Deps here: the command line and the services share these.
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { DIR_MODE, FILE_MODE } from '../../security/file-modes';

/** Folders of the data folder whose files go with every backup (write-once PDFs). */
export const ARCHIVE_FOLDERS = ['notices', 'reports'] as const;

/** Copy in one step: one snapshot, never restarted by another process's write. */
const ALL_PAGES = () => 0x7fffffff;

export interface ArchiveFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: 1;
  name: string;
  createdAt: string;
  bytes: number;
  sha256: string;
  /** Rows per table, counted in the same snapshot the copy was taken from, and again in the copy. */
  tables: Record<string, number>;
  visits: number;
  /** The newest audit row: when the data last changed, and the chain's head. */
  lastChangeAt: string | null;
  lastAudit: { seq: number; hash: string } | null;
  /** The schema version (migrations applied). */
  migrations: string[];
  archive: ArchiveFile[];
}

export const dbFileOf = (folder: string, name: string) => join(folder, `${name}.sqlite3`);
export const manifestOf = (folder: string, name: string) => join(folder, `${name}.json`);
export const archiveDirOf = (folder: string) => join(folder, 'archive');

export function sha256File(file: string): string {
  const h = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch {
    // some file systems (and Windows for folders) cannot fsync a folder
  } finally {
    closeSync(fd);
  }
}

/** A folder for personal data: made if missing, the app user's only (0700 on POSIX). */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  if (process.platform !== 'win32') chmodSync(dir, DIR_MODE);
}

/** Writes text durably and atomically: a temp file, fsync, rename, fsync the folder. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${Date.now()}-${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', FILE_MODE);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncPath(dirname(file));
}

/** Copies a file durably (temp, fsync, rename), 0600. */
export function copyDurably(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true, mode: DIR_MODE });
  const tmp = `${to}.${process.pid}.tmp`;
  copyFileSync(from, tmp);
  if (process.platform !== 'win32') chmodSync(tmp, FILE_MODE);
  fsyncPath(tmp);
  renameSync(tmp, to);
  fsyncPath(dirname(to));
}

export function openFile(file: string, opts: { readonly?: boolean; nativeBinding?: string } = {}): BetterSqlite3.Database {
  const db = new BetterSqlite3(file, {
    fileMustExist: true,
    readonly: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  db.pragma('busy_timeout = 5000');
  return db;
}

export function tableCounts(db: BetterSqlite3.Database): Record<string, number> {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out: Record<string, number> = {};
  for (const n of names)
    out[n] = db
      .prepare(`SELECT count(*) FROM "${n.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  return out;
}

/** What a database holds: its last change (the newest audit row), visits, schema version. */
export function describeDb(db: BetterSqlite3.Database): Pick<Manifest, 'visits' | 'lastChangeAt' | 'lastAudit' | 'migrations'> {
  const has = (t: string) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t);
  const last = has('audit_log')
    ? (db.prepare(`SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1`).get() as
        { seq: number; hash: string; at: string } | undefined)
    : undefined;
  return {
    visits: has('visits') ? (db.prepare(`SELECT count(*) FROM visits`).pluck().get() as number) : 0,
    lastChangeAt: last?.at ?? null,
    lastAudit: last ? { seq: Number(last.seq), hash: last.hash } : null,
    migrations: has('kysely_migration') ? (db.prepare(`SELECT name FROM kysely_migration ORDER BY name`).pluck().all() as string[]) : [],
  };
}

/**
 * An online copy of the live database `source` into `dest` (a new file), with
 * the row counts of the snapshot it copied: a read transaction holds one
 * snapshot while the tables are counted and the backup API copies every page
 * of it in one step. Writers in this and other processes go on meanwhile (WAL);
 * whatever they commit after the snapshot is not in the copy.
 */
export async function snapshotCopy(source: string, dest: string, nativeBinding?: string): Promise<Record<string, number>> {
  const src = openFile(source, { nativeBinding });
  try {
    src.exec('BEGIN');
    const counts = tableCounts(src); // the first read fixes the snapshot
    await src.backup(dest, { progress: ALL_PAGES });
    src.exec('COMMIT');
    return counts;
  } finally {
    src.close();
  }
}

/** Copies the database `source` (not live: a backup or a staged copy) into the live database `dest`, as one transaction. */
export async function copyInto(source: string, dest: string, nativeBinding?: string): Promise<void> {
  const src = openFile(source, { readonly: true, nativeBinding });
  try {
    await src.backup(dest, { progress: ALL_PAGES });
  } finally {
    src.close();
  }
}

/** Every PDF of the data folder's archive, relative to it ('notices/2026/….pdf'). */
export function listArchive(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(relative(dataDir, p).split(sep).join('/'));
    }
  };
  for (const f of ARCHIVE_FOLDERS) walk(join(dataDir, f));
  return out.sort();
}

/**
 * Copies the archive into `<backup folder>/archive`, incrementally: a file
 * already there with the same SHA-256 is not copied again (the PDFs are
 * written once and never change). Returns each file with its hash.
 */
export function copyArchive(dataDir: string, folder: string): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  for (const rel of listArchive(dataDir)) {
    const from = join(dataDir, rel);
    const to = join(archiveDirOf(folder), rel);
    const hash = sha256File(from);
    if (!existsSync(to) || sha256File(to) !== hash) copyDurably(from, to);
    out.push({ path: rel, sha256: hash, bytes: statSync(from).size });
  }
  return out;
}

export function readManifest(folder: string, name: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(manifestOf(folder, name), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * Checks a backup as it is now: the manifest, the file's SHA-256, PRAGMA
 * integrity_check, the row counts, and every archived PDF's hash. Returns what
 * is wrong in Chinese, or null.
 */
export function verifyBackupFiles(folder: string, name: string, nativeBinding?: string): string | null {
  const m = readManifest(folder, name);
  if (!m) return '缺少备份清单（备份未完成或清单已损坏）';
  const file = dbFileOf(folder, name);
  if (!existsSync(file)) return '备份文件不存在';
  if (statSync(file).size !== m.bytes) return `备份文件大小不符（应为 ${m.bytes} 字节，现为 ${statSync(file).size} 字节），文件已损坏`;
  if (sha256File(file) !== m.sha256) return '备份文件的 SHA-256 与备份时不符，文件已损坏或被修改';
  let db: BetterSqlite3.Database | null = null;
  try {
    db = openFile(file, { readonly: true, nativeBinding });
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0]?.integrity_check !== 'ok') return `完整性检查未通过：${check[0]?.integrity_check ?? '未知错误'}`;
    const counts = tableCounts(db);
    for (const [t, n] of Object.entries(m.tables)) {
      if (counts[t] !== n) return `表 ${t} 的行数不符（应为 ${n}，现为 ${counts[t] ?? '缺失'}）`;
    }
  } catch (e) {
    return `无法读取备份数据库：${e instanceof Error ? e.message : String(e)}`;
  } finally {
    db?.close();
  }
  for (const a of m.archive) {
    const p = join(archiveDirOf(folder), a.path);
    if (!existsSync(p)) return `存档文件缺失：${a.path}`;
    if (sha256File(p) !== a.sha256) return `存档文件已损坏：${a.path}`;
  }
  return null;
}

/** Removes a file and SQLite's companions of it, if present. */
export function removeDbFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}
