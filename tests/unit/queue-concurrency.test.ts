// Desks calling at the same instant never receive the same ticket: three
// processes, three connections, one SQLite file, nothing mocked.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSWORD, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK, LANE, issueMany } from '../support/queue';

let hall: TestHall;
let clerk: Client;
useHall(
  async (h) => {
    hall = h;
    clerk = await hall.as('clerk', 'deskclerk');
  },
  { start: new Date() }, // child processes use the real clock
);

function desk(deskId: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../support/desk-process.ts'), hall.dir, deskId, 'deskclerk', PASSWORD],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('READY\n')) markReady();
  });
  const done = new Promise<string[]>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.split('\n').filter(Boolean).at(-1)!) as string[])
        : reject(new Error(`desk process exited ${code}`)),
    ),
  );
  return { ready, go: () => child.stdin.end('go\n'), done };
}

describe('concurrent calling', () => {
  it('three desks in three processes share 90 tickets without a duplicate or a loss', async () => {
    await issueMany(clerk, LANE.A, 60);
    await issueMany(clerk, LANE.B, 30);
    const desks = [desk(DESK[1]), desk(DESK[2]), desk(DESK[3])];
    await Promise.all(desks.map((d) => d.ready)); // each has opened the store and logged in
    desks.forEach((d) => d.go());
    const got = await Promise.all(desks.map((d) => d.done));
    const all = got.flat();
    expect(all).toHaveLength(90);
    expect(new Set(all).size).toBe(90);
    // The desks really ran side by side (more than one of them got tickets).
    expect(got.filter((g) => g.length > 0).length).toBeGreaterThan(1);
    const calls = await hall.backend.deps.db
      .selectFrom('ticket_calls')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(calls.n)).toBe(90);
  }, 60_000);

  it('two desks on one backend calling at once through the API also never share a ticket', async () => {
    await issueMany(clerk, LANE.A, 20);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => clerk.call('queue.callNext', { deskId: i % 2 ? DESK[1] : DESK[2] })),
    );
    const nos = results.map((r) => r?.ticketNo);
    expect(new Set(nos).size).toBe(20);
  });
});
