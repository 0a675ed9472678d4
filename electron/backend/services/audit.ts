// Every change that matters writes an audit entry and an export-outbox entry in
// the same transaction as the change, so either all three land or none do.
import type { Executor } from '../db/connection';
import { newId } from './ids';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
  at: string;
}

export async function writeAudit(trx: Executor, e: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: e.at,
      actor_id: e.actorId,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      note: e.note ?? null,
    })
    .execute();
}

export interface ChangeRecord extends AuditEntry {
  entityId: string;
  /** The record's version after the change; the export sends id + version. */
  version: number;
  /** The full record as the district system should receive it. */
  payload: unknown;
}

export async function recordChange(trx: Executor, c: ChangeRecord): Promise<void> {
  await writeAudit(trx, c);
  await trx
    .insertInto('outbox')
    .values({
      id: newId(),
      at: c.at,
      entity: c.entity,
      entity_id: c.entityId,
      entity_version: c.version,
      op: 'upsert',
      payload_json: JSON.stringify(c.payload),
    })
    .execute();
}
