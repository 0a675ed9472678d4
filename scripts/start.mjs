// `npm start`: build, then open the desktop app. Where Electron cannot run (its
// binary was never downloaded, no display, a missing library), say so in
// Chinese and start the browser version instead (serve mode), printing the
// address to open, so the README's first command always gives a working hall.
//
//   node scripts/start.mjs [--skip-build] [-- <serve options: --port, --data, …>]
//
// Test hooks (tests/unit/start-launcher.test.ts): PETITION_HALL_ELECTRON_CMD and
// PETITION_HALL_SERVE_CMD, each a JSON array (program and arguments), replace
// the Electron command and the serve command.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const argv = process.argv.slice(2);
const dashDash = argv.indexOf('--');
const own = dashDash < 0 ? argv : argv.slice(0, dashDash);
const serveArgs = dashDash < 0 ? [] : argv.slice(dashDash + 1);
/** An Electron that fails within this long failed to start (a crash after hours of work is not a reason to switch). */
const STARTUP_MS = 30_000;

const fromEnv = (name) => {
  const v = process.env[name];
  if (!v) return null;
  const cmd = JSON.parse(v);
  if (!Array.isArray(cmd) || cmd.length === 0) throw new Error(`${name} 须为 JSON 数组`);
  return cmd.map(String);
};

/** Why Electron cannot run here before even trying (its binary is missing), or null. */
function electronMissing() {
  try {
    createRequire(join(root, 'package.json'))('electron');
    return null;
  } catch (e) {
    return `Electron 未安装完整（${e instanceof Error ? e.message.split('\n')[0] : String(e)}）`;
  }
}

function runElectron(cmd) {
  return new Promise((resolveRun) => {
    const started = Date.now();
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', (e) => resolveRun({ ok: false, reason: `无法执行 ${cmd[0]}（${e.message}）` }));
    child.on('exit', (code, signal) => {
      if (code === 0) resolveRun({ ok: true, code: 0 });
      else if (Date.now() - started > STARTUP_MS) resolveRun({ ok: true, code: code ?? 1 });
      else resolveRun({ ok: false, reason: signal ? `Electron 被信号 ${signal} 终止` : `Electron 启动失败（退出码 ${code}）` });
    });
  });
}

function startServe(reason) {
  console.log('');
  console.log(`[petition-hall] 本机无法运行桌面程序：${reason}。`);
  console.log('[petition-hall] 改为启动浏览器版本（serve 模式），数据与桌面程序相同。');
  const entry = join(root, 'out', 'main', 'serve.js');
  const cmd = fromEnv('PETITION_HALL_SERVE_CMD') ?? [process.execPath, entry];
  if (cmd[1] === entry && !existsSync(entry)) {
    console.error('[petition-hall] 浏览器版本也未构建：请先运行 npm run build。');
    process.exit(1);
  }
  const child = spawn(cmd[0], [...cmd.slice(1), ...serveArgs], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
  let told = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const m = /信访接待大厅已启动：(\S+)/.exec(chunk);
    if (m && !told) {
      told = true;
      console.log(`[petition-hall] 请用浏览器（Chrome、Edge 或 Chromium）打开：${m[1]}`);
      console.log('[petition-hall] 按 Ctrl+C 停止。');
    }
  });
  const stop = (sig) => child.kill(sig);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (!own.includes('--skip-build')) {
  const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('[petition-hall] 构建失败，未启动。');
    process.exit(build.status ?? 1);
  }
}

const testElectron = fromEnv('PETITION_HALL_ELECTRON_CMD');
const missing = testElectron ? null : electronMissing();
if (missing) startServe(missing);
else {
  const result = await runElectron(testElectron ?? [bin('electron-vite'), 'preview', '--skipBuild']);
  if (result.ok) process.exit(result.code);
  startServe(result.reason);
}
