// Settings the administrator edits, one JSON value per key, audited on change.
import type { z } from 'zod';
import type { Actor, Deps } from '../context';
import type { Executor } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { writeAudit } from './audit';

export async function getSetting<S extends z.ZodType>(db: Executor, key: string, schema: S, defaults: z.output<S>): Promise<z.output<S>> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  return settingFrom(row?.value_json ?? null, schema, defaults);
}

/** A setting's stored JSON (null: never saved) as its value; for a query that reads it beside other rows. */
export function settingFrom<S extends z.ZodType>(valueJson: string | null, schema: S, defaults: z.output<S>): z.output<S> {
  if (valueJson === null) return defaults;
  // Values written by an older version may lack newer keys: defaults fill them.
  const parsed = schema.safeParse({ ...(defaults as object), ...(JSON.parse(valueJson) as object) });
  return parsed.success ? parsed.data : defaults;
}

export async function saveSetting<T>(deps: Deps, actor: Actor, key: string, value: T, read: (db: Executor) => Promise<T>): Promise<T> {
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    const before = await read(trx);
    await trx
      .insertInto('settings')
      .values({ key, value_json: JSON.stringify(value), updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(value), updated_at: at }))
      .execute();
    await writeAudit(trx, { at, actorId: actor.id, action: `settings.${key}`, entity: 'settings', entityId: key, before, after: value });
  });
  return value;
}
