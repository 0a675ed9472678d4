import { DEFAULT_QUEUE_SETTINGS, queueSettingsInput, type QueueSettings } from '@shared/api/schemas/queue';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { getSetting, saveSetting, settingFrom } from '../settings-store';

export function getQueueSettings(db: Executor): Promise<QueueSettings> {
  return getSetting(db, 'queue', queueSettingsInput, DEFAULT_QUEUE_SETTINGS);
}

/** The queue settings from their stored JSON, read beside the desk (tickets.ts deskForCall). */
export function queueSettingsFrom(valueJson: string | null): QueueSettings {
  return settingFrom(valueJson, queueSettingsInput, DEFAULT_QUEUE_SETTINGS);
}

export async function saveQueueSettings(deps: Deps, actor: Actor, input: QueueSettings): Promise<QueueSettings> {
  const saved = await saveSetting(deps, actor, 'queue', input, getQueueSettings);
  deps.events.publish('queue.changed', { reason: 'settings' });
  return saved;
}
