// Rooms: 接谈室 where a leader receives visitors, 候谈室 where they wait.
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { RoomView } from '@shared/api/schemas/reception';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import type { RoomsTable } from '../../db/schema';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { newId } from '../ids';

export const toRoomView = (r: RoomsTable): RoomView => ({
  id: r.id,
  number: r.number,
  name: r.name,
  kind: r.kind,
  capacity: r.capacity,
  openFrom: r.open_from,
  openTo: r.open_to,
  active: r.active === 1,
});

export async function listRooms(db: Executor): Promise<RoomView[]> {
  return (await db.selectFrom('rooms').selectAll().orderBy('number').execute()).map(toRoomView);
}

export async function getRoom(db: Executor, id: string): Promise<RoomsTable> {
  const room = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!room) throw new ApiError('NOT_FOUND', '找不到该房间', { roomId: '找不到该房间' });
  return room;
}

export async function saveRoom(deps: Deps, actor: Actor, input: ParsedInputOf<'rooms.save'>): Promise<RoomView> {
  const at = deps.now().toISOString();
  const id = await writeTransaction(deps.db, async (trx) => {
    const clash = await trx.selectFrom('rooms').select('id').where('number', '=', input.number).executeTakeFirst();
    if (clash && clash.id !== input.id)
      throw new ApiError('CONFLICT', `房间号 ${input.number} 已被使用`, { number: `房间号 ${input.number} 已被使用` });
    const before = input.id ? await getRoom(trx, input.id) : null;
    const values = {
      number: input.number,
      name: input.name,
      kind: input.kind,
      capacity: input.capacity,
      open_from: input.openFrom,
      open_to: input.openTo,
      active: input.active ? 1 : 0,
      updated_at: at,
    };
    const id = before?.id ?? newId();
    if (before) await trx.updateTable('rooms').set(values).where('id', '=', id).execute();
    else
      await trx
        .insertInto('rooms')
        .values({ id, ...values, created_at: at })
        .execute();
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: before ? 'room.update' : 'room.create',
      entity: 'room',
      entityId: id,
      before: before ? toRoomView(before) : undefined,
      after: input,
    });
    return id;
  });
  deps.events.publish('reception.changed', { date: null });
  return toRoomView(await getRoom(deps.db, id));
}
