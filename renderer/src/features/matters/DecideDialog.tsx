// 作出处理决定: the same dialog at the window right after registration and on
// the matter page (the leader's talk form uses the same fields). Opens on the
// decision; Enter saves from any single-line field; Esc leaves it for later.
import { useForm } from '@mantine/form';
import { hallDate } from '@shared/time';
import { ActDialog, type ActDialogProps } from './ActDialog';
import { DecisionFields, decisionInput, NO_DECISION, type DecisionValues } from './DecisionFields';

export function DecideDialog({ matter, onClose, onDone, returnFocus, window = false }: ActDialogProps & { window?: boolean }) {
  const form = useForm<DecisionValues & { on: string }>({ initialValues: { on: hallDate(), ...NO_DECISION } });
  return (
    <ActDialog
      matter={matter}
      action="decide"
      form={form}
      enterSubmits
      size="xl"
      submitLabel={window ? '保存处理决定' : undefined}
      onClose={onClose}
      onDone={onDone}
      returnFocus={returnFocus}
      confirm={(x) =>
        x.decision === 'declined' || x.decision === 'not_again' ? '不予受理、不再受理的决定须出具告知书，保存后不能改为受理。' : null
      }
      toInput={(x) => ({ action: 'decide', ...decisionInput(x) })}
    >
      <DecisionFields form={form} matter={matter} />
    </ActDialog>
  );
}
