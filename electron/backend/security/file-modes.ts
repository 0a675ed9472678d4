// Files in the data folder hold personal data (the database and its WAL/SHM,
// staged export batches, archived notices) and the key of the secret box: on
// POSIX they are readable by the app's own user only. New files get that from
// the process umask (077, set when the backend starts) and from explicit modes
// where the code creates them; files left by older versions are fixed at start.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/**
 * Makes the data folder (0700) and sets 0600 on every file and 0700 on every
 * folder under it. Symbolic links are left alone (never followed out of the
 * folder). Windows keeps the user-profile folder's own ACL.
 */
export function secureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  if (!posix) return;
  process.umask(0o077);
  const walk = (dir: string) => {
    chmodSync(dir, DIR_MODE);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && (lstatSync(p).mode & 0o777) !== FILE_MODE) chmodSync(p, FILE_MODE);
    }
  };
  walk(dataDir);
}
