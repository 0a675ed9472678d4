// 来访登记: the clerk's main screen. Keyboard first: Tab through the fields,
// F3 finds a person, F1 reads the ID card, Ctrl+Enter saves, and the form comes
// back empty and focused on the ID number for the next visitor.
import { Alert, Badge, Button, Grid, Group, Kbd, Menu, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@shared/api/errors';
import { registerVisitInput, type PetitionerInfo, type VisitDetail } from '@shared/api/schemas/visits';
import { checkIdNumber, ID_TYPES } from '@shared/domain/identity';
import { placeOfIssue } from '@shared/domain/place';
import { formatCalendarDate, formatDateTime } from '@shared/time';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { enterMovesToNextField } from '@lib/keyboard';
import { selectData } from '@lib/labels';
import { hideNotice, notifyError, notifyWarning } from '@lib/notify';
import { emptyVisitValues, toRegisterInput, type VisitFormValues } from './form-model';
import { HistoryPanel, PersonSummary } from './HistoryPanel';
import { KindBadge } from './KindBadge';
import { PersonSearch } from './PersonSearch';
import { useLookup } from './use-lookup';
import { useCardReader } from './use-card-reader';
import { CardReaderStatus } from './CardReaderStatus';
import { CardPanel } from './CardPanel';
import { printSlip } from '../printing/print-slip';
import { useQueueConfig } from '../queue/use-queue';
import { MatterFields, PersonFields } from './VisitFields';
import { MatterActionById } from '../matters/MatterActionDialog';
import { decisionSummary } from '../matters/matter-ui';

/** A complete number that fails GB 11643 (e.g. its check character) is flagged as soon as the field is left. */
function idNumberError(v: VisitFormValues): Record<string, string> {
  if (v.idType === 'none' || v.idNumber.trim() === '') return {};
  const r = checkIdNumber(v.idType, v.idNumber);
  return r.ok ? {} : { idNumber: r.message };
}

function IdHint({ values }: { values: VisitFormValues }) {
  if (values.idType !== 'resident' && values.idType !== 'hmt_residence') return null;
  if (values.idNumber.replace(/\s/g, '').length < 18) return null;
  const r = checkIdNumber(values.idType, values.idNumber);
  if (!r.ok) return null;
  // A resident number shows its full place of issue (GB/T 2260, retired codes too); an unknown county is shown as such.
  const place = values.idType === 'resident' && r.areaCode ? placeOfIssue(r.areaCode)?.text : r.provinceName;
  return (
    <Text size="sm" c="teal.8" mt={4} data-testid="id-derived">
      {r.gender === 'male' ? '男' : '女'} · {r.birthDate ? formatCalendarDate(r.birthDate) : ''}出生
      {place ? ` · ${place}` : ''}
    </Text>
  );
}

/** Queue the visitor just registered (e.g. for the duty leader's lane), linked to the registration. */
function IssueForVisit({ visitId }: { visitId: string }) {
  const { lanes } = useQueueConfig();
  const [issued, setIssued] = useState<string | null>(null);
  useEffect(() => setIssued(null), [visitId]);
  if (issued) return <Badge size="lg">已取号 {issued}</Badge>;
  return (
    <Menu>
      <Menu.Target>
        <Button size="xs" variant="white">
          为此来访取号
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {lanes
          .filter((l) => l.active && l.kind === 'normal')
          .map((l) => (
            <Menu.Item
              key={l.id}
              onClick={() =>
                void call('queue.issue', { laneId: l.id, visitId }).then(
                  (t) => {
                    setIssued(t.ticketNo);
                    void printSlip('ticket', t.id);
                  },
                  (e: unknown) => notifyError(e, '取号未完成'),
                )
              }
            >
              {l.prefix} {l.name}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The notice of a failed save, taken away when the next save succeeds. */
const SAVE_FAILED = 'registration-save-failed';

export function RegistrationPage() {
  const form = useForm<VisitFormValues>({
    initialValues: emptyVisitValues(),
    // The ID check runs on its own too: zod's object-level check waits for every other field to be valid.
    validate: (v) => ({
      ...idNumberError(v),
      ...zodErrors(registerVisitInput, toRegisterInput(v, { petitionerId: null, matterId: null })),
    }),
    validateInputOnBlur: ['idNumber', 'phone'],
  });
  const [petitionerId, setPetitionerId] = useState<string | null>(null);
  const [matterId, setMatterId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<VisitDetail | null>(null);
  // The window decision for the matter just registered: offered at once (Esc leaves it for later, F2 reopens it).
  const [deciding, setDeciding] = useState(false);
  const [decided, setDecided] = useState<string | null>(null);
  const [searchOpen, setSearchOpen] = useState(false);
  const idRef = useRef<HTMLInputElement>(null);
  const v = form.values;
  const { result } = useLookup({ idType: v.idType, idNumber: v.idNumber, phone: v.phone, petitionerId });
  // Matched by phone alone (无证件, or no number yet): a relative may share it, so the clerk confirms first.
  const byPhoneOnly = !petitionerId && !(v.idType !== 'none' && checkIdNumber(v.idType, v.idNumber).ok);
  const [declinedPhone, setDeclinedPhone] = useState<string | null>(null);
  const phoneMatch = byPhoneOnly && result?.matches.length === 1 ? result.matches[0]! : null;
  const suggested = phoneMatch && declinedPhone !== phoneMatch.id + v.phone ? phoneMatch : null;
  const history = byPhoneOnly ? null : (result?.history ?? null);
  // A card on the reader fills the document fields (the clerk can always type instead). Another
  // person's card than the number on the form is a new visitor: the form starts again for them.
  const reader = useCardReader((card) => {
    const other = form.values.idNumber !== '' && form.values.idNumber.toUpperCase() !== card.idNumber;
    const person = { idType: 'resident' as const, idNumber: card.idNumber, name: card.name, address: card.address };
    form.setValues(other ? { ...emptyVisitValues(), ...person } : person);
    if (other) setMatterId(null);
    setPetitionerId(null);
  });

  /** Link a matter (重复访) or none (初访); a linked matter lends its category and place to empty fields. */
  const chooseMatter = (id: string | null, matters = history?.matters ?? []) => {
    setMatterId(id);
    const m = matters.find((x) => x.id === id);
    if (m) {
      if (!form.values.category) form.setFieldValue('category', m.category);
      if (!form.values.locationArea) form.setFieldValue('locationArea', m.locationArea);
    }
  };

  // When a known person appears: fill what the clerk has not typed, and link the most recent matter.
  const historyFor = history?.petitioner.id ?? null;
  useEffect(() => {
    if (!history) return setMatterId(null);
    const p = history.petitioner;
    if (!form.values.name) form.setFieldValue('name', p.name);
    if (!form.values.phone && p.phone) form.setFieldValue('phone', p.phone);
    if (!form.values.address && p.address) form.setFieldValue('address', p.address);
    chooseMatter(history.matters[0]?.id ?? null, history.matters);
    // A known person without a document is identified by their record, not by a number.
    if (form.values.idType === 'none' && !p.idNumber) setPetitionerId(p.id);
    // Runs once per person found, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [historyFor]);

  const pickPerson = (p: PetitionerInfo) => {
    form.setValues({ idType: p.idType, idNumber: p.idNumber, name: p.name, phone: p.phone, address: p.address });
    setPetitionerId(p.idNumber ? null : p.id);
  };

  const reset = () => {
    setDeclinedPhone(null);
    form.setValues(emptyVisitValues());
    form.resetDirty();
    form.clearErrors();
    setPetitionerId(null);
    setMatterId(null);
    reader.forget();
    setFocusId((n) => n + 1);
  };
  // Focused after the render that re-enables the field (it is disabled while 无证件 is chosen).
  const [focusId, setFocusId] = useState(0);
  useEffect(() => idRef.current?.focus(), [focusId]);

  const savingRef = useRef(false);
  const save = async () => {
    if (savingRef.current) return;
    const check = form.validate();
    if (check.hasErrors) {
      const [first, message] = Object.entries(check.errors)[0] ?? [];
      notifyWarning(String(message ?? '请检查标红的项目'), '登记未保存');
      document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
      return;
    }
    savingRef.current = true;
    setSaving(true);
    try {
      const detail = await call('visits.register', toRegisterInput(form.values, { petitionerId, matterId }));
      hideNotice(SAVE_FAILED);
      setSaved(detail);
      setDecided(null);
      setDeciding(true);
      reset();
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setErrors(e.fields);
      // No answer (connection, database): it may have been saved; saving again is safe (idempotency key).
      const unsure = e instanceof ApiError && (e.code === 'INTERNAL' || e.code === 'DB_UNAVAILABLE');
      notifyError(e, unsure ? '未确认保存' : '登记未保存', SAVE_FAILED);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  // [] = also inside inputs: a clerk saves from whatever field they are in.
  useHotkeys(
    [
      ['F3', () => setSearchOpen(true)],
      ['F1', () => reader.readNow()],
      ['F2', () => saved && !decided && setDeciding(true)],
      ['F4', () => saved && void printSlip('receipt', saved.id)],
      ['mod+Enter', () => void save()],
      ['alt+Y', () => suggested && pickPerson(suggested)],
      ['alt+N', () => suggested && setDeclinedPhone(suggested.id + v.phone)],
    ],
    [],
  );

  const kind = matterId ? 'repeat' : 'first';
  const sharedPhone = result && !history && result.matches.length > 1 ? result.matches : null;

  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Group gap="sm">
              <Title order={3}>来访登记</Title>
              <KindBadge kind={kind} size="lg" />
            </Group>
            <Group gap="sm">
              <CardReaderStatus state={reader.state} onRead={reader.readNow} />
              <Button variant="default" onClick={() => setSearchOpen(true)}>
                查找来访人 <Kbd ml={6}>F3</Kbd>
              </Button>
            </Group>
          </Group>
          {saved && (
            <Alert color="green" mb="sm" title="登记已保存" withCloseButton onClose={() => setSaved(null)} role="status">
              <Group gap="xs">
                <Text fw={700} size="lg" data-testid="saved-visit-no">
                  {saved.visitNo}
                </Text>
                <KindBadge kind={saved.kind} size="sm" />
                <Text size="sm">
                  {saved.name} · {formatDateTime(saved.registeredAt)}
                </Text>
                <Button size="xs" variant="white" ml="auto" onClick={() => void printSlip('receipt', saved.id)}>
                  打印回执 <Kbd ml={6}>F4</Kbd>
                </Button>
                <IssueForVisit visitId={saved.id} />
              </Group>
              {decided ? (
                <Text size="sm" mt={4} data-testid="saved-decision">
                  处理决定：{decided}
                </Text>
              ) : (
                <Button size="xs" mt={4} variant="light" onClick={() => setDeciding(true)}>
                  作出处理决定 <Kbd ml={6}>F2</Kbd>
                </Button>
              )}
            </Alert>
          )}
          <form
            noValidate
            onKeyDown={enterMovesToNextField}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Grid gutter="sm">
              <Grid.Col span={4}>
                <NativeSelect
                  label="证件类型"
                  data={selectData(ID_TYPES)}
                  {...form.getInputProps('idType')}
                  onChange={(e) => {
                    form.setFieldValue('idType', e.currentTarget.value as VisitFormValues['idType']);
                    if (e.currentTarget.value === 'none') form.setFieldValue('idNumber', '');
                  }}
                />
              </Grid.Col>
              <Grid.Col span={8}>
                <TextInput
                  ref={idRef}
                  autoFocus
                  label="证件号码"
                  withAsterisk={v.idType !== 'none'}
                  disabled={v.idType === 'none'}
                  placeholder={v.idType === 'none' ? '无证件' : '18位身份证号码，末位X大小写均可'}
                  {...form.getInputProps('idNumber')}
                  onChange={(e) => {
                    form.setFieldValue('idNumber', e.currentTarget.value);
                    setPetitionerId(null);
                  }}
                />
                <IdHint values={v} />
              </Grid.Col>
              <PersonFields form={form} />
              <MatterFields form={form} />
            </Grid>
            <Group justify="space-between" mt="md">
              <Text size="xs" c="dimmed">
                <Kbd>Enter</Kbd>/<Kbd>Tab</Kbd> 下一项 · <Kbd>F1</Kbd> 读卡 · <Kbd>F3</Kbd> 查找来访人 · <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>{' '}
                保存
              </Text>
              <Group>
                <Button variant="default" onClick={reset}>
                  清空
                </Button>
                <Button type="submit" loading={saving} size="md">
                  保存登记
                </Button>
              </Group>
            </Group>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack>
          {reader.card && <CardPanel card={reader.card} photoStored={reader.photoStored} />}
          {history && <HistoryPanel history={history} matterId={matterId} onMatter={chooseMatter} />}
          {sharedPhone && (
            <Paper withBorder p="md">
              <Text fw={600} mb="xs">
                此电话登记过 {sharedPhone.length} 位来访人，请核对证件：
              </Text>
              <Stack gap="xs">
                {sharedPhone.map((p) => (
                  <Paper key={p.id} withBorder p="xs" style={{ cursor: 'pointer' }} onClick={() => pickPerson(p)}>
                    <PersonSummary p={p} />
                  </Paper>
                ))}
              </Stack>
            </Paper>
          )}
          {suggested && (
            <Paper withBorder p="md" role="region" aria-label="电话匹配">
              <Text fw={600} mb="xs">
                此电话登记于 {suggested.name}，是否同一人？
              </Text>
              <PersonSummary p={suggested} />
              <Group mt="sm">
                <Button size="xs" onClick={() => pickPerson(suggested)}>
                  是（使用其记录） <Kbd ml={6}>Alt+Y</Kbd>
                </Button>
                <Button size="xs" variant="default" onClick={() => setDeclinedPhone(suggested.id + v.phone)}>
                  否 <Kbd ml={6}>Alt+N</Kbd>
                </Button>
              </Group>
            </Paper>
          )}
          {!history && !sharedPhone && !suggested && result && (
            <Paper withBorder p="md" c="dimmed">
              <Text size="sm">无历史记录</Text>
            </Paper>
          )}
          {!history && !sharedPhone && !suggested && !result && (
            <Paper withBorder p="md" c="dimmed">
              <Text size="sm">输入证件号码或电话后，此处显示来访人的历次来访和已登记事项。</Text>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      {saved && deciding && (
        <MatterActionById
          key={saved.id}
          matterId={saved.matterId}
          action="decide"
          window
          onlyIfAllowed
          returnFocus={false}
          onClose={() => {
            setDeciding(false);
            // Decided or skipped: the form is ready for the next visitor.
            requestAnimationFrame(() => idRef.current?.focus());
          }}
          onDone={(m) => setDecided(decisionSummary(m))}
        />
      )}
      <PersonSearch opened={searchOpen} onClose={() => setSearchOpen(false)} onPick={pickPerson} />
    </Grid>
  );
}
