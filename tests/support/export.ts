// Helpers for the export tests: the admin as an Actor, the outbox as records,
// destinations saved through the real service, and a correction input.
import type { Actor } from '../../electron/backend/context';
import type { Executor } from '../../electron/backend/db/connection';
import { destinationInput } from '@shared/api/schemas/export';
import { saveDestination } from '../../electron/backend/services/export/settings';
import type { ExportEntity, ExportRecord } from '../../electron/backend/services/export/types';
import type { InputOf } from '@shared/api/contract';
import type { VisitDetail } from '@shared/api/schemas/visits';
import type { TestHall } from './backend';

export async function adminActor(hall: TestHall): Promise<Actor> {
  const u = await hall.backend.deps.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  return { id: u.id, role: 'admin', displayName: u.display_name };
}

export async function outboxRecords(db: Executor): Promise<ExportRecord[]> {
  const rows = await db.selectFrom('outbox').selectAll().orderBy('seq').execute();
  return rows.map((r) => ({
    entity: r.entity as ExportEntity,
    id: r.entity_id,
    version: r.entity_version,
    op: r.op,
    at: r.at,
    data: JSON.parse(r.payload_json) as Record<string, unknown>,
  }));
}

export async function addFolder(hall: TestHall, path: string, over: Record<string, unknown> = {}) {
  return saveDestination(hall.backend.deps, await adminActor(hall), destinationInput.parse({ kind: 'folder', name: 'U盘', path, ...over }));
}

export async function addHttp(hall: TestHall, url: string, token: string, over: Record<string, unknown> = {}) {
  return saveDestination(
    hall.backend.deps,
    await adminActor(hall),
    destinationInput.parse({ kind: 'http', name: '区信访信息系统', url, token, timeoutMs: 1000, retries: 1, retryBaseMs: 10, ...over }),
  );
}

/** A correction of a saved visit that changes only the given fields. */
export function correction(
  v: VisitDetail,
  changes: Partial<InputOf<'visits.correct'>['changes']>,
  reason = '登记有误，按来访人要求更正',
): InputOf<'visits.correct'> {
  return {
    visitId: v.id,
    expectedVersion: v.version,
    reason,
    changes: {
      name: v.name,
      phone: v.phone,
      address: v.address,
      peopleCount: v.peopleCount,
      purpose: v.purpose,
      category: v.category,
      locationArea: v.locationArea,
      summary: v.summary,
      demands: v.demands,
      escort: v.escort,
      skipLevel: v.skipLevel,
      representatives: v.representatives,
      ...changes,
    },
  };
}
