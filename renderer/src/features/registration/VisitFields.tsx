// The fields of a visit shared by registration and correction.
import { Checkbox, Grid, NativeSelect, NumberInput, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GROUP_THRESHOLD } from '@shared/api/schemas/visits';
import { CATEGORIES, PURPOSES } from '@shared/domain/categories';
import { selectData } from '@lib/labels';
import type { VisitFormValues } from './form-model';
import { RepresentativesField } from './RepresentativesField';

export function PersonFields({ form }: { form: UseFormReturnType<VisitFormValues> }) {
  return (
    <>
      <Grid.Col span={4}>
        <TextInput label="姓名" withAsterisk {...form.getInputProps('name')} />
      </Grid.Col>
      <Grid.Col span={4}>
        <TextInput label="联系电话" placeholder="手机或座机（带区号）" {...form.getInputProps('phone')} />
      </Grid.Col>
      <Grid.Col span={4}>
        <NumberInput label="来访人数" min={1} max={9999} allowDecimal={false} withAsterisk {...form.getInputProps('peopleCount')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label="住址" {...form.getInputProps('address')} />
      </Grid.Col>
    </>
  );
}

export function MatterFields({ form }: { form: UseFormReturnType<VisitFormValues> }) {
  const count = Number(form.values.peopleCount);
  const isGroup = Number.isFinite(count) && count >= GROUP_THRESHOLD;
  return (
    <>
      {(isGroup || form.values.representatives.length > 0) && (
        <Grid.Col span={12}>
          <Paper withBorder p="sm" bg="orange.0">
            <Text size="sm" c="orange.9" fw={600} mb={6}>
              {isGroup ? `${GROUP_THRESHOLD}人以上为集体访，请登记代表` : `不足${GROUP_THRESHOLD}人不是集体访，请删除下列代表`}
            </Text>
            <RepresentativesField form={form} />
          </Paper>
        </Grid.Col>
      )}
      <Grid.Col span={4}>
        <NativeSelect label="信访目的" withAsterisk data={selectData(PURPOSES, '请选择')} {...form.getInputProps('purpose')} />
      </Grid.Col>
      <Grid.Col span={4}>
        <NativeSelect label="内容分类" withAsterisk data={selectData(CATEGORIES, '请选择')} {...form.getInputProps('category')} />
      </Grid.Col>
      <Grid.Col span={4}>
        <TextInput label="问题属地" withAsterisk placeholder="如：某某街道某某社区" {...form.getInputProps('locationArea')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label="诉求摘要" withAsterisk placeholder="一句话概括（200字以内）" {...form.getInputProps('summary')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea
          label="主要诉求"
          autosize
          minRows={3}
          maxRows={8}
          placeholder="来访人的具体诉求与事实经过"
          {...form.getInputProps('demands')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Stack gap={6}>
          <Checkbox label="越级上访（跳过应受理的下级机关）" {...form.getInputProps('skipLevel', { type: 'checkbox' })} />
          <Checkbox label="有陪访人（乡镇、街道干部陪同）" {...form.getInputProps('hasEscort', { type: 'checkbox' })} />
        </Stack>
      </Grid.Col>
      {form.values.hasEscort && (
        <>
          <Grid.Col span={4}>
            <TextInput label="陪访人姓名" withAsterisk {...form.getInputProps('escort.name')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="陪访人单位" withAsterisk {...form.getInputProps('escort.unit')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="陪访人电话" {...form.getInputProps('escort.phone')} />
          </Grid.Col>
        </>
      )}
    </>
  );
}
