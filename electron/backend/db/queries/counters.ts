import { sql } from 'kysely';
import type { Executor } from '../connection';

/** Next value of a per-day sequence; atomic inside the caller's transaction. The existing row is named by its table: PostgreSQL finds a bare last_value ambiguous (it could be EXCLUDED.last_value). */
export async function nextDailyValue(trx: Executor, scope: string, day: string): Promise<number> {
  const row = await sql<{ last_value: number }>`
    INSERT INTO daily_counters (scope, day, last_value) VALUES (${scope}, ${day}, 1)
    ON CONFLICT (scope, day) DO UPDATE SET last_value = daily_counters.last_value + 1
    RETURNING last_value`.execute(trx);
  return row.rows[0]!.last_value;
}
