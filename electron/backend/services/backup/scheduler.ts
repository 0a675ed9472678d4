// The backup schedule: 每天 HH:mm (hall time), one croner job, re-read every
// minute so a time saved on the screen takes effect without a restart. Two
// processes on one data folder (the desktop app and serve mode) back up once:
// each run first claims its slot (the day and time) in the database, inside the
// serialized write transaction. A failed run is audited (backup.failed) and
// shown on the administrator's screen until a backup succeeds.
import { Cron } from 'croner';
import { HALL_TZ, hallDate } from '@shared/time';
import type { Deps } from '../../context';
import { writeTransaction } from '../../db/transaction';
import { getBackupSettings, runBackup } from './backup';

const SLOT_KEY = 'backup.slot';

export interface BackupScheduler {
  stop(): void;
  /** What the schedule does at its time: claim the slot, back up (null: another process has it). */
  tick(): Promise<boolean>;
}

async function claimSlot(deps: Deps, slot: string): Promise<boolean> {
  return writeTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('settings').select('value_json').where('key', '=', SLOT_KEY).executeTakeFirst();
    if (row && (JSON.parse(row.value_json) as string) === slot) return false;
    const at = deps.now().toISOString();
    await trx
      .insertInto('settings')
      .values({ key: SLOT_KEY, value_json: JSON.stringify(slot), updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(slot), updated_at: at }))
      .execute();
    return true;
  });
}

export function startBackupScheduler(deps: Deps, opts: { log?: (m: string) => void; reloadMs?: number } = {}): BackupScheduler | null {
  if (!deps.sqliteFile) return null; // PostgreSQL: the database server backs up
  const log = opts.log ?? ((m: string) => console.log(`[备份] ${m}`));
  let job: Cron | null = null;
  let current = '';
  let stopped = false;

  async function tick(): Promise<boolean> {
    const { dailyAt, folder } = await getBackupSettings(deps.db);
    if (stopped || !folder) return false;
    if (!(await claimSlot(deps, `${hallDate(deps.now())} ${dailyAt}`))) return false;
    try {
      const b = await runBackup(deps, null, '定时');
      log(`定时备份完成：${b.name}`);
    } catch (e) {
      log(e instanceof Error ? e.message : String(e)); // audited as backup.failed, shown on the screen
    }
    return true;
  }

  async function reload(): Promise<void> {
    const { dailyAt, folder } = await getBackupSettings(deps.db);
    const key = folder && dailyAt ? dailyAt : '';
    if (stopped || key === current) return;
    current = key;
    job?.stop();
    job = null;
    if (!key) return;
    const [h, m] = key.split(':').map(Number);
    job = new Cron(`${m} ${h} * * *`, { mode: '5-part', timezone: HALL_TZ, unref: true, name: 'backup' }, () => void tick());
  }

  const timer = setInterval(() => void reload().catch((e: unknown) => log(`读取备份设置失败：${String(e)}`)), opts.reloadMs ?? 60_000);
  timer.unref();
  void reload().catch((e: unknown) => log(`读取备份设置失败：${String(e)}`));
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      job?.stop();
    },
    tick,
  };
}
