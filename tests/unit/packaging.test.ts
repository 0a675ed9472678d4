// The packaged app's hardening: Electron fuses in electron-builder.yml, and the Electronegativity
// gate (scripts/electronegativity.mjs, run by `npm run lint`) failing on a finding nobody allowed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** The `electronFuses:` block of electron-builder.yml: `key: true|false` lines indented under it, comments skipped. */
function fuseBlock(yml: string): Record<string, boolean> {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => l === 'electronFuses:');
  expect(start, 'electronFuses: at the top level of electron-builder.yml').toBeGreaterThanOrEqual(0);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    const m = /^ {2}(\w+): (true|false)$/.exec(line);
    if (!m) {
      expect(line, 'only `  key: true|false` lines inside electronFuses').toMatch(/^\S/);
      break;
    }
    const [, key = '', value] = m;
    fuses[key] = value === 'true';
  }
  return fuses;
}

describe('Electron fuses (electron-builder.yml)', () => {
  const fuses = fuseBlock(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

  it('turns off RunAsNode, NODE_OPTIONS and --inspect; turns on cookie encryption, asar integrity and asar-only loading', () => {
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('uses only option names electron-builder knows (its JSON schema refuses others, a typo would ship the fuse unset)', () => {
    const scheme = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(fuses).filter((k) => !known.includes(k))).toEqual([]);
  });

  it('relies on nothing the fuses switch off: the main process forks no Node and the packaged app keeps asar on', () => {
    const main = ['index.ts', 'ipc.ts', 'printing.ts', 'windows.ts', 'security.ts', 'connection.ts', 'menu.ts', 'native-binding.ts'].map(
      (f) => readFileSync(join(root, 'electron/main', f), 'utf8'),
    );
    for (const src of main) expect(src).not.toMatch(/ELECTRON_RUN_AS_NODE|child_process|\bfork\(|worker_threads|NODE_OPTIONS/);
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).not.toMatch(/^asar: false/m);
  });
});

describe('Electronegativity gate (scripts/electronegativity.mjs)', () => {
  const work = mkdtempSync(join(tmpdir(), 'enegativity-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function gate(tree: string, allow = join(root, 'electronegativity-allow.json')) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/electronegativity.mjs'), '--root', tree, '--allow', allow],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
  }

  /** A copy of the sources the gate scans. */
  function tree(name: string) {
    const dir = join(work, name);
    for (const part of ['electron', 'renderer/src', 'renderer/index.html', 'package.json'])
      cpSync(join(root, part), join(dir, part), { recursive: true });
    return dir;
  }

  it('passes on the sources as they are (every finding is allowed, with a reason)', () => {
    const r = gate(tree('clean'));
    expect(r.out).toContain('条在允许清单中');
    expect(r.code).toBe(0);
  }, 120_000);

  it('fails on a new window with nodeIntegration: true, naming the check and the file', () => {
    const dir = tree('node-integration');
    writeFileSync(
      join(dir, 'electron/main/debug-window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const debug = () => new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: true, disableBlinkFeatures: 'Auxclick' } });\n",
    );
    const r = gate(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/未允许的发现：NODE_INTEGRATION_JS_CHECK electron\/main\/debug-window\.ts/);
  }, 120_000);

  it('refuses an allow-list entry without a reason, and one that no longer matches anything', () => {
    const noReason = join(work, 'no-reason.json');
    writeFileSync(noReason, JSON.stringify([{ check: 'PRELOAD_JS_CHECK', file: 'electron/main/windows.ts', reason: '' }]));
    const r1 = gate(tree('no-reason'), noReason);
    expect(r1.code).toBe(2);
    expect(r1.out).toContain('缺少检查名、文件或理由');

    const allow = JSON.parse(readFileSync(join(root, 'electronegativity-allow.json'), 'utf8')) as object[];
    const stale = join(work, 'stale.json');
    writeFileSync(
      stale,
      JSON.stringify([
        ...allow,
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/security.ts', reason: 'an old entry left behind' },
      ]),
    );
    const r2 = gate(tree('stale'), stale);
    expect(r2.code).toBe(1);
    expect(r2.out).toContain('允许清单条目已无对应发现（请删除）：OPEN_EXTERNAL_JS_CHECK');
  }, 180_000);
});
