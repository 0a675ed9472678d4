// `npm start` (scripts/start.mjs) where Electron cannot run: it says so in Chinese and
// starts the real serve mode instead, whose address it prints and which answers.
// Electron is replaced by a command that fails as Electron does without a display.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGTERM');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function launch(electronCmd: string[], serveArgs: string[]) {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--skip-build', '--', ...serveArgs], {
    cwd: root,
    env: {
      ...process.env,
      PETITION_HALL_ELECTRON_CMD: JSON.stringify(electronCmd),
      // The real backend's serve entry, run from source (out/ may not be built in a unit run).
      PETITION_HALL_SERVE_CMD: JSON.stringify([process.execPath, '--import', 'tsx', 'electron/backend/serve.ts']),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (out += s));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const waitFor = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = re.exec(out);
        if (m) resolve(m);
        else if (child.exitCode !== null) reject(new Error(`launcher exited ${child.exitCode}:\n${out}`));
        else setTimeout(check, 50);
      };
      check();
    });
  return { child, exited, waitFor, output: () => out };
}

describe('npm start launcher', () => {
  it('falls back to serve mode when Electron fails to start, prints the address in Chinese, and the hall answers there', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ph-start-'));
    dirs.push(data);
    const failing = [process.execPath, '-e', "console.error('Missing X server or $DISPLAY'); process.exit(1)"];
    const l = launch(failing, ['--port', '0', '--data', data]);
    const [, url] = await l.waitFor(/请用浏览器（Chrome、Edge 或 Chromium）打开：(http:\/\/127\.0\.0\.1:\d+)\/?/);
    expect(l.output()).toContain('本机无法运行桌面程序：Electron 启动失败（退出码 1）');
    expect(l.output()).toContain('改为启动浏览器版本（serve 模式）');
    // The fallback is the real backend on a fresh data folder: it asks for the first administrator.
    const res = await fetch(`${url}/api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(await res.json()).toEqual({ ok: true, data: expect.objectContaining({ needsAdmin: true }) as unknown });
    l.child.kill('SIGTERM');
    await l.exited;
  }, 60_000);

  it('does not start serve mode when Electron runs and exits normally', async () => {
    const l = launch([process.execPath, '-e', "console.log('electron ran')"], ['--port', '0']);
    expect(await l.exited).toBe(0);
    expect(l.output()).toContain('electron ran');
    expect(l.output()).not.toContain('serve 模式');
  });
});
