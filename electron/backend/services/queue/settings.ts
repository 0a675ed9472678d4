import { DEFAULT_QUEUE_SETTINGS, queueSettingsInput, type QueueSettings } from '../../../../shared/api/schemas/queue';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';

const KEY = 'queue';

export async function getQueueSettings(db: Executor): Promise<QueueSettings> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_QUEUE_SETTINGS;
  // Settings written by an older version may lack newer keys: defaults fill them.
  const parsed = queueSettingsInput.safeParse({ ...DEFAULT_QUEUE_SETTINGS, ...(JSON.parse(row.value_json) as object) });
  return parsed.success ? parsed.data : DEFAULT_QUEUE_SETTINGS;
}

export async function saveQueueSettings(deps: Deps, actor: Actor, input: QueueSettings): Promise<QueueSettings> {
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    const before = await getQueueSettings(trx);
    await trx
      .insertInto('settings')
      .values({ key: KEY, value_json: JSON.stringify(input), updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(input), updated_at: at }))
      .execute();
    await writeAudit(trx, { at, actorId: actor.id, action: 'settings.queue', entity: 'settings', entityId: KEY, before, after: input });
  });
  deps.events.publish('queue.changed', { reason: 'settings' });
  return input;
}
