import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives. npm's own build in
 * node_modules is for plain Node (tests, serve mode); Electron needs its own,
 * made by `npm run rebuild:electron-sqlite` (run by postinstall) and shipped by
 * electron-builder as an extra resource.
 */
export function electronSqliteBinding(): string | null {
  const file = app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return existsSync(file) ? file : null;
}
