// Card photos (二代证照片), kept only when the administrator turned that on (the hall's policy,
// `card_photos`): one row per ID number in card_photos (0023), keyed by the number's SHA-256 so a
// photo read before its person is registered is linked at registration. Kept in the database
// rather than in one PC's data folder, so every desk of a hall on PostgreSQL shows the same photo.
// A photo is removed after the retention period (from its last read) and with the person's data
// (removePersonPhotos, for the retention/minimisation job); every store, link, read and removal
// is audited.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cardPhotoPolicyInput, type CardPhotoPolicy, type PersonPhoto } from '@shared/api/schemas/reader';
import { DEFAULT_CARD_PHOTO_POLICY } from '@shared/domain/card-reader';
import type { IdType } from '@shared/domain/identity';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { newId } from '../ids';
import { getSetting, saveSetting } from '../settings-store';

const DAY_MS = 86_400_000;

export const getCardPhotoPolicy = (db: Executor) => getSetting(db, 'card_photos', cardPhotoPolicyInput, DEFAULT_CARD_PHOTO_POLICY);

const idHash = (idNumber: string) => createHash('sha256').update(idNumber).digest('hex');

/** Where a removed photo's audit row points: the person when linked, else the photo row. */
const subject = (r: { id: string; petitioner_id: string | null }) =>
  r.petitioner_id ? { entity: 'petitioner', entityId: r.petitioner_id } : { entity: 'card_photo', entityId: r.id };

async function removeRows(
  trx: Executor,
  rows: { id: string; petitioner_id: string | null }[],
  at: string,
  actorId: string | null,
  note: string,
) {
  for (const r of rows) {
    await trx.deleteFrom('card_photos').where('id', '=', r.id).execute();
    await writeAudit(trx, { at, actorId, action: 'reader.photoRemoved', ...subject(r), note });
  }
  return rows.length;
}

/** Removes photos last read before the retention period; run inside a write transaction. Returns how many. */
async function pruneExpired(trx: Executor, policy: CardPhotoPolicy, now: Date, actorId: string | null): Promise<number> {
  const cutoff = new Date(now.getTime() - policy.retentionDays * DAY_MS).toISOString();
  const rows = await trx.selectFrom('card_photos').select(['id', 'petitioner_id']).where('stored_at', '<', cutoff).execute();
  return removeRows(trx, rows, now.toISOString(), actorId, `身份证照片超过保存期限（${policy.retentionDays}天），已删除`);
}

/** The periodic sweep (and the one after the policy changes): reads first, writes only when a photo is due. */
export async function pruneCardPhotos(deps: Deps, actorId: string | null = null): Promise<number> {
  const policy = await getCardPhotoPolicy(deps.db);
  const cutoff = new Date(deps.now().getTime() - policy.retentionDays * DAY_MS).toISOString();
  const due = await deps.db.selectFrom('card_photos').select('id').where('stored_at', '<', cutoff).limit(1).executeTakeFirst();
  if (!due) return 0;
  return writeTransaction(deps.db, (trx) => pruneExpired(trx, policy, deps.now(), actorId));
}

/** Where an older version wrote kept photos (`<sha256 of the ID number>.<bmp|jpg|png>`), unlinked and never pruned. */
export const LEGACY_PHOTO_DIR = 'card-photos';
const LEGACY_NAME = /^([0-9a-f]{64})\.(bmp|jpg|png)$/;

/**
 * Moves the photos an older version kept as files in the data folder into card_photos (the last
 * read = the file's time, so the retention period applies to them; linked to the person at their
 * next registration or removed with their data by the same ID-number hash), audited, then deletes
 * the folder. Files of another shape are left and the folder kept. Returns how many were moved.
 */
export async function moveLegacyPhotoFiles(deps: Deps): Promise<number> {
  const dir = join(deps.dataDir, LEGACY_PHOTO_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const files: { hash: string; image: string; at: string; name: string }[] = [];
  for (const name of names) {
    const m = LEGACY_NAME.exec(name);
    if (!m) continue;
    const bytes = await readFile(join(dir, name));
    const at = (await stat(join(dir, name))).mtime.toISOString();
    files.push({ hash: m[1]!, image: `data:image/${m[2] === 'jpg' ? 'jpeg' : m[2]!};base64,${bytes.toString('base64')}`, at, name });
  }
  const now = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    for (const f of files) {
      if (await trx.selectFrom('card_photos').select('id').where('id_hash', '=', f.hash).executeTakeFirst()) continue;
      const id = newId();
      await trx
        .insertInto('card_photos')
        .values({ id, id_hash: f.hash, petitioner_id: null, image: f.image, stored_at: f.at, stored_by: null })
        .execute();
      await writeAudit(trx, {
        at: now,
        actorId: null,
        action: 'reader.photoStored',
        entity: 'card_photo',
        entityId: id,
        note: '旧版保存在数据文件夹 card-photos 中的身份证照片迁入数据库',
      });
    }
  });
  for (const f of files) await rm(join(dir, f.name), { force: true });
  if (files.length === names.length) await rm(dir, { recursive: true, force: true });
  return files.length;
}

/** Keeps the photo of a card just read (the policy is on), linked to its person when registered. */
export async function storeCardPhoto(deps: Deps, actor: Actor, idNumber: string, photo: string): Promise<boolean> {
  if (!/^data:image\/(bmp|jpeg|png);base64,[A-Za-z0-9+/=]+$/.test(photo)) return false;
  const now = deps.now();
  const at = now.toISOString();
  const hash = idHash(idNumber);
  return writeTransaction(deps.db, async (trx) => {
    const policy = await getCardPhotoPolicy(trx);
    if (!policy.storePhoto) return false;
    const person = await trx
      .selectFrom('petitioners')
      .select('id')
      .where('id_type', '=', 'resident')
      .where('id_number', '=', idNumber)
      .executeTakeFirst();
    const existing = await trx.selectFrom('card_photos').select(['id', 'petitioner_id']).where('id_hash', '=', hash).executeTakeFirst();
    const id = existing?.id ?? newId();
    const petitionerId = existing?.petitioner_id ?? person?.id ?? null;
    if (existing) {
      await trx
        .updateTable('card_photos')
        .set({ image: photo, stored_at: at, stored_by: actor.id, petitioner_id: petitionerId })
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('card_photos')
        .values({ id, id_hash: hash, petitioner_id: petitionerId, image: photo, stored_at: at, stored_by: actor.id })
        .execute();
    }
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'reader.photoStored',
      ...subject({ id, petitioner_id: petitionerId }),
      note: `按管理员设置保存身份证照片（保存${policy.retentionDays}天）`,
    });
    await pruneExpired(trx, policy, now, null);
    return true;
  });
}

/** Links a photo read before the person was registered to the person; inside the registration's transaction. */
export async function linkCardPhoto(trx: Executor, actorId: string, petitionerId: string, idType: IdType, idNumber: string, at: string) {
  if (idType !== 'resident' || !idNumber) return;
  const row = await trx
    .selectFrom('card_photos')
    .select('id')
    .where('id_hash', '=', idHash(idNumber))
    .where('petitioner_id', 'is', null)
    .executeTakeFirst();
  if (!row) return;
  await trx.updateTable('card_photos').set({ petitioner_id: petitionerId }).where('id', '=', row.id).execute();
  await writeAudit(trx, {
    at,
    actorId,
    action: 'reader.photoLinked',
    entity: 'petitioner',
    entityId: petitionerId,
    note: '身份证照片关联到来访人',
  });
}

/**
 * Removes every kept card photo of a person (by the link, and by their resident ID number for one
 * not yet linked), with an audit row each, inside the caller's write transaction. For the
 * personal-data retention job: call it before the person's ID number is cleared. Returns how many.
 */
export async function removePersonPhotos(
  trx: Executor,
  personId: string,
  opts: { at: string; actorId: string | null; note?: string },
): Promise<number> {
  const p = await trx.selectFrom('petitioners').select(['id_type', 'id_number']).where('id', '=', personId).executeTakeFirst();
  const hash = p && p.id_type === 'resident' && p.id_number ? idHash(p.id_number) : null;
  const rows = await trx
    .selectFrom('card_photos')
    .select(['id', 'petitioner_id'])
    .where((eb) => (hash ? eb.or([eb('petitioner_id', '=', personId), eb('id_hash', '=', hash)]) : eb('petitioner_id', '=', personId)))
    .execute();
  return removeRows(
    trx,
    rows.map((r) => ({ ...r, petitioner_id: personId })),
    opts.at,
    opts.actorId,
    opts.note ?? '来访人个人信息删除，身份证照片一并删除',
  );
}

/** `petitioners.photo`: the person's kept photo, unless past the retention period (then it is as good as gone). */
export async function getPersonPhoto(deps: Deps, input: { petitionerId: string }): Promise<PersonPhoto> {
  const policy = await getCardPhotoPolicy(deps.db);
  const cutoff = new Date(deps.now().getTime() - policy.retentionDays * DAY_MS).toISOString();
  const row = await deps.db
    .selectFrom('card_photos')
    .select(['image', 'stored_at'])
    .where('petitioner_id', '=', input.petitionerId)
    .where('stored_at', '>=', cutoff)
    .executeTakeFirst();
  return { petitionerId: input.petitionerId, photo: row?.image ?? null, storedAt: row?.stored_at ?? null };
}

/** `reader.savePhotoPolicy`: audited like every setting; a shorter period removes what it no longer allows at once. */
export async function saveCardPhotoPolicy(deps: Deps, actor: Actor, v: CardPhotoPolicy): Promise<CardPhotoPolicy> {
  const saved = await saveSetting(deps, actor, 'card_photos', v, getCardPhotoPolicy);
  await pruneCardPhotos(deps, actor.id);
  return saved;
}
