// Walk-in registration (来访登记) and its corrections.
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { Correction, VisitDetail, VisitSummary } from '@shared/api/schemas/visits';
import { checkIdNumber } from '@shared/domain/identity';
import { hallDate } from '@shared/time';
import type { Actor, Deps } from '../context';
import { readablePersons, refusePersonOutOfReach } from './leader-scope';
import type { Executor } from '../db/connection';
import { nextDailyValue } from '../db/queries/counters';
import { writeTransaction } from '../db/transaction';
import { findPetitionerByDocument, findPetitionerById } from '../db/queries/petitioners';
import { findVisit, representativesOf, toVisitPayload, toVisitSummary, visitsOfDay } from '../db/queries/visits';
import type { PetitionersTable, VisitsTable } from '../db/schema';
import { recordChange } from './audit';
import { newId } from './ids';
import { nameInitials } from './pinyin';
import { newMatterRow } from './matters/create';
import { matterPayload } from '../db/queries/matters';
import { holidayCalendar } from './calendar/calendar';
import { getBureau } from './printing/bureau';
import { linkCardPhoto } from './reader/photos';

type RegisterInput = ParsedInputOf<'visits.register'>;
type CorrectInput = ParsedInputOf<'visits.correct'>;

/** LF20261124-0012: the hall date and a daily sequence that is never reused. */
export function formatVisitNo(day: string, seq: number): string {
  return `LF${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

function petitionerPayload(p: PetitionersTable) {
  // minimized_at (个人信息保留) is the hall's own bookkeeping, not part of the district's record.
  const { name_initials: _derived, minimized_at: _local, ...rest } = p;
  return rest;
}

/** Finds the person by document (or the one the clerk picked), creating or updating them. */
async function resolvePetitioner(trx: Executor, actor: Actor, input: RegisterInput, at: string): Promise<PetitionersTable> {
  const existing =
    input.idType !== 'none' && input.idNumber
      ? await findPetitionerByDocument(trx, input.idType, input.idNumber)
      : input.petitionerId
        ? await findPetitionerById(trx, input.petitionerId)
        : undefined;
  if (input.idType === 'none' && input.petitionerId && !existing) throw new ApiError('NOT_FOUND', '所选来访人不存在，请重新查找');

  const derived = input.idType === 'resident' || input.idType === 'hmt_residence' ? checkIdNumber(input.idType, input.idNumber) : null;
  const fresh = {
    name: input.name,
    name_initials: nameInitials(input.name),
    phone: input.phone || existing?.phone || '',
    address: input.address || existing?.address || '',
    gender: derived?.ok ? (derived.gender ?? null) : (existing?.gender ?? null),
    birth_date: derived?.ok ? (derived.birthDate ?? null) : (existing?.birth_date ?? null),
  };

  if (!existing) {
    const row: PetitionersTable = {
      id: newId(),
      id_type: input.idType,
      id_number: input.idNumber,
      ...fresh,
      created_at: at,
      updated_at: at,
      version: 1,
      minimized_at: null,
    };
    await trx.insertInto('petitioners').values(row).execute();
    await recordChange(trx, {
      at,
      actorId: actor.id,
      action: 'petitioner.create',
      entity: 'petitioner',
      entityId: row.id,
      after: petitionerPayload(row),
      version: 1,
      payload: petitionerPayload(row),
    });
    return row;
  }
  const changed = (Object.keys(fresh) as (keyof typeof fresh)[]).filter((k) => fresh[k] !== existing[k]);
  if (changed.length === 0) return existing;
  // New personal data makes the record whole again: a later retention run may minimise it again.
  const row: PetitionersTable = { ...existing, ...fresh, updated_at: at, version: existing.version + 1, minimized_at: null };
  await trx
    .updateTable('petitioners')
    .set({ ...fresh, updated_at: at, version: row.version, minimized_at: null })
    .where('id', '=', existing.id)
    .execute();
  await recordChange(trx, {
    at,
    actorId: actor.id,
    action: 'petitioner.update',
    entity: 'petitioner',
    entityId: row.id,
    before: Object.fromEntries(changed.map((k) => [k, existing[k]])),
    after: Object.fromEntries(changed.map((k) => [k, row[k]])),
    version: row.version,
    payload: petitionerPayload(row),
  });
  return row;
}

/** Links to the matter the clerk chose (重复访) or opens a new one (初访). */
async function resolveMatter(trx: Executor, actor: Actor, input: RegisterInput, petitionerId: string, at: string) {
  if (input.matterId) {
    const matter = await trx.selectFrom('matters').select(['id', 'petitioner_id']).where('id', '=', input.matterId).executeTakeFirst();
    if (!matter || matter.petitioner_id !== petitionerId) {
      throw new ApiError('VALIDATION', '所选信访事项不属于该来访人，请重新选择', { matterId: '所选信访事项不属于该来访人' });
    }
    return { id: matter.id, kind: 'repeat' as const, created: false };
  }
  const id = newId();
  const receivedOn = hallDate(new Date(at));
  const row = newMatterRow(
    {
      id,
      petitionerId,
      category: input.category,
      locationArea: input.locationArea,
      summary: input.summary,
      purpose: input.purpose,
      receivedOn,
      receivedBy: actor.id,
      receivedOrgan: (await getBureau(trx)).name,
      at,
    },
    await holidayCalendar(trx),
  );
  await trx.insertInto('matters').values(row).execute();
  return { id, kind: 'first' as const, created: true };
}

async function writeRepresentatives(trx: Executor, visitId: string, reps: RegisterInput['representatives']) {
  await trx.deleteFrom('visit_representatives').where('visit_id', '=', visitId).execute();
  for (const [i, r] of reps.entries()) {
    await trx
      .insertInto('visit_representatives')
      .values({ visit_id: visitId, position: i + 1, name: r.name, id_type: r.idType, id_number: r.idNumber, phone: r.phone })
      .execute();
  }
}

export async function registerVisit(deps: Deps, actor: Actor, input: RegisterInput): Promise<VisitDetail> {
  const now = deps.now();
  const at = now.toISOString();
  const day = hallDate(now);
  const detail = await writeTransaction(deps.db, async (trx) => {
    const petitioner = await resolvePetitioner(trx, actor, input, at);
    // A card photo kept when the card was read, before this person had a record.
    await linkCardPhoto(trx, actor.id, petitioner.id, petitioner.id_type, petitioner.id_number, at);
    const matter = await resolveMatter(trx, actor, input, petitioner.id, at);
    const visitNo = formatVisitNo(day, await nextDailyValue(trx, 'visit', day));
    const row: VisitsTable = {
      id: newId(),
      visit_no: visitNo,
      visit_date: day,
      petitioner_id: petitioner.id,
      matter_id: matter.id,
      kind: matter.kind,
      name: input.name,
      id_type: input.idType,
      id_number: input.idNumber,
      phone: input.phone,
      address: input.address,
      people_count: input.peopleCount,
      purpose: input.purpose,
      category: input.category,
      location_area: input.locationArea,
      summary: input.summary,
      demands: input.demands,
      escort_json: input.escort ? JSON.stringify(input.escort) : null,
      skip_level: input.skipLevel ? 1 : 0,
      outcome: null,
      corrected_at: null,
      registered_by: actor.id,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await trx.insertInto('visits').values(row).execute();
    if (matter.created) {
      await trx.updateTable('matters').set({ first_visit_id: row.id }).where('id', '=', matter.id).execute();
      const m = await trx.selectFrom('matters').selectAll().where('id', '=', matter.id).executeTakeFirstOrThrow();
      await recordChange(trx, {
        at,
        actorId: actor.id,
        action: 'matter.create',
        entity: 'matter',
        entityId: m.id,
        after: matterPayload(m),
        version: 1,
        payload: matterPayload(m),
      });
    }
    await writeRepresentatives(trx, row.id, input.representatives);
    const detail = await getVisit(trx, row.id);
    await recordChange(trx, {
      at,
      actorId: actor.id,
      action: 'visit.register',
      entity: 'visit',
      entityId: row.id,
      after: exportView(detail),
      version: 1,
      payload: exportView(detail),
    });
    return detail;
  });
  deps.events.publish('visits.changed', { visitId: detail.id, visitNo: detail.visitNo, change: 'registered' });
  return detail;
}

/** The record as audit and export see it: everything but derived display fields. */
function exportView(d: VisitDetail) {
  const { corrections: _c, registeredByName: _r, correctedAt: _a, ...rest } = d;
  return rest;
}

const CORRECTABLE = [
  'name',
  'phone',
  'address',
  'peopleCount',
  'purpose',
  'category',
  'locationArea',
  'summary',
  'demands',
  'escort',
  'skipLevel',
  'representatives',
] as const satisfies readonly (keyof CorrectInput['changes'] & keyof VisitDetail)[];

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : val,
  );
}

export async function correctVisit(deps: Deps, actor: Actor, input: CorrectInput): Promise<VisitDetail> {
  const at = deps.now().toISOString();
  const result = await writeTransaction(deps.db, async (trx) => {
    const before = await getVisit(trx, input.visitId);
    if (before.version !== input.expectedVersion) throw new ApiError('CONFLICT', '这条登记已被他人更正过，请重新打开后再改');
    const c = input.changes;
    const changed = CORRECTABLE.filter((k) => canonical(before[k]) !== canonical(c[k]));
    if (changed.length === 0) throw new ApiError('VALIDATION', '没有需要更正的内容');
    const version = before.version + 1;
    await trx
      .updateTable('visits')
      .set({
        name: c.name,
        phone: c.phone,
        address: c.address,
        people_count: c.peopleCount,
        purpose: c.purpose,
        category: c.category,
        location_area: c.locationArea,
        summary: c.summary,
        demands: c.demands,
        escort_json: c.escort ? JSON.stringify(c.escort) : null,
        skip_level: c.skipLevel ? 1 : 0,
        corrected_at: at,
        updated_at: at,
        version,
      })
      .where('id', '=', input.visitId)
      .where('version', '=', before.version)
      .execute();
    if (changed.includes('representatives')) await writeRepresentatives(trx, input.visitId, c.representatives);
    // A corrected name is a corrected person: keep the petitioner record, its
    // search key and the district's copy (outbox) in step.
    if (changed.includes('name')) {
      const p = await findPetitionerById(trx, before.petitionerId);
      if (p && p.name === before.name) {
        const fixed: PetitionersTable = { ...p, name: c.name, name_initials: nameInitials(c.name), updated_at: at, version: p.version + 1 };
        await trx
          .updateTable('petitioners')
          .set({ name: fixed.name, name_initials: fixed.name_initials, updated_at: at, version: fixed.version })
          .where('id', '=', p.id)
          .execute();
        await recordChange(trx, {
          at,
          actorId: actor.id,
          action: 'petitioner.update',
          entity: 'petitioner',
          entityId: p.id,
          before: { name: p.name },
          after: { name: fixed.name },
          note: input.reason,
          version: fixed.version,
          payload: petitionerPayload(fixed),
        });
      }
    }
    const after = await getVisit(trx, input.visitId);
    await recordChange(trx, {
      at,
      actorId: actor.id,
      action: 'visit.correct',
      entity: 'visit',
      entityId: input.visitId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      note: input.reason,
      version,
      payload: exportView(after),
    });
    return after;
  });
  deps.events.publish('visits.changed', { visitId: result.id, visitNo: result.visitNo, change: 'corrected' });
  return getVisit(deps.db, input.visitId); // now includes this correction in `corrections`
}

/**
 * Writes the outcome a leader recorded onto the visit (处理结果), as a new
 * version the district receives — in the caller's transaction, with the talk record.
 */
export async function setVisitOutcome(trx: Executor, actor: Actor, visitId: string, outcome: string, at: string): Promise<void> {
  const before = await getVisit(trx, visitId);
  const version = before.version + 1;
  await trx
    .updateTable('visits')
    .set({ outcome, updated_at: at, version })
    .where('id', '=', visitId)
    .where('version', '=', before.version)
    .execute();
  const after = await getVisit(trx, visitId);
  await recordChange(trx, {
    at,
    actorId: actor.id,
    action: 'visit.outcome',
    entity: 'visit',
    entityId: visitId,
    before: { outcome: before.outcome },
    after: { outcome },
    version,
    payload: exportView(after),
  });
}

async function correctionsOf(db: Executor, visitId: string): Promise<Correction[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.at', 'audit_log.before_json', 'audit_log.after_json', 'audit_log.note', 'users.display_name'])
    .where('audit_log.entity', '=', 'visit')
    .where('audit_log.entity_id', '=', visitId)
    .where('audit_log.action', '=', 'visit.correct')
    .orderBy('audit_log.at', 'desc')
    .execute();
  return rows.map((r) => {
    const before = JSON.parse(r.before_json ?? '{}') as Record<string, unknown>;
    const after = JSON.parse(r.after_json ?? '{}') as Record<string, unknown>;
    return {
      at: r.at,
      actorName: r.display_name ?? '',
      reason: r.note ?? '',
      changes: Object.keys(after).map((field) => ({ field, before: before[field], after: after[field] })),
    };
  });
}

export async function getVisit(db: Executor, visitId: string): Promise<VisitDetail> {
  const v = await findVisit(db, visitId);
  if (!v) throw new ApiError('NOT_FOUND', '找不到这条来访登记');
  const petitioner = await findPetitionerById(db, v.petitioner_id);
  const reps = await representativesOf(db, visitId);
  const summary = toVisitSummary(v);
  return {
    ...toVisitPayload(
      v,
      { gender: petitioner?.gender ?? null, birthDate: petitioner?.birth_date ?? null },
      reps.map((r) => ({ name: r.name, idType: r.id_type, idNumber: r.id_number, phone: r.phone })),
    ),
    registeredByName: summary.registeredByName,
    correctedAt: summary.correctedAt,
    corrections: await correctionsOf(db, visitId),
  };
}

/** A day's registrations; a leader sees those of the persons within their reach only. */
export async function listDay(deps: Deps, actor: Actor, day: string | undefined): Promise<VisitSummary[]> {
  const all = (await visitsOfDay(deps.db, day ?? hallDate(deps.now()))).map(toVisitSummary);
  const readable = await readablePersons(deps.db, actor, [...new Set(all.map((v) => v.petitionerId))]);
  return all.filter((v) => readable.has(v.petitionerId));
}

/** 'visits.get': one registration in full; a leader's only within their reach. */
export async function getVisitFor(deps: Deps, actor: Actor, visitId: string): Promise<VisitDetail> {
  const v = await getVisit(deps.db, visitId);
  await refusePersonOutOfReach(deps.db, actor, v.petitionerId);
  return v;
}
