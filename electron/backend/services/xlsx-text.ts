// Text in an xlsx cell exactly as it was typed. exceljs writes a CR as a raw
// character, which every XML reader turns into LF (XML end-of-line handling):
// 'a\r\nb' read back as 'a\nb'. OOXML's own escape for it is `_x000D_`, which
// Excel and SheetJS read as CR; a literal `_xHHHH_` in the text is escaped
// (`_x005F_` is the underscore) so that it is not read as an escape.
// Every xlsx writer (export, statistics report, audit export) passes its cells here.

const LITERAL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

export function xlsxText(s: string): string {
  return s.replace(LITERAL_ESCAPE, '_x005F_$1').replace(/\r/g, '_x000D_');
}

/** A row's values with each string kept exactly (numbers, dates and nulls as they are). */
export function xlsxCells<T extends Record<string, unknown> | unknown[]>(row: T): T {
  if (Array.isArray(row)) return row.map((v) => (typeof v === 'string' ? xlsxText(v) : v)) as T;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? xlsxText(v) : v])) as T;
}
