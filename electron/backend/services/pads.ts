// 评价器 (satisfaction pad): a tablet at a window or talk room, paired to it
// by a one-time code, asking the visitor just finished there 满意 / 基本满意 /
// 不满意. The pad has no login: it proves itself with a random token (only
// its SHA-256 is stored) and sees the place, who served and the question —
// never the visitor's name, ID, phone or matter.
//
// How a window answer relates to the matter's 评价 (群众参评率 / 参评群众满意率):
// the 条例's evaluation is of the matter's handling, and a matter is
// evaluated once it is concluded (办结). A pad answer is first of all an
// evaluation of the reception at that window, kept in `evaluations` and
// counted in the window figures (窗口参评率 / 窗口满意率). It is also the
// matter's evaluation (via 评价器, through the same matters rule as any other)
// only when the matter was concluded at this very visit — 当场答复 at the
// window or at the talk — and has no evaluation yet: then the visitor is
// judging the handling, which ended in front of them. A matter still being
// handled is evaluated later, after 办结 (回访, a later visit); a pad answer
// about its reception says nothing about a result that does not exist yet.
// A question that times out is 未参评 for the window; the matter is left
// unevaluated (which counts the same in 群众参评率, and a later 回访 may still
// record one).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ApiError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import {
  padSettingsInput,
  type PadAnswerResult,
  type PadCode,
  type PadPlace,
  type PadSettings,
  type PadState,
  type PadView,
} from '@shared/api/schemas/pads';
import { DEFAULT_PAD_TIMEOUT_SECONDS, DEFAULT_PAD_WORDS, PAD_CODE_MINUTES, PAD_REASONS } from '@shared/domain/pad';
import { PLACE_NAMES } from '@shared/domain/queue';
import { hallDate } from '@shared/time';
import type { Actor, Deps } from '../context';
import type { Executor } from '../db/connection';
import { findMatterRow } from '../db/queries/matters';
import { findUserById } from '../db/queries/users';
import type { PadsTable } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { writeAudit } from './audit';
import { holidayCalendar } from './calendar/calendar';
import { newId } from './ids';
import { applyMatterAction } from './matters/act';
import { getBureau } from './printing/bureau';
import { getSetting, saveSetting } from './settings-store';

const DEFAULTS: PadSettings = { timeoutSeconds: DEFAULT_PAD_TIMEOUT_SECONDS, words: DEFAULT_PAD_WORDS };

export const getPadSettings = (db: Executor) => getSetting(db, 'pad', padSettingsInput, DEFAULTS);
export const savePadSettings = (deps: Deps, actor: Actor, v: PadSettings) => saveSetting(deps, actor, 'pad', v, getPadSettings);

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

interface PlaceRef {
  deskId: string | null;
  roomId: string | null;
}

async function placeOf(db: Executor, p: PlaceRef): Promise<PadPlace> {
  if (p.deskId) {
    const d = await db.selectFrom('desks').select(['id', 'number']).where('id', '=', p.deskId).executeTakeFirst();
    if (!d) throw new ApiError('NOT_FOUND', '找不到该窗口', { deskId: '找不到该窗口' });
    return { kind: 'desk', id: d.id, number: d.number, name: `${d.number}号${PLACE_NAMES.desk}` };
  }
  const r = await db.selectFrom('rooms').select(['id', 'number', 'name']).where('id', '=', p.roomId!).executeTakeFirst();
  if (!r) throw new ApiError('NOT_FOUND', '找不到该接谈室', { roomId: '找不到该接谈室' });
  return { kind: 'room', id: r.id, number: r.number, name: r.name || `${r.number}号${PLACE_NAMES.room}` };
}

/** Same place: a pad answers only for its own desk or room. */
const samePlace = (a: PlaceRef, b: PlaceRef) => (a.deskId ?? null) === (b.deskId ?? null) && (a.roomId ?? null) === (b.roomId ?? null);

// ---- the administrator: codes, the list, revoking ----------------------------------

/** pads.pairCode: a 6-digit code, good once for PAD_CODE_MINUTES, that pairs a pad to this place. */
export async function pairCode(deps: Deps, actor: Actor, input: ParsedInputOf<'pads.pairCode'>): Promise<PadCode> {
  const now = deps.now();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + PAD_CODE_MINUTES * 60_000).toISOString();
  return writeTransaction(deps.db, async (trx) => {
    const place = await placeOf(trx, input);
    await trx.deleteFrom('pad_codes').where('expires_at', '<=', at).execute();
    let code = '';
    for (;;) {
      code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!(await trx.selectFrom('pad_codes').select('code').where('code', '=', code).executeTakeFirst())) break;
    }
    await trx
      .insertInto('pad_codes')
      .values({ code, desk_id: input.deskId, room_id: input.roomId, expires_at: expiresAt, created_by: actor.id, created_at: at })
      .execute();
    await writeAudit(trx, { at, actorId: actor.id, action: 'pad.code', entity: place.kind, entityId: place.id, after: { expiresAt } });
    return { code, expiresAt, place };
  });
}

export async function listPads(deps: Deps): Promise<PadView[]> {
  const rows = await deps.db.selectFrom('pads').selectAll().where('revoked_at', 'is', null).orderBy('paired_at').execute();
  const out: PadView[] = [];
  for (const p of rows)
    out.push({
      id: p.id,
      place: await placeOf(deps.db, { deskId: p.desk_id, roomId: p.room_id }),
      pairedAt: p.paired_at,
      lastSeenAt: p.last_seen_at,
    });
  return out;
}

export async function revokePad(deps: Deps, actor: Actor, padId: string): Promise<null> {
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    const res = await trx
      .updateTable('pads')
      .set({ revoked_at: at })
      .where('id', '=', padId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('NOT_FOUND', '找不到该评价器，或已解除配对');
    await writeAudit(trx, { at, actorId: actor.id, action: 'pad.revoke', entity: 'pad', entityId: padId });
  });
  return null;
}

// ---- the pad: pairing, its state, its answer -----------------------------------------

/**
 * Wrong codes since the last good one, per store. A 6-digit code could be
 * guessed by a machine on the LAN trying them all: after this many wrong tries
 * every open code is withdrawn and the administrator shows a new one.
 */
const WRONG_CODES_ALLOWED = 20;
const wrongCodes = new WeakMap<object, number>();

/** pad.pair: the code becomes a pad of that place with a fresh token (shown to the pad once). */
export async function pairPad(deps: Deps, input: ParsedInputOf<'pad.pair'>): Promise<{ token: string; place: PadPlace }> {
  const at = deps.now().toISOString();
  const result = await writeTransaction(deps.db, async (trx) => {
    const c = await trx.selectFrom('pad_codes').selectAll().where('code', '=', input.code).where('expires_at', '>', at).executeTakeFirst();
    if (!c) return null;
    await trx.deleteFrom('pad_codes').where('code', '=', c.code).execute();
    const token = randomBytes(32).toString('base64url');
    const id = newId();
    await trx
      .insertInto('pads')
      .values({
        id,
        desk_id: c.desk_id,
        room_id: c.room_id,
        token_hash: hashToken(token),
        paired_at: at,
        paired_by: c.created_by,
        last_seen_at: at,
        revoked_at: null,
      })
      .execute();
    const place = await placeOf(trx, { deskId: c.desk_id, roomId: c.room_id });
    await writeAudit(trx, {
      at,
      actorId: null,
      action: 'pad.pair',
      entity: 'pad',
      entityId: id,
      after: { place: place.name, codeBy: c.created_by },
    });
    return { token, place };
  });
  if (result) {
    wrongCodes.delete(deps.db);
    return result;
  }
  const wrong = (wrongCodes.get(deps.db) ?? 0) + 1;
  wrongCodes.set(deps.db, wrong);
  if (wrong >= WRONG_CODES_ALLOWED) {
    wrongCodes.delete(deps.db);
    await writeTransaction(deps.db, async (trx) => {
      await trx.deleteFrom('pad_codes').execute();
      await writeAudit(trx, {
        at,
        actorId: null,
        action: 'pad.codes_withdrawn',
        entity: 'pad',
        entityId: null,
        note: `连续${wrong}次配对码错误`,
      });
    });
  }
  throw new ApiError('VALIDATION', '配对码不正确或已过期，请向管理员索取新的配对码', { code: '配对码不正确或已过期' });
}

async function padOf(db: Executor, token: string): Promise<PadsTable> {
  const pad = await db.selectFrom('pads').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!pad || pad.revoked_at) throw new ApiError('FORBIDDEN', '评价器未配对或配对已解除，请向管理员索取配对码重新配对');
  return pad;
}

/** The place a pad's token is paired to, for its event stream; null when the token is unknown or revoked. */
export async function padPlaceOf(deps: Deps, token: string): Promise<PlaceRef | null> {
  const pad = await padOf(deps.db, token).catch(() => null);
  return pad ? { deskId: pad.desk_id, roomId: pad.room_id } : null;
}

/** The latest question of a place (answered, open or timed out). */
function latestQuestion(db: Executor, p: PlaceRef) {
  return db
    .selectFrom('evaluations')
    .selectAll()
    .where(p.deskId ? 'desk_id' : 'room_id', '=', (p.deskId ?? p.roomId)!)
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Who serves at the place now: the window's last caller today, or the leader who last called into the room. */
async function staffOf(db: Executor, p: PlaceRef, today: string): Promise<PadState['staff']> {
  const call = p.deskId
    ? await db
        .selectFrom('ticket_calls as c')
        .innerJoin('tickets as t', 't.id', 'c.ticket_id')
        .select('c.actor_id')
        .where('c.desk_id', '=', p.deskId)
        .where('t.day', '=', today)
        .orderBy('c.at', 'desc')
        .limit(1)
        .executeTakeFirst()
    : await db
        .selectFrom('room_calls as c')
        .innerJoin('tickets as t', 't.id', 'c.ticket_id')
        .select('c.actor_id')
        .where('c.room_id', '=', p.roomId!)
        .where('t.day', '=', today)
        .orderBy('c.at', 'desc')
        .limit(1)
        .executeTakeFirst();
  if (!call) return null;
  const u = await findUserById(db, call.actor_id);
  // The account's login name is the staff number (工号) the bureau hands out.
  return u ? { name: u.display_name, staffNo: u.username } : null;
}

/** pad.state: the place, who serves, the bureau's words and the open question, if any. */
export async function getPadState(deps: Deps, input: ParsedInputOf<'pad.state'>): Promise<PadState> {
  const now = deps.now();
  const pad = await padOf(deps.db, input.token);
  const ref = { deskId: pad.desk_id, roomId: pad.room_id };
  // Seen at most once a minute: a pad refetches on every queue change and must not take the write lock each time.
  if (!pad.last_seen_at || now.getTime() - Date.parse(pad.last_seen_at) > 60_000)
    await writeTransaction(deps.db, (trx) =>
      trx.updateTable('pads').set({ last_seen_at: now.toISOString() }).where('id', '=', pad.id).execute(),
    );
  const [place, settings, bureau, staff, q] = await Promise.all([
    placeOf(deps.db, ref),
    getPadSettings(deps.db),
    getBureau(deps.db),
    staffOf(deps.db, ref, hallDate(now)),
    latestQuestion(deps.db, ref),
  ]);
  let question: PadState['question'] = null;
  if (q && q.answer === null && Date.parse(q.expires_at) > now.getTime()) {
    const t = q.ticket_id ? await deps.db.selectFrom('tickets').select('ticket_no').where('id', '=', q.ticket_id).executeTakeFirst() : null;
    question = {
      evaluationId: q.id,
      ticketNo: t?.ticket_no ?? null,
      secondsLeft: Math.ceil((Date.parse(q.expires_at) - now.getTime()) / 1000),
    };
  }
  return { place, bureau: bureau.name, words: settings.words, staff, question, timeoutSeconds: settings.timeoutSeconds };
}

/**
 * pad.answer: stores the visitor's answer once. A resend of the same answer
 * (same answerKey) is accepted again without writing; a different answer to a
 * question already answered, a question of another place, one superseded by the
 * next visitor, or one whose time ran out, is refused.
 */
export async function answerPad(deps: Deps, input: ParsedInputOf<'pad.answer'>): Promise<PadAnswerResult> {
  if (input.answer !== 'unsatisfied' && input.reasons.length > 0)
    throw new ApiError('VALIDATION', '只有“不满意”需要选择原因', { reasons: '只有“不满意”需要选择原因' });
  const at = deps.now().toISOString();
  const cal = await holidayCalendar(deps.db);
  const out = await writeTransaction(deps.db, async (trx) => {
    const pad = await padOf(trx, input.token);
    const ref = { deskId: pad.desk_id, roomId: pad.room_id };
    const e = await trx.selectFrom('evaluations').selectAll().where('id', '=', input.evaluationId).executeTakeFirst();
    if (!e || !samePlace(ref, { deskId: e.desk_id, roomId: e.room_id }))
      throw new ApiError('CONFLICT', '这次评价不属于本评价器所在的窗口，未保存');
    if (e.answer !== null) {
      if (e.answer_key === input.answerKey)
        return { result: { answer: e.answer as PadAnswerResult['answer'], duplicate: true }, matterId: null, e };
      throw new ApiError('CONFLICT', '本次接待已经评价过了');
    }
    const latest = await latestQuestion(trx, ref);
    if (latest?.id !== e.id) throw new ApiError('CONFLICT', '本窗口已在接待下一位来访人，这次评价未保存');
    if (Date.parse(at) >= Date.parse(e.expires_at)) throw new ApiError('CONFLICT', '评价时间已过，本次计为未参评');

    // The matter's evaluation too, when the matter was concluded at this visit and has none (see the top of this file).
    let matterId: string | null = null;
    const visit = e.visit_id ? await trx.selectFrom('visits').select('matter_id').where('id', '=', e.visit_id).executeTakeFirst() : null;
    const m = visit ? await findMatterRow(trx, visit.matter_id) : undefined;
    if (m && m.evaluation === null && m.concluded_on === e.day && m.state === 'concluded') {
      const who = await findUserById(trx, e.clerk_id);
      if (who) {
        const reason = input.reasons.map((r) => PAD_REASONS.find((x) => x.code === r)!.label).join('、');
        await applyMatterAction(
          trx,
          { id: who.id, role: who.role, displayName: who.display_name },
          at,
          cal,
          { action: 'evaluate', matterId: m.id, version: m.version, on: e.day, evaluation: input.answer, via: 'pad', reason },
          { visitId: e.visit_id },
        );
        matterId = m.id;
      }
    }
    const res = await trx
      .updateTable('evaluations')
      .set({
        answer: input.answer,
        reasons_json: JSON.stringify(input.reasons),
        answer_key: input.answerKey,
        answered_at: at,
        pad_id: pad.id,
        matter_id: matterId,
      })
      .where('id', '=', e.id)
      .where('answer', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('CONFLICT', '本次接待已经评价过了');
    await writeAudit(trx, {
      at,
      actorId: null,
      action: 'evaluation.answer',
      entity: 'evaluation',
      entityId: e.id,
      after: { answer: input.answer, reasons: input.reasons, pad: pad.id, matterId },
    });
    return { result: { answer: input.answer, duplicate: false }, matterId, e };
  });
  if (!out.result.duplicate) {
    deps.events.publish('pads.answered', { evaluationId: out.e.id, deskId: out.e.desk_id, roomId: out.e.room_id });
    if (out.matterId) deps.events.publish('matters.changed', { matterId: out.matterId });
  }
  return out.result;
}

// ---- asking: called where a visitor is finished ----------------------------------------

export interface Finished {
  deskId?: string | null;
  roomId?: string | null;
  ticketId: string | null;
  /** The visit, when the ticket carries it; otherwise the one the clerk registered while serving the ticket. */
  visitId: string | null;
  /** Who served (the clerk finishing, or the leader of the talk). */
  staffId: string;
}

/**
 * Opens the pad's question for the visitor just finished, in the finishing
 * transaction. Nothing is asked where no pad is paired (that would count
 * 未参评 against a window that cannot be rated). The pad learns of it from
 * the queue.changed event every finish already publishes after commit.
 */
export async function askPad(trx: Executor, at: string, f: Finished): Promise<void> {
  const ref = { deskId: f.deskId ?? null, roomId: f.roomId ?? null };
  const paired = await trx
    .selectFrom('pads')
    .select('id')
    .where(ref.deskId ? 'desk_id' : 'room_id', '=', (ref.deskId ?? ref.roomId)!)
    .where('revoked_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (!paired) return;
  let visitId = f.visitId;
  if (!visitId && f.ticketId) {
    const firstCall = await trx
      .selectFrom('ticket_calls')
      .select((eb) => eb.fn.min('at').as('at'))
      .where('ticket_id', '=', f.ticketId)
      .executeTakeFirst();
    if (firstCall?.at) {
      const v = await trx
        .selectFrom('visits')
        .select('id')
        .where('registered_by', '=', f.staffId)
        .where('created_at', '>=', firstCall.at)
        .where('created_at', '<=', at)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      visitId = v?.id ?? null;
    }
  }
  const { timeoutSeconds } = await getPadSettings(trx);
  const id = newId();
  await trx
    .insertInto('evaluations')
    .values({
      id,
      day: hallDate(at),
      desk_id: ref.deskId,
      room_id: ref.roomId,
      ticket_id: f.ticketId,
      visit_id: visitId,
      clerk_id: f.staffId,
      opened_at: at,
      expires_at: new Date(Date.parse(at) + timeoutSeconds * 1000).toISOString(),
      answer: null,
      reasons_json: '[]',
      answer_key: null,
      answered_at: null,
      pad_id: null,
      matter_id: null,
    })
    .execute();
  await writeAudit(trx, {
    at,
    actorId: f.staffId,
    action: 'evaluation.ask',
    entity: 'evaluation',
    entityId: id,
    after: { ...ref, ticketId: f.ticketId, visitId },
  });
}
