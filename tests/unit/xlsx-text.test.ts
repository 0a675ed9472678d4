// Text in every xlsx we write comes back exactly as typed (issue 13): a CR of CRLF survives
// (written as OOXML's `_x000D_`, not as a raw CR that XML readers turn into LF), and a literal
// `_x000D_` typed by someone stays literal. Checked through each writer — the district export
// (来访登记表), the statistics report and the audit export — read back by SheetJS and, below
// the reader, in the workbook's XML itself (unzip -p).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openXlsxWriter } from '../../electron/backend/services/export/formats/xlsx';
import { xlsxText } from '../../electron/backend/services/xlsx-text';
import { visitInput, type TestHall } from '../support/backend';
import { outboxRecords } from '../support/export';
import { useHall } from '../support/hall';

const CRLF = 'a\r\nb';
const LITERAL = '见文件_x000D_号';

let hall: TestHall;
let dir: string;

useHall(async (h) => {
  hall = h;
  dir = hall.tempDir('xlsx-text-');
  const clerk = await hall.as('clerk');
  await clerk.call('visits.register', visitInput({ summary: CRLF, locationArea: CRLF, demands: LITERAL }));
});

/** Every string cell of every sheet, as SheetJS reads them. */
function cellsOf(file: string): string[] {
  const wb = XLSX.read(readFileSync(file));
  return wb.SheetNames.flatMap((n) =>
    XLSX.utils
      .sheet_to_json<unknown[]>(wb.Sheets[n]!, { header: 1, raw: true })
      .flatMap((row) => row.filter((v): v is string => typeof v === 'string')),
  );
}

/** The workbook's XML as stored in the zip: the sheets and the shared strings (unzip's * matches across folders). */
const sheetXml = (file: string) => execFileSync('unzip', ['-p', file, 'xl/*.xml']).toString('utf8');

function expectExact(file: string, where: (cells: string[]) => string[]) {
  const found = where(cellsOf(file));
  expect(found.length).toBeGreaterThan(0);
  for (const cell of found) expect(cell).toContain(CRLF);
  const xml = sheetXml(file);
  expect(xml).toContain('a_x000D_\nb');
  expect(xml).not.toContain('\r');
}

function saveBase64(name: string, base64: string): string {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

describe('xlsx text exactly as typed', () => {
  it('escapes CR and a literal escape, and nothing else', () => {
    expect(xlsxText(CRLF)).toBe('a_x000D_\nb');
    expect(xlsxText(LITERAL)).toBe('见文件_x005F_x000D_号');
    expect(xlsxText('第一行\n第二行\t完')).toBe('第一行\n第二行\t完');
  });

  it('the district export (来访登记表) keeps CRLF and a typed _x000D_', async () => {
    const file = join(dir, 'export.xlsx');
    const w = openXlsxWriter(file, { createdAt: new Date() });
    for (const r of await outboxRecords(hall.backend.deps.db)) await w.add(r);
    expect(await w.close()).toBe(1);
    expectExact(file, (cells) => cells.filter((c) => c.startsWith('a\r')));
    expect(cellsOf(file)).toContain(LITERAL);
  });

  it('the statistics report keeps CRLF in a 问题属地', async () => {
    const leader = await hall.as('leader');
    const x = await leader.call('stats.reportXlsx', { kind: 'day', date: '2026-11-24' });
    const file = saveBase64('report.xlsx', x.base64);
    expectExact(file, (cells) => cells.filter((c) => c.startsWith('a\r')));
  });

  it('the audit export keeps CRLF in the registration’s 内容', async () => {
    const out = await hall.admin.call('audit.export', { filter: { action: 'visit.register' } });
    const file = saveBase64('audit.xlsx', out.base64);
    expectExact(file, (cells) => cells.filter((c) => c.includes('a\r\nb') || c.includes('a\nb')));
  });
});
