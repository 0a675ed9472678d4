// Bytes a browser transfers on a cold load (empty cache) of the hall display,
// the 评价器 and a desk screen in serve mode, read from Chromium's own network
// log (CDP encodedDataLength: what came over the wire, headers included).
//
//   npm run build && node scripts/measure-cold-load.mjs
//
// Starts `node out/main/serve.js` on a throwaway data folder, creates the
// administrator through the API, and loads each page in a fresh browser context.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PAGES = [
  { name: '叫号屏 /#/display', hash: '#/display', login: false },
  { name: '评价器 /#/pad', hash: '#/pad', login: false },
  { name: '登录页 /', hash: '', login: false },
  { name: '窗口叫号 /#/desk（已登录）', hash: '#/desk', login: true },
];

const data = mkdtempSync(join(tmpdir(), 'ph-coldload-'));
const serve = spawn(process.execPath, ['out/main/serve.js', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  serve.stdout.setEncoding('utf8').on('data', (s) => {
    out += s;
    const m = /已启动：(http:\/\/\S+?)\/?$/m.exec(out);
    if (m) resolve(m[1]);
  });
  serve.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
});

const post = async (method, body, cookie = '') => {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!json.ok) throw new Error(`${method}: ${json.error?.message}`);
  return res;
};
await post('setup.createAdmin', {
  username: 'admin',
  displayName: '王管理',
  password: 'Measure2026pass',
  bureau: { name: '测试区信访局', address: '测试路1号' },
});
const session = (await post('auth.login', { username: 'admin', password: 'Measure2026pass' })).headers.get('set-cookie').split(';')[0];
const [cookieName, cookieValue] = [session.slice(0, session.indexOf('=')), session.slice(session.indexOf('=') + 1)];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'],
});
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log('页面\t静态文件数\t传输（静态文件）\t解压后大小\t其中 JS 传输');
for (const p of PAGES) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  if (p.login) await context.addCookies([{ name: cookieName, value: cookieValue, url }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, type: e.type }));
  let wire = 0;
  let js = 0;
  let files = 0;
  let decoded = 0;
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r && !new URL(r.url).pathname.startsWith('/api/')) decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r || new URL(r.url).pathname.startsWith('/api/')) return;
    files += 1;
    wire += e.encodedDataLength;
    if (r.url.endsWith('.js')) js += e.encodedDataLength;
  });
  await page.goto(`${url}/${p.hash}`, { waitUntil: 'load' });
  // Lazily loaded pages arrive after 'load': wait until two seconds pass without a new file.
  let last = -1;
  while (last !== files) {
    last = files;
    await page.waitForTimeout(2000);
  }
  console.log(`${p.name}\t${files}\t${kb(wire)}\t${kb(decoded)}\t${kb(js)}`);
  await context.close();
}
await browser.close();
serve.kill('SIGTERM');
rmSync(data, { recursive: true, force: true });
