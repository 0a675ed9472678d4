// What a 接访领导 may read. A leader's work is the visitors placed in their
// queue, the talks they held and the matters they lead (包案); so a leader
// reads the persons (and their visits) placed with them or talked to by them,
// and the matters of those persons or led by them. A leader the administrator
// allowed to open every leader's queue (sees_all_queues) is not limited, as the
// due list and the 包案台账 already treat them. Clerks and the administrator are not limited here (the
// contract's roles decide what they may call). Each service that returns
// personal data to a leader asks this module; tests/unit/leader-scope.test.ts
// classifies every contract method for every role.
import { ApiError } from '@shared/api/errors';
import type { Actor } from '../context';
import type { Executor } from '../db/connection';
import { findUserById } from '../db/queries/users';

/** The leader whose reach limits this actor, or null when not limited (clerk, admin, a leader allowed every queue). */
async function limitedLeader(db: Executor, actor: Actor): Promise<string | null> {
  if (actor.role !== 'leader') return null;
  return (await findUserById(db, actor.id))?.sees_all_queues === 1 ? null : actor.id;
}

/** The persons within a leader's reach (placed with, talked to, or leading a matter of). */
function personsInReach(db: Executor, leaderId: string) {
  const placed = db
    .selectFrom('reception_bookings as b')
    .innerJoin('reception_sessions as s', 's.id', 'b.session_id')
    .innerJoin('visits as v', 'v.id', 'b.visit_id')
    .select('v.petitioner_id as pid')
    .where('s.leader_id', '=', leaderId);
  const talked = db
    .selectFrom('talk_records as t')
    .innerJoin('visits as v', 'v.id', 't.visit_id')
    .select('v.petitioner_id as pid')
    .where('t.leader_id', '=', leaderId);
  const led = db.selectFrom('matters as m').select('m.petitioner_id as pid').where('m.lead_leader_id', '=', leaderId);
  return placed.union(talked).union(led);
}

/** Of these person ids, those the actor may read (all of them for clerks and the administrator). */
export async function readablePersons(db: Executor, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
  const leaderId = await limitedLeader(db, actor);
  if (!leaderId || ids.length === 0) return new Set(ids);
  const rows = await db
    .selectFrom(personsInReach(db, leaderId).as('r'))
    .select('r.pid')
    .where('r.pid', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.pid));
}

/** Refuses a leader a person outside their reach, in Chinese. */
export async function refusePersonOutOfReach(db: Executor, actor: Actor, petitionerId: string): Promise<void> {
  if (!(await readablePersons(db, actor, [petitionerId])).has(petitionerId))
    throw new ApiError('FORBIDDEN', '接访领导只能查看排入本人接访或本人包案的信访人');
}

/** Refuses a leader a matter whose person is outside their reach (a matter they lead is within it). */
export async function refuseMatterOutOfReach(db: Executor, actor: Actor, matterId: string): Promise<void> {
  if (actor.role !== 'leader') return;
  const m = await db.selectFrom('matters').select('petitioner_id').where('id', '=', matterId).executeTakeFirst();
  if (!m) throw new ApiError('NOT_FOUND', '找不到该信访事项');
  if (!(await readablePersons(db, actor, [m.petitioner_id])).has(m.petitioner_id))
    throw new ApiError('FORBIDDEN', '接访领导只能查看本人接谈或包案的信访事项');
}
