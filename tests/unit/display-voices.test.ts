// A hall display without a Chinese voice only chimes: the desks must be told (issue 16). Each
// display reports its voice with its state; the desk's board counts the displays heard from in
// the last ten minutes and those that cannot speak Chinese.
import { describe, expect, it } from 'vitest';
import type { Client, TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK, minutesLater } from '../support/queue';

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await h.as('clerk');
});

const TV = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const WINDOW_PC = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const board = async () => (await clerk.call('queue.board', { deskId: DESK[1] })).displayVoice;
/** The display's call: public, no session. */
const report = (display: string, voice: 'zh' | 'none') => hall.backend.call({}, 'display.state', { display, voice });

describe('the hall displays’ voices on the desks', () => {
  it('counts a display without a Chinese voice until it reports one or falls silent', async () => {
    expect(await board()).toEqual({ displays: 0, withoutChinese: 0 });
    expect((await report(TV, 'none')).ok).toBe(true);
    expect((await report(WINDOW_PC, 'zh')).ok).toBe(true);
    expect(await board()).toEqual({ displays: 2, withoutChinese: 1 });
    // The TV's PC got a voice installed and the display was reopened.
    await report(TV, 'zh');
    expect(await board()).toEqual({ displays: 2, withoutChinese: 0 });
    await report(TV, 'none');
    // A display not heard from for more than ten minutes is no longer counted.
    minutesLater(hall, 11);
    await report(WINDOW_PC, 'zh');
    expect(await board()).toEqual({ displays: 1, withoutChinese: 0 });
  });

  it('a display that reports nothing (an older page) is not counted', async () => {
    expect((await hall.backend.call({}, 'display.state', {})).ok).toBe(true);
    expect(await board()).toEqual({ displays: 0, withoutChinese: 0 });
  });

  it('refuses a malformed report with a Chinese message and counts nothing', async () => {
    const bad = await hall.backend.call({}, 'display.state', { display: 'x'.repeat(500), voice: 'none' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('叫号屏编号');
    const badVoice = await hall.backend.call({}, 'display.state', { display: TV, voice: 'english' });
    expect(badVoice.ok).toBe(false);
    if (!badVoice.ok) expect(badVoice.error.message).toContain('叫号屏语音');
    expect(await board()).toEqual({ displays: 0, withoutChinese: 0 });
  });

  it('remembers at most twenty displays (a public page cannot grow the table without end)', async () => {
    for (let i = 0; i < 50; i++) await report(`0000000${i.toString(16).padStart(2, '0')}-0000-4000-8000-000000000000`, 'none');
    expect(await board()).toEqual({ displays: 20, withoutChinese: 20 });
  });
});
