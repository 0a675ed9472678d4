// Issue 14's remainders. The reader settings belong to the PC the reader is plugged into (its data
// folder), with the hall's value only as the default: two backends on one database (two PCs) each
// keep their own. Card photos, kept only under the hall's policy, are linked to the person, shown
// to the desk and not to leaders (each read audited), and removed after the retention period or
// with the person's data, each removal audited. Runs on SQLite and on PostgreSQL.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ReaderSettings } from '@shared/api/schemas/reader';
import { DEFAULT_READER_SETTINGS, READER_PRESETS } from '@shared/domain/card-reader';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { writeTransaction } from '../../electron/backend/db/transaction';
import { moveLegacyPhotoFiles, pruneCardPhotos, removePersonPhotos } from '../../electron/backend/services/reader/photos';
import { client, PASSWORD, residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

const ID = residentId('110105', '19900307', '123');
const BMP = Buffer.concat([Buffer.from('BM'), Buffer.alloc(40, 7)]).toString('base64');
const PHOTO = `data:image/bmp;base64,${BMP}`;
const DAY = 86_400_000;

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await h.as('clerk', 'clerka');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Another PC of the hall: its own backend and data folder, on the same database. */
async function otherPc(prefix: string): Promise<{ backend: Backend; dir: string; admin: Client }> {
  const dir = hall.tempDir(prefix);
  const backend = await createBackend({ dataDir: dir, database: hall.database, now: () => new Date(hall.clock.now) });
  hall.defer(() => backend.close());
  const admin = client(backend);
  await admin.call('auth.login', { username: 'admin', password: PASSWORD });
  return { backend, dir, admin };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

const save = (c: Client, over: Partial<ReaderSettings>, alsoHallDefault = false) =>
  c.call('reader.saveSettings', { ...DEFAULT_READER_SETTINGS, minIntervalMs: 200, timeoutMs: 800, ...over, alsoHallDefault });

function placeCard(dir: string, photo: string | null = BMP) {
  const card = {
    name: '王五',
    sex: '男',
    nation: '汉',
    birthDate: '19900307',
    address: '北京市朝阳区和平街道12号',
    idNumber: ID,
    authority: '北京市公安局朝阳分局',
    validFrom: '20150101',
    validTo: '20350101',
    ...(photo ? { photo } : {}),
  };
  writeFileSync(join(dir, 'card-reader-sim.json'), JSON.stringify({ placed: 0, cards: [card] }));
}

const auditRows = (action: string) =>
  hall.backend.deps.db
    .selectFrom('audit_log')
    .select(['entity', 'entity_id', 'note', 'actor_id'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('each PC keeps its own reader settings', () => {
  it('two backends on one database keep their own reader; a PC with none runs with the hall default', async () => {
    const b = await otherPc('pc-b-');
    const clerkB = client(b.backend);
    await clerkB.call('auth.login', { username: 'clerka', password: PASSWORD });
    const port = await closedPort();

    await save(hall.admin, { driver: 'simulator' });
    await save(b.admin, { ...READER_PRESETS[0]!.settings, driver: 'local', port });

    const a = await hall.admin.call('reader.settings', {});
    expect(a).toMatchObject({ source: 'pc', settings: { driver: 'simulator' }, pc: { dataDir: hall.dir } });
    expect(a.pc.hostname).not.toBe('');
    const bv = await b.admin.call('reader.settings', {});
    expect(bv).toMatchObject({ source: 'pc', settings: { driver: 'local', port }, pc: { dataDir: b.dir } });

    // Each PC reads with its own reader: A's simulator has the card; B's vendor service is not running.
    placeCard(hall.dir);
    expect((await clerk.call('reader.read', { mode: 'now' })).card?.idNumber).toBe(ID);
    const rb = await clerkB.call('reader.read', { mode: 'now' });
    expect(rb.card).toBeNull();
    expect(rb.state).toMatchObject({ light: 'fault', fault: 'down', message: expect.stringContaining(`127.0.0.1:${port}`) });

    // Kept in each data folder, the app user's only.
    for (const dir of [hall.dir, b.dir]) expect(statSync(join(dir, 'card-reader.json')).mode & 0o777).toBe(0o600);

    // A third PC that has saved nothing runs with the hall's default, which A may set for it.
    const c = await otherPc('pc-c-');
    expect(await c.admin.call('reader.settings', {})).toMatchObject({ source: 'hall', settings: { driver: 'none' } });
    await save(hall.admin, { driver: 'simulator', minIntervalMs: 400 }, true);
    expect(await c.admin.call('reader.settings', {})).toMatchObject({
      source: 'hall',
      settings: { driver: 'simulator', minIntervalMs: 400 },
    });
    expect((await b.admin.call('reader.settings', {})).settings).toMatchObject({ driver: 'local', port });
    expect((await hall.admin.call('reader.settings', {})).settings.minIntervalMs).toBe(400);

    // Every save is audited, naming the PC's data folder; the hall default has its own row.
    const rows = await auditRows('settings.card_reader.pc');
    expect(rows.map((r) => r.note)).toEqual([
      expect.stringContaining(hall.dir),
      expect.stringContaining(b.dir),
      expect.stringContaining(hall.dir),
    ]);
    expect(await auditRows('settings.card_reader')).toHaveLength(1);
  });

  it('refuses bad settings in Chinese naming the field, and only the administrator saves them', async () => {
    const bad = await hall.admin.fail('reader.saveSettings', { ...DEFAULT_READER_SETTINGS, port: 0, alsoHallDefault: false });
    expect(bad.code).toBe('VALIDATION');
    expect(JSON.stringify(bad.fields)).toContain('端口应在1至65535之间');
    expect((await clerk.fail('reader.saveSettings', { ...DEFAULT_READER_SETTINGS, alsoHallDefault: false })).code).toBe('FORBIDDEN');
    expect((await clerk.fail('reader.savePhotoPolicy', { storePhoto: true, retentionDays: 30 })).code).toBe('FORBIDDEN');
    const days = await hall.admin.fail('reader.savePhotoPolicy', { storePhoto: true, retentionDays: 0 });
    expect(JSON.stringify(days.fields)).toContain('照片保存天数应在1至3650天之间');
  });
});

describe('kept card photos', () => {
  it('are kept only under the hall policy, linked to the person at registration, shown to the desk on every PC and not to leaders', async () => {
    await save(hall.admin, { driver: 'simulator' });
    placeCard(hall.dir);
    const shown = await clerk.call('reader.read', { mode: 'now' });
    expect(shown.card?.photo).toBe(PHOTO);
    expect(shown.photoStored).toBe(false);
    expect(await hall.backend.deps.db.selectFrom('card_photos').selectAll().execute()).toEqual([]);

    await hall.admin.call('reader.savePhotoPolicy', { storePhoto: true, retentionDays: 30 });
    await sleep(250);
    expect((await clerk.call('reader.read', { mode: 'now' })).photoStored).toBe(true);
    const [before] = await hall.backend.deps.db.selectFrom('card_photos').selectAll().execute();
    expect(before).toMatchObject({ petitioner_id: null, image: PHOTO });
    expect(before!.id_hash).not.toContain(ID);

    const v = await clerk.call('visits.register', visitInput({ idNumber: ID, name: '王五' }));
    const [after] = await hall.backend.deps.db.selectFrom('card_photos').selectAll().execute();
    expect(after!.petitioner_id).toBe(v.petitionerId);
    expect(await auditRows('reader.photoLinked')).toEqual([expect.objectContaining({ entity: 'petitioner', entity_id: v.petitionerId })]);
    expect(await auditRows('reader.photoStored')).toEqual([expect.objectContaining({ entity: 'card_photo', entity_id: before!.id })]);

    // The desk sees it (on another PC of the hall too: it is in the database); a leader is refused.
    expect(await clerk.call('petitioners.photo', { petitionerId: v.petitionerId })).toMatchObject({ photo: PHOTO });
    const b = await otherPc('pc-b-');
    expect((await b.admin.call('petitioners.photo', { petitionerId: v.petitionerId })).photo).toBe(PHOTO);
    const leader = await hall.as('leader', 'wang');
    expect((await leader.fail('petitioners.photo', { petitionerId: v.petitionerId })).code).toBe('FORBIDDEN');

    // Each read is audited, naming the person.
    const reads = await hall.backend.deps.db
      .selectFrom('audit_log')
      .select(['actor_id', 'after_json'])
      .where('action', '=', 'read')
      .where('entity', '=', 'petitioners.photo')
      .execute();
    expect(reads).toHaveLength(2);
    for (const r of reads) expect(JSON.parse(r.after_json!)).toMatchObject({ persons: [v.petitionerId] });

    // A card read again, its person registered: the new photo is linked at once, audited on the person.
    await sleep(250);
    await clerk.call('reader.read', { mode: 'now' });
    expect((await auditRows('reader.photoStored')).at(-1)).toMatchObject({ entity: 'petitioner', entity_id: v.petitionerId });
    expect(await hall.backend.deps.db.selectFrom('card_photos').select('id').execute()).toHaveLength(1);
  });

  it('are removed after the retention period, when the period is shortened, and with the person’s data, each audited', async () => {
    await save(hall.admin, { driver: 'simulator' });
    await hall.admin.call('reader.savePhotoPolicy', { storePhoto: true, retentionDays: 30 });
    placeCard(hall.dir);
    await clerk.call('reader.read', { mode: 'now' });
    const v = await clerk.call('visits.register', visitInput({ idNumber: ID, name: '王五' }));
    const photos = () => hall.backend.deps.db.selectFrom('card_photos').select(['id', 'petitioner_id']).execute();

    // Day 29: still kept; day 31: no longer shown, and the sweep removes it.
    hall.clock.now = new Date(hall.clock.now.getTime() + 29 * DAY);
    expect(await pruneCardPhotos(hall.backend.deps)).toBe(0);
    expect((await clerk.call('petitioners.photo', { petitionerId: v.petitionerId })).photo).toBe(PHOTO);
    hall.clock.now = new Date(hall.clock.now.getTime() + 2 * DAY);
    expect((await clerk.call('petitioners.photo', { petitionerId: v.petitionerId })).photo).toBeNull();
    expect(await pruneCardPhotos(hall.backend.deps)).toBe(1);
    expect(await photos()).toEqual([]);
    expect(await auditRows('reader.photoRemoved')).toEqual([
      expect.objectContaining({ entity: 'petitioner', entity_id: v.petitionerId, actor_id: null, note: expect.stringContaining('30天') }),
    ]);

    // A shorter period saved by the administrator removes what it no longer allows at once.
    await sleep(250);
    await clerk.call('reader.read', { mode: 'now' });
    hall.clock.now = new Date(hall.clock.now.getTime() + 3 * DAY);
    await hall.admin.call('reader.savePhotoPolicy', { storePhoto: true, retentionDays: 2 });
    expect(await photos()).toEqual([]);
    expect(await auditRows('reader.photoRemoved')).toHaveLength(2);

    // The person's data minimised (the retention job calls removePersonPhotos in its transaction).
    await hall.admin.call('reader.savePhotoPolicy', { storePhoto: true, retentionDays: 30 });
    await sleep(250);
    await clerk.call('reader.read', { mode: 'now' });
    expect(await photos()).toEqual([expect.objectContaining({ petitioner_id: v.petitionerId })]);
    const at = hall.clock.now.toISOString();
    const removed = await writeTransaction(hall.backend.deps.db, (trx) => removePersonPhotos(trx, v.petitionerId, { at, actorId: null }));
    expect(removed).toBe(1);
    expect(await photos()).toEqual([]);
    expect((await auditRows('reader.photoRemoved')).at(-1)).toMatchObject({
      entity: 'petitioner',
      entity_id: v.petitionerId,
      note: expect.stringContaining('个人信息删除'),
    });
    expect((await clerk.call('petitioners.photo', { petitionerId: v.petitionerId })).photo).toBeNull();
  });

  it('moves the photo files an older version kept in the data folder into the database, to be linked and pruned like the rest', async () => {
    const dir = join(hall.dir, 'card-photos');
    mkdirSync(dir);
    const name = `${createHash('sha256').update(ID).digest('hex')}.bmp`;
    writeFileSync(join(dir, name), Buffer.from(BMP, 'base64'));
    const tenDaysAgo = new Date(hall.clock.now.getTime() - 10 * DAY);
    utimesSync(join(dir, name), tenDaysAgo, tenDaysAgo);
    writeFileSync(join(dir, 'notes.txt'), 'not a photo');

    expect(await moveLegacyPhotoFiles(hall.backend.deps)).toBe(1);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    const [row] = await hall.backend.deps.db.selectFrom('card_photos').selectAll().execute();
    expect(row).toMatchObject({ image: PHOTO, petitioner_id: null, stored_by: null, stored_at: tenDaysAgo.toISOString() });
    expect(await auditRows('reader.photoStored')).toEqual([expect.objectContaining({ entity: 'card_photo', actor_id: null })]);

    // Linked at the person's registration; past a 7-day period it goes at the next sweep.
    const v = await clerk.call('visits.register', visitInput({ idNumber: ID, name: '王五' }));
    expect((await clerk.call('petitioners.photo', { petitionerId: v.petitionerId })).photo).toBe(PHOTO);
    await hall.admin.call('reader.savePhotoPolicy', { storePhoto: true, retentionDays: 7 });
    expect(await hall.backend.deps.db.selectFrom('card_photos').select('id').execute()).toEqual([]);

    // A folder holding only old photos is removed with them.
    rmSync(join(dir, 'notes.txt'));
    writeFileSync(join(dir, name), Buffer.from(BMP, 'base64'));
    expect(await moveLegacyPhotoFiles(hall.backend.deps)).toBe(1);
    expect(existsSync(dir)).toBe(false);
  });
});
