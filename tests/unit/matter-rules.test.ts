// The matter's state machine (shared/domain/matter.ts): every action from every
// state, allowed or refused, against a table written out here by hand; and the
// clocks with dates computed by hand across month ends, a leap year, a Spring
// Festival with 调休, and an extension across a holiday. The calendar is test
// data made for these cases, not an official schedule.
import { describe, expect, it } from 'vitest';
import { EMPTY_CALENDAR, type HolidayCalendar } from '@shared/domain/deadlines';
import {
  allowedActions,
  appointmentProblem,
  MATTER_ACTIONS,
  MATTER_STATES,
  openClocks,
  plan,
  registeredFacts,
  type MatterAction,
  type MatterFacts,
  type MatterState,
  type Proposal,
} from '@shared/domain/matter';

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};
// A Spring Festival 2027-02-06 … 02-12 with Sunday 02-14 a 调休 working day.
const CAL: HolidayCalendar = { holidays: new Set(days('2027-02-06', '2027-02-12')), workdays: new Set(['2027-02-14']) };

const base: MatterFacts = registeredFacts('2026-11-24');

/** A matter in each state, with the facts that state implies (dates inside every window on 2026-11-26). */
const IN_STATE: Record<MatterState, MatterFacts> = {
  registered: base,
  forwarded: { ...base, state: 'forwarded', decision: 'forwarded', decidedOn: '2026-11-24' },
  handling: {
    ...base,
    state: 'handling',
    decision: 'assigned',
    decidedOn: '2026-11-24',
    acceptedOn: '2026-11-24',
    handleDue: '2027-01-25',
  },
  concluded: {
    ...base,
    state: 'concluded',
    decision: 'accepted',
    decidedOn: '2026-11-24',
    acceptedOn: '2026-11-24',
    opinionOn: '2026-11-25',
    concludedOn: '2026-11-25',
  },
  review: { ...base, state: 'review', decision: 'accepted', opinionOn: '2026-11-24', reviewRequestedOn: '2026-11-25' },
  reviewed: {
    ...base,
    state: 'reviewed',
    decision: 'accepted',
    opinionOn: '2026-11-24',
    reviewRequestedOn: '2026-11-24',
    reviewDecidedOn: '2026-11-25',
  },
  recheck: {
    ...base,
    state: 'recheck',
    decision: 'accepted',
    opinionOn: '2026-11-24',
    reviewDecidedOn: '2026-11-24',
    recheckRequestedOn: '2026-11-25',
  },
  final: { ...base, state: 'final', decision: 'accepted', finalOn: '2026-11-25' },
  declined: { ...base, state: 'declined', decision: 'declined', decidedOn: '2026-11-24' },
  not_again: { ...base, state: 'not_again', decision: 'not_again', decidedOn: '2026-11-24' },
  guided: { ...base, state: 'guided', decision: 'guided', decidedOn: '2026-11-24' },
};

const TODAY = '2026-11-26';
const proposal = (action: MatterAction): Proposal => {
  switch (action) {
    case 'decide':
      return { action, decision: 'accepted', on: TODAY };
    case 'extend':
      return { action, on: TODAY, days: 10 };
    case 'deliver':
      return { action, on: TODAY, answersInWriting: true };
    case 'pause':
      return { action, on: TODAY, days: 5 };
    case 'supervise':
      return { action, on: TODAY, due: '2026-12-10' };
    default:
      return { action, on: TODAY } as Proposal;
  }
};

// Written out by hand from the 条例's route (see the diagram in matter.ts): state → actions allowed.
// 'terminate' is allowed from concluded/reviewed but refused here by its date rule (window still open).
const ALLOWED: Record<MatterState, MatterAction[]> = {
  registered: ['decide', 'deliver', 'lead', 'resolve'],
  forwarded: ['unit_accept', 'return', 'deliver', 'supervise', 'lead', 'resolve'],
  handling: ['return', 'extend', 'conclude', 'deliver', 'callback', 'supervise', 'lead', 'resolve'],
  concluded: ['deliver', 'evaluate', 'callback', 'request_review', 'lead', 'resolve'],
  review: ['deliver', 'evaluate', 'callback', 'decide_review', 'pause', 'supervise', 'lead', 'resolve'],
  reviewed: ['deliver', 'evaluate', 'callback', 'request_recheck', 'lead', 'resolve'],
  recheck: ['deliver', 'evaluate', 'callback', 'decide_recheck', 'pause', 'supervise', 'lead', 'resolve'],
  final: ['deliver', 'evaluate', 'callback', 'resolve'],
  declined: ['deliver'],
  not_again: ['deliver'],
  guided: ['deliver'],
};

describe('matter transitions', () => {
  for (const { code: state } of MATTER_STATES) {
    for (const { code: action } of MATTER_ACTIONS) {
      const expected = ALLOWED[state].includes(action);
      it(`${state} → ${action}: ${expected ? 'allowed' : 'refused'}`, () => {
        const r = plan(IN_STATE[state], proposal(action), TODAY, EMPTY_CALENDAR);
        expect(r.ok, r.ok ? '' : r.message).toBe(expected);
        if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
      });
    }
  }

  it('each decision leads to its state, and only an ended matter can be refused as 不再受理', () => {
    const to = (decision: Proposal & { action: 'decide' }) => plan(base, decision, TODAY, EMPTY_CALENDAR);
    const states = {
      answered: 'concluded',
      accepted: 'handling',
      assigned: 'handling',
      forwarded: 'forwarded',
      declined: 'declined',
      guided: 'guided',
    } as const;
    for (const [decision, state] of Object.entries(states)) {
      const r = to({ action: 'decide', decision: decision as keyof typeof states, on: TODAY });
      expect(r.ok && r.plan.to).toBe(state);
    }
    expect(to({ action: 'decide', decision: 'not_again', on: TODAY }).ok).toBe(false);
    const r = to({ action: 'decide', decision: 'not_again', on: TODAY, hasEndedSibling: true });
    expect(r.ok && r.plan.to).toBe('not_again');
  });

  it('the screens offer what the table allows, less the actions whose facts are missing', () => {
    expect(allowedActions(IN_STATE.registered)).toEqual(['decide', 'deliver', 'lead', 'resolve']);
    expect(allowedActions({ ...IN_STATE.handling, extensionDays: 10 })).not.toContain('extend');
    expect(allowedActions({ ...IN_STATE.handling, decision: 'accepted' })).not.toContain('return');
    // An on-the-spot answer has no 处理意见书: no 复查 is offered.
    expect(allowedActions({ ...IN_STATE.concluded, decision: 'answered', opinionOn: null })).not.toContain('request_review');
  });

  it('refuses a date in the future or before receipt, naming the field', () => {
    const r = plan(base, { action: 'decide', decision: 'accepted', on: '2026-11-27' }, TODAY, EMPTY_CALENDAR);
    expect(r).toMatchObject({ ok: false, field: 'on', message: '日期不能晚于今天' });
    const r2 = plan(base, { action: 'decide', decision: 'accepted', on: '2026-11-23' }, TODAY, EMPTY_CALENDAR);
    expect(r2).toMatchObject({ ok: false, field: 'on' });
  });
});

describe('matter clocks (hand-computed dates)', () => {
  it('15 days for the written answer from receipt, whoever decides, moved off a holiday to a 调休 day', () => {
    // Received Mon 2027-01-25: +15 = Tue 02-09 (holiday) → 02-13 is Saturday → Sun 02-14 is a 调休 working day.
    const f = { ...base, receivedOn: '2027-01-25' };
    expect(openClocks(f, '2027-01-26', CAL)).toEqual([{ clock: 'reply', due: '2027-02-14', state: 'ok', daysLeft: 19 }]);
    // Across a month end: 2026-01-31 + 15 = Sun 02-15 → Mon 02-16.
    expect(openClocks({ ...base, receivedOn: '2026-01-31' }, '2026-02-16', EMPTY_CALENDAR)[0]).toMatchObject({
      due: '2026-02-16',
      state: 'due_today',
    });
    // Answered on the spot: no clock at all.
    expect(openClocks({ ...base, state: 'concluded', decision: 'answered' }, TODAY, EMPTY_CALENDAR)).toEqual([]);
    // Delivered: the written answer clock stops.
    expect(openClocks({ ...base, repliedOn: '2026-11-25' }, TODAY, EMPTY_CALENDAR)).toEqual([]);
  });

  it('60 days from acceptance, across a leap February', () => {
    const r = plan(
      { ...base, receivedOn: '2028-01-10' },
      { action: 'decide', decision: 'accepted', on: '2028-01-15' },
      '2028-01-15',
      EMPTY_CALENDAR,
    );
    // 2028 is a leap year: 01-15 + 60 = 03-15.
    expect(r.ok && r.plan.set.handleDue).toBe('2028-03-15');
  });

  it('an extension of N days runs from the deadline in force, so the paper says N days and means it', () => {
    // Accepted 2026-12-01: +60 = Sat 2027-01-30 → Mon 02-01 is the deadline in force.
    const accepted = plan(base, { action: 'decide', decision: 'accepted', on: '2026-12-01' }, '2026-12-01', CAL);
    expect(accepted.ok && accepted.plan.set.handleDue).toBe('2027-02-01');
    const handling: MatterFacts = { ...IN_STATE.handling, decision: 'accepted', acceptedOn: '2026-12-01', handleDue: '2027-02-01' };
    // +30 from 02-01 = Wed 03-03 (February 2027 has 28 days). The old rule gave 03-01, only 28 days later.
    const thirty = plan(handling, { action: 'extend', on: '2027-01-20', days: 30 }, '2027-01-20', CAL);
    expect(thirty.ok && thirty.plan.set).toEqual({ extensionDays: 30, handleDue: '2027-03-03' });
    // +7 from 02-01 = 02-08, inside the Spring Festival → 02-13 Saturday → Sun 02-14 调休.
    const seven = plan(handling, { action: 'extend', on: '2027-01-20', days: 7 }, '2027-01-20', CAL);
    expect(seven.ok && seven.plan.set.handleDue).toBe('2027-02-14');
    // Once only; not after the deadline passed; 1–30 days.
    expect(plan({ ...handling, extensionDays: 7 }, { action: 'extend', on: '2027-01-20', days: 5 }, '2027-01-20', CAL).ok).toBe(false);
    expect(plan(handling, { action: 'extend', on: '2027-02-02', days: 5 }, '2027-02-02', CAL)).toMatchObject({ ok: false });
    expect(plan(handling, { action: 'extend', on: '2027-01-20', days: 31 }, '2027-01-20', CAL)).toMatchObject({ ok: false, field: 'days' });
  });

  it('a 交办 deadline may not pass the 60-day limit', () => {
    const over = plan(base, { action: 'decide', decision: 'assigned', on: TODAY, deadline: '2027-01-26' }, TODAY, EMPTY_CALENDAR);
    // 2026-11-26 + 60 = Mon 2027-01-25.
    expect(over).toMatchObject({ ok: false, field: 'deadline', message: '办理期限不能超过60日的法定期限（2027年01月25日）' });
    const ok = plan(base, { action: 'decide', decision: 'assigned', on: TODAY, deadline: '2027-01-25' }, TODAY, EMPTY_CALENDAR);
    expect(ok.ok && ok.plan.set.handleDue).toBe('2027-01-25');
  });

  it('a unit objects within 5 working days (退回), which restarts the routing', () => {
    const fwd = { ...IN_STATE.forwarded, decidedOn: '2026-11-24' }; // Tue → 5 working days end Tue 12-01
    const r = plan(fwd, { action: 'return', on: '2026-12-01' }, '2026-12-01', EMPTY_CALENDAR);
    expect(r.ok && r.plan.to).toBe('registered');
    expect(plan(fwd, { action: 'return', on: '2026-12-02' }, '2026-12-02', EMPTY_CALENDAR)).toMatchObject({ ok: false, field: 'on' });
  });

  it('复查 within 30 days of the 处理意见书, answered in 30 days plus a hearing that does not count', () => {
    const concluded = { ...IN_STATE.concluded, opinionOn: '2026-12-31' }; // +30 = Sat 2027-01-30 → Mon 02-01
    expect(plan(concluded, { action: 'request_review', on: '2027-02-01' }, '2027-02-01', EMPTY_CALENDAR).ok).toBe(true);
    expect(plan(concluded, { action: 'request_review', on: '2027-02-02' }, '2027-02-02', EMPTY_CALENDAR)).toMatchObject({
      ok: false,
      message: '复查应在收到处理意见书之日起30日内（2027年02月01日前）申请',
    });
    // Requested Mon 2027-01-04: answer due +30 = Wed 02-03; with a 10-day hearing +40 = Sat 02-13 → Sun 02-14 (调休).
    const review: MatterFacts = { ...IN_STATE.review, reviewRequestedOn: '2027-01-04' };
    expect(openClocks(review, '2027-01-05', CAL).find((c) => c.clock === 'review')?.due).toBe('2027-02-03');
    expect(openClocks({ ...review, reviewPausedDays: 10 }, '2027-01-05', CAL).find((c) => c.clock === 'review')?.due).toBe('2027-02-14');
    // A 复核意见 ends the matter.
    const r = plan(IN_STATE.recheck, { action: 'decide_recheck', on: TODAY }, TODAY, EMPTY_CALENDAR);
    expect(r.ok && r.plan).toEqual({ to: 'final', set: { recheckDecidedOn: TODAY, finalOn: TODAY } });
  });

  it('终结 by lapse only after the review window has passed', () => {
    const concluded = { ...IN_STATE.concluded, opinionOn: '2026-12-31' };
    expect(plan(concluded, { action: 'terminate', on: '2027-02-01' }, '2027-02-01', EMPTY_CALENDAR)).toMatchObject({
      ok: false,
      field: 'on',
    });
    const r = plan(concluded, { action: 'terminate', on: '2027-02-02' }, '2027-02-02', EMPTY_CALENDAR);
    expect(r.ok && r.plan.to).toBe('final');
  });

  it('a 约访 past the written answer owed is refused with the date', () => {
    // Received 2026-11-24: +15 = Wed 12-09.
    expect(appointmentProblem(base, '2026-12-09', EMPTY_CALENDAR)).toBeNull();
    expect(appointmentProblem(base, '2026-12-10', EMPTY_CALENDAR)).toBe('该事项应在2026年12月09日前书面告知来访人，约访日期不能晚于该日');
    expect(appointmentProblem({ ...base, repliedOn: '2026-11-25' }, '2026-12-20', EMPTY_CALENDAR)).toBeNull();
  });
});
