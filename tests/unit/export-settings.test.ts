// Export settings and the scheduler: schedules checked with croner (Chinese
// messages), destinations saved and audited without their token, and a tick
// that comes while a run is in progress skipped, never overlapping.
import { describe, expect, it } from 'vitest';
import { RETRY_BACKOFF_MS, backoffMs, retryDelayMs } from '../../electron/backend/services/export/backoff';
import { startExportScheduler } from '../../electron/backend/services/export/scheduler';
import { DEFAULT_EXPORT_SETTINGS, destinationInput, exportSettingsInput, reexportInput } from '@shared/api/schemas/export';
import {
  getExportSettings,
  listDestinations,
  nextScheduledRun,
  saveDestination,
  saveExportSettings,
  setDestinationEnabled,
} from '../../electron/backend/services/export/settings';
import { visitInput, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { addFolder, addHttp, adminActor } from '../support/export';

let hall: TestHall;
let target: string;

useHall((h) => {
  hall = h;
  target = hall.tempDir('export-settings-');
});

describe('schedule', () => {
  it('accepts five-field cron expressions and refuses others with a Chinese message', () => {
    expect(exportSettingsInput.parse({ schedules: ['0,30 8-16 * * *', ' 30 17 * * 1-5 ', '@daily'] }).schedules).toEqual([
      '0,30 8-16 * * *',
      '30 17 * * 1-5',
      '@daily',
    ]);
    for (const bad of ['每天五点', '61 * * * *', '0 0 0 * * *', '2026-11-24T10:00:00']) {
      const r = exportSettingsInput.safeParse({ schedules: [bad] });
      expect(r.success, bad).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/定时表达式/);
    }
  });

  it('saves the schedule in settings, audited, and finds the next run in hall time', async () => {
    expect(await getExportSettings(hall.backend.deps.db)).toEqual(DEFAULT_EXPORT_SETTINGS);
    await saveExportSettings(hall.backend.deps, await adminActor(hall), {
      schedules: ['*/30 8-16 * * *', '30 17 * * *'],
      keepStagedDays: 90,
    });
    expect((await getExportSettings(hall.backend.deps.db)).schedules).toEqual(['*/30 8-16 * * *', '30 17 * * *']);
    const audit = await hall.backend.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'settings.export').execute();
    expect(audit).toHaveLength(1);
    // 2026-11-24 16:40 in the hall → 17:30 the same day; 17:31 → 08:00 next morning.
    expect(nextScheduledRun(['*/30 8-16 * * *', '30 17 * * *'], new Date('2026-11-24T08:40:00Z'))?.toISOString()).toBe(
      '2026-11-24T09:30:00.000Z',
    );
    expect(nextScheduledRun(['*/30 8-16 * * *', '30 17 * * *'], new Date('2026-11-24T09:31:00Z'))?.toISOString()).toBe(
      '2026-11-25T00:00:00.000Z',
    );
  });
});

describe('destinations', () => {
  it('validates folder and endpoint input with Chinese messages', () => {
    const rel = destinationInput.safeParse({ kind: 'folder', name: 'U盘', path: 'exports' });
    expect(rel.error?.issues[0]?.message).toContain('完整路径');
    expect(destinationInput.safeParse({ kind: 'folder', name: 'U盘', path: 'D:\\信访导出' }).success).toBe(true);
    expect(destinationInput.safeParse({ kind: 'folder', name: '共享盘', path: '\\\\server\\share' }).success).toBe(true);
    expect(destinationInput.safeParse({ kind: 'folder', name: 'U盘', path: '/media/usb', formats: [] }).error?.issues[0]?.message).toBe(
      '请至少选择一种文件格式',
    );
    expect(destinationInput.safeParse({ kind: 'http', name: '区系统', url: 'ftp://x' }).error?.issues[0]?.message).toContain('https://');
    expect(reexportInput.safeParse({ from: '2026-11-24', to: '2026-11-01' }).error?.issues[0]?.message).toBe('结束日期不能早于开始日期');
  });

  it('keeps the token out of the screen and the audit log, and keeps it when an edit leaves it empty', async () => {
    const actor = await adminActor(hall);
    const err = await saveDestination(
      hall.backend.deps,
      actor,
      destinationInput.parse({ kind: 'http', name: '区系统', url: 'https://xf.example.gov.cn/api/import' }),
    ).catch((e: Error) => e);
    expect((err as Error).message).toBe('请填写区信访信息系统提供的令牌');
    const saved = await addHttp(hall, 'https://xf.example.gov.cn/api/import', 'very-secret-token');
    expect(saved).toMatchObject({ hasToken: true, target: 'https://xf.example.gov.cn/api/import', formats: ['jsonl'] });
    expect(JSON.stringify(saved)).not.toContain('very-secret-token');
    const edited = await saveDestination(
      hall.backend.deps,
      actor,
      destinationInput.parse({
        id: saved.id,
        kind: 'http',
        name: '区信访系统',
        url: 'https://xf.example.gov.cn/api/v2/import',
        token: null,
      }),
    );
    expect(edited.name).toBe('区信访系统');
    const row = await hall.backend.deps.db
      .selectFrom('export_destinations')
      .select('config_json')
      .where('id', '=', saved.id)
      .executeTakeFirstOrThrow();
    // Sealed at rest: the stored row holds no plain token, and the data folder's key opens it.
    expect(row.config_json).not.toContain('very-secret-token');
    expect(hall.backend.deps.secrets.open(JSON.parse(row.config_json).tokenSealed)).toBe('very-secret-token');
    const audit = await hall.backend.deps.db
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity', '=', 'export_destination')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['export.destination.create', 'export.destination.update']);
    expect(JSON.stringify(audit)).not.toContain('very-secret-token');
    const kind = await saveDestination(
      hall.backend.deps,
      actor,
      destinationInput.parse({ id: saved.id, kind: 'folder', name: 'x', path: '/tmp' }),
    ).catch((e: Error) => e);
    expect((kind as Error).message).toContain('不能更改导出位置的类型');
  });

  it('can be switched off and on; a disabled destination is left alone', async () => {
    const d = await addFolder(hall, target);
    await setDestinationEnabled(hall.backend.deps, await adminActor(hall), { destinationId: d.id, enabled: false });
    expect((await listDestinations(hall.backend.deps))[0]!.enabled).toBe(false);
    const clerk = await hall.as('clerk');
    await clerk.call('visits.register', visitInput());
    const s = startExportScheduler(hall.backend.deps, { dataDir: hall.dir, log: () => undefined });
    try {
      expect((await s.tick())?.destinations).toEqual([]);
    } finally {
      s.stop();
    }
  });
});

describe('scheduler', () => {
  it('never overlaps runs: a tick during a run is skipped and logged', async () => {
    await addFolder(hall, target);
    const clerk = await hall.as('clerk');
    await clerk.call('visits.register', visitInput());
    const logs: string[] = [];
    const s = startExportScheduler(hall.backend.deps, { dataDir: hall.dir, log: (m) => logs.push(m) });
    try {
      const first = s.tick();
      expect(s.isRunning()).toBe(true);
      expect(await s.tick()).toBeNull();
      expect(logs).toContain('定时导出跳过：上一次导出尚未结束');
      const r = await first;
      expect(r?.destinations[0]?.batches).toEqual([expect.objectContaining({ status: 'sent' })]);
      expect(s.isRunning()).toBe(false);
      await s.reload();
      expect(s.nextRun()).toEqual(nextScheduledRun(DEFAULT_EXPORT_SETTINGS.schedules, new Date()));
    } finally {
      s.stop();
    }
  });
});

describe('back-off', () => {
  it('retries at once, then after 5 minutes, then every 30; in-run retries grow with jitter', () => {
    expect([1, 2, 3, 4, 9].map(backoffMs)).toEqual([0, 5 * 60_000, 30 * 60_000, 30 * 60_000, 30 * 60_000]);
    expect(RETRY_BACKOFF_MS).toHaveLength(3);
    expect(retryDelayMs(1, 1000, 30_000, () => 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, 30_000, () => 1)).toBe(4000);
    expect(retryDelayMs(3, 1000, 30_000, () => 0)).toBe(2000);
    expect(retryDelayMs(10, 1000, 30_000, () => 1)).toBe(30_000);
  });
});
