// 来访登记表 as CSV for Excel on a Chinese Windows: GB18030 (the national
// standard; it encodes every Unicode character, 𠮷 and 﨑 included, and Excel
// in a zh-CN locale opens it without an import dialog). No BOM: a BOM marks
// UTF-8/16, and GB18030 has none that Excel recognises. RFC 4180 quoting and
// CRLF line ends. Visits only; other records are in JSONL.
import iconv from 'iconv-lite';
import { VISIT_HEADERS, visitRow } from '../columns';
import type { VisitPayload } from '../types';
import { TextSink, type FormatWriter } from './sink';

export const CSV_FILE = '来访登记表.csv';

/**
 * What Excel would otherwise get wrong when it opens the file:
 * - text starting with = + - @ would run as a formula (CSV injection): a
 *   leading apostrophe keeps it text;
 * - an ID or phone number of 11+ digits would become 1.10105E+17 and lose its
 *   last digits: a leading tab keeps it text (the usual practice for 身份证号).
 * Machines should read records.jsonl, which carries the values untouched.
 */
export function excelSafe(s: string): string {
  if (/^[=+\-@\t\r]/.test(s)) return `'${s}`;
  if (/^\d{11,}[Xx]?$/.test(s)) return `\t${s}`;
  return s;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes. */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const s = excelSafe(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function openCsvWriter(path: string): FormatWriter {
  const sink = new TextSink(path, (s) => iconv.encode(s, 'gb18030'));
  void sink.write(csvLine(VISIT_HEADERS));
  let rows = 0;
  return {
    name: CSV_FILE,
    add(r) {
      if (r.entity !== 'visit') return undefined;
      rows++;
      return sink.write(csvLine(visitRow(r.data as unknown as VisitPayload)));
    },
    async close() {
      await sink.close();
      return rows;
    },
  };
}
