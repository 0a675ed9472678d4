// Electron and plain Node load different native ABIs, so one better-sqlite3
// build cannot serve both. We keep npm's build in node_modules for Node (tests,
// serve mode, benchmarks) and build a second copy for Electron into
// native/electron/, which the Electron main process passes to better-sqlite3 as
// `nativeBinding`. Neither build ever overwrites the other.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
export const electronNativeDir = join(root, 'native', 'electron');
export const electronNativeFile = join(electronNativeDir, 'better_sqlite3.node');
const stampFile = join(electronNativeDir, 'built-for.json');

export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

function sqliteVersion() {
  return JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
}

/** True when native/electron holds a build for the installed Electron and better-sqlite3. */
export function electronNativeIsCurrent() {
  if (!existsSync(electronNativeFile) || !existsSync(stampFile)) return false;
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  return stamp.electron === electronVersion() && stamp.betterSqlite3 === sqliteVersion() && stamp.arch === process.arch;
}

function run(cmd, args, cwd, timeoutMs) {
  // npm exports its config to scripts; `nodedir` would make node-gyp build
  // against Node's headers while claiming Electron's target.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete env[k];
  const r = spawnSync(cmd, args, { cwd, env, stdio: 'inherit', timeout: timeoutMs, shell: process.platform === 'win32' });
  return r.status === 0;
}

/** Build better-sqlite3 for Electron in a scratch copy; returns true on success. */
export function buildElectronSqlite({ timeoutMs = 240_000 } = {}) {
  const version = electronVersion();
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'ph-electron-sqlite-'));
  try {
    const copy = join(work, 'better-sqlite3');
    cpSync(pkgDir, copy, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
    const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
    const target = ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`];
    // A prebuilt binary for Electron when the release host is reachable, else compile against Electron's headers.
    const ok =
      run(bin('prebuild-install'), [...target, '--platform=' + process.platform], copy, timeoutMs) ||
      run(bin('node-gyp'), ['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], copy, timeoutMs);
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!ok || !existsSync(built)) return false;
    mkdirSync(electronNativeDir, { recursive: true });
    copyFileSync(built, electronNativeFile);
    writeFileSync(stampFile, JSON.stringify({ electron: version, betterSqlite3: sqliteVersion(), arch: process.arch }, null, 2));
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Run Electron's own binary download (we disable its install script so a failure cannot break npm install). */
export function installElectronBinary({ timeoutMs = 300_000 } = {}) {
  const pkgDir = dirname(require.resolve('electron/package.json'));
  if (existsSync(join(pkgDir, 'path.txt')) && existsSync(join(pkgDir, 'dist'))) return true;
  return run(process.execPath, [join(pkgDir, 'install.js')], pkgDir, timeoutMs);
}
