// 接访安排: the roster of leaders' reception days (领导接访日), a week at a time.
// Every member of staff reads it; the administrator adds and edits sessions,
// publishes them (only published sessions take visitors), withdraws or cancels
// them, and prints the week's published roster as an A4 notice for the hall.
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { ApiError } from '@shared/api/errors';
import type { UserRow } from '@shared/api/schemas/auth';
import type { Bureau } from '@shared/api/schemas/printing';
import { saveSessionInput, type RoomView, type SessionView } from '@shared/api/schemas/reception';
import { addDays } from '@shared/domain/deadlines';
import { slotsOf, toMinutes } from '@shared/domain/reception';
import { formatCalendarDate, hallDate } from '@shared/time';
import { call, subscribe } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { zodErrors } from '@lib/form-errors';
import { DialogActions, useApiSubmit } from '@lib/forms';
import { HallDateInput } from '@lib/HallDateInput';
import { notifyError, notifySuccess, notifyWarning } from '@lib/notify';
import { dialogKeys, KeysHint, normalizeClock } from './RoomsPage';
import './roster-print.css';

// ---- dates -----------------------------------------------------------------------

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const weekdayOf = (ymd: string) => WEEKDAYS[new Date(`${ymd}T00:00:00Z`).getUTCDay()]!;
/** The Monday of the week a date falls in (weeks run Monday to Sunday). */
const mondayOf = (ymd: string) => addDays(ymd, -((new Date(`${ymd}T00:00:00Z`).getUTCDay() + 6) % 7));
const weekDays = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

// ---- status ----------------------------------------------------------------------

const STATUS: Record<SessionView['status'], { label: string; color: string }> = {
  draft: { label: '草稿', color: 'orange' },
  published: { label: '已发布', color: 'teal' },
  cancelled: { label: '已取消', color: 'gray' },
};

export function SessionStatusBadge({ status }: { status: SessionView['status'] }) {
  return (
    <Badge size="lg" color={STATUS[status].color} variant={status === 'published' ? 'filled' : 'light'}>
      {STATUS[status].label}
    </Badge>
  );
}

// ---- the session dialog ---------------------------------------------------------------

interface SessionForm {
  id: string | null;
  version: number | null;
  activeBookings: number;
  leaderId: string;
  date: string;
  start: string;
  end: string;
  roomId: string;
  topics: string;
  lawyer: string;
  slotMinutes: number | string;
}

const newSession = (date: string): SessionForm => ({
  id: null,
  version: null,
  activeBookings: 0,
  leaderId: '',
  date,
  start: '09:00',
  end: '11:30',
  roomId: '',
  topics: '',
  lawyer: '',
  slotMinutes: 30,
});

const fromSession = (s: SessionView): SessionForm => ({
  id: s.id,
  version: s.version,
  activeBookings: s.activeBookings,
  leaderId: s.leaderId,
  date: s.date,
  start: s.start,
  end: s.end,
  roomId: s.roomId,
  topics: s.topics,
  lawyer: s.lawyer,
  slotMinutes: s.slotMinutes,
});

const toInput = (v: SessionForm) => ({
  id: v.id,
  leaderId: v.leaderId,
  date: v.date,
  start: normalizeClock(v.start),
  end: normalizeClock(v.end),
  roomId: v.roomId,
  topics: v.topics,
  lawyer: v.lawyer,
  slotMinutes: v.slotMinutes === '' ? 30 : Number(v.slotMinutes),
  expectedVersion: v.version,
});

function SessionFormBody({
  initial,
  leaders,
  rooms,
  onClose,
  onSaved,
}: {
  initial: SessionForm;
  leaders: UserRow[] | null;
  rooms: RoomView[];
  onClose: () => void;
  onSaved: (s: SessionView) => void;
}) {
  // Why the backend refused (a leader in two rooms, a room taken, outside its hours): shown in the dialog, the form kept.
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<SessionForm>({
    initialValues: initial,
    validate: (v) => {
      const errors = zodErrors(saveSessionInput, toInput(v));
      if (!v.leaderId) errors.leaderId = '请选择接访领导';
      if (!v.roomId) errors.roomId = '请选择接谈室';
      if (!errors.end && !errors.start && toMinutes(normalizeClock(v.start)) >= toMinutes(normalizeClock(v.end)))
        errors.end = '结束时间应晚于开始时间';
      return errors;
    },
  });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    setProblem(null);
    try {
      const saved = await call('roster.save', toInput(v));
      notifySuccess(
        `${saved.leaderName} ${formatCalendarDate(saved.date)} ${saved.start}–${saved.end} ${saved.roomName}${initial.id ? '已修改' : '已加入，发布后生效'}`,
      );
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && !e.fields) {
        setProblem(e.message);
        return;
      }
      throw e;
    }
  });

  const locked = initial.activeBookings > 0;
  const leaderOptions = (leaders ?? []).filter((u) => u.role === 'leader' && (!u.disabled || u.id === initial.leaderId));
  const roomOptions = rooms.filter((r) => r.kind === 'talk' && (r.active || r.id === initial.roomId));
  const room = rooms.find((r) => r.id === form.values.roomId);
  const clock = (field: 'start' | 'end') => ({
    ...form.getInputProps(field),
    onBlur: () => form.setFieldValue(field, normalizeClock(form.values[field])),
  });
  const v = toInput(form.values);
  const slots = /^\d\d:\d\d$/.test(v.start) && /^\d\d:\d\d$/.test(v.end) && v.slotMinutes >= 5 ? slotsOf(v).length : 0;

  return (
    <form onSubmit={onSubmit} onKeyDown={dialogKeys} noValidate aria-label="接访安排">
      <Stack>
        {locked && (
          <Alert color="blue" variant="light">
            已有{initial.activeBookings}位来访人排入，只能改时间、事项、律师和接谈时长；改日期、房间或领导请先改约或取消。
          </Alert>
        )}
        <NativeSelect
          label="接访领导"
          data-autofocus
          disabled={locked}
          data={[
            {
              value: '',
              label: leaders === null ? '正在读取…' : leaderOptions.length ? '请选择' : '尚无接访领导账户，请先在账户管理中添加',
              disabled: true,
            },
            ...leaderOptions.map((u) => ({ value: u.id, label: u.disabled ? `${u.displayName}（已停用）` : u.displayName })),
          ]}
          {...form.getInputProps('leaderId')}
        />
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <div>
            <HallDateInput
              label="日期"
              value={form.values.date}
              onChange={(d) => form.setFieldValue('date', d)}
              error={form.errors.date as string | undefined}
            />
            <Text size="xs" c="dimmed" mt={2}>
              {/^\d{4}-\d\d-\d\d$/.test(form.values.date) ? weekdayOf(form.values.date) : ''}
            </Text>
          </div>
          <TextInput label="开始时间" placeholder="09:00" w={110} {...clock('start')} />
          <TextInput label="结束时间" placeholder="11:30" w={110} {...clock('end')} />
        </Group>
        <NativeSelect
          label="接谈室"
          disabled={locked}
          description={room ? `开放时间 ${room.openFrom}–${room.openTo}，容纳${room.capacity}人` : '领导接访只能安排在启用的接谈室'}
          data={[
            { value: '', label: '请选择', disabled: true },
            ...roomOptions.map((r) => ({ value: r.id, label: r.active ? r.name : `${r.name}（已停用）` })),
          ]}
          {...form.getInputProps('roomId')}
        />
        <TextInput label="接访事项" placeholder="如 征地拆迁、劳动社保；不填为不限" {...form.getInputProps('topics')} />
        <TextInput label="值班律师" placeholder="如 某某律师事务所 张律师；没有可不填" {...form.getInputProps('lawyer')} />
        <NumberInput
          label="每位接谈时长（分钟）"
          description={slots > 0 ? `可约 ${slots} 个时段` : ' '}
          min={5}
          max={240}
          step={5}
          allowDecimal={false}
          w={220}
          {...form.getInputProps('slotMinutes')}
        />
        {problem && (
          <Alert color="red" title="未能保存" data-testid="roster-conflict">
            {problem}
          </Alert>
        )}
        <Group justify="space-between">
          <KeysHint />
          <DialogActions busy={busy} label={initial.id ? '保存修改' : '加入安排'} onCancel={onClose} />
        </Group>
      </Stack>
    </form>
  );
}

function CancelDialog({ session, onClose, onDone }: { session: SessionView | null; onClose: () => void; onDone: () => void }) {
  // Keeps the last session shown while the dialog fades out.
  const [shown, setShown] = useState<SessionView | null>(session);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!session) return;
    setShown(session);
    setReason('');
    setError(null);
  }, [session]);
  const submit = async () => {
    if (!session) return;
    if (reason.trim().length < 2) return setError('请填写取消原因');
    setBusy(true);
    try {
      await call('roster.setStatus', { sessionId: session.id, status: 'cancelled', reason: reason.trim() });
      notifySuccess(`已取消 ${session.leaderName} ${formatCalendarDate(session.date)} 的接访`);
      onDone();
      onClose();
    } catch (e) {
      if (e instanceof ApiError) setError(e.fields?.reason ?? e.message);
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={session !== null} onClose={onClose} title="取消接访">
      {shown && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.ctrlKey) {
              e.preventDefault();
              void submit();
            }
          }}
        >
          <Stack>
            <Text>
              取消 {shown.leaderName} {formatCalendarDate(shown.date)}（{weekdayOf(shown.date)}）{shown.start}–{shown.end} 在
              {shown.roomName}的接访？取消后不能恢复，如需接访请重新安排。
            </Text>
            <Textarea
              label="取消原因"
              autosize
              minRows={2}
              data-autofocus
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                返回
              </Button>
              <Button type="submit" color="red" loading={busy}>
                确认取消接访
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

// ---- the printed notice ---------------------------------------------------------------

/**
 * The week's published roster as an A4 notice for the hall's notice board.
 * Rendered beside the app (a child of <body>), hidden on screen; when printing,
 * only it is shown (roster-print.css).
 */
function RosterNotice({ bureau, from, to, sessions }: { bureau: Bureau | null; from: string; to: string; sessions: SessionView[] }) {
  const byDate = new Map<string, SessionView[]>();
  for (const s of sessions) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  const name = bureau?.name ?? '';
  return createPortal(
    <div className="roster-print-root" data-testid="roster-print">
      <style>{'@page { size: A4; margin: 18mm 18mm 16mm; }'}</style>
      <div className="roster-notice">
        <h1>{name}领导接访日安排</h1>
        <p className="range">
          （{formatCalendarDate(from)}至{formatCalendarDate(to)}）
        </p>
        {sessions.length === 0 ? (
          <p className="empty">本周无领导接访安排。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th className="c-date">日期（星期）</th>
                <th className="c-time">时间</th>
                <th className="c-leader">接访领导</th>
                <th className="c-room">接谈室</th>
                <th>接访事项</th>
                <th className="c-lawyer">值班律师</th>
              </tr>
            </thead>
            <tbody>
              {[...byDate.entries()].map(([date, list]) =>
                list.map((s, i) => (
                  <tr key={s.id} className={i === 0 ? 'first' : undefined}>
                    {i === 0 && (
                      <td rowSpan={list.length} className="c-date">
                        {formatCalendarDate(date)}
                        <br />（{weekdayOf(date)}）
                      </td>
                    )}
                    <td className="c-time">
                      {s.start}–{s.end}
                    </td>
                    <td className="c-leader">{s.leaderName}</td>
                    <td className="c-room">{s.roomName}</td>
                    <td className="c-topics">{s.topics || '不限'}</td>
                    <td className="c-lawyer">{s.lawyer || '—'}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
        <ol className="notes">
          <li>请来访群众按安排时间到大厅取号候谈，按号依次接谈；预约来访的请按约定时间到达。</li>
          <li>来访时请携带本人居民身份证等有效证件。多人反映同一问题的，请推选不超过5名代表。</li>
          <li>如接访安排临时调整，以大厅公告为准。</li>
        </ol>
        <div className="foot">
          {(bureau?.address || bureau?.phone) && (
            <p className="contact">
              {bureau.address && <>地址：{bureau.address}</>}
              {bureau.address && bureau.phone && '　'}
              {bureau.phone && <>咨询电话：{bureau.phone}</>}
            </p>
          )}
          <p className="signed">
            {name}
            <br />
            {formatCalendarDate(hallDate())}
          </p>
        </div>
      </div>
    </div>,
    document.body,
  );
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

// ---- the page ---------------------------------------------------------------------

export function RosterPage() {
  const { user } = useAuth();
  const admin = user.role === 'admin';
  const today = hallDate();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const days = useMemo(() => weekDays(monday), [monday]);
  const sunday = days[6]!;
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [rooms, setRooms] = useState<RoomView[]>([]);
  const [leaders, setLeaders] = useState<UserRow[] | null>(null);
  const [bureau, setBureau] = useState<Bureau | null>(null);
  // The dialog keeps its last session while it fades out; `n` gives each opening a fresh form.
  const [editing, setEditing] = useState<{ session: SessionForm; n: number } | null>(null);
  const [editorOpen, setEditorOpen] = useState(false);
  const [cancelling, setCancelling] = useState<SessionView | null>(null);
  const [acting, setActing] = useState<string | null>(null);

  const loadRoster = useCallback(
    () => void call('roster.list', { from: monday, to: sunday }).then(setSessions, (e: unknown) => notifyError(e, '无法读取接访安排')),
    [monday, sunday],
  );
  const loadRooms = useCallback(() => void call('rooms.list', {}).then(setRooms, (e: unknown) => notifyError(e, '无法读取房间')), []);
  useEffect(() => {
    loadRoster();
    return subscribe((e) => {
      if (e.name !== 'reception.changed') return;
      const date = (e.payload as { date: string | null }).date;
      if (date === null || (date >= monday && date <= sunday)) loadRoster();
      if (date === null) loadRooms();
    });
  }, [loadRoster, loadRooms, monday, sunday]);
  useEffect(() => {
    loadRooms();
    call('print.bureau', {}).then(setBureau, () => setBureau(null));
  }, [loadRooms]);

  const openEditor = (session: SessionForm) => {
    setEditing((e) => ({ session, n: (e?.n ?? 0) + 1 }));
    setEditorOpen(true);
    loadRooms();
    if (admin) call('users.list', {}).then(setLeaders, (e: unknown) => notifyError(e, '无法读取接访领导'));
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

  const byDate = new Map(days.map((d) => [d, (sessions ?? []).filter((s) => s.date === d)]));
  const thisWeek = monday === mondayOf(today);
  const cols = admin ? 10 : 9;

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
      <Table withTableBorder withColumnBorders aria-label="接访安排" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>日期</Table.Th>
            <Table.Th w={120}>时间</Table.Th>
            <Table.Th>接访领导</Table.Th>
            <Table.Th>接谈室</Table.Th>
            <Table.Th>接访事项</Table.Th>
            <Table.Th>值班律师</Table.Th>
            <Table.Th w={90}>每位时长</Table.Th>
            <Table.Th w={80}>已排入</Table.Th>
            <Table.Th w={110}>状态</Table.Th>
            {admin && <Table.Th w={190}>操作</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((d) => {
            const list = byDate.get(d) ?? [];
            const isToday = d === today;
            const dayCell = (span: number) => (
              <Table.Td rowSpan={span} bg={isToday ? 'yellow.0' : undefined} style={{ verticalAlign: 'top' }}>
                <Text fw={600} size="sm">
                  {formatCalendarDate(d)}
                </Text>
                <Group gap={4}>
                  <Text size="sm" c={weekdayOf(d) === '星期六' || weekdayOf(d) === '星期日' ? 'red.8' : 'dimmed'}>
                    {weekdayOf(d)}
                  </Text>
                  {isToday && (
                    <Badge size="xs" color="orange">
                      今天
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            );
            if (list.length === 0) {
              return (
                <Table.Tr key={d} data-date={d}>
                  {dayCell(1)}
                  <Table.Td colSpan={cols - 1 - (admin ? 1 : 0)}>
                    <Text size="sm" c="dimmed">
                      无接访安排
                    </Text>
                  </Table.Td>
                  {admin && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={`安排${formatCalendarDate(d)}的接访`}
                        onClick={() => openEditor(newSession(d))}
                      >
                        安排接访
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            }
            return (
              <Fragment key={d}>
                {list.map((s, i) => {
                  const cancelled = s.status === 'cancelled';
                  const dim = cancelled ? { c: 'dimmed', td: 'line-through' as const } : {};
                  return (
                    <Table.Tr key={s.id} data-date={d} data-session={s.id}>
                      {i === 0 && dayCell(list.length)}
                      <Table.Td {...dim} style={NOWRAP} fw={600}>
                        {s.start}–{s.end}
                      </Table.Td>
                      <Table.Td {...dim} style={NOWRAP}>
                        {s.leaderName}
                      </Table.Td>
                      <Table.Td {...dim} style={NOWRAP}>
                        {s.roomName}
                      </Table.Td>
                      <Table.Td>
                        <Text span size="sm" {...dim}>
                          {s.topics || (
                            <Text span size="sm" c="dimmed">
                              不限
                            </Text>
                          )}
                        </Text>
                        {cancelled && s.cancelReason && (
                          <Text size="sm" c="red.8" mt={2}>
                            取消原因：{s.cancelReason}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td {...dim}>
                        {s.lawyer || (
                          <Text span size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td {...dim}>{s.slotMinutes}分钟</Table.Td>
                      <Table.Td>
                        {s.activeBookings > 0 ? (
                          `${s.activeBookings}人`
                        ) : (
                          <Text span size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <SessionStatusBadge status={s.status} />
                      </Table.Td>
                      {admin && (
                        <Table.Td>
                          {!cancelled && (
                            <Group gap={4} wrap="nowrap">
                              <Button size="compact-sm" variant="subtle" onClick={() => openEditor(fromSession(s))}>
                                编辑
                              </Button>
                              {s.status === 'draft' ? (
                                <Button
                                  size="compact-sm"
                                  variant="light"
                                  color="teal"
                                  loading={acting === s.id}
                                  onClick={() => void setStatus(s, 'published')}
                                >
                                  发布
                                </Button>
                              ) : (
                                <Button
                                  size="compact-sm"
                                  variant="subtle"
                                  color="yellow.8"
                                  loading={acting === s.id}
                                  onClick={() => void setStatus(s, 'draft')}
                                >
                                  撤回
                                </Button>
                              )}
                              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setCancelling(s)}>
                                取消
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      <Modal opened={editorOpen} onClose={() => setEditorOpen(false)} title={editing?.session.id ? '编辑接访' : '新增接访'} size="lg">
        {editing && (
          <SessionFormBody
            key={editing.n}
            initial={editing.session}
            leaders={leaders}
            rooms={rooms}
            onClose={() => setEditorOpen(false)}
            onSaved={(s) => {
              setEditorOpen(false);
              if (s.date < monday || s.date > sunday) setMonday(mondayOf(s.date));
              else loadRoster();
            }}
          />
        )}
      </Modal>
      <CancelDialog session={cancelling} onClose={() => setCancelling(null)} onDone={loadRoster} />
      <RosterNotice bureau={bureau} from={monday} to={sunday} sessions={published} />
    </Paper>
  );
}
