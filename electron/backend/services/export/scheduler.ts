// The export schedule: croner jobs, one per cron expression in the settings
// (hall time, Asia/Shanghai). Runs never overlap: a tick that comes while a run
// is in progress is skipped and logged (the run in progress, or the next tick,
// picks up whatever is new). Besides the schedule, a retry that comes due
// (5 minutes after a second failure, say) gets its own wake-up, so back-off
// does not wait for the next scheduled time. The settings are re-read every
// minute, so a schedule saved on the screen takes effect without a restart.
import type { Cron } from 'croner';
import type { Deps } from '../../context';
import { runExport } from './runner';
import { exportCron, type ExportRunResult } from '@shared/api/schemas/export';
import { getExportSettings } from './settings';

export interface SchedulerOptions {
  dataDir: string;
  log?: (message: string) => void;
  /** How often the settings are re-read (default one minute). */
  reloadMs?: number;
}

export interface ExportScheduler {
  stop(): void;
  /** Runs now unless a run is in progress (then returns null): what a scheduled tick does. */
  tick(reason?: string): Promise<ExportRunResult | null>;
  /** Re-reads the schedule at once. */
  reload(): Promise<void>;
  isRunning(): boolean;
  /** The next time any schedule fires. */
  nextRun(): Date | null;
}

/** Earliest instant a failed record or re-export may be retried, across enabled destinations. */
async function nextRetryAt(deps: Deps): Promise<Date | null> {
  const rec = await deps.db
    .selectFrom('export_record_states as s')
    .innerJoin('export_destinations as d', 'd.id', 's.destination_id')
    .select((eb) => eb.fn.min('s.next_attempt_at').as('at'))
    .where('d.enabled', '=', 1)
    .where('s.state', '=', 'failed')
    .executeTakeFirst();
  const bat = await deps.db
    .selectFrom('export_batches as b')
    .innerJoin('export_destinations as d', 'd.id', 'b.destination_id')
    .select((eb) => eb.fn.min('b.next_attempt_at').as('at'))
    .where('d.enabled', '=', 1)
    .where('b.status', '=', 'failed')
    .where('b.kind', '=', 'reexport')
    .executeTakeFirst();
  const times = [rec?.at, bat?.at].filter((t): t is string => typeof t === 'string').map((t) => new Date(t));
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

export function startExportScheduler(deps: Deps, opts: SchedulerOptions): ExportScheduler {
  const log = opts.log ?? ((m: string) => console.log(`[导出] ${m}`));
  let jobs: Cron[] = [];
  let current = '';
  let running: Promise<ExportRunResult> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function armRetry(): Promise<void> {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (stopped) return;
    const at = await nextRetryAt(deps);
    if (!at) return;
    // At least 10 s, so a retry due "at once" cannot become a tight loop.
    const wait = Math.max(10_000, at.getTime() - deps.now().getTime());
    const next = jobs.map((j) => j.nextRun()).filter((d): d is Date => d !== null);
    if (next.some((d) => d.getTime() - Date.now() <= wait)) return; // the schedule comes first anyway
    retryTimer = setTimeout(() => void tick('重试'), Math.min(wait, 2 ** 31 - 1));
    retryTimer.unref();
  }

  async function tick(reason = '定时'): Promise<ExportRunResult | null> {
    if (stopped) return null;
    if (running) {
      log(`${reason}导出跳过：上一次导出尚未结束`);
      return null;
    }
    running = runExport(deps, { dataDir: opts.dataDir, actorId: null, log });
    try {
      const r = await running;
      const sent = r.destinations.reduce(
        (n, d) => n + d.batches.filter((b) => b.status !== 'failed').reduce((m, b) => m + b.records, 0),
        0,
      );
      const failed = r.destinations.flatMap((d) => d.batches.filter((b) => b.status === 'failed'));
      if (sent > 0 || failed.length > 0) log(`${reason}导出完成：发送 ${sent} 条${failed.length ? `，${failed.length} 批失败` : ''}`);
      return r;
    } catch (e) {
      log(`${reason}导出出错：${e instanceof Error ? e.message : String(e)}`);
      return null;
    } finally {
      running = null;
      await armRetry().catch(() => undefined);
    }
  }

  async function reload(): Promise<void> {
    if (stopped) return;
    const { schedules } = await getExportSettings(deps.db);
    const key = JSON.stringify(schedules);
    if (key === current) return;
    current = key;
    for (const j of jobs) j.stop();
    jobs = [];
    for (const expr of schedules) {
      try {
        jobs.push(exportCron(expr, { unref: true, name: `export ${expr}` }, () => void tick()));
      } catch (e) {
        log(`定时表达式“${expr}”无效，已忽略：${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  const reloadTimer = setInterval(
    () => void reload().catch((e: unknown) => log(`读取导出设置失败：${String(e)}`)),
    opts.reloadMs ?? 60_000,
  );
  reloadTimer.unref();
  void reload()
    .then(armRetry)
    .catch((e: unknown) => log(`读取导出设置失败：${String(e)}`));

  return {
    stop() {
      stopped = true;
      clearInterval(reloadTimer);
      if (retryTimer) clearTimeout(retryTimer);
      for (const j of jobs) j.stop();
      jobs = [];
    },
    tick,
    reload: async () => {
      current = '';
      await reload();
    },
    isRunning: () => running !== null,
    nextRun() {
      const next = jobs.map((j) => j.nextRun()).filter((d): d is Date => d !== null);
      return next.length ? new Date(Math.min(...next.map((d) => d.getTime()))) : null;
    },
  };
}
