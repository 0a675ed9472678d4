// Issue #16: the leader's talk notes are kept as a draft while typed, on the
// backend, so a reload, a crash or a 未到 pressed in error loses nothing; the
// draft is the leader's own, and it goes when the talk record is saved.
import { expect, it } from 'vitest';
import { client, PASSWORD, residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { publishedSession } from '../support/roster';

const TODAY = '2026-11-24'; // the test clock starts at 09:00 in the hall

let hall: TestHall;
let clerk: Client;
let wang: Client;
let li: Client;

useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
  wang = await hall.as('leader', 'wang');
  li = await hall.as('leader', 'li');
});

async function wangSession() {
  const wangId = (await hall.admin.call('users.list', {})).find((u) => u.username === 'wang')!.id;
  return publishedSession(hall.admin, wangId, TODAY);
}

let seq = 300;
async function booked(sessionId: string) {
  const v = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', String(seq++)) }));
  return clerk.call('reception.schedule', { visitId: v.id, sessionId, kind: 'walk_in' });
}

it('keeps the notes typed, through a new login and a 未到, for the leader only; saving the record removes the draft', async () => {
  const s = await wangSession();
  const b = await booked(s.id);
  await wang.call('reception.callNext', { sessionId: s.id });
  expect(await wang.call('reception.draft', { bookingId: b.id })).toBeNull();

  await wang.call('reception.saveDraft', { bookingId: b.id, notes: '来访人反映' });
  const saved = await wang.call('reception.saveDraft', { bookingId: b.id, notes: '来访人反映楼上漏水，物业不管' });
  expect(await wang.call('reception.draft', { bookingId: b.id })).toEqual({
    notes: '来访人反映楼上漏水，物业不管',
    updatedAt: saved.updatedAt,
  });
  // A new session (the leader logs in again after a crash) reads the same draft back.
  const again = client(hall.backend);
  await again.call('auth.login', { username: 'wang', password: PASSWORD });
  expect((await again.call('reception.draft', { bookingId: b.id }))?.notes).toBe('来访人反映楼上漏水，物业不管');

  // Another leader, or a clerk, neither reads nor writes it.
  expect((await li.fail('reception.draft', { bookingId: b.id })).code).toBe('FORBIDDEN');
  expect((await li.fail('reception.saveDraft', { bookingId: b.id, notes: '改掉' })).code).toBe('FORBIDDEN');
  expect((await clerk.fail('reception.draft', { bookingId: b.id })).code).toBe('FORBIDDEN');
  expect((await wang.fail('reception.saveDraft', { bookingId: b.id, notes: 'x'.repeat(4001) })).message).toBe('接谈情况不能超过4000字');

  // 未到 keeps the draft: the notes are there when the visitor is called in again.
  await wang.call('reception.noShow', { bookingId: b.id });
  expect((await wang.call('reception.draft', { bookingId: b.id }))?.notes).toBe('来访人反映楼上漏水，物业不管');

  // Only the talk record replaces it.
  const c = await booked(s.id);
  await wang.call('reception.callNext', { sessionId: s.id });
  await wang.call('reception.saveDraft', { bookingId: c.id, notes: '反映补贴未落实' });
  await wang.call('reception.record', { bookingId: c.id, notes: '反映补贴未落实，已核实', decision: 'answered' });
  expect(await wang.call('reception.draft', { bookingId: c.id })).toBeNull();
  expect((await wang.fail('reception.saveDraft', { bookingId: c.id, notes: '再改' })).message).toBe('该来访的接谈已记录');
  const rows = await hall.backend.deps.db.selectFrom('talk_drafts').select('booking_id').execute();
  expect(rows.map((r) => r.booking_id)).toEqual([b.id]);

  // Emptied notes remove the draft.
  await wang.call('reception.saveDraft', { bookingId: b.id, notes: '  ' });
  expect(await wang.call('reception.draft', { bookingId: b.id })).toBeNull();
});
