import type { Paper } from '@shared/api/schemas/printing';

/**
 * Prints a slip's page on a real printer. The desktop app provides one (a
 * hidden Electron window, electron/main/printing.ts); serve mode has none and
 * the browser prints the page itself.
 */
/** Draws a print route (after its ready signal) as PDF bytes. */
export interface PdfRenderer {
  render(job: { route: string; paper: Paper }): Promise<Buffer>;
}

export interface PrintExecutor {
  print(job: {
    route: string;
    paper: Paper;
    printer: string;
    silent: boolean;
    copies: number;
  }): Promise<{ ok: true } | { ok: false; message: string }>;
  /** The printers the system has (names as the print call takes them). */
  listPrinters(): Promise<string[]>;
}
