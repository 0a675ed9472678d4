// The papers printed from a talk record — 受理/不予受理/延期告知书, 交办单,
// 接谈记录 — which of them a talk allows, the data they are drawn from, and the
// archive of every formal notice issued: the PDF as printed and its SHA-256.
import { createHash } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, writeSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiError } from '@shared/api/errors';
import { FORMAL_NOTICES, PRINT_TEMPLATES, type ArchivedNotice, type PrintTemplate, type TalkPaper } from '@shared/api/schemas/printing';
import { labelOf } from '@shared/domain/categories';
import { hallDate, formatTime } from '@shared/time';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { newId } from '../ids';
import { getTalk, refuseOthersTalk } from '../reception/talks';
import { getVisit } from '../visits';
import { holidayCalendar } from '../calendar/calendar';
import { getMatter } from '../matters/view';

export async function talkPaper(db: Executor, talkId: string): Promise<TalkPaper> {
  const talk = await getTalk(db, talkId);
  const visit = await getVisit(db, talk.visitId);
  const where = await db
    .selectFrom('reception_bookings as b')
    .innerJoin('reception_sessions as s', 's.id', 'b.session_id')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .innerJoin('users as u', 'u.id', 's.leader_id')
    .select(['u.display_name', 'r.name', 's.lawyer', 's.date', 'b.called_at', 'b.finished_at'])
    .where('b.id', '=', talk.bookingId)
    .executeTakeFirstOrThrow();
  // The matter the talk decided: its clocks and its one extension (the deadline before it, as its audit entry recorded it).
  const matter = await getMatter(db, talk.matterId, hallDate(new Date()), await holidayCalendar(db));
  const ext = await db
    .selectFrom('audit_log')
    .select('before_json')
    .where('entity', '=', 'matter')
    .where('entity_id', '=', talk.matterId)
    .where('action', '=', 'matter.extend')
    .executeTakeFirst();
  const before = ext?.before_json ? (JSON.parse(ext.before_json) as { handle_due?: string | null }) : null;
  return {
    talk,
    visit,
    leaderName: where.display_name,
    roomName: where.name,
    lawyer: where.lawyer,
    date: where.date,
    startedAt: where.called_at ? formatTime(where.called_at) : null,
    endedAt: where.finished_at ? formatTime(where.finished_at) : null,
    matter,
    originalHandleDue: before?.handle_due ?? null,
    extendedOn: matter.events.find((e) => e.action === 'extend')?.on ?? null,
  };
}

/** Written with fsync: a notice handed out must not exist only in a write cache. */
function writeDurably(file: string, bytes: Buffer) {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'wx');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Renders the notice exactly as it will print and keeps it. Without a PDF
 * renderer the notice is refused: a formal notice is never handed out unkept.
 */
export async function archiveNotice(
  deps: Deps,
  actor: Actor,
  job: { id: string; template: PrintTemplate; refId: string; route: string },
): Promise<void> {
  if (!FORMAL_NOTICES.includes(job.template)) return;
  if (!deps.noticePdf)
    throw new ApiError('CONFLICT', '本机无法生成告知书存档（PDF），告知书未打印。请在桌面版中打印，或为浏览器版配置 Chromium');
  const bytes = await deps.noticePdf.render({ route: job.route, paper: 'A4' });
  const at = deps.now().toISOString();
  const rel = join('notices', hallDate(at).slice(0, 4), `${job.id}.pdf`);
  writeDurably(join(deps.dataDir, rel), bytes);
  const hash = sha256(bytes);
  await writeTransaction(deps.db, async (trx) => {
    await trx
      .insertInto('notice_archive')
      .values({
        id: newId(),
        job_id: job.id,
        template: job.template,
        talk_id: job.refId,
        sha256: hash,
        bytes: bytes.length,
        path: rel,
        actor_id: actor.id,
        created_at: at,
      })
      .execute();
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: 'notice.archive',
      entity: 'talk_record',
      entityId: job.refId,
      after: { template: job.template, jobId: job.id, sha256: hash, bytes: bytes.length },
    });
  });
  // Screens listing a talk's notices refresh now, before the paper comes out of the printer.
  deps.events.publish('reception.changed', { date: null });
}

export async function listArchive(deps: Deps, actor: Actor, talkId: string): Promise<ArchivedNotice[]> {
  await refuseOthersTalk(deps.db, actor, talkId);
  const rows = await deps.db
    .selectFrom('notice_archive as a')
    .innerJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.job_id', 'a.template', 'a.talk_id', 'a.sha256', 'a.bytes', 'a.created_at', 'u.display_name'])
    .where('a.talk_id', '=', talkId)
    .orderBy('a.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    jobId: r.job_id,
    template: r.template,
    talkId: r.talk_id,
    sha256: r.sha256,
    bytes: r.bytes,
    at: r.created_at,
    actorName: r.display_name,
  }));
}

/** The kept PDF, checked against its recorded SHA-256; opening it is audited (it holds personal data). */
export async function getArchivedPdf(
  deps: Deps,
  actor: Actor,
  archiveId: string,
): Promise<{ sha256: string; base64: string; name: string }> {
  const row = await deps.db.selectFrom('notice_archive').selectAll().where('id', '=', archiveId).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', '找不到该告知书存档');
  await refuseOthersTalk(deps.db, actor, row.talk_id);
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(deps.dataDir, row.path));
  } catch {
    throw new ApiError('NOT_FOUND', `告知书存档文件缺失（${row.path}）`);
  }
  if (sha256(bytes) !== row.sha256) throw new ApiError('CONFLICT', '告知书存档文件与登记的SHA-256不一致，文件可能已被改动');
  await writeTransaction(deps.db, (trx) =>
    writeAudit(trx, {
      at: deps.now().toISOString(),
      actorId: actor.id,
      action: 'notice.open',
      entity: 'talk_record',
      entityId: row.talk_id,
      after: { archiveId },
    }),
  );
  return { sha256: row.sha256, base64: bytes.toString('base64'), name: `${labelOf(PRINT_TEMPLATES, row.template)}-${row.job_id}.pdf` };
}
