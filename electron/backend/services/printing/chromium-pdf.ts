// serve mode's notice archive: headless Chromium (the system's, never a
// downloaded one) opens the notice's print route on this server, waits for the
// page's ready signal like the desktop print window, and returns the PDF.
// playwright-core drives it: a maintained DevTools-protocol client already in
// the tree for the UI tests, rather than a hand-written CDP session.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { PdfRenderer } from './executor';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string | null {
  const configured = process.env.PETITION_HALL_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

async function readyTitle(page: Page, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const title = await page.title();
    if (title === 'print-ready' || title.startsWith('print-error:')) return title;
    if (Date.now() > until) throw new Error(`告知书页面 ${timeoutMs / 1000} 秒内未就绪`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function createChromiumPdfRenderer(baseUrl: string, executablePath: string): PdfRenderer & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  const launch = async () => {
    const { chromium } = await import('playwright-core');
    const b = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // A crashed browser is started again on the next notice, not left to refuse every one after.
    b.on('disconnected', () => {
      browser = null;
    });
    return b;
  };
  const renderOnce = async (route: string): Promise<Buffer> => {
    browser ??= launch().catch((e: unknown) => {
      browser = null;
      throw e;
    });
    const context = await (await browser).newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/#${route}`, { timeout: 30_000 });
      // The page's own ready signal (its title), as the desktop print window waits for it. Read from
      // outside the page: evaluating code inside it would be refused by the app's CSP (no 'unsafe-eval').
      const title = await readyTitle(page, 30_000);
      if (title !== 'print-ready') throw new Error(title.slice('print-error:'.length));
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await context.close();
    }
  };
  return {
    async render({ route }) {
      // One retry on a fresh browser: a browser that died or hung between notices must not cost a notice.
      try {
        return await renderOnce(route);
      } catch (first) {
        console.error('告知书PDF生成失败，重启浏览器后重试：', first);
        const old = browser;
        browser = null;
        await old?.then((b) => b.close()).catch(() => undefined);
        return renderOnce(route);
      }
    },
    async close() {
      if (browser) await (await browser).close();
    },
  };
}
