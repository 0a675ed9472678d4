// 信访日报 / 周报 / 月报 on A4: the bureau, the period in Chinese dates and the
// tables a bureau reports — 来访 with 环比 and 同比, 初访/重复访, by 内容分类 and
// 问题属地, the 三率 as numerator/denominator = percentage, overdue by 责任单位.
// Figures and units only: no person is named.
import { useEffect } from 'react';
import type { SlipData } from '@shared/api/schemas/printing';
import type { ReportShare } from '@shared/api/schemas/stats';
import { periodText } from '@shared/domain/stats';
import { formatCalendarDate, formatDateTime } from '@shared/time';
import './report.css';

type ReportSlipData = Extract<SlipData, { template: 'stats_report' }>;

const pct = (r: number | null) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);
/** 环比/同比 of a count: +12.5%, 持平, or — when the earlier figure was 0. */
function change(now: number, then: number): string {
  if (then === 0) return now === 0 ? '持平' : '—';
  const d = ((now - then) / then) * 100;
  return `${d > 0 ? '+' : ''}${d.toFixed(1)}%`;
}

function ShareTable({ caption, first, rows }: { caption: string; first: string; rows: ReportShare[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>{first}</th>
          <th>批次</th>
          <th>人次</th>
          <th>占比（批次）</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={4}>本期无来访</td>
          </tr>
        )}
        {rows.map((r) => (
          <tr key={r.label}>
            <td className="label">{r.label}</td>
            <td>{r.visits}</td>
            <td>{r.people}</td>
            <td>{pct(r.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatsReportSlip({ d, onReady }: { d: ReportSlipData; onReady: () => void }) {
  useEffect(onReady, [onReady]);
  const r = d.report;
  const visits = r.volume.find((v) => v.key === 'visits')!;
  const people = r.volume.find((v) => v.key === 'people')!;
  return (
    <div className="slip-report">
      <h1>{r.title}</h1>
      <div className="report-head">
        <span>{r.bureau}</span>
        <span>统计期间：{periodText(r.period)}</span>
      </div>
      <p className="summary">
        本期走访 {visits.value} 批 {people.value} 人次；环比（{periodText(r.previous)}）批次 {change(visits.value, visits.previous)}、人次{' '}
        {change(people.value, people.previous)}；同比（{periodText(r.lastYear)}）批次 {change(visits.value, visits.lastYear)}、人次{' '}
        {change(people.value, people.lastYear)}。
      </p>
      <table>
        <caption>一、来访情况</caption>
        <thead>
          <tr>
            <th>项目</th>
            <th>本期</th>
            <th>上期</th>
            <th>环比</th>
            <th>去年同期</th>
            <th>同比</th>
          </tr>
        </thead>
        <tbody>
          {r.volume.map((v) => (
            <tr key={v.key}>
              <td className="label">{v.label}</td>
              <td>{v.value}</td>
              <td>{v.previous}</td>
              <td>{change(v.value, v.previous)}</td>
              <td>{v.lastYear}</td>
              <td>{change(v.value, v.lastYear)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShareTable caption="二、初访与重复访" first="类别" rows={r.kinds} />
      <ShareTable caption="三、按内容分类" first="内容分类" rows={r.byCategory} />
      <ShareTable caption="四、按问题属地" first="问题属地" rows={r.byArea} />
      <table>
        <caption>五、“三率”及相关比率</caption>
        <thead>
          <tr>
            <th>指标</th>
            <th>分子/分母 = 比率</th>
          </tr>
        </thead>
        <tbody>
          {r.rates.map((x) => (
            <tr key={x.key}>
              <td className="label">{x.label}</td>
              <td>{`${x.numerator}/${x.denominator} = ${pct(x.rate)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>六、逾期事项（按责任单位，截至{formatCalendarDate(r.today)}）</caption>
        <thead>
          <tr>
            <th>责任单位</th>
            <th>逾期件数</th>
          </tr>
        </thead>
        <tbody>
          {r.overdueByUnit.length === 0 && (
            <tr>
              <td colSpan={2}>无逾期事项</td>
            </tr>
          )}
          {r.overdueByUnit.map((o) => (
            <tr key={o.label}>
              <td className="label">{o.label}</td>
              <td>{o.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="foot">
        {r.bureau}　生成时间 {formatDateTime(r.generatedAt)}
      </p>
    </div>
  );
}
