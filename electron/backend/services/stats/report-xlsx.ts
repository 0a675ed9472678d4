// The report as an xlsx workbook: one sheet per table, each with a title row
// (bureau, report, period), Chinese headers, counts as numbers and rates as
// real fractions formatted 0.0%, so a spreadsheet can add them up again.
import ExcelJS from 'exceljs';
import type { ParsedInputOf } from '@shared/api/contract';
import type { ReportShare, StatsReport } from '@shared/api/schemas/stats';
import { periodText } from '@shared/domain/stats';
import { formatDateTime } from '@shared/time';
import type { Deps } from '../../context';
import { getStatsReport, reportFileName } from './report';
import { xlsxCells } from '../xlsx-text';

const PERCENT = '0.0%';

type Cell = string | number | null;
interface Column {
  header: string;
  width: number;
  percent?: boolean;
}

function addSheet(wb: ExcelJS.Workbook, r: StatsReport, name: string, columns: Column[], rows: Cell[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const title = ws.addRow(xlsxCells([`${r.bureau}　${r.title}　${periodText(r.period)}　${name}`]));
  title.font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, columns.length);
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { horizontal: 'center' };
  for (const values of rows) {
    const row = ws.addRow(xlsxCells(values));
    columns.forEach((c, i) => {
      if (c.percent) row.getCell(i + 1).numFmt = PERCENT;
    });
  }
}

const shareRows = (rows: ReportShare[]): Cell[][] => rows.map((s) => [s.label, s.visits, s.people, s.share]);
const SHARE_COLUMNS = (first: string): Column[] => [
  { header: first, width: 22 },
  { header: '批次', width: 10 },
  { header: '人次', width: 10 },
  { header: '占比（批次）', width: 14, percent: true },
];
/** The change against an earlier figure as a fraction (null when the earlier one was 0). */
const change = (now: number, then: number) => (then === 0 ? null : (now - then) / then);

export function reportWorkbook(r: StatsReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '信访接待大厅';
  wb.created = new Date(r.generatedAt);
  addSheet(
    wb,
    r,
    '来访情况',
    [
      { header: '项目', width: 16 },
      { header: '本期', width: 10 },
      { header: '上期', width: 10 },
      { header: '环比', width: 10, percent: true },
      { header: '去年同期', width: 12 },
      { header: '同比', width: 10, percent: true },
    ],
    r.volume.map((v) => [v.label, v.value, v.previous, change(v.value, v.previous), v.lastYear, change(v.value, v.lastYear)]),
  );
  addSheet(wb, r, '初访与重复访', SHARE_COLUMNS('类别'), shareRows(r.kinds));
  addSheet(wb, r, '内容分类', SHARE_COLUMNS('内容分类'), shareRows(r.byCategory));
  addSheet(wb, r, '问题属地', SHARE_COLUMNS('问题属地'), shareRows(r.byArea));
  addSheet(
    wb,
    r,
    '三率及相关比率',
    [
      { header: '指标', width: 18 },
      { header: '分子', width: 10 },
      { header: '分母', width: 10 },
      { header: '比率', width: 10, percent: true },
    ],
    r.rates.map((x) => [x.label, x.numerator, x.denominator, x.rate]),
  );
  addSheet(
    wb,
    r,
    '逾期事项',
    [
      { header: `责任单位（截至${periodText({ from: r.today, to: r.today })}）`, width: 36 },
      { header: '逾期件数', width: 12 },
    ],
    r.overdueByUnit.length ? r.overdueByUnit.map((o) => [o.label, o.count]) : [['无逾期事项', 0]],
  );
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 16 }, { width: 60 }];
  info.addRows(
    [
      ['单位', r.bureau],
      ['报表', r.title],
      ['统计期间', periodText(r.period)],
      ['环比期间', periodText(r.previous)],
      ['同比期间', periodText(r.lastYear)],
      ['生成时间', formatDateTime(r.generatedAt)],
    ].map(xlsxCells),
  );
  return wb;
}

export async function exportStatsReportXlsx(
  deps: Deps,
  input: ParsedInputOf<'stats.reportXlsx'>,
): Promise<{ base64: string; name: string }> {
  const r = await getStatsReport(deps, input);
  const bytes = Buffer.from(await reportWorkbook(r).xlsx.writeBuffer());
  return { base64: bytes.toString('base64'), name: `${reportFileName(r.kind, r.period.from, r.period.to)}.xlsx` };
}
