// Standard lists the clerk picks from. Kept as data in one place so that the
// form, the backend validation and (later) the district export agree.
// Category codes are stable identifiers; labels may be reworded.

export interface Option<C extends string = string> {
  readonly code: C;
  readonly label: string;
}

/** 内容分类: the content categories commonly used by district petition systems. */
export const CATEGORIES = [
  { code: 'urban_construction', label: '城乡建设' },
  { code: 'land_resources', label: '国土资源' },
  { code: 'agriculture', label: '农村农业' },
  { code: 'labour_social_security', label: '劳动和社会保障' },
  { code: 'health', label: '卫生健康' },
  { code: 'education', label: '教育' },
  { code: 'civil_affairs', label: '民政' },
  { code: 'public_security', label: '公安' },
  { code: 'politics_law', label: '政法' },
  { code: 'environment', label: '生态环境' },
  { code: 'transport', label: '交通运输' },
  { code: 'commerce_market', label: '商贸和市场监管' },
  { code: 'economic_management', label: '经济管理' },
  { code: 'veterans', label: '退役军人' },
  { code: 'discipline', label: '纪检监察' },
  { code: 'organisation_personnel', label: '组织人事' },
  { code: 'culture_tourism', label: '文化旅游' },
  { code: 'other', label: '其他' },
] as const satisfies readonly Option[];

export type CategoryCode = (typeof CATEGORIES)[number]['code'];

/**
 * 信访目的, each with the kind of matter 《信访工作条例》 handles it as
 * (建议意见 / 检举控告 / 申诉求决); 咨询 and 其他 have none.
 */
export const PURPOSES = [
  { code: 'request', label: '求决', kind: 'claim' },
  { code: 'complaint', label: '投诉', kind: 'claim' },
  { code: 'appeal', label: '申诉', kind: 'claim' },
  { code: 'report', label: '揭发控告', kind: 'accusation' },
  { code: 'suggestion', label: '建议意见', kind: 'suggestion' },
  { code: 'consultation', label: '咨询', kind: null },
  { code: 'other', label: '其他', kind: null },
] as const satisfies readonly (Option & { kind: 'suggestion' | 'accusation' | 'claim' | null })[];

/** The 条例's kind of matter a visit's purpose makes it (null: 咨询, 其他). */
export function kindOfPurpose(purpose: string): 'suggestion' | 'accusation' | 'claim' | null {
  return PURPOSES.find((p) => p.code === purpose)?.kind ?? null;
}

export type PurposeCode = (typeof PURPOSES)[number]['code'];

export const VISIT_KINDS = [
  { code: 'first', label: '初访' },
  { code: 'repeat', label: '重复访' },
] as const satisfies readonly Option[];

export type VisitKind = (typeof VISIT_KINDS)[number]['code'];

/** Codes as a non-empty tuple, the shape z.enum wants. */
export function codesOf<C extends string>(list: readonly Option<C>[]): [C, ...C[]] {
  return list.map((o) => o.code) as [C, ...C[]];
}

/** Label for a code, or the code itself for values written before a list changed. */
export function labelOf<C extends string>(list: readonly Option<C>[], code: string | null | undefined): string {
  if (code == null) return '';
  return list.find((o) => o.code === code)?.label ?? code;
}
