// The desktop printer: a hidden window loads the slip's print route, waits for
// the page's ready signal (it sets its title to 'print-ready' once the data
// and the QR code are drawn — an event, not a timer), then prints silently to
// the configured printer or through the dialog.
import type { Paper } from '@shared/api/schemas/printing';
import type { PdfRenderer, PrintExecutor } from '../backend/services/printing/executor';
import { secureWindow, type RendererLocation } from './windows';

/** The part of Electron's WebContents printing needs (a fake stands in for it in tests). */
export interface PrintContents {
  on(event: 'page-title-updated', listener: (event: unknown, title: string) => void): unknown;
  getPrintersAsync(): Promise<{ name: string; displayName?: string }[]>;
  print(options: Electron.WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
}

export const READY_TITLE = 'print-ready';
export const ERROR_TITLE_PREFIX = 'print-error:';

/** Thermal rolls have a width and as much length as the slip needs; Electron takes microns. */
export function pageSize(paper: Paper): Electron.WebContentsPrintOptions['pageSize'] {
  if (paper === 'A4') return 'A4';
  return { width: paper === '80mm' ? 80_000 : 58_000, height: 200_000 };
}

/** Failure reasons from Chromium, in words a desk clerk understands. */
function reasonZh(reason: string): string {
  if (/cancel/i.test(reason)) return '已取消打印';
  if (/no printers|invalid deviceName|printer/i.test(reason)) return '打印机不可用（未连接、离线或缺纸）';
  return `打印失败（${reason || '未知原因'}）`;
}

export function printWhenReady(
  contents: PrintContents,
  job: { paper: Paper; printer: string; silent: boolean; copies: number },
  loadTimeoutMs = 15_000,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: { ok: true } | { ok: false; message: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      resolve(r);
    };
    // A guard against a page that never loads, not the ready signal itself.
    const guard = setTimeout(() => finish({ ok: false, message: '打印页面未能加载，请重试' }), loadTimeoutMs);
    contents.on('page-title-updated', (_e, title) => {
      if (title.startsWith(ERROR_TITLE_PREFIX))
        return finish({ ok: false, message: title.slice(ERROR_TITLE_PREFIX.length) || '打印页面出错' });
      if (title !== READY_TITLE) return;
      void (async () => {
        if (job.printer) {
          const printers = await contents.getPrintersAsync();
          if (!printers.some((p) => p.name === job.printer))
            return finish({ ok: false, message: `找不到打印机“${job.printer}”，请检查连接或在打印设置中重新选择` });
        }
        contents.print(
          {
            silent: job.silent,
            deviceName: job.printer || undefined,
            copies: job.copies,
            pageSize: pageSize(job.paper),
            margins: { marginType: 'none' },
            printBackground: true,
          },
          (success, failureReason) => finish(success ? { ok: true } : { ok: false, message: reasonZh(failureReason) }),
        );
      })();
    });
  });
}

export function createPrintExecutor(renderer: RendererLocation): PrintExecutor {
  return {
    async print(job) {
      const win = secureWindow({ show: false });
      try {
        const done = printWhenReady(win.webContents, job);
        if (renderer.devUrl) void win.loadURL(`${renderer.devUrl}#${job.route}`);
        else void win.loadFile(renderer.indexFile, { hash: job.route });
        return await done;
      } finally {
        win.destroy();
      }
    },
    async listPrinters() {
      const win = secureWindow({ show: false });
      try {
        return (await win.webContents.getPrintersAsync()).map((p) => p.name);
      } finally {
        win.destroy();
      }
    },
  };
}

/** The desktop notice archive: the same hidden-window route, drawn to PDF once it signals ready. */
export function createNoticePdfRenderer(renderer: RendererLocation): PdfRenderer {
  return {
    async render(job) {
      const win = secureWindow({ show: false });
      try {
        const ready = new Promise<void>((resolve, reject) => {
          const guard = setTimeout(() => reject(new Error('告知书页面未能加载')), 15_000);
          win.webContents.on('page-title-updated', (_e, title) => {
            if (title === READY_TITLE) {
              clearTimeout(guard);
              resolve();
            } else if (title.startsWith(ERROR_TITLE_PREFIX)) {
              clearTimeout(guard);
              reject(new Error(title.slice(ERROR_TITLE_PREFIX.length)));
            }
          });
        });
        if (renderer.devUrl) void win.loadURL(`${renderer.devUrl}#${job.route}`);
        else void win.loadFile(renderer.indexFile, { hash: job.route });
        await ready;
        return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        win.destroy();
      }
    },
  };
}
