// 评价器 on the real store: pairing by code, the question a finish opens, the
// answer stored with its visit, ticket, desk and clerk, refusals (another
// desk's visit, the next visitor's, time run out), an idempotent resend, and
// what the statistics count. Figures are counted by hand from each story.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api/contract';
import type { PadState } from '@shared/api/schemas/pads';
import { hallDate } from '@shared/time';
import { startHttpServer } from '../../electron/backend/http/server';
import { client, residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK, LANE } from '../support/queue';
import { publishedSession, ROOM1 } from '../support/roster';

let hall: TestHall;
let clerk: Client;
let clerkId: string;
let pad: Client;
useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk', 'zhangli');
  clerkId = (await clerk.call('auth.me', {}))!.id;
  pad = client(h.backend);
});

async function pairTo(deskId: string): Promise<string> {
  const { code } = await hall.admin.call('pads.pairCode', { deskId });
  return (await pad.call('pad.pair', { code })).token;
}
const state = (token: string): Promise<PadState> => pad.call('pad.state', { token });
const tap = (
  token: string,
  evaluationId: string,
  answer: 'satisfied' | 'basic' | 'unsatisfied',
  reasons: string[] = [],
  answerKey = randomUUID(),
) => pad.call('pad.answer', { token, evaluationId, answer, reasons, answerKey } as InputOf<'pad.answer'>);
const seconds = (s: number) => (hall.clock.now = new Date(hall.clock.now.getTime() + s * 1000));
let seq = 200;
/** A visitor takes a ticket, is called at the desk, registered, and finished (F9). */
async function serve(deskId: string, register = true) {
  await clerk.call('queue.issue', { laneId: LANE.A });
  const t = (await clerk.call('queue.callNext', { deskId }))!;
  seconds(30);
  const visit = register
    ? await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', String(seq++)) }))
    : null;
  seconds(30);
  return { ticket: t, visit };
}
const finish = (deskId: string) => clerk.call('queue.finish', { deskId });
const row = (id: string) => hall.backend.deps.db.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const today = () => ({ from: hallDate(hall.clock.now), to: hallDate(hall.clock.now) });

describe('pairing', () => {
  it('a one-time code from the administrator pairs a pad to one desk; it shows the desk and the clerk, nothing personal', async () => {
    const { code, place } = await hall.admin.call('pads.pairCode', { deskId: DESK[1] });
    expect(code).toMatch(/^\d{6}$/);
    expect(place.name).toBe('1号窗口');
    const { token } = await pad.call('pad.pair', { code });
    // The code is spent.
    expect((await pad.fail('pad.pair', { code })).fields?.code).toBe('配对码不正确或已过期');
    // The token is not kept, only its hash.
    const stored = await hall.backend.deps.db.selectFrom('pads').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await state(token)).staff).toBeNull();
    await serve(DESK[1]);
    const s = await state(token);
    expect(s.place).toMatchObject({ kind: 'desk', number: 1, name: '1号窗口' });
    expect(s.staff).toEqual({ name: '测试zhangli', staffNo: 'zhangli' });
    expect(s.question).toBeNull();
    // The visitor (张三丰, ID, phone) appears nowhere in what the pad receives.
    await finish(DESK[1]);
    const asked = JSON.stringify(await state(token));
    expect(asked).not.toMatch(/张三丰|110105|138/);
  });

  it('only the administrator makes codes; a code expires; a revoked pad is refused', async () => {
    expect((await clerk.fail('pads.pairCode', { deskId: DESK[1] })).code).toBe('FORBIDDEN');
    expect((await hall.admin.fail('pads.pairCode', {})).fields?.deskId).toBe('请选择一个窗口或一间接谈室');
    const { code } = await hall.admin.call('pads.pairCode', { deskId: DESK[1] });
    seconds(11 * 60);
    expect((await pad.fail('pad.pair', { code })).code).toBe('VALIDATION');
    const token = await pairTo(DESK[1]);
    const [listed] = await hall.admin.call('pads.list', {});
    expect(listed!.place.name).toBe('1号窗口');
    await hall.admin.call('pads.revoke', { padId: listed!.id });
    expect((await pad.fail('pad.state', { token })).code).toBe('FORBIDDEN');
    expect((await pad.fail('pad.state', { token: 'x'.repeat(43) })).code).toBe('FORBIDDEN');
  });

  it('twenty wrong codes withdraw every open code', async () => {
    const { code } = await hall.admin.call('pads.pairCode', { deskId: DESK[2] });
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 20; i++) await pad.fail('pad.pair', { code: wrong });
    expect((await pad.fail('pad.pair', { code })).code).toBe('VALIDATION');
  });
});

describe('over HTTP (serve mode)', () => {
  it('the pad’s calls need no login; its event stream refuses an unknown token and pushes the finish at its desk', async () => {
    const http = await startHttpServer(hall.backend, { host: '127.0.0.1', port: 0, staticDir: hall.dir });
    hall.defer(() => http.close());
    const post = async (method: string, body: unknown) =>
      (await (
        await fetch(`${http.url}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as {
        ok: boolean;
        data: { token: string; question: { evaluationId: string } | null };
      };
    const { code } = await hall.admin.call('pads.pairCode', { deskId: DESK[1] });
    const { token } = (await post('pad.pair', { code })).data;
    expect((await fetch(`${http.url}/api/pad/events?token=${'x'.repeat(43)}`)).status).toBe(401);
    const ac = new AbortController();
    hall.defer(() => ac.abort());
    const stream = await fetch(`${http.url}/api/pad/events?token=${token}`, { signal: ac.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await serve(DESK[1]);
    await finish(DESK[1]);
    let got = '';
    while (!got.includes('"queue.changed"')) got += new TextDecoder().decode((await reader.read()).value);
    const q = (await post('pad.state', { token })).data.question!;
    expect(
      (await post('pad.answer', { token, evaluationId: q.evaluationId, answer: 'basic', reasons: [], answerKey: randomUUID() })).ok,
    ).toBe(true);
    while (!got.includes('"pads.answered"')) got += new TextDecoder().decode((await reader.read()).value);
    expect(got).toContain(q.evaluationId);
    ac.abort();
  });
});

describe('asking and answering', () => {
  it('F9 opens the question; the answer is stored with the visit, ticket, desk and clerk, and audited', async () => {
    const token = await pairTo(DESK[1]);
    const { ticket, visit } = await serve(DESK[1]);
    expect((await state(token)).question).toBeNull();
    await finish(DESK[1]);
    const q = (await state(token)).question!;
    expect(q).toMatchObject({ ticketNo: ticket.ticketNo, secondsLeft: 60 });
    expect(await tap(token, q.evaluationId, 'unsatisfied', ['wait', 'unclear'])).toEqual({ answer: 'unsatisfied', duplicate: false });
    const e = await row(q.evaluationId);
    expect(e).toMatchObject({
      desk_id: DESK[1],
      room_id: null,
      ticket_id: ticket.id,
      visit_id: visit!.id,
      clerk_id: clerkId,
      answer: 'unsatisfied',
      reasons_json: '["wait","unclear"]',
    });
    const audit = await hall.backend.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', q.evaluationId).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['evaluation.answer', 'evaluation.ask']);
    expect((await state(token)).question).toBeNull();
  });

  it('calling the next visitor (F5) also finishes the one before and asks about them', async () => {
    const token = await pairTo(DESK[1]);
    const { ticket } = await serve(DESK[1], false);
    await clerk.call('queue.issue', { laneId: LANE.A });
    await clerk.call('queue.callNext', { deskId: DESK[1] });
    const q = (await state(token)).question!;
    expect((await row(q.evaluationId)).ticket_id).toBe(ticket.id);
  });

  it('nothing is asked at a desk without a pad', async () => {
    await pairTo(DESK[2]);
    await serve(DESK[1]);
    await finish(DESK[1]);
    expect(await hall.backend.deps.db.selectFrom('evaluations').selectAll().execute()).toEqual([]);
  });

  it('refuses an answer from another desk’s pad, for the previous visitor, or after the time ran out', async () => {
    const one = await pairTo(DESK[1]);
    const two = await pairTo(DESK[2]);
    await serve(DESK[1]);
    await finish(DESK[1]);
    const first = (await state(one)).question!;
    expect((await state(two)).question).toBeNull();
    expect(
      (await pad.fail('pad.answer', { token: two, evaluationId: first.evaluationId, answer: 'satisfied', answerKey: randomUUID() }))
        .message,
    ).toBe('这次评价不属于本评价器所在的窗口，未保存');
    // The next visitor is finished before the first one answered: the first question is gone.
    await serve(DESK[1]);
    await finish(DESK[1]);
    const second = (await state(one)).question!;
    expect(second.evaluationId).not.toBe(first.evaluationId);
    expect(
      (await pad.fail('pad.answer', { token: one, evaluationId: first.evaluationId, answer: 'satisfied', answerKey: randomUUID() }))
        .message,
    ).toBe('本窗口已在接待下一位来访人，这次评价未保存');
    seconds(60);
    expect((await state(one)).question).toBeNull();
    expect(
      (await pad.fail('pad.answer', { token: one, evaluationId: second.evaluationId, answer: 'basic', answerKey: randomUUID() })).message,
    ).toBe('评价时间已过，本次计为未参评');
    expect((await row(second.evaluationId)).answer).toBeNull();
    // Reasons belong to 不满意 only.
    expect(
      (
        await pad.fail('pad.answer', {
          token: one,
          evaluationId: second.evaluationId,
          answer: 'satisfied',
          reasons: ['wait'],
          answerKey: randomUUID(),
        })
      ).fields?.reasons,
    ).toBe('只有“不满意”需要选择原因');
  });

  it('a resend of the same answer is accepted once: one row, one audit; another answer to it is refused', async () => {
    const token = await pairTo(DESK[1]);
    await serve(DESK[1]);
    await finish(DESK[1]);
    const q = (await state(token)).question!;
    const key = randomUUID();
    expect(await tap(token, q.evaluationId, 'basic', [], key)).toEqual({ answer: 'basic', duplicate: false });
    // The network dropped the reply; the pad sends the same answer again, even after the time ran out.
    seconds(120);
    expect(await tap(token, q.evaluationId, 'basic', [], key)).toEqual({ answer: 'basic', duplicate: true });
    const audits = await hall.backend.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'evaluation.answer').execute();
    expect(audits).toHaveLength(1);
    expect(
      (await pad.fail('pad.answer', { token, evaluationId: q.evaluationId, answer: 'unsatisfied', answerKey: randomUUID() })).message,
    ).toBe('本次接待已经评价过了');
    expect((await row(q.evaluationId)).answer).toBe('basic');
  });

  it('the administrator’s waiting time sets when a question runs out', async () => {
    await hall.admin.call('pads.saveSettings', { timeoutSeconds: 20, words: '请您评价' });
    const token = await pairTo(DESK[1]);
    await serve(DESK[1]);
    await finish(DESK[1]);
    const s = await state(token);
    expect(s).toMatchObject({ words: '请您评价', timeoutSeconds: 20, question: { secondsLeft: 20 } });
    seconds(20);
    expect((await state(token)).question).toBeNull();
    expect((await hall.admin.fail('pads.saveSettings', { timeoutSeconds: 5, words: '请您评价' })).fields?.timeoutSeconds).toBe(
      '评价等待时间为15至600秒',
    );
  });
});

describe('at a leader’s talk', () => {
  it('saving the talk record asks the room’s pad; the answer is stored with the leader and, answered on the spot, is the matter’s', async () => {
    const leader = await hall.as('leader', 'wang');
    const leaderId = (await leader.call('auth.me', {}))!.id;
    const { code } = await hall.admin.call('pads.pairCode', { roomId: ROOM1 });
    const token = (await pad.call('pad.pair', { code })).token;
    const day = hallDate(hall.clock.now);
    const s = await publishedSession(hall.admin, leaderId, day);
    const v = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', '321'), name: '吴用' }));
    const b = await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
    await leader.call('reception.callNext', { sessionId: s.id });
    expect((await state(token)).staff).toEqual({ name: '测试wang', staffNo: 'wang' });
    await leader.call('reception.record', { bookingId: b.id, notes: '接谈情况记录', decision: 'answered' } as InputOf<'reception.record'>);
    const q = (await state(token)).question!;
    expect(q.ticketNo).toMatch(/^L\d{3}$/);
    await tap(token, q.evaluationId, 'satisfied');
    expect(await row(q.evaluationId)).toMatchObject({
      room_id: ROOM1,
      desk_id: null,
      clerk_id: leaderId,
      visit_id: v.id,
      answer: 'satisfied',
    });
    expect(await clerk.call('matters.get', { matterId: v.matterId })).toMatchObject({ evaluation: 'satisfied', evaluationVia: 'pad' });
  });
});

describe('what the statistics count', () => {
  it('window figures: answered, 未参评 after the time, still open; by desk', async () => {
    const one = await pairTo(DESK[1]);
    const two = await pairTo(DESK[2]);
    // Desk 1: 满意, then 不满意 (等候时间太长), then one left unanswered until it runs out.
    await serve(DESK[1]);
    await finish(DESK[1]);
    await tap(one, (await state(one)).question!.evaluationId, 'satisfied');
    await serve(DESK[1]);
    await finish(DESK[1]);
    await tap(one, (await state(one)).question!.evaluationId, 'unsatisfied', ['wait']);
    await serve(DESK[1]);
    await finish(DESK[1]);
    seconds(61);
    // Desk 2: 基本满意; then one still open (asked just now).
    await serve(DESK[2]);
    await finish(DESK[2]);
    await tap(two, (await state(two)).question!.evaluationId, 'basic');
    await serve(DESK[2]);
    await finish(DESK[2]);

    const s = await hall.admin.call('stats.summary', today());
    // Asked 5: 满意 1, 基本满意 1, 不满意 1, 未参评 1, open 1.
    // 窗口参评率 = 3 answered / (3 + 1 未参评) ; 窗口满意率 = (1 + 1) / 3.
    expect(s.windowEvaluations.all).toMatchObject({
      asked: 5,
      satisfied: 1,
      basic: 1,
      unsatisfied: 1,
      none: 1,
      open: 1,
      participation: { numerator: 3, denominator: 4 },
      satisfaction: { numerator: 2, denominator: 3 },
      reasons: [{ code: 'wait', count: 1 }],
    });
    const byDesk = Object.fromEntries(
      s.windowEvaluations.byPlace.map((p) => [p.name, [p.participation.numerator, p.participation.denominator, p.none, p.open]]),
    );
    expect(byDesk).toEqual({ '1号窗口': [2, 3, 1, 0], '2号窗口': [1, 1, 0, 1] });
    // The open one runs out: it counts as 未参评 from then on.
    seconds(60);
    const later = await hall.admin.call('stats.summary', today());
    expect(later.windowEvaluations.all).toMatchObject({ none: 2, open: 0, participation: { numerator: 3, denominator: 5 } });
  });

  it('an answer about a matter concluded at that visit (当场答复) is the matter’s evaluation too; one still being handled is not', async () => {
    const token = await pairTo(DESK[1]);
    const act = async (matterId: string, body: object) => {
      const cur = await clerk.call('matters.get', { matterId });
      return clerk.call('matters.act', { matterId, version: cur.version, on: hallDate(hall.clock.now), ...body } as InputOf<'matters.act'>);
    };
    // Visitor 1: answered on the spot (concluded today) → 不满意 becomes the matter's evaluation, via 评价器.
    const a = (await serve(DESK[1])).visit!;
    await act(a.matterId, { action: 'decide', decision: 'answered' });
    await finish(DESK[1]);
    await tap(token, (await state(token)).question!.evaluationId, 'unsatisfied', ['unsolved']);
    const ma = await clerk.call('matters.get', { matterId: a.matterId });
    expect(ma).toMatchObject({ evaluation: 'unsatisfied', evaluationVia: 'pad' });
    const ev = ma.events.find((e) => e.action === 'evaluate');
    expect(ev).toMatchObject({ reason: '问题没有解决' });
    // Visitor 2: accepted (60 days to handle) → the matter stays unevaluated.
    const b = (await serve(DESK[1])).visit!;
    await act(b.matterId, { action: 'decide', decision: 'accepted', unit: '区住建局' });
    await finish(DESK[1]);
    await tap(token, (await state(token)).question!.evaluationId, 'satisfied');
    expect((await clerk.call('matters.get', { matterId: b.matterId })).evaluation).toBeNull();
    // Visitor 3: answered on the spot, the question runs out → the matter stays unevaluated (not written 未参评).
    const c = (await serve(DESK[1])).visit!;
    await act(c.matterId, { action: 'decide', decision: 'answered' });
    await finish(DESK[1]);
    seconds(61);
    expect((await clerk.call('matters.get', { matterId: c.matterId })).evaluation).toBeNull();

    // 群众参评率 today: concluded 2 (a, c); evaluated 1 (a) → 1/2. 参评群众满意率: 0 of 1 (不满意).
    const s = await hall.admin.call('stats.summary', today());
    const fig = (k: string) => s.figures.find((f) => f.key === k)!;
    expect([fig('evaluation_rate').numerator, fig('evaluation_rate').denominator]).toEqual([1, 2]);
    expect([fig('satisfaction').numerator, fig('satisfaction').denominator]).toEqual([0, 1]);
    // The window: 2 answered (不满意, 满意), 1 未参评.
    expect(s.windowEvaluations.all).toMatchObject({
      participation: { numerator: 2, denominator: 3 },
      satisfaction: { numerator: 1, denominator: 2 },
    });
  });
});
