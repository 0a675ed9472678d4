// 包案: a leader takes the matter on. The administrator picks the leader; a
// leader can only take it on themselves; clerks are not offered this.
import { NativeSelect, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { hallDate } from '@shared/time';
import { useAuth } from '../../app/auth-context';
import { useQuery } from '@lib/use-query';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function LeadDialog({ matter, onClose, onDone }: ActDialogProps) {
  const { user } = useAuth();
  const admin = user.role === 'admin';
  const { data: users } = useQuery('users.list', {}, { enabled: admin });
  const leaders = (users ?? []).filter((u) => u.role === 'leader' && !u.disabled);
  const form = useForm({ initialValues: { on: hallDate(), leaderId: admin ? '' : user.id, reason: '' } });
  return (
    <ActDialog
      matter={matter}
      action="lead"
      form={form}
      onClose={onClose}
      onDone={onDone}
      toInput={(x) => ({ action: 'lead', leaderId: x.leaderId, reason: x.reason })}
    >
      {matter.leadLeaderName && <Text size="sm">现包案领导：{matter.leadLeaderName}（改由他人包案将重新记录化解情况）</Text>}
      {admin ? (
        <NativeSelect
          label="包案领导"
          withAsterisk
          data-autofocus
          data={[{ value: '', label: '请选择', disabled: true }, ...leaders.map((u) => ({ value: u.id, label: u.displayName }))]}
          {...form.getInputProps('leaderId')}
        />
      ) : (
        <Text>包案领导：{user.displayName}（本人）</Text>
      )}
      <TextInput label="说明（可不填）" data-autofocus={!admin || undefined} {...form.getInputProps('reason')} />
    </ActDialog>
  );
}
