import type { Paper } from '../../../../shared/api/schemas/printing';

/**
 * Prints a slip's page on a real printer. The desktop app provides one (a
 * hidden Electron window, electron/main/printing.ts); serve mode has none and
 * the browser prints the page itself.
 */
export interface PrintExecutor {
  print(job: { route: string; paper: Paper; printer: string; silent: boolean; copies: number }): Promise<{ ok: true } | { ok: false; message: string }>;
}
