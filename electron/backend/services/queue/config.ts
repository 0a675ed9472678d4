// Lanes (业务队列) and desks (接待窗口), edited by the administrator.
import { ApiError, fieldError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { DeskView, LaneView } from '@shared/api/schemas/queue';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, DesksTable, LanesTable, TicketStatus } from '../../db/schema';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { newId } from '../ids';

export const toLaneView = (l: LanesTable): LaneView => ({ id: l.id, prefix: l.prefix, name: l.name, kind: l.kind, active: l.active === 1 });
export const toDeskView = (d: DesksTable): DeskView => ({
  id: d.id,
  number: d.number,
  name: d.name,
  laneIds: JSON.parse(d.lane_ids_json) as string[],
  paused: d.paused === 1,
  active: d.active === 1,
});

export async function listLanes(db: Executor): Promise<LaneView[]> {
  return (await db.selectFrom('lanes').selectAll().orderBy('sort_order').orderBy('prefix').execute()).map(toLaneView);
}

export async function listDesks(db: Executor): Promise<DeskView[]> {
  return (await db.selectFrom('desks').selectAll().orderBy('number').execute()).map(toDeskView);
}

export async function getDesk(db: Executor, deskId: string): Promise<DesksTable> {
  const desk = await db.selectFrom('desks').selectAll().where('id', '=', deskId).executeTakeFirst();
  if (!desk || !desk.active) throw new ApiError('NOT_FOUND', '找不到该窗口，请在“窗口”处重新选择');
  return desk;
}

async function countTickets(
  trx: Executor,
  filter: (eb: ExpressionBuilder<Database, 'tickets'>) => Expression<SqlBool>,
  statuses: TicketStatus[] = ['waiting', 'parked'],
): Promise<number> {
  const r = await trx
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', statuses)
    .where(filter)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function saveLane(deps: Deps, actor: Actor, input: ParsedInputOf<'queue.saveLane'>): Promise<LaneView> {
  const at = deps.now().toISOString();
  const lane = await writeTransaction(deps.db, async (trx) => {
    const clash = await trx.selectFrom('lanes').select('id').where('prefix', '=', input.prefix).executeTakeFirst();
    if (clash && clash.id !== input.id) throw fieldError('prefix', `字母 ${input.prefix} 已被其他队列使用`);
    const before = input.id ? await trx.selectFrom('lanes').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw new ApiError('NOT_FOUND', '找不到该队列');
    if (before?.active && !input.active) {
      const n = await countTickets(trx, (eb) => eb('lane_id', '=', before.id));
      if (n > 0) throw new ApiError('CONFLICT', `该队列还有 ${n} 个号在等候或暂离，请先叫完或转到其他队列后再停用`);
    }
    const row: LanesTable = {
      id: input.id ?? newId(),
      prefix: input.prefix,
      name: input.name,
      kind: input.kind,
      active: input.active ? 1 : 0,
      sort_order: before?.sort_order ?? 100,
      created_at: before?.created_at ?? at,
      updated_at: at,
    };
    if (before) await trx.updateTable('lanes').set(row).where('id', '=', row.id).execute();
    else await trx.insertInto('lanes').values(row).execute();
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: before ? 'lane.update' : 'lane.create',
      entity: 'lane',
      entityId: row.id,
      before,
      after: row,
    });
    return row;
  });
  deps.events.publish('queue.changed', { reason: 'config' });
  return toLaneView(lane);
}

export async function saveDesk(deps: Deps, actor: Actor, input: ParsedInputOf<'queue.saveDesk'>): Promise<DeskView> {
  const at = deps.now().toISOString();
  const desk = await writeTransaction(deps.db, async (trx) => {
    const clash = await trx.selectFrom('desks').select('id').where('number', '=', input.number).executeTakeFirst();
    if (clash && clash.id !== input.id) throw fieldError('number', `${input.number} 号窗口已存在`);
    const known = await trx.selectFrom('lanes').select('id').where('id', 'in', input.laneIds).execute();
    if (known.length !== new Set(input.laneIds).size) throw fieldError('laneIds', '所选队列不存在，请刷新后重选');
    const before = input.id ? await trx.selectFrom('desks').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw new ApiError('NOT_FOUND', '找不到该窗口');
    if (before?.active && !input.active) {
      // Its current visitor and the tickets transferred to it would be stranded.
      const n = await countTickets(trx, (eb) => eb('desk_id', '=', before.id), ['waiting', 'called', 'parked']);
      if (n > 0) throw new ApiError('CONFLICT', `该窗口还有 ${n} 个正在接待或转给本窗口的号，请先办结或转走后再停用`);
    }
    const row: DesksTable = {
      id: input.id ?? newId(),
      number: input.number,
      name: input.name,
      lane_ids_json: JSON.stringify(input.laneIds),
      paused: before?.paused ?? 0,
      ratio_position: before?.ratio_position ?? 0,
      active: input.active ? 1 : 0,
      created_at: before?.created_at ?? at,
      updated_at: at,
    };
    if (before) await trx.updateTable('desks').set(row).where('id', '=', row.id).execute();
    else await trx.insertInto('desks').values(row).execute();
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: before ? 'desk.update' : 'desk.create',
      entity: 'desk',
      entityId: row.id,
      before,
      after: row,
    });
    return row;
  });
  deps.events.publish('queue.changed', { reason: 'config' });
  return toDeskView(desk);
}
