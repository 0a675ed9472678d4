// 二代证阅读器 of this PC: the registration screen polls `reader.read` about every 300 ms while it
// is open; this module makes that safe for the reader. It never asks the reader sooner than the
// vendor's minimum interval (a poll that comes early gets the last state, without a read), joins a
// read already under way, and hands a card out once until it is lifted (a poll that sees no card).
// 'now' (F1 on the screen) hands the card on the reader out again. State is per backend process,
// which is the PC the reader is plugged into; a browser desk on another PC gets no reads.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readerSettingsInput, type ReaderResult, type ReaderSettings, type ReaderState } from '@shared/api/schemas/reader';
import { DEFAULT_READER_SETTINGS } from '@shared/domain/card-reader';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import type { SessionHolder } from '../sessions';
import { isLoopbackAddress } from '../users';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { getSetting, saveSetting } from '../settings-store';
import { driverFor } from './drivers';
import type { ReadOutcome } from './mapping';

export const getReaderSettings = (db: Executor) => getSetting(db, 'card_reader', readerSettingsInput, DEFAULT_READER_SETTINGS);

interface Hub {
  settingsKey: string;
  lastStart: number;
  inflight: Promise<ReadOutcome> | null;
  state: ReaderState;
  /** The ID number of the card handed out and not lifted since. */
  delivered: string | null;
}

const hubs = new WeakMap<Deps, Hub>();

const OFF: ReaderState = { driver: 'none', light: 'off', fault: null, message: '未启用读卡器，请手工录入证件信息' };
/** A browser desk on another PC (serve mode with --lan-desks) must not read the card on the server's reader. */
const ELSEWHERE: ReaderState = {
  driver: 'none',
  light: 'off',
  fault: null,
  message: '读卡器接在运行服务的电脑上，本机浏览器无法使用，请手工录入',
};
const remote = (session: SessionHolder) => session.remoteAddress !== undefined && !isLoopbackAddress(session.remoteAddress);

function stateOf(s: ReaderSettings, o: ReadOutcome): ReaderState {
  if (o.kind === 'fault') return { driver: s.driver, light: 'fault', fault: o.fault, message: o.message };
  if (o.kind === 'noCard') return { driver: s.driver, light: 'ready', fault: null, message: '读卡器就绪，请放置身份证' };
  return { driver: s.driver, light: 'card', fault: null, message: '已读取身份证' };
}

function hubFor(deps: Deps, s: ReaderSettings): Hub {
  const key = JSON.stringify(s);
  let hub = hubs.get(deps);
  if (!hub || hub.settingsKey !== key) {
    hub = {
      settingsKey: key,
      lastStart: 0,
      inflight: null,
      state: { ...OFF, driver: s.driver, light: 'ready', message: '正在连接读卡器…' },
      delivered: null,
    };
    hubs.set(deps, hub);
  }
  return hub;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storePhoto(deps: Deps, actor: Actor, idNumber: string, photo: string): Promise<void> {
  const m = /^data:image\/(\w+);base64,(.*)$/.exec(photo);
  if (!m) return;
  const name = `${createHash('sha256').update(idNumber).digest('hex')}.${m[1] === 'jpeg' ? 'jpg' : m[1]}`;
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    const dir = join(deps.dataDir, 'card-photos');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, name), Buffer.from(m[2]!, 'base64'));
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'reader.photoStored',
      entity: 'card_photo',
      entityId: name,
      note: '按管理员设置保存身份证照片',
    });
  });
}

/** `reader.read`: one poll (or an explicit read) of this PC's card reader. */
export async function readCard(deps: Deps, actor: Actor, session: SessionHolder, input: { mode: 'poll' | 'now' }): Promise<ReaderResult> {
  const s = await getReaderSettings(deps.db);
  const base = { intervalMs: s.minIntervalMs, photoStored: false };
  if (remote(session)) return { ...base, state: ELSEWHERE, card: null };
  const driver = driverFor(s, deps.dataDir);
  if (!driver) return { ...base, state: OFF, card: null };
  const hub = hubFor(deps, s);
  if (hub.inflight) {
    // Someone is reading: share the outcome, not the card (it goes to whoever asked first).
    await hub.inflight;
    return { ...base, state: hub.state, card: null };
  }
  const wait = hub.lastStart + s.minIntervalMs - Date.now();
  if (wait > 0) {
    if (input.mode === 'poll') return { ...base, state: hub.state, card: null };
    await sleep(wait);
    if (hub.inflight) {
      await hub.inflight;
      return { ...base, state: hub.state, card: null };
    }
  }
  hub.lastStart = Date.now();
  const pending = driver.read();
  hub.inflight = pending;
  let outcome: ReadOutcome;
  try {
    outcome = await pending;
  } finally {
    hub.inflight = null;
  }
  hub.state = stateOf(s, outcome);
  if (outcome.kind === 'noCard') hub.delivered = null;
  if (outcome.kind !== 'card') return { ...base, state: hub.state, card: null };
  const card = outcome.card;
  if (input.mode === 'poll' && hub.delivered === card.idNumber) {
    return { ...base, state: { ...hub.state, message: '身份证已读取，取下后可放置下一张' }, card: null };
  }
  hub.delivered = card.idNumber;
  let photoStored = false;
  if (s.storePhoto && card.photo) {
    await storePhoto(deps, actor, card.idNumber, card.photo);
    photoStored = true;
  }
  return { ...base, state: hub.state, card, photoStored };
}

/** `reader.status`: the last known state, without asking the reader. */
export async function getReaderStatus(deps: Deps, session: SessionHolder): Promise<ReaderState> {
  if (remote(session)) return ELSEWHERE;
  const s = await getReaderSettings(deps.db);
  if (s.driver === 'none') return OFF;
  return hubFor(deps, s).state;
}

export const saveReaderSettings = (deps: Deps, actor: Actor, v: ReaderSettings) =>
  saveSetting(deps, actor, 'card_reader', v, getReaderSettings);
