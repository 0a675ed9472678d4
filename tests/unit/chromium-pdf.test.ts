// serve mode's notice archive in the real system Chromium, against a page under
// the same strict CSP as the app (no 'unsafe-eval'): the renderer must wait for
// the page's ready title without evaluating code in it, and report the page's
// own error. (A clean-clone run once failed exactly there.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPdfRenderer, findChromium } from '../../electron/backend/services/printing/chromium-pdf';
import { CSP } from '@shared/csp';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ready.js' || req.url === '/broken.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      // Drawn a moment after load, as the app draws after fetching the slip.
      res.end(
        req.url === '/ready.js'
          ? `setTimeout(() => { document.body.innerHTML = '<h1>受理告知书 测试页</h1>'; document.title = 'print-ready'; }, 400);`
          : `setTimeout(() => { document.title = 'print-error:打印任务不存在或已过期'; }, 200);`,
      );
      return;
    }
    const script = req.url?.startsWith('/broken') ? '/broken.js' : '/ready.js';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP });
    res.end(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>loading</title><script src="${script}"></script></head><body></body></html>`,
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the serve-mode notice PDF renderer', () => {
  const chromium = findChromium();

  it('finds the system Chromium here', () => {
    expect(chromium).not.toBeNull();
  });

  it('waits for the ready title under a strict CSP and returns a PDF with the page’s text', async () => {
    const pdf = createChromiumPdfRenderer(base, chromium!);
    try {
      const bytes = await pdf.render({ route: '/print/job/any', paper: 'A4' });
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'n.pdf');
      writeFileSync(file, bytes);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('受理告知书 测试页');
    } finally {
      await pdf.close();
    }
  }, 60_000);

  it('reports the page’s own error instead of a PDF', async () => {
    const pdf = createChromiumPdfRenderer(`${base}/broken?`, chromium!);
    try {
      await expect(pdf.render({ route: '/print/job/gone', paper: 'A4' })).rejects.toThrow('打印任务不存在或已过期');
    } finally {
      await pdf.close();
    }
  }, 60_000);
});
