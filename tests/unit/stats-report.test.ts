// 信访月报 (and 日报, 周报) of the hand-counted fixture district
// (tests/support/stats-district.ts): every figure of the report's data equals
// the number counted by hand from the story; the printed report, drawn by the
// real report template in the system Chromium, kept as PDF and read back with
// pdftotext -layout, shows them; the workbook read back by a second reader
// (the `xlsx` package) has its title row, headers, numeric cells and real
// percentages; clerks are refused everything about reports.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { SlipData } from '@shared/api/schemas/printing';
import { topWithOther } from '@shared/domain/stats';
import { createChromiumPdfRenderer, findChromium } from '../../electron/backend/services/printing/chromium-pdf';
import type { Client, TestHall } from '../support/backend';
import { buildStatsDistrict } from '../support/stats-district';
import { publishedSession, ROOM1 } from '../support/roster';

const MONTH = { kind: 'month', date: '2026-11-18' } as const;

let hall: TestHall;
let clerk: Client;
let wang: Client;
let wangId: string;
let server: Server;
let pdf: ReturnType<typeof createChromiumPdfRenderer>;

/**
 * The print route as the app draws it: the job's snapshot (read through
 * print.slip with the route's token) drawn by the app's own report component
 * with its stylesheet and the print page's A4 @page rule. Served to the real
 * system Chromium, which makes the PDF (tests/e2e covers the built app).
 */
async function routePage(token: string): Promise<string> {
  const slip = (await hall.admin.call('print.slip', { token })) as Extract<SlipData, { template: 'stats_report' }>;
  // Loaded by name: this project's Node typecheck has no DOM or JSX, the renderer's has (Vitest runs either).
  const [component, react, server] = ['../../renderer/src/features/printing/StatsReportSlip.tsx', 'react', 'react-dom/server'];
  const { StatsReportSlip } = (await import(/* @vite-ignore */ component)) as { StatsReportSlip: unknown };
  const { createElement } = (await import(/* @vite-ignore */ react)) as { createElement: (c: unknown, p: unknown) => unknown };
  const { renderToStaticMarkup } = (await import(/* @vite-ignore */ server)) as { renderToStaticMarkup: (e: unknown) => string };
  const body = renderToStaticMarkup(createElement(StatsReportSlip, { d: slip, onReady: () => undefined }));
  const css = readFileSync(join(__dirname, '../../renderer/src/features/printing/report.css'), 'utf8');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>print-ready</title><style>@page { size: A4; margin: 15mm 20mm; } ${css}</style></head><body>${body}</body></html>`;
}

beforeAll(async () => {
  ({ hall, clerk, wang, wangId } = await buildStatsDistrict());
  await hall.admin.call('print.saveBureau', { name: '东城区信访局', address: '', phone: '', sealText: '东城区信访局' });
  // The page of the job being printed now (the PDF renderer opens the route as a URL fragment, which no server sees).
  let token = '';
  server = createServer((_req, res) => {
    routePage(token).then(
      (html) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(html);
      },
      (e: unknown) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<title>print-error:${String(e)}</title>`);
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const chromium = findChromium();
  if (!chromium) throw new Error('系统 Chromium 未找到：报表PDF测试需要 /usr/bin/chromium');
  const renderer = createChromiumPdfRenderer(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, chromium);
  pdf = {
    ...renderer,
    render: (job) => {
      token = job.route.split('/').pop()!;
      return renderer.render(job);
    },
  };
  hall.backend.deps.noticePdf = pdf;
}, 180_000);
afterAll(async () => {
  await pdf?.close();
  await new Promise<void>((r) => server.close(() => r()));
  await hall.close();
});

describe('信访月报 of November 2026: the data', () => {
  it('the period and its comparisons, and the bureau from 单位与打印', async () => {
    const r = await wang.call('stats.report', MONTH);
    expect(r.title).toBe('信访月报');
    expect(r.bureau).toBe('东城区信访局');
    expect(r.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(r.previous).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(r.lastYear).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(r.today).toBe('2026-12-01');
  });

  it('来访, 集体访, 越级访, 领导接访 with 环比 and 同比 as counted by hand', async () => {
    const r = await wang.call('stats.report', MONTH);
    expect(r.volume.map((x) => [x.label, x.value, x.previous, x.lastYear])).toEqual([
      // November: M4, V5, V6, M7, M8, H0–H7 = 13 visits of 1+2+5+1+1+8 = 18 people; October: M3, M1, M2 (six people).
      ['来访批次', 13, 3, 0],
      ['来访人次', 18, 8, 0],
      // V6 (five people) in November; M2 (six) in October.
      ['集体访批次', 1, 1, 0],
      ['集体访人次', 5, 6, 0],
      ['越级访批次', 1, 0, 0],
      // The only booking with a leader was cancelled: nobody talked with a leader.
      ['领导接访批次', 0, 0, 0],
      ['领导接访人次', 0, 0, 0],
    ]);
  });

  it('初访/重复访 with their shares, 内容分类 and 问题属地', async () => {
    const r = await wang.call('stats.report', MONTH);
    // 初访: M4, M7, M8, H0–H7 (11 visits, 11 people); 重复访: V5 (2 people), V6 (5 people).
    expect(r.kinds).toEqual([
      { label: '初访', visits: 11, people: 11, share: 11 / 13 },
      { label: '重复访', visits: 2, people: 7, share: 2 / 13 },
    ]);
    expect(r.byCategory.map((x) => [x.label, x.visits, x.people, x.share])).toEqual([
      ['民政', 8, 8, 8 / 13],
      ['教育', 2, 2, 2 / 13],
      ['城乡建设', 1, 2, 1 / 13],
      ['劳动和社会保障', 1, 5, 1 / 13],
      ['生态环境', 1, 1, 1 / 13],
    ]);
    // 东湖街道: H0–H7; 西山镇: M4; 和平街道 (the form's default): V5, V6, M7, M8.
    expect(r.byArea.map((x) => [x.label, x.visits, x.people])).toEqual([
      ['东湖街道', 8, 8],
      ['和平街道', 4, 9],
      ['西山镇', 1, 1],
    ]);
  });

  it('the 三率 and related rates as numerator/denominator', async () => {
    const r = await wang.call('stats.report', MONTH);
    expect(r.rates.map((x) => [x.label, x.numerator, x.denominator, x.rate])).toEqual([
      ['及时受理率', 3, 5, 3 / 5],
      ['按期办结率', 1, 2, 1 / 2],
      ['群众参评率', 8, 11, 8 / 11],
      ['参评群众满意率', 7, 8, 7 / 8],
      ['重复访占比', 2, 13, 2 / 13],
      ['包案化解率', 1, 2, 1 / 2],
      ['过号率', 1, 3, 1 / 3],
    ]);
  });

  it('overdue on 12-01 by 责任单位, and no person named anywhere', async () => {
    const r = await wang.call('stats.report', MONTH);
    expect(r.overdueByUnit).toEqual([
      { label: '区住建局', count: 2 },
      { label: '区交通局', count: 1 },
      { label: '区人社局', count: 1 },
      { label: '区自然资源局', count: 1 },
      { label: '未定责任单位', count: 1 },
    ]);
    const text = JSON.stringify(r);
    for (const name of ['张三丰', '李代表', '测试', 'wang']) expect(text).not.toContain(name);
  });

  it('a week is Monday to Sunday: the week of Friday 11-20 holds the eight 咨询, the week before M7', async () => {
    const r = await wang.call('stats.report', { kind: 'week', date: '2026-11-20' });
    expect(r.title).toBe('信访周报');
    expect(r.period).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(r.volume[0]).toMatchObject({ label: '来访批次', value: 8, previous: 1, lastYear: 0 });
  });

  it('more categories than the report lists end in one 其他 row adding up the rest', () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ code: `c${i}`, label: `类${i}`, visits: 20 - i, people: 30 - i }));
    const top = topWithOther(rows, 8);
    expect(top).toHaveLength(9);
    expect(top[8]).toEqual({ code: '*other', label: '其他', visits: 12 + 11 + 10, people: 22 + 21 + 20 });
    expect(topWithOther(rows.slice(0, 9), 8)).toHaveLength(9);
  });
});

describe('the printed report', () => {
  it('is kept as PDF before it prints; pdftotext shows 走访 13 批 18 人次 and the 三率 as a/b = p%', async () => {
    const printed = await wang.call('stats.printReport', { ...MONTH, copies: 1 });
    expect(printed.mode).toBe('browser');
    expect(printed.job.template).toBe('stats_report');
    const [kept] = await wang.call('stats.reports', {});
    expect(kept).toMatchObject({ id: printed.archiveId, kind: 'month', period: { from: '2026-11-01', to: '2026-11-30' } });
    const opened = await wang.call('stats.reportPdf', { archiveId: kept!.id });
    const bytes = Buffer.from(opened.base64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(kept!.sha256);
    expect(opened.name).toBe('信访月报-2026-11-01至2026-11-30.pdf');
    const file = join(hall.tempDir('report-pdf-'), 'r.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('信访月报');
    expect(text).toContain('东城区信访局');
    expect(text).toContain('2026年11月01日至2026年11月30日');
    expect(text).toMatch(/走访\s*13\s*批\s*18\s*人次/);
    expect(text).toMatch(/及时受理率\s+3\/5 = 60\.0%/);
    expect(text).toMatch(/按期办结率\s+1\/2 = 50\.0%/);
    expect(text).toMatch(/群众参评率\s+8\/11 = 72\.7%/);
    expect(text).toMatch(/参评群众满意率\s+7\/8 = 87\.5%/);
    expect(text).toMatch(/区住建局\s+2/);
    for (const name of ['张三丰', '李代表']) expect(text).not.toContain(name);
  }, 120_000);

  it('printed again, it is generated again and both copies are kept with their times; the audit says who', async () => {
    hall.clock.now = new Date('2026-12-01T11:00:00+08:00');
    const again = await hall.admin.call('stats.printReport', { ...MONTH, copies: 2 });
    const kept = await wang.call('stats.reports', {});
    expect(kept.map((k) => k.at)).toEqual(['2026-12-01T03:00:00.000Z', '2026-12-01T02:00:00.000Z']);
    expect(kept[0]).toMatchObject({ id: again.archiveId, actorName: '管理员' });
    const rows = await hall.backend.deps.db.selectFrom('report_archive').select('path').execute();
    for (const r of rows) expect(r.path).toMatch(/^reports[/\\]2026[/\\]/);
    const actions = (
      await hall.backend.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'stats_report').execute()
    ).map((a) => a.action);
    expect(actions.filter((a) => a === 'report.archive')).toHaveLength(2);
    expect(actions.filter((a) => a === 'print.stats_report')).toHaveLength(2);
  }, 120_000);

  it('a changed file is refused when reopened', async () => {
    const [kept] = await wang.call('stats.reports', {});
    const row = await hall.backend.deps.db.selectFrom('report_archive').selectAll().where('id', '=', kept!.id).executeTakeFirstOrThrow();
    writeFileSync(join(hall.dir, row.path), Buffer.from('%PDF-1.7 changed'));
    expect(await wang.fail('stats.reportPdf', { archiveId: kept!.id })).toMatchObject({
      code: 'CONFLICT',
      message: '报表存档文件与登记的SHA-256不一致，文件可能已被改动',
    });
  });

  it('without a PDF renderer the report is refused, nothing is kept and the job is logged as failed', async () => {
    const before = (await wang.call('stats.reports', {})).length;
    hall.backend.deps.noticePdf = null;
    try {
      expect((await wang.fail('stats.printReport', MONTH)).code).toBe('CONFLICT');
    } finally {
      hall.backend.deps.noticePdf = pdf;
    }
    expect(await wang.call('stats.reports', {})).toHaveLength(before);
    const last = await hall.backend.deps.db
      .selectFrom('print_jobs')
      .select(['status'])
      .where('template', '=', 'stats_report')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.status).toBe('failed');
  });
});

describe('the workbook', () => {
  it('reads back in a second reader: title row, Chinese headers, numbers as numbers, rates as 0.0% in 0..1', async () => {
    const x = await wang.call('stats.reportXlsx', MONTH);
    expect(x.name).toBe('信访月报-2026-11-01至2026-11-30.xlsx');
    const wb = XLSX.read(Buffer.from(x.base64, 'base64'), { cellNF: true, cellStyles: true });
    expect(wb.SheetNames).toEqual(['来访情况', '初访与重复访', '内容分类', '问题属地', '三率及相关比率', '逾期事项', '说明']);
    const vol = wb.Sheets['来访情况']!;
    expect(String(vol.A1!.v)).toBe('东城区信访局　信访月报　2026年11月01日至2026年11月30日　来访情况');
    expect(['A2', 'B2', 'C2', 'D2', 'E2', 'F2'].map((a) => vol[a]!.v)).toEqual(['项目', '本期', '上期', '环比', '去年同期', '同比']);
    expect([vol.A3!.v, vol.B3!.t, vol.B3!.v, vol.C3!.v]).toEqual(['来访批次', 'n', 13, 3]);
    // 环比 of 来访批次: (13 − 3) / 3 as a real percentage; 同比 against 0 is empty.
    expect(vol.D3!.t).toBe('n');
    expect(vol.D3!.v).toBeCloseTo(10 / 3);
    expect(vol.D3!.z).toBe('0.0%');
    const rates = wb.Sheets['三率及相关比率']!;
    expect(['A2', 'B2', 'C2', 'D2'].map((a) => rates[a]!.v)).toEqual(['指标', '分子', '分母', '比率']);
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(rates, { header: 1, range: 2, defval: null });
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['及时受理率', 3, 5],
      ['按期办结率', 1, 2],
      ['群众参评率', 8, 11],
      ['参评群众满意率', 7, 8],
      ['重复访占比', 2, 13],
      ['包案化解率', 1, 2],
      ['过号率', 1, 3],
    ]);
    for (let row = 3; row <= 9; row++) {
      const c = rates[`D${row}`]!;
      expect(c.t).toBe('n');
      expect(c.z).toBe('0.0%');
      expect(c.v as number).toBeGreaterThanOrEqual(0);
      expect(c.v as number).toBeLessThanOrEqual(1);
    }
    expect(rates.D3!.v).toBeCloseTo(0.6);
    const cat = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['内容分类']!, { header: 1, range: 2 });
    expect(cat[0]).toEqual(['民政', 8, 8, 8 / 13]);
    // Column widths are set (the label column wider than the figures).
    const cols = (vol['!cols'] ?? []).map((c) => c.wch ?? 0);
    expect(cols[0]).toBeGreaterThan(cols[1]!);
    expect(cols[1]).toBeGreaterThan(5);
  });
});

describe('a day report with a leader’s talk, and access', () => {
  it('日报 of 12-01: M9 registered, then received by the duty leader: 领导接访 1 批 1 人次', async () => {
    hall.clock.now = new Date('2026-12-01T10:00:00+08:00');
    const s = await publishedSession(hall.admin, wangId, '2026-12-01');
    const m9 = (await wang.call('stats.drill', { from: '2026-12-01', to: '2026-12-01', figure: 'visits' })).rows[0]!;
    const b = await clerk.call('reception.schedule', { visitId: m9.id, sessionId: s.id, kind: 'walk_in' });
    await wang.call('reception.callNext', { sessionId: s.id });
    await wang.call('reception.record', { bookingId: b.id, notes: '接谈情况记录', decision: 'answered' });
    const r = await wang.call('stats.report', { kind: 'day', date: '2026-12-01' });
    expect(r.title).toBe('信访日报');
    expect(r.period).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(r.previous).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect(r.volume.map((x) => [x.label, x.value, x.previous])).toEqual([
      ['来访批次', 1, 1],
      ['来访人次', 1, 1],
      ['集体访批次', 0, 0],
      ['集体访人次', 0, 0],
      ['越级访批次', 0, 0],
      ['领导接访批次', 1, 0],
      ['领导接访人次', 1, 0],
    ]);
    // The November report is unchanged by a December talk.
    expect((await wang.call('stats.report', MONTH)).volume.find((x) => x.key === 'leader_visits')!.value).toBe(0);
  });

  it('a clerk is refused the report, its printing, its copies and its workbook', async () => {
    for (const [method, input] of [
      ['stats.report', MONTH],
      ['stats.printReport', MONTH],
      ['stats.reports', {}],
      ['stats.reportXlsx', MONTH],
    ] as const)
      expect((await clerk.fail(method, input as never)).code).toBe('FORBIDDEN');
    // Refused by role before the archive is even looked up.
    expect((await clerk.fail('stats.reportPdf', { archiveId: ROOM1 })).code).toBe('FORBIDDEN');
  });

  it('bad input names the field in Chinese', async () => {
    const e = await wang.fail('stats.report', { kind: 'year' as never, date: '2026-11-01' });
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.kind).toBe('报表种类不正确（日报、周报或月报）');
  });
});
