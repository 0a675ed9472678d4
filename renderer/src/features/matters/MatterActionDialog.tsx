// The one dialog for an action on a matter: picks the action's own dialog.
// With only the matter's id (the due list, the registration page), it loads
// the matter first, so the dialog acts on the version it shows.
import type { MatterView } from '@shared/api/schemas/matters';
import type { MatterAction } from '@shared/domain/matter';
import { useQuery } from '@lib/use-query';
import type { ActDialogProps } from './ActDialog';
import { CallbackDialog } from './CallbackDialog';
import { DecideDialog } from './DecideDialog';
import { DeliverDialog } from './DeliverDialog';
import { EvaluateDialog } from './EvaluateDialog';
import { ExtendDialog } from './ExtendDialog';
import { LeadDialog } from './LeadDialog';
import { OpinionDialog } from './OpinionDialog';
import { PauseDialog } from './PauseDialog';
import { RequestDialog } from './RequestDialog';
import { ResolveDialog } from './ResolveDialog';
import { ReturnDialog } from './ReturnDialog';
import { SuperviseDialog } from './SuperviseDialog';
import { TerminateDialog } from './TerminateDialog';
import { UnitAcceptDialog } from './UnitAcceptDialog';

export function MatterActionDialog({ action, ...props }: ActDialogProps & { action: MatterAction; window?: boolean }) {
  switch (action) {
    case 'decide':
      return <DecideDialog {...props} />;
    case 'unit_accept':
      return <UnitAcceptDialog {...props} />;
    case 'return':
      return <ReturnDialog {...props} />;
    case 'extend':
      return <ExtendDialog {...props} />;
    case 'conclude':
    case 'decide_review':
    case 'decide_recheck':
      return <OpinionDialog {...props} action={action} />;
    case 'deliver':
      return <DeliverDialog {...props} />;
    case 'evaluate':
      return <EvaluateDialog {...props} />;
    case 'callback':
      return <CallbackDialog {...props} />;
    case 'request_review':
    case 'request_recheck':
      return <RequestDialog {...props} action={action} />;
    case 'pause':
      return <PauseDialog {...props} />;
    case 'terminate':
      return <TerminateDialog {...props} />;
    case 'supervise':
      return <SuperviseDialog {...props} />;
    case 'lead':
      return <LeadDialog {...props} />;
    case 'resolve':
      return <ResolveDialog {...props} />;
  }
}

/** An action on a matter known by id: loads it, then opens the action's dialog. */
export function MatterActionById({
  matterId,
  action,
  onClose,
  onDone,
  window,
  returnFocus,
  onlyIfAllowed = false,
}: {
  matterId: string;
  /** Open only if the matter allows the action now (a repeat visit about a matter already decided: nothing to do). */
  onlyIfAllowed?: boolean;
  action: MatterAction;
  onClose: () => void;
  onDone?: (m: MatterView) => void;
  window?: boolean;
  returnFocus?: boolean;
}) {
  const { data } = useQuery(
    'matters.get',
    { matterId },
    { invalidatedBy: [{ event: 'matters.changed', when: (p) => p.matterId === matterId }] },
  );
  if (!data || data.id !== matterId) return null;
  if (onlyIfAllowed && !data.actions.includes(action)) return null;
  return <MatterActionDialog action={action} matter={data} onClose={onClose} onDone={onDone} window={window} returnFocus={returnFocus} />;
}
