// 接访安排: the roster of leaders' reception days (领导接访日), a week at a time.
// Every member of staff reads it; the administrator adds and edits sessions,
// publishes them (only published sessions take visitors), withdraws or cancels
// them, and prints the week's published roster as an A4 notice for the hall.
import { Badge, Button, Group, Modal, Paper, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { SessionView } from '@shared/api/schemas/reception';
import { addDays } from '@shared/domain/deadlines';
import { formatCalendarDate, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { notifyError, notifySuccess, notifyWarning } from '@lib/notify';
import { useQuery } from '@lib/use-query';
import { CancelSessionDialog } from './CancelSessionDialog';
import { mondayOf, weekDays } from './roster-dates';
import { RosterNotice } from './RosterNotice';
import { RosterTable } from './RosterTable';
import { newSession, type SessionForm } from './session-form';
import { SessionFormBody } from './SessionFormBody';

export function RosterPage() {
  const { user } = useAuth();
  const admin = user.role === 'admin';
  const today = hallDate();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const days = useMemo(() => weekDays(monday), [monday]);
  const sunday = days[6]!;
  // The dialog keeps its last session while it fades out; `n` gives each opening a fresh form.
  const [editing, setEditing] = useState<{ session: SessionForm; n: number } | null>(null);
  const [editorOpen, setEditorOpen] = useState(false);
  const [cancelling, setCancelling] = useState<SessionView | null>(null);
  const [acting, setActing] = useState<string | null>(null);

  // Reloaded when a session of this week changes, or the rooms (date null).
  const { data: sessions, reload: loadRoster } = useQuery(
    'roster.list',
    { from: monday, to: sunday },
    {
      invalidatedBy: [{ event: 'reception.changed', when: ({ date }) => date === null || (date >= monday && date <= sunday) }],
      errorTitle: '无法读取接访安排',
    },
  );
  const { data: rooms, reload: loadRooms } = useQuery(
    'rooms.list',
    {},
    { invalidatedBy: [{ event: 'reception.changed', when: ({ date }) => date === null }], errorTitle: '无法读取房间' },
  );
  const { data: bureau } = useQuery('print.bureau', {}, { errorTitle: false });
  // The leaders to choose from are read each time the administrator opens the dialog.
  const { data: leaders } = useQuery('users.list', {}, { enabled: admin && editorOpen, errorTitle: '无法读取接访领导' });

  const openEditor = (session: SessionForm) => {
    setEditing((e) => ({ session, n: (e?.n ?? 0) + 1 }));
    setEditorOpen(true);
    loadRooms();
  };
  const setStatus = async (s: SessionView, status: 'published' | 'draft') => {
    setActing(s.id);
    try {
      await call('roster.setStatus', { sessionId: s.id, status, reason: '' });
      notifySuccess(
        status === 'published'
          ? `已发布：${s.leaderName} ${formatCalendarDate(s.date)} ${s.start}–${s.end}，可排入来访人`
          : `已撤回为草稿：${s.leaderName} ${formatCalendarDate(s.date)}`,
      );
      loadRoster();
    } catch (e) {
      notifyError(e, status === 'published' ? '未能发布' : '未能撤回');
    } finally {
      setActing(null);
    }
  };

  const published = (sessions ?? []).filter((s) => s.status === 'published');
  const print = () => {
    if (published.length === 0) return notifyWarning('本周没有已发布的接访安排，发布后才能打印');
    const title = document.title;
    document.title = `${bureau?.name ?? ''}领导接访日安排`;
    window.addEventListener('afterprint', () => (document.title = title), { once: true });
    window.print();
  };

  const thisWeek = monday === mondayOf(today);

  return (
    <Paper withBorder p="md">
      {/* Actions sit beside the title, not in the top-right corner where the save notices appear. */}
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="sm">
          <Title order={3} mr="sm">
            接访安排
          </Title>
          {admin && <Button onClick={() => openEditor(newSession(today >= monday && today <= sunday ? today : monday))}>新增接访</Button>}
          <Button variant="default" onClick={print}>
            打印接访安排
          </Button>
        </Group>
        <Group gap={6}>
          <Button variant="default" onClick={() => setMonday(addDays(monday, -7))}>
            上一周
          </Button>
          <Button variant={thisWeek ? 'light' : 'default'} onClick={() => setMonday(mondayOf(today))}>
            本周
          </Button>
          <Button variant="default" onClick={() => setMonday(addDays(monday, 7))}>
            下一周
          </Button>
        </Group>
      </Group>
      <Group gap="xs" mb="sm" align="baseline">
        <Text fw={700} size="lg" data-testid="roster-week">
          {formatCalendarDate(monday)}（星期一）至 {formatCalendarDate(sunday)}（星期日）
        </Text>
        {thisWeek && <Badge variant="light">本周</Badge>}
        <Text size="sm" c="dimmed">
          已发布 {published.length} 场
          {sessions && sessions.length > published.length ? `，草稿或已取消 ${sessions.length - published.length} 场` : ''}。
          {admin ? '新增的接访为草稿，发布后才能排入来访人，也才会打印在大厅的接访安排上。' : '如需调整请联系管理员。'}
        </Text>
      </Group>
      <RosterTable
        days={days}
        today={today}
        sessions={sessions}
        admin={admin}
        acting={acting}
        onEdit={openEditor}
        onSetStatus={(s, status) => void setStatus(s, status)}
        onCancel={setCancelling}
      />
      <Modal opened={editorOpen} onClose={() => setEditorOpen(false)} title={editing?.session.id ? '编辑接访' : '新增接访'} size="lg">
        {editing && (
          <SessionFormBody
            key={editing.n}
            initial={editing.session}
            leaders={leaders}
            rooms={rooms ?? []}
            onClose={() => setEditorOpen(false)}
            onSaved={(s) => {
              setEditorOpen(false);
              if (s.date < monday || s.date > sunday) setMonday(mondayOf(s.date));
              else loadRoster();
            }}
          />
        )}
      </Modal>
      <CancelSessionDialog session={cancelling} onClose={() => setCancelling(null)} onDone={loadRoster} />
      <RosterNotice bureau={bureau} from={monday} to={sunday} sessions={published} />
    </Paper>
  );
}
