// 来访登记表 as xlsx, written with exceljs's streaming WorkbookWriter: each row
// is committed (serialised into the zip stream) as soon as it is added, and no
// shared-string table is kept, so memory stays bounded however many visits a
// re-export holds. Visits only; other records are in JSONL.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { VISIT_COLUMNS, VISIT_SHEET_NAME, visitRow } from '../columns';
import type { VisitPayload } from '../types';
import type { FormatWriter } from './sink';

export const XLSX_FILE = '来访登记表.xlsx';

/** Excel's limit is 1,048,576 rows a sheet, one of them the header. */
export const MAX_ROWS_PER_SHEET = 1_048_575;

/** Rows between pauses that let the zip and file streams drain. */
const YIELD_EVERY = 2000;

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
      sheet!.addRow(visitRow(r.data as unknown as VisitPayload)).commit();
      sheetRows++;
      rows++;
      // Rows are serialised synchronously; give the zip stream a turn now and
      // then, and wait for the file when it is behind.
      if (rows % YIELD_EVERY === 0) {
        return stream.writableNeedDrain ? once(stream, 'drain').then(() => undefined) : new Promise<void>((resolve) => setImmediate(resolve));
      }
      return undefined;
    },
    async close() {
      sheet!.commit();
      await workbook.commit();
      return rows;
    },
  };
}
