import { CATEGORIES, PURPOSES, VISIT_KINDS, labelOf } from '@shared/domain/categories';
import { ID_TYPES } from '@shared/domain/identity';

export const categoryLabel = (c: string) => labelOf(CATEGORIES, c);
export const purposeLabel = (c: string) => labelOf(PURPOSES, c);
export const kindLabel = (c: string) => labelOf(VISIT_KINDS, c);
export const idTypeName = (c: string) => labelOf(ID_TYPES, c);

/** Options for a NativeSelect, with a prompt first when nothing is chosen yet. */
export function selectData(list: readonly { code: string; label: string }[], prompt?: string) {
  const opts = list.map((o) => ({ value: o.code, label: o.label }));
  return prompt ? [{ value: '', label: prompt, disabled: true }, ...opts] : opts;
}

export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  phone: '联系电话',
  address: '住址',
  peopleCount: '来访人数',
  purpose: '信访目的',
  category: '内容分类',
  locationArea: '问题属地',
  summary: '诉求摘要',
  demands: '主要诉求',
  escort: '陪访人',
  skipLevel: '是否越级',
  representatives: '代表',
};

/** A file's size for people: 556 KB, 1.7 MB. */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
