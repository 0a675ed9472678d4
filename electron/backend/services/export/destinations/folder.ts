// Delivering a batch to a folder (a shared drive, a USB stick). The batch gets
// its own sub-folder, <YYYYMMDD-HHmmss>_<batchId>; each file is copied in as
// <name>.tmp, flushed, then renamed, so a reader never sees half a file;
// manifest.json comes last, so a reader that waits for it sees every file it
// lists, with their SHA-256. Delivering again (a retry, a resumed batch) is
// harmless: when the folder already holds this batch, intact, nothing is
// written; otherwise the same files are put in place again by rename.
import { copyFile, mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ExportError, fsProblem } from '../errors';
import { MANIFEST_FILE, fsyncFile, sha256File } from '../staging';
import type { BatchFile, FolderConfig } from '../types';

async function alreadyThere(target: string, manifest: string, files: BatchFile[]): Promise<boolean> {
  try {
    if ((await readFile(join(target, MANIFEST_FILE), 'utf8')) !== manifest) return false;
    for (const f of files) {
      if ((await stat(join(target, f.name))).size !== f.bytes) return false;
      if ((await sha256File(join(target, f.name))) !== f.sha256) return false;
    }
    return true;
  } catch {
    return false;
  }
}

async function placeFile(from: string, dir: string, name: string): Promise<void> {
  const tmp = join(dir, `${name}.tmp`);
  await copyFile(from, tmp);
  await fsyncFile(tmp);
  await rename(tmp, join(dir, name));
}

/** Makes the rename durable on POSIX systems; Windows cannot open a directory this way, and does not need to. */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function deliverToFolder(
  config: FolderConfig,
  folderName: string,
  stagingDir: string,
  files: BatchFile[],
  manifest: string,
): Promise<void> {
  // The destination folder itself must exist: a missing USB stick must not
  // turn into a new folder of that name on the local disk.
  try {
    if (!(await stat(config.path)).isDirectory()) throw new ExportError(`导出文件夹不是一个文件夹：${config.path}`);
  } catch (e) {
    if (e instanceof ExportError) throw e;
    throw fsProblem(e, `导出文件夹 ${config.path} `);
  }
  const target = join(config.path, folderName);
  try {
    await mkdir(target, { recursive: true });
    if (await alreadyThere(target, manifest, files)) return;
    for (const f of files) await placeFile(join(stagingDir, f.name), target, f.name);
    await placeFile(join(stagingDir, MANIFEST_FILE), target, MANIFEST_FILE);
    await fsyncDir(target);
  } catch (e) {
    throw fsProblem(e, `导出文件夹 ${config.path} `);
  }
}
