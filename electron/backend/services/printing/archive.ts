// The archive of every formal notice issued: the PDF exactly as printed, kept
// with fsync under <data>/notices/<year>/<job id>.pdf, and its SHA-256. A
// notice is a paper of a matter; reading one back checks the hash.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ParsedInputOf } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { FORMAL_NOTICES, PRINT_TEMPLATES, type ArchivedNotice, type PrintTemplate } from '@shared/api/schemas/printing';
import { labelOf } from '@shared/domain/categories';
import { hallDate } from '@shared/time';
import type { Actor, Deps } from '../../context';
import { writeTransaction } from '../../db/transaction';
import { DIR_MODE, FILE_MODE } from '../../security/file-modes';
import { writeAudit } from '../audit';
import { newId } from '../ids';
import { refuseOthersTalk } from '../reception/talks';
import { refuseOthersMatter } from './matter-papers';

/** Written with fsync: a notice handed out must not exist only in a write cache. */
export function writeDurably(file: string, bytes: Buffer) {
  mkdirSync(dirname(file), { recursive: true, mode: DIR_MODE });
  const fd = openSync(file, 'wx', FILE_MODE);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Renders the notice exactly as it will print and keeps it. Without a PDF
 * renderer the notice is refused: a formal notice is never handed out unkept.
 */
export async function archiveNotice(
  deps: Deps,
  actor: Actor,
  job: { id: string; template: PrintTemplate; matterId: string; route: string },
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
        matter_id: job.matterId,
        // notices are papers of a matter since 0011; talk_id stays only on those archived before
        talk_id: null,
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
      entity: 'matter',
      entityId: job.matterId,
      after: { template: job.template, jobId: job.id, sha256: hash, bytes: bytes.length },
    });
  });
  // Screens listing a matter's notices refresh now, before the paper comes out of the printer.
  deps.events.publish('matters.changed', { matterId: job.matterId });
  deps.events.publish('reception.changed', { date: null });
}

/** The matter a talk record is about (its visit's matter). */
async function matterOfTalk(deps: Deps, talkId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('talk_records as t')
    .innerJoin('visits as v', 'v.id', 't.visit_id')
    .select('v.matter_id')
    .where('t.id', '=', talkId)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', '找不到该接谈记录');
  return row.matter_id;
}

/** The notices archived for a matter (or for the matter of a talk record), oldest first. */
export async function listArchive(deps: Deps, actor: Actor, input: ParsedInputOf<'print.archive'>): Promise<ArchivedNotice[]> {
  let matterId: string;
  if ('talkId' in input) {
    await refuseOthersTalk(deps.db, actor, input.talkId);
    matterId = await matterOfTalk(deps, input.talkId);
  } else {
    matterId = input.matterId;
    await refuseOthersMatter(deps.db, actor, matterId);
  }
  const rows = await deps.db
    .selectFrom('notice_archive as a')
    .innerJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.job_id', 'a.template', 'a.matter_id', 'a.talk_id', 'a.sha256', 'a.bytes', 'a.created_at', 'u.display_name'])
    .where('a.matter_id', '=', matterId)
    .orderBy('a.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    jobId: r.job_id,
    template: r.template,
    matterId: r.matter_id,
    talkId: r.talk_id ?? null,
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
  await refuseOthersMatter(deps.db, actor, row.matter_id);
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
      entity: 'matter',
      entityId: row.matter_id,
      after: { archiveId },
    }),
  );
  return { sha256: row.sha256, base64: bytes.toString('base64'), name: `${labelOf(PRINT_TEMPLATES, row.template)}-${row.job_id}.pdf` };
}
