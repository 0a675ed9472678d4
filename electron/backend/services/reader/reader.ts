// 二代证阅读器 of this PC: the registration screen polls `reader.read` about every 300 ms while it
// is open; this module makes that safe for the reader. It never asks the reader sooner than the
// vendor's minimum interval (a poll that comes early gets the last state, without a read), joins a
// read already under way, and hands a card out once until it is lifted (a poll that sees no card).
// 'now' (F1 on the screen) hands the card on the reader out again. State is per backend process,
// which is the PC the reader is plugged into; a browser desk on another PC gets no reads.
import type { ParsedInputOf } from '@shared/api/contract';
import type { ReaderResult, ReaderSettings, ReaderSettingsView, ReaderState } from '@shared/api/schemas/reader';
import type { Actor, Deps } from '../../context';
import type { SessionHolder } from '../sessions';
import { isLoopbackAddress } from '../users';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { saveSetting } from '../settings-store';
import { driverFor } from './drivers';
import type { ReadOutcome } from './mapping';
import { getHallReaderSettings, readPcReaderSettings, thisPc, writePcReaderSettings } from './pc-settings';
import { getCardPhotoPolicy, storeCardPhoto } from './photos';

/** The settings this PC's reader runs with: its own, else the hall's default. */
async function effectiveSettings(deps: Deps): Promise<ReaderSettings> {
  return readPcReaderSettings(deps.dataDir) ?? (await getHallReaderSettings(deps.db));
}

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

/** `reader.read`: one poll (or an explicit read) of this PC's card reader. */
export async function readCard(deps: Deps, actor: Actor, session: SessionHolder, input: { mode: 'poll' | 'now' }): Promise<ReaderResult> {
  const s = await effectiveSettings(deps);
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
  if (card.photo && (await getCardPhotoPolicy(deps.db)).storePhoto)
    photoStored = await storeCardPhoto(deps, actor, card.idNumber, card.photo);
  return { ...base, state: hub.state, card, photoStored };
}

/** `reader.status`: the last known state, without asking the reader. */
export async function getReaderStatus(deps: Deps, session: SessionHolder): Promise<ReaderState> {
  if (remote(session)) return ELSEWHERE;
  const s = await effectiveSettings(deps);
  if (s.driver === 'none') return OFF;
  return hubFor(deps, s).state;
}

/** `reader.settings`: this PC's reader settings (or the hall's default it runs with), the PC, and the hall's photo policy. */
export async function getReaderSettingsView(deps: Deps): Promise<ReaderSettingsView> {
  const own = readPcReaderSettings(deps.dataDir);
  return {
    settings: own ?? (await getHallReaderSettings(deps.db)),
    source: own ? 'pc' : 'hall',
    pc: thisPc(deps),
    photos: await getCardPhotoPolicy(deps.db),
  };
}

/**
 * `reader.saveSettings`: this PC's reader, written to its data folder with an audit row naming the
 * PC (the file is written last inside the transaction: if it cannot be, nothing is recorded);
 * optionally also the hall's default for PCs with none.
 */
export async function saveReaderSettings(
  deps: Deps,
  actor: Actor,
  input: ParsedInputOf<'reader.saveSettings'>,
): Promise<ReaderSettingsView> {
  const { alsoHallDefault, ...settings } = input;
  if (alsoHallDefault) await saveSetting(deps, actor, 'card_reader', settings, getHallReaderSettings);
  const at = deps.now().toISOString();
  const pc = thisPc(deps);
  await writeTransaction(deps.db, async (trx) => {
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'settings.card_reader.pc',
      entity: 'settings',
      entityId: `card_reader@${pc.hostname}`,
      before: readPcReaderSettings(deps.dataDir),
      after: settings,
      note: `本机读卡器设置：电脑 ${pc.hostname}，数据文件夹 ${pc.dataDir}`,
    });
    writePcReaderSettings(deps.dataDir, settings, at);
  });
  return getReaderSettingsView(deps);
}
