import type { TestHall, Client } from './backend';

export const LANE = {
  A: '0193a000-0000-7000-8000-00000000000a',
  B: '0193a000-0000-7000-8000-00000000000b',
  Y: '0193a000-0000-7000-8000-00000000000d',
  F: '0193a000-0000-7000-8000-00000000000e',
};
export const DESK = {
  1: '0193a000-0000-7000-8000-000000000110',
  2: '0193a000-0000-7000-8000-000000000120',
  3: '0193a000-0000-7000-8000-000000000130',
};

export async function issueMany(c: Client, lane: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await c.call('queue.issue', { laneId: lane }));
  return out;
}

export function minutesLater(hall: TestHall, m: number) {
  hall.clock.now = new Date(hall.clock.now.getTime() + m * 60_000);
}
