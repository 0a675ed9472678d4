// The lookups a clerk waits on must use an index, whatever the data size.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHall, type TestHall } from '../support/backend';

let hall: TestHall;
beforeEach(async () => {
  hall = await openHall();
});
afterEach(() => hall.close());

function plan(sql: string, ...params: unknown[]): string {
  return (hall.backend.store.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
}

describe('query plans', () => {
  it('ID, phone, pinyin and name lookups search an index instead of scanning', () => {
    expect(plan('SELECT * FROM petitioners WHERE id_type = ? AND id_number = ?', 'resident', '110105196503121235')).toMatch(/SEARCH petitioners USING INDEX/);
    expect(plan('SELECT * FROM petitioners WHERE phone = ?', '13812345678')).toMatch(/SEARCH petitioners USING INDEX petitioners_phone/);
    expect(plan('SELECT * FROM petitioners WHERE name_initials >= ? AND name_initials < ? ORDER BY name_initials LIMIT 20', 'zsf', 'zsg')).toMatch(/USING INDEX petitioners_initials/);
    expect(plan('SELECT * FROM petitioners WHERE id_number >= ? AND id_number < ? ORDER BY id_number LIMIT 20', '1101', '1102')).toMatch(/USING INDEX petitioners_id_number/);
    expect(plan('SELECT * FROM visits WHERE petitioner_id = ? ORDER BY created_at DESC LIMIT 50', 'x')).toMatch(/USING INDEX visits_petitioner/);
    expect(plan("SELECT * FROM tickets WHERE status = 'waiting' AND lane_id IN (?, ?)", 'a', 'b')).toMatch(/USING INDEX tickets_waiting/);
  });
});
