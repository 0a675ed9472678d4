// The paper of a leader's talk record: the 接谈记录 signed at the end of the
// talk. (The 告知书 and the sheets are papers of the matter: matter-papers.ts.)
import type { TalkPaper } from '@shared/api/schemas/printing';
import type { HolidayCalendar } from '@shared/domain/deadlines';
import { formatTime } from '@shared/time';
import type { Executor } from '../../db/connection';
import { getMatter } from '../matters/view';
import { getTalk } from '../reception/talks';
import { getVisit } from '../visits';
import { paperVisit } from './paper-visit';

export async function talkPaper(db: Executor, talkId: string, today: string, cal: HolidayCalendar): Promise<TalkPaper> {
  const talk = await getTalk(db, talkId);
  const visit = paperVisit(await getVisit(db, talk.visitId));
  const where = await db
    .selectFrom('reception_bookings as b')
    .innerJoin('reception_sessions as s', 's.id', 'b.session_id')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .innerJoin('users as u', 'u.id', 's.leader_id')
    .select(['u.display_name', 'r.name', 's.lawyer', 's.date', 'b.called_at', 'b.finished_at'])
    .where('b.id', '=', talk.bookingId)
    .executeTakeFirstOrThrow();
  return {
    talk,
    visit,
    matter: await getMatter(db, talk.matterId, today, cal),
    leaderName: where.display_name,
    roomName: where.name,
    lawyer: where.lawyer,
    date: where.date,
    startedAt: where.called_at ? formatTime(where.called_at) : null,
    endedAt: where.finished_at ? formatTime(where.finished_at) : null,
  };
}
