// The one place that decides the order in which a desk calls tickets.
// Pure: given the waiting tickets a desk may call, the administrator's rule,
// the desk's place in the ratio cycle and the time, it returns the whole order.
import type { OrderRule } from '@shared/domain/queue';

export interface Candidate {
  id: string;
  priority: string | null;
  /** Set for 约访 tickets: the booked time (ISO). */
  appointmentAt: string | null;
  /** Place in line: issue time, or when a no-show was put back. */
  queuedAt: string;
  number: number;
}

const byQueue = (a: Candidate, b: Candidate) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.number - b.number);
const byAppointment = (a: Candidate, b: Candidate) =>
  a.appointmentAt! < b.appointmentAt! ? -1 : a.appointmentAt! > b.appointmentAt! ? 1 : byQueue(a, b);

/**
 * The order of calling:
 * 1. checked-in appointments whose time has come, earliest appointment first;
 * 2. the rest by the rule: strict priority (every priority ticket before any
 *    ordinary one) or a ratio such as 2 ordinary : 1 priority, the desk's
 *    `ratioPosition` saying where in that cycle it stands;
 * 3. appointments whose time has not come, last (they are called early only
 *    when nobody else waits).
 * Within equals, order of issue.
 */
export function orderQueue(tickets: Candidate[], rule: OrderRule, ratioPosition: number, nowIso: string): Candidate[] {
  const due = tickets.filter((t) => t.appointmentAt !== null && t.appointmentAt <= nowIso).sort(byAppointment);
  const early = tickets.filter((t) => t.appointmentAt !== null && t.appointmentAt > nowIso).sort(byAppointment);
  const rest = tickets.filter((t) => t.appointmentAt === null);
  const priority = rest.filter((t) => t.priority !== null).sort(byQueue);
  const ordinary = rest.filter((t) => t.priority === null).sort(byQueue);

  const middle: Candidate[] = [];
  if (rule.kind === 'strict_priority') {
    middle.push(...priority, ...ordinary);
  } else {
    let pos = ratioPosition;
    let p = 0;
    let o = 0;
    while (p < priority.length || o < ordinary.length) {
      const step = nextByRatio(rule, pos, p < priority.length, o < ordinary.length);
      middle.push(step.takePriority ? priority[p++]! : ordinary[o++]!);
      pos = step.nextPosition;
    }
  }
  return [...due, ...middle, ...early];
}

/**
 * The ticket to call next, and where the desk's ratio cycle stands after it
 * (null when the call does not move the cycle: an appointment, or the strict
 * rule). It needs only the head of each class (the first appointment, the
 * first priority and the first ordinary ticket, each in its own order, as
 * db/queries/tickets.ts nextCandidates reads them from the index): the head of
 * the whole order is always one of them, and the ratio step asks only whether
 * each class is empty. Given every waiting ticket it answers the same.
 */
export function pickNext(
  heads: Candidate[],
  rule: OrderRule,
  ratioPosition: number,
  nowIso: string,
): { next: Candidate; ratioPosition: number | null } | null {
  const next = orderQueue(heads, rule, ratioPosition, nowIso)[0];
  if (!next) return null;
  if (rule.kind !== 'ratio' || next.appointmentAt !== null) return { next, ratioPosition: null };
  const rest = heads.filter((t) => t.appointmentAt === null);
  const step = nextByRatio(
    rule,
    ratioPosition,
    rest.some((t) => t.priority !== null),
    rest.some((t) => t.priority === null),
  );
  return { next, ratioPosition: step.nextPosition };
}

/**
 * One step of the ratio cycle (e.g. 2:1 → positions 0,1 ordinary, 2 priority).
 * When the class the cycle wants is empty the other is taken and the cycle
 * does not advance, so a burst of priority visitors is not "owed" later.
 */
export function nextByRatio(
  rule: { ordinary: number; priority: number },
  position: number,
  hasPriority: boolean,
  hasOrdinary: boolean,
): { takePriority: boolean; nextPosition: number } {
  const cycle = rule.ordinary + rule.priority;
  const pos = ((position % cycle) + cycle) % cycle;
  const wantsPriority = pos >= rule.ordinary;
  const takePriority = wantsPriority ? hasPriority : !hasOrdinary;
  const followed = takePriority === wantsPriority;
  return { takePriority, nextPosition: followed ? (pos + 1) % cycle : pos };
}
