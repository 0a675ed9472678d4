// The export files, read back by programs other than the ones that wrote them:
// the xlsx by SheetJS, the CSV decoded as GB18030 by iconv-lite and by ICU
// (TextDecoder) and parsed by SheetJS, every JSONL line checked against the
// schema. The records are real: registered through the API, taken from the outbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { hallMinute, VISIT_COLUMNS, VISIT_HEADERS, VISIT_SHEET_NAME } from '../../electron/backend/services/export/columns';
import { CSV_FILE, csvField, openCsvWriter } from '../../electron/backend/services/export/formats/csv';
import { JSONL_FILE, openJsonlWriter } from '../../electron/backend/services/export/formats/jsonl';
import { jsonlLineSchema } from '../../electron/backend/services/export/formats/jsonl-schema';
import type { FormatWriter } from '../../electron/backend/services/export/formats/sink';
import { openXlsxWriter, XLSX_FILE, zipEntryOf } from '../../electron/backend/services/export/formats/xlsx';
import { visitsInRange } from '../../electron/backend/services/export/sources';
import type { ExportRecord } from '../../electron/backend/services/export/types';
import { HALL_TZ } from '@shared/time';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { correction, outboxRecords } from '../support/export';

let hall: TestHall;
let clerk: Client;
let dir: string;
let records: ExportRecord[];

const tricky = '电梯补贴，"加装"问题';
const multiline = '第一行诉求\n第二行：要求答复';

useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
  dir = hall.tempDir('export-formats-');
  await clerk.call('visits.register', visitInput());
  await clerk.call(
    'visits.register',
    visitInput({
      idNumber: residentId('310101', '19800202', '345'),
      name: '𠮷田﨑',
      address: '𠮷祥路﨑巷1号',
      summary: tricky,
      demands: multiline,
      peopleCount: 6,
      representatives: [{ name: '李四', idType: 'resident', idNumber: residentId('110105', '19700101', '234'), phone: '13900000000' }],
      escort: { name: '王主任', unit: '和平街道办事处', phone: '' },
      skipLevel: true,
      purpose: 'complaint',
      category: 'health',
    }),
  );
  records = await outboxRecords(hall.backend.deps.db);
});

async function write(w: FormatWriter, recs: ExportRecord[]): Promise<number> {
  for (const r of recs) await w.add(r);
  return w.close();
}

describe('来访登记表 columns', () => {
  it('formats the registration time in the hall zone exactly as dayjs does (around midnight too)', () => {
    for (const iso of ['2026-11-24T06:05:00.000Z', '2026-11-24T15:59:59.000Z', '2026-11-24T16:00:00.000Z', '2016-02-29T23:30:00.000Z']) {
      expect(hallMinute(iso)).toBe(dayjs(iso).tz(HALL_TZ).format('YYYY-MM-DD HH:mm'));
    }
    expect(hallMinute('2026-11-24T06:05:00.000Z')).toBe('2026-11-24 14:05');
  });

  it('starts with the documented columns in the documented order', () => {
    expect(VISIT_HEADERS.slice(0, 20)).toEqual([
      '登记编号',
      '登记时间',
      '初访/重复访',
      '姓名',
      '证件类型',
      '证件号码',
      '性别',
      '出生日期',
      '联系电话',
      '住址',
      '来访人数',
      '是否集体访',
      '代表',
      '信访目的',
      '内容分类',
      '问题属地',
      '诉求摘要',
      '主要诉求',
      '陪访人',
      '是否越级',
    ]);
    expect(VISIT_HEADERS.slice(-2)).toEqual(['记录编号', '版本']);
    expect(new Set(VISIT_COLUMNS.map((c) => c.key)).size).toBe(VISIT_COLUMNS.length);
  });
});

describe('xlsx', () => {
  it('is read back by SheetJS: Chinese headers, a row with 𠮷 and 﨑, ID numbers as text, only visits as rows', async () => {
    const path = join(dir, XLSX_FILE);
    const rows = await write(openXlsxWriter(path, { createdAt: new Date() }), records);
    expect(rows).toBe(2);
    const wb = XLSX.read(readFileSync(path));
    expect(wb.SheetNames).toEqual([VISIT_SHEET_NAME]);
    const sheet = wb.Sheets[VISIT_SHEET_NAME]!;
    const table = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    expect(table[0]).toEqual(VISIT_HEADERS);
    expect(table).toHaveLength(3);
    const row = Object.fromEntries(VISIT_HEADERS.map((h, i) => [h, (table[2] as unknown[])[i]]));
    expect(row['姓名']).toBe('𠮷田﨑');
    expect(Array.from(row['姓名'] as string)).toHaveLength(3);
    expect(row['住址']).toBe('𠮷祥路﨑巷1号');
    expect(row['登记编号']).toBe('LF20261124-0002');
    expect(row['登记时间']).toBe('2026-11-24 09:00');
    expect(row['初访/重复访']).toBe('初访');
    expect(row['证件类型']).toBe('居民身份证');
    expect(row['证件号码']).toBe(residentId('310101', '19800202', '345'));
    expect(row['性别']).toBe('男');
    expect(row['出生日期']).toBe('1980-02-02');
    expect(row['来访人数']).toBe(6);
    expect(row['是否集体访']).toBe('是');
    expect(row['代表']).toBe(`李四（${residentId('110105', '19700101', '234')}，13900000000）`);
    expect(row['信访目的']).toBe('投诉');
    expect(row['内容分类']).toBe('卫生健康');
    expect(row['诉求摘要']).toBe(tricky);
    expect(row['主要诉求']).toBe(multiline);
    expect(row['陪访人']).toBe('王主任（和平街道办事处）');
    expect(row['是否越级']).toBe('是');
    expect(row['版本']).toBe(1);
    // An 18-digit ID kept as text, not turned into a number that loses digits.
    const idCell = sheet[XLSX.utils.encode_cell({ r: 2, c: VISIT_HEADERS.indexOf('证件号码') })];
    expect(idCell?.t).toBe('s');
  });

  it('can still reach the zip entry whose back-pressure keeps a million-row export in bounded memory', async () => {
    // exceljs ignores back-pressure between a sheet and its zip entry; the writer waits on
    // the entry itself, through exceljs internals. An exceljs upgrade that moves them fails here.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'probe.xlsx') });
    const ws = wb.addWorksheet('probe');
    ws.addRow(['x']).commit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const entry = zipEntryOf(ws);
    expect(entry).toBeDefined();
    expect(typeof entry!.write).toBe('function');
    expect(entry!._writableState).toHaveProperty('needDrain');
    ws.commit();
    await wb.commit();
  });

  it('continues on a second sheet past the row limit of one', async () => {
    const path = join(dir, XLSX_FILE);
    const visits = records.filter((r) => r.entity === 'visit');
    await write(openXlsxWriter(path, { createdAt: new Date(), maxRowsPerSheet: 1 }), visits);
    const wb = XLSX.read(readFileSync(path));
    expect(wb.SheetNames).toEqual([VISIT_SHEET_NAME, `${VISIT_SHEET_NAME}（2）`]);
    for (const name of wb.SheetNames)
      expect(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1 })[0]).toEqual(VISIT_HEADERS);
  });
});

describe('CSV (GB18030)', () => {
  it('decodes as GB18030 with rare characters intact, no BOM, CRLF, and RFC 4180 quoting that a CSV reader undoes', async () => {
    const path = join(dir, CSV_FILE);
    expect(await write(openCsvWriter(path), records)).toBe(2);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    // 𠮷 (U+20BB7) is a four-byte GB18030 sequence; 﨑 (U+FA11) is FE44.
    expect(bytes.includes(Buffer.from('9534b235', 'hex'))).toBe(true);
    expect(bytes.includes(Buffer.from('fe44', 'hex'))).toBe(true);
    expect(bytes.includes(Buffer.from('𠮷', 'utf8'))).toBe(false);

    const text = iconv.decode(bytes, 'gb18030');
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    expect(text).toContain('𠮷田﨑');
    expect(text).toContain('𠮷祥路﨑巷1号');
    expect(text.startsWith(VISIT_HEADERS.join(',') + '\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"电梯补贴，""加装""问题"');
    expect(text).toContain(`"${multiline}"`);

    const wb = XLSX.read(text, { type: 'string', raw: true });
    const table = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true, defval: '' });
    expect(table[0]).toEqual(VISIT_HEADERS);
    expect(table).toHaveLength(3);
    const row = Object.fromEntries(VISIT_HEADERS.map((h, i) => [h, table[2]![i]]));
    expect(row['姓名']).toBe('𠮷田﨑');
    expect(row['诉求摘要']).toBe(tricky);
    expect(row['主要诉求']).toBe(multiline);
    // Long digit strings carry a leading tab, so Excel keeps all 18 digits.
    expect(row['证件号码']).toBe(`\t${residentId('310101', '19800202', '345')}`);
  });

  it('keeps Excel from running a value as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+86 138')).toBe("'+86 138");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('和平街道')).toBe('和平街道');
    expect(csvField(6)).toBe('6');
  });
});

describe('JSON Lines', () => {
  it('writes one schema-valid object per line for every record, visits, petitioners and matters alike', async () => {
    const path = join(dir, JSONL_FILE);
    expect(await write(openJsonlWriter(path), records)).toBe(records.length);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(records.length);
    const parsed = lines.map((l) => jsonlLineSchema.parse(JSON.parse(l)));
    expect(new Set(parsed.map((p) => p.entity))).toEqual(new Set(['visit', 'petitioner', 'matter']));
    expect(parsed.map((p) => `${p.entity}/${p.id}/${p.version}`)).toEqual(records.map((r) => `${r.entity}/${r.id}/${r.version}`));
    const rare = parsed.find((p) => p.entity === 'visit' && p.data.name === '𠮷田﨑');
    expect(rare?.data).toMatchObject({ address: '𠮷祥路﨑巷1号', summary: tricky, demands: multiline, skipLevel: true, isGroup: true });
  });

  it('refuses a line that does not match its entity, or whose data names another record', () => {
    const visit = records.find((r) => r.entity === 'visit')!;
    expect(jsonlLineSchema.safeParse({ ...visit, data: { ...visit.data, extra: 1 } }).success).toBe(false);
    expect(jsonlLineSchema.safeParse({ ...visit, version: 2 }).success).toBe(false);
    expect(jsonlLineSchema.safeParse({ ...visit, entity: 'matter' }).success).toBe(false);
    expect(jsonlLineSchema.safeParse(visit).success).toBe(true);
  });

  it('gives a visit read from the table (re-export) the same data as its outbox payload, after a correction too', async () => {
    const saved = await clerk.call('visits.listDay', {});
    const v = await clerk.call('visits.get', { visitId: saved[0]!.id });
    await clerk.call('visits.correct', correction(v, { summary: '补贴已部分落实，仍有争议', phone: '13711112222' }));
    const latest = (await outboxRecords(hall.backend.deps.db)).filter((r) => r.entity === 'visit');
    const newest = new Map<string, ExportRecord>();
    for (const r of latest) newest.set(r.id, r);
    const fromTable: ExportRecord[] = [];
    for await (const r of visitsInRange(hall.backend.deps.db, '2026-11-24', '2026-11-24', 1)) fromTable.push(r);
    expect(fromTable).toHaveLength(2);
    for (const r of fromTable) {
      expect(r.data).toEqual(newest.get(r.id)!.data);
      expect(r.version).toBe(newest.get(r.id)!.version);
      expect(r.at).toBe(newest.get(r.id)!.at);
      jsonlLineSchema.parse(r);
    }
    expect(fromTable.find((r) => r.id === v.id)?.version).toBe(2);
  });
});
