// 打印日报 / 周报 / 月报 and 导出Excel on the 统计分析 page, for the period shown:
// the day, week and month of its last day (today at the latest). A report is
// generated afresh and kept as PDF by the backend before it prints; 报表存档
// lists every kept copy and opens it.
import { Button, Group, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { REPORT_KINDS, type ReportKind } from '@shared/api/schemas/stats';
import { labelOf } from '@shared/domain/categories';
import { periodOf, periodText, type Period } from '@shared/domain/stats';
import { call } from '../../api/client';
import { downloadBase64 } from '@lib/download';
import { notifyError, notifySuccess, notifyWarning } from '@lib/notify';
import { printInIframe } from '../printing/print-slip';
import { ReportArchiveModal } from './ReportArchiveModal';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHORT: Record<ReportKind, string> = { day: '日报', week: '周报', month: '月报' };

async function printReport(kind: ReportKind, date: string) {
  const what = labelOf(REPORT_KINDS, kind);
  try {
    const r = await call('stats.printReport', { kind, date, copies: 1 });
    if (r.mode === 'desktop') {
      if (r.job.status === 'printed') notifySuccess(`${what}已打印并存档`);
      else notifyWarning(`${r.job.error}。报表已存档，可在“报表存档”中查看。`, `${what}未打印`);
      return;
    }
    // The report is kept already; the browser's print dialog may stay open as long as the user
    // likes, so the page's buttons are not held while it does.
    void printInIframe(r.route, r.route.split('/').pop() ?? '').then(
      () => call('print.outcome', { jobId: r.job.id, ok: true }),
      async (e: unknown) => {
        const message = e instanceof Error ? e.message : '打印失败';
        await call('print.outcome', { jobId: r.job.id, ok: false, error: message });
        notifyWarning(`${message}。报表已存档，可在“报表存档”中查看。`, `${what}未打印`);
      },
    );
  } catch (e) {
    notifyError(e, `${what}未打印`);
  }
}

export function ReportActions({ range, today, exportKind }: { range: Period; today: string; exportKind: ReportKind }) {
  const anchor = range.to < today ? range.to : today;
  const [busy, setBusy] = useState<string | null>(null);
  const [archive, setArchive] = useState(false);
  const run = async (key: string, fn: () => Promise<void>) => {
    setBusy(key);
    try {
      await fn();
    } finally {
      setBusy(null);
    }
  };
  const exportXlsx = () =>
    run('xlsx', async () => {
      try {
        const x = await call('stats.reportXlsx', { kind: exportKind, date: anchor });
        downloadBase64(x.base64, x.name, XLSX_TYPE);
      } catch (e) {
        notifyError(e, '未能导出Excel');
      }
    });
  return (
    <Group gap="xs">
      {(['day', 'week', 'month'] as const).map((k) => (
        <Tooltip key={k} label={periodText(periodOf(k, anchor))}>
          <Button variant="default" loading={busy === k} disabled={busy != null} onClick={() => run(k, () => printReport(k, anchor))}>
            打印{SHORT[k]}
          </Button>
        </Tooltip>
      ))}
      <Tooltip label={`${labelOf(REPORT_KINDS, exportKind)}：${periodText(periodOf(exportKind, anchor))}`}>
        <Button variant="default" loading={busy === 'xlsx'} disabled={busy != null} onClick={exportXlsx}>
          导出Excel（{SHORT[exportKind]}）
        </Button>
      </Tooltip>
      <Button variant="subtle" onClick={() => setArchive(true)}>
        报表存档
      </Button>
      {archive && <ReportArchiveModal onClose={() => setArchive(false)} />}
    </Group>
  );
}
