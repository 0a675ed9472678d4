// Which backups rotation keeps: the newest backup of each of the last 7 hall
// days, 4 ISO weeks (Monday to Sunday) and 12 calendar months that have one.
// A backup may count for several (the newest of today is also this week's and
// this month's). Everything else is deleted after a new backup is verified.
// Damaged backups count for nothing (they are kept out of the list by the caller).
import { BACKUP_KEEP } from '@shared/api/schemas/backup';
import { addDays } from '@shared/domain/deadlines';
import { hallDate } from '@shared/time';

export type KeptFor = '日' | '周' | '月';

/** The Monday (hall date) of the ISO week holding `ymd`. */
function weekOf(ymd: string): string {
  const day = new Date(`${ymd}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(ymd, -((day + 6) % 7));
}

const PERIODS: { label: KeptFor; count: number; key: (ymd: string) => string }[] = [
  { label: '日', count: BACKUP_KEEP.daily, key: (d) => d },
  { label: '周', count: BACKUP_KEEP.weekly, key: weekOf },
  { label: '月', count: BACKUP_KEEP.monthly, key: (d) => d.slice(0, 7) },
];

/**
 * For each backup (by its creation instant, ISO), why it is kept; a backup
 * missing from the map is to be deleted.
 */
export function rotation(createdAt: readonly string[]): Map<string, KeptFor[]> {
  const newestFirst = [...new Set(createdAt)].sort().reverse();
  const kept = new Map<string, KeptFor[]>();
  for (const p of PERIODS) {
    const seen = new Set<string>();
    for (const at of newestFirst) {
      const k = p.key(hallDate(at));
      if (seen.has(k)) continue;
      if (seen.size === p.count) break;
      seen.add(k);
      kept.set(at, [...(kept.get(at) ?? []), p.label]);
    }
  }
  return kept;
}
