// 包案台账: each leader's matters, their age and state, and whether 化解.
import type { ParsedInputOf } from '@shared/api/contract';
import type { LedgerRow } from '@shared/api/schemas/matters';
import { daysBetween } from '@shared/domain/deadlines';
import { hallDate } from '@shared/time';
import type { Actor, Deps } from '../../context';
import { findUserById } from '../../db/queries/users';

export async function ledger(deps: Deps, actor: Actor, input: ParsedInputOf<'matters.ledger'>): Promise<LedgerRow[]> {
  const today = hallDate(deps.now());
  const own = actor.role === 'leader' && (await findUserById(deps.db, actor.id))?.sees_all_queues !== 1;
  const leaderId = own ? actor.id : input.leaderId;
  let q = deps.db
    .selectFrom('matters as m')
    .innerJoin('users as u', 'u.id', 'm.lead_leader_id')
    .innerJoin('petitioners as p', 'p.id', 'm.petitioner_id')
    .select(['m.id', 'm.lead_leader_id', 'u.display_name', 'p.name', 'm.summary', 'm.state', 'm.received_on', 'm.lead_on', 'm.resolution'])
    .where('m.lead_leader_id', 'is not', null);
  if (leaderId) q = q.where('m.lead_leader_id', '=', leaderId);
  const rows = await q.orderBy('u.display_name').orderBy('m.received_on').execute();
  return rows.map((r) => ({
    matterId: r.id,
    leaderId: r.lead_leader_id!,
    leaderName: r.display_name,
    name: r.name,
    summary: r.summary,
    state: r.state,
    ageDays: daysBetween(r.received_on, today),
    leadOn: r.lead_on ?? '',
    resolution: r.resolution,
  }));
}
