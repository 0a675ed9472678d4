// Electronegativity (Doyensec's Electron security checker) over what makes up the desktop build,
// as a gate: any finding not listed, with a reason, in electronegativity-allow.json fails.
//
//   node --import tsx scripts/electronegativity.mjs                     (npm run lint runs this)
//   node --import tsx scripts/electronegativity.mjs --root <dir> --allow <file>   (the test's temp trees)
//
// What is scanned, copied into a staging folder so the checks see one application: electron/
// (main, preload and the backend the main process runs), renderer/src, and renderer/index.html
// with the CSP <meta> the build inserts (electron.vite.config.ts, from shared/csp.ts).
//
// Offline: the Electron version is given (the installed electron package's, never looked up), and
// AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is not run: it downloads Electron's release list from
// GitHub at every run, so its answer would depend on the network and on the day. Electron
// updates are a dependency matter (package.json pins ~40.9). Its translations download tries
// once with a 1 s timeout and falls back to the bundled English text.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const repo = resolve(import.meta.dirname, '..');
const root = resolve(arg('--root', repo));
const allowFile = resolve(arg('--allow', join(repo, 'electronegativity-allow.json')));
const electronVersion = require(join(repo, 'node_modules/electron/package.json')).version;
const OFFLINE_EXCLUDED = ['availablesecurityfixesglobalcheck'];

async function renderedIndexHtml(file) {
  const { CSP } = await import(join(repo, 'shared/csp.ts'));
  const content = CSP.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return readFileSync(file, 'utf8').replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${content}" />`);
}

async function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  for (const part of ['electron', 'renderer/src', 'package.json']) {
    if (existsSync(join(root, part))) cpSync(join(root, part), join(dir, part), { recursive: true });
  }
  const index = join(root, 'renderer/index.html');
  if (existsSync(index)) writeFileSync(join(dir, 'renderer/index.html'), await renderedIndexHtml(index));
  return dir;
}

/** A finding's key in the allow-list: the check and the file (line numbers move; `contains` narrows to a line). */
function matches(entry, finding) {
  return (
    entry.check === finding.check && entry.file === finding.file && (!entry.contains || (finding.sample ?? '').includes(entry.contains))
  );
}

async function main() {
  const allow = existsSync(allowFile) ? JSON.parse(readFileSync(allowFile, 'utf8')) : [];
  const badEntries = allow.filter((e) => !e.check || !e.file || typeof e.reason !== 'string' || e.reason.trim().length < 10);
  if (badEntries.length > 0) {
    console.error(`允许清单中以下条目缺少检查名、文件或理由：\n${JSON.stringify(badEntries, null, 2)}`);
    process.exit(2);
  }
  const dir = await stage();
  let result;
  try {
    const mod = require('@doyensec/electronegativity');
    const run = mod.default ?? mod;
    result = await run({ input: dir, electronVersionOverride: electronVersion, excludeFromScan: OFFLINE_EXCLUDED, customScan: [] }, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const findings = result.issues.map((i) => ({
    check: i.id,
    file: i.file === 'N/A' ? 'N/A' : relative(dir, i.file),
    line: i.location.line,
    severity: i.severity.name,
    confidence: i.confidence.name,
    sample: i.sample,
  }));
  const errors = result.errors.filter((e) => !e.tolerable);
  const unlisted = findings.filter((f) => !allow.some((e) => matches(e, f)));
  const stale = allow.filter((e) => !findings.some((f) => matches(e, f)));
  const listed = findings.length - unlisted.length;
  console.log(
    `Electronegativity ${electronVersion}: ${result.atomicChecks + result.globalChecks} 项检查，${findings.length} 条发现（${listed} 条在允许清单中）`,
  );
  for (const e of errors) console.error(`无法解析 ${relative(dir, e.file)}：${e.message}`);
  for (const f of unlisted) console.error(`未允许的发现：${f.check} ${f.file}:${f.line} [${f.severity}/${f.confidence}] ${f.sample ?? ''}`);
  for (const e of stale) console.error(`允许清单条目已无对应发现（请删除）：${e.check} ${e.file}`);
  if (unlisted.length > 0 || stale.length > 0 || errors.length > 0) process.exit(1);
}

await main();
