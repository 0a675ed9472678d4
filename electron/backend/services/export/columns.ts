// 来访登记表: the documented column list of the visit table, in order. The xlsx
// sheet and the CSV file both use exactly these columns; the README lists them.
// Only visit records have rows here: petitioner and matter records travel in
// JSONL (and HTTP) only, because the district's 来访登记表 is one row per visit
// and already carries the person's and the matter's fields as registered.
import { CATEGORIES, PURPOSES, VISIT_KINDS, labelOf } from '@shared/domain/categories';
import { idTypeLabel } from '@shared/domain/identity';
import type { VisitPayload } from './types';

export const VISIT_SHEET_NAME = '来访登记表';

export interface Column {
  key: string;
  header: string;
  /** xlsx column width in characters (a Chinese character counts as two). */
  width: number;
  value(v: VisitPayload): string | number;
}

/**
 * 2026-11-24 14:05 in the hall's zone. China has one zone and no daylight
 * saving (see shared/time.ts), so a fixed +08:00 gives the same result as
 * dayjs.tz at a fraction of the cost — it runs once per row, a million times
 * in a full re-export.
 */
const HALL_OFFSET_MS = 8 * 3600_000;
export function hallMinute(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = new Date(t + HALL_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

const yesNo = (b: boolean) => (b ? '是' : '否');

/** 李四（110105…，13812345678）；王五（13900000000） */
function representatives(v: VisitPayload): string {
  return v.representatives
    .map((r) => {
      const extra = [r.idNumber, r.phone].filter(Boolean).join('，');
      return extra ? `${r.name}（${extra}）` : r.name;
    })
    .join('；');
}

/** 王主任（和平街道办事处，13800000000） */
function escort(v: VisitPayload): string {
  if (!v.escort) return '';
  const extra = [v.escort.unit, v.escort.phone].filter(Boolean).join('，');
  return extra ? `${v.escort.name}（${extra}）` : v.escort.name;
}

export const VISIT_COLUMNS: readonly Column[] = [
  { key: 'visitNo', header: '登记编号', width: 18, value: (v) => v.visitNo },
  { key: 'registeredAt', header: '登记时间', width: 17, value: (v) => hallMinute(v.registeredAt) },
  { key: 'kind', header: '初访/重复访', width: 11, value: (v) => labelOf(VISIT_KINDS, v.kind) },
  { key: 'name', header: '姓名', width: 12, value: (v) => v.name },
  { key: 'idType', header: '证件类型', width: 14, value: (v) => idTypeLabel(v.idType) },
  { key: 'idNumber', header: '证件号码', width: 21, value: (v) => v.idNumber },
  { key: 'gender', header: '性别', width: 5, value: (v) => (v.gender === 'male' ? '男' : v.gender === 'female' ? '女' : '') },
  { key: 'birthDate', header: '出生日期', width: 11, value: (v) => v.birthDate ?? '' },
  { key: 'phone', header: '联系电话', width: 14, value: (v) => v.phone },
  { key: 'address', header: '住址', width: 30, value: (v) => v.address },
  { key: 'peopleCount', header: '来访人数', width: 8, value: (v) => v.peopleCount },
  { key: 'isGroup', header: '是否集体访', width: 10, value: (v) => yesNo(v.isGroup) },
  { key: 'representatives', header: '代表', width: 30, value: representatives },
  { key: 'purpose', header: '信访目的', width: 10, value: (v) => labelOf(PURPOSES, v.purpose) },
  { key: 'category', header: '内容分类', width: 14, value: (v) => labelOf(CATEGORIES, v.category) },
  { key: 'locationArea', header: '问题属地', width: 14, value: (v) => v.locationArea },
  { key: 'summary', header: '诉求摘要', width: 30, value: (v) => v.summary },
  { key: 'demands', header: '主要诉求', width: 40, value: (v) => v.demands },
  { key: 'escort', header: '陪访人', width: 24, value: escort },
  { key: 'skipLevel', header: '是否越级', width: 8, value: (v) => yesNo(v.skipLevel) },
  { key: 'outcome', header: '处理结果', width: 12, value: (v) => v.outcome ?? '' },
  { key: 'petitionerId', header: '信访人编号', width: 38, value: (v) => v.petitionerId },
  { key: 'matterId', header: '事项编号', width: 38, value: (v) => v.matterId },
  { key: 'id', header: '记录编号', width: 38, value: (v) => v.id },
  { key: 'version', header: '版本', width: 5, value: (v) => v.version },
];

export const VISIT_HEADERS: readonly string[] = VISIT_COLUMNS.map((c) => c.header);

export function visitRow(v: VisitPayload): (string | number)[] {
  return VISIT_COLUMNS.map((c) => c.value(v));
}
