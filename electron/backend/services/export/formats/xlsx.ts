// 来访登记表 as xlsx, written with exceljs's streaming WorkbookWriter: each row
// is committed (serialised into the zip stream) as soon as it is added, and no
// shared-string table is kept, so memory stays bounded however many visits a
// re-export holds. Visits only; other records are in JSONL.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { VISIT_COLUMNS, VISIT_SHEET_NAME, visitRow } from '../columns';
import type { VisitPayload } from '../types';
import type { FormatWriter } from './sink';
import { xlsxCells } from '../../xlsx-text';

export const XLSX_FILE = '来访登记表.xlsx';

/** Excel's limit is 1,048,576 rows a sheet, one of them the header. */
export const MAX_ROWS_PER_SHEET = 1_048_575;

/** Rows between waits for the zip to catch up. */
const YIELD_EVERY = 500;

/**
 * Waits until the zip has caught up. exceljs writes each committed row into
 * the sheet's zip entry without heeding back-pressure (its StreamBuf ignores
 * write() returning false), so unless we wait, rows pile up in the zip entry's
 * buffer faster than zlib compresses them: 1.4 GB of RSS for a
 * million rows, measured by tests/bench/export.bench.ts. The entry is
 * reached through exceljs internals (pinned 4.x); if they change, this falls
 * back to yielding a turn of the event loop.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  const entry = zipEntryOf(ws);
  // The entry is a readable-stream (v2) PassThrough: no writableNeedDrain, but the same state inside.
  if (entry && (entry.writableNeedDrain || entry._writableState?.needDrain)) await once(entry, 'drain');
  else await new Promise<void>((resolve) => setImmediate(resolve));
}

type Entry = Writable & { _writableState?: { needDrain?: boolean } };

/** The stream a streaming worksheet's rows go into (exceljs internals; a test checks they are still there). */
export function zipEntryOf(ws: ExcelJS.Worksheet): Entry | undefined {
  return (ws as unknown as { stream?: { pipes?: Entry[] } }).stream?.pipes?.[0];
}

export function openXlsxWriter(path: string, opts: { createdAt: Date; maxRowsPerSheet?: number }): FormatWriter {
  const maxRows = opts.maxRowsPerSheet ?? MAX_ROWS_PER_SHEET;
  const stream = createWriteStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  // Fixed metadata, so a rebuilt file differs from the first only in zip timestamps.
  workbook.creator = '信访接待大厅';
  workbook.lastModifiedBy = '信访接待大厅';
  workbook.created = opts.createdAt;
  workbook.modified = opts.createdAt;

  let sheet: ExcelJS.Worksheet | null = null;
  let sheetRows = 0;
  let sheets = 0;
  let rows = 0;

  function newSheet(): ExcelJS.Worksheet {
    sheet?.commit();
    sheets++;
    // Further sheets only past a million rows: 来访登记表（2）, …
    const ws = workbook.addWorksheet(sheets === 1 ? VISIT_SHEET_NAME : `${VISIT_SHEET_NAME}（${sheets}）`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    ws.columns = VISIT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.commit();
    sheetRows = 0;
    return ws;
  }

  sheet = newSheet();
  return {
    name: XLSX_FILE,
    add(r) {
      if (r.entity !== 'visit') return undefined;
      if (sheetRows >= maxRows) sheet = newSheet();
      sheet!.addRow(xlsxCells(visitRow(r.data as unknown as VisitPayload))).commit();
      sheetRows++;
      rows++;
      if (rows % YIELD_EVERY === 0) return drained(sheet!);
      return undefined;
    },
    async close() {
      sheet!.commit();
      await workbook.commit();
      return rows;
    },
  };
}
