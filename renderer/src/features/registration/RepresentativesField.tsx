import { ActionIcon, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_REPRESENTATIVES } from '@shared/api/schemas/visits';
import { ID_TYPES } from '@shared/domain/identity';
import { selectData } from '@lib/labels';
import { emptyRepresentative, type VisitFormValues } from './form-model';

/** 集体访 representatives: at most five, as 《信访工作条例》 requires; a sixth is refused here and in the backend. */
export function RepresentativesField({ form }: { form: UseFormReturnType<VisitFormValues> }) {
  const reps = form.values.representatives;
  const [refused, setRefused] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  /** The row whose first field takes the focus once it is drawn (the one just added). */
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    const row = focusRow.current;
    focusRow.current = null;
    tableRef.current?.querySelector<HTMLInputElement>(`input[aria-label="代表${row + 1}姓名"]`)?.focus();
  }, [reps.length]);
  const add = () => {
    if (reps.length >= MAX_REPRESENTATIVES) {
      setRefused(`集体访代表不得超过${MAX_REPRESENTATIVES}人，不能再添加`);
      return;
    }
    setRefused(null);
    // The registered person is usually the first representative.
    const first =
      reps.length === 0
        ? {
            ...emptyRepresentative(),
            name: form.values.name,
            idType: form.values.idType,
            idNumber: form.values.idNumber,
            phone: form.values.phone,
          }
        : emptyRepresentative();
    focusRow.current = reps.length;
    form.insertListItem('representatives', first);
  };
  // Enter in a row's last field adds the next row (the form's Enter would only move on);
  // after the fifth it moves on as usual.
  const enterAddsRow = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.nativeEvent.isComposing) return;
    if (i !== reps.length - 1 || reps.length >= MAX_REPRESENTATIVES) return;
    e.preventDefault();
    e.stopPropagation();
    add();
  };
  const error = refused ?? (form.errors.representatives as string | undefined);
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          集体访代表（{reps.length}/{MAX_REPRESENTATIVES}）
        </Text>
        <Group gap="sm">
          {reps.length > 0 && reps.length < MAX_REPRESENTATIVES && (
            <Text size="xs" c="dimmed">
              在最后一行的联系电话处按 Enter 添加下一位
            </Text>
          )}
          <Button size="xs" variant="light" onClick={add}>
            添加代表
          </Button>
        </Group>
      </Group>
      {reps.length > 0 && (
        <Table ref={tableRef} withTableBorder verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>序</Table.Th>
              <Table.Th w={100}>姓名</Table.Th>
              <Table.Th w={128}>证件类型</Table.Th>
              <Table.Th>证件号码</Table.Th>
              <Table.Th w={125}>联系电话</Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reps.map((_, i) => (
              <Table.Tr key={i}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <TextInput aria-label={`代表${i + 1}姓名`} {...form.getInputProps(`representatives.${i}.name`)} />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={`代表${i + 1}证件类型`}
                    data={selectData(ID_TYPES)}
                    {...form.getInputProps(`representatives.${i}.idType`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`代表${i + 1}证件号码`} {...form.getInputProps(`representatives.${i}.idNumber`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`代表${i + 1}联系电话`}
                    {...form.getInputProps(`representatives.${i}.phone`)}
                    onKeyDown={enterAddsRow(i)}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`删除代表${i + 1}`}
                    onClick={() => form.removeListItem('representatives', i)}
                  >
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
