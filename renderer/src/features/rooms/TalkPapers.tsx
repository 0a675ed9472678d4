// The papers at the end of a talk: the matter's papers the rule allows now and
// the talk record (接谈记录), with the print log and the notice archive.
import type { TalkRecordView } from '@shared/api/schemas/reception';
import { useQuery } from '@lib/use-query';
import { PapersPanel } from '../printing/PapersPanel';

export function TalkPapers({ talk }: { talk: TalkRecordView }) {
  const matter = useQuery('matters.get', { matterId: talk.matterId }, { invalidatedBy: ['matters.changed'], errorTitle: false }).data;
  return <PapersPanel matter={matter ?? null} talk={talk} />;
}
