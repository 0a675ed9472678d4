import { z } from '../zod-setup';
import { CATEGORIES, PURPOSES, codesOf, type CategoryCode, type PurposeCode, type VisitKind } from '../../domain/categories';
import { ID_TYPE_CODES, checkIdNumber, type IdType } from '../../domain/identity';
import { checkPhone } from '../../domain/phone';
import type { MatterState } from '../../domain/matter';
import { cleanString, text, uuid } from './common';

/** 集体访: five or more people about the same matter. */
export const GROUP_THRESHOLD = 5;
/** 《信访工作条例》: a group elects no more than five representatives. */
export const MAX_REPRESENTATIVES = 5;

const personName = text('姓名', { min: 1, max: 30 }).refine((s) => !/[\d<>{}\\/@#$%^&*=+|~`]/.test(s), {
  message: '姓名中不能有数字或符号',
});

const optionalPhone = cleanString('联系电话')
  .trim()
  .max(40, '电话号码过长')
  .transform((s, ctx) => {
    if (s === '') return '';
    const r = checkPhone(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.normalized;
  });

const identityShape = {
  idType: z.enum(ID_TYPE_CODES, { error: '请选择证件类型' }),
  idNumber: cleanString('证件号码').trim().max(40, '证件号码过长'),
};

/** ID type + number checked together (GB 11643 for resident IDs); the number comes back normalised. */
function normaliseIdentity<T extends { idType: IdType; idNumber: string }>(v: T, ctx: z.RefinementCtx, required: boolean): T {
  if (v.idType === 'none') return { ...v, idNumber: '' };
  if (!required && v.idNumber === '') return v;
  const r = checkIdNumber(v.idType, v.idNumber);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message, path: ['idNumber'] });
    return z.NEVER;
  }
  return { ...v, idNumber: r.normalized };
}

export const representativeInput = z
  .object({ name: personName, phone: optionalPhone.default(''), ...identityShape })
  .transform((v, ctx) => normaliseIdentity(v, ctx, false));

const escortInput = z.object({
  name: text('陪访人姓名', { min: 1, max: 30 }),
  unit: text('陪访人单位', { min: 1, max: 60 }),
  phone: optionalPhone.default(''),
});

/** The fields of a visit a clerk may correct after saving (identity and matter link excluded). */
const correctableShape = {
  name: personName,
  phone: optionalPhone.default(''),
  address: text('住址', { max: 120 }).default(''),
  peopleCount: z.number({ error: '请填写来访人数' }).int('来访人数应为整数').min(1, '来访人数至少为1').max(9999, '来访人数过大'),
  purpose: z.enum(codesOf(PURPOSES), { error: '请选择信访目的' }),
  category: z.enum(codesOf(CATEGORIES), { error: '请选择内容分类' }),
  locationArea: text('问题属地', { min: 1, max: 60 }),
  summary: text('诉求摘要', { min: 1, max: 200 }),
  demands: text('主要诉求', { max: 5000 }).default(''),
  escort: escortInput.nullable().default(null),
  skipLevel: z.boolean().default(false),
  representatives: z.array(representativeInput).default([]),
};

type GroupFields = { peopleCount: number; representatives: unknown[] };

function checkGroup(v: GroupFields, ctx: z.RefinementCtx) {
  if (v.representatives.length > MAX_REPRESENTATIVES) {
    ctx.addIssue({
      code: 'custom',
      path: ['representatives'],
      message: `集体访代表不得超过${MAX_REPRESENTATIVES}人（已填${v.representatives.length}人）`,
    });
  }
  if (v.peopleCount >= GROUP_THRESHOLD && v.representatives.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['representatives'],
      message: `${GROUP_THRESHOLD}人以上为集体访，请登记代表（最多${MAX_REPRESENTATIVES}人）`,
    });
  }
  if (v.peopleCount < GROUP_THRESHOLD && v.representatives.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['representatives'], message: `不足${GROUP_THRESHOLD}人不是集体访，无需登记代表` });
  }
  if (v.representatives.length > v.peopleCount) {
    ctx.addIssue({ code: 'custom', path: ['representatives'], message: '代表人数不能多于来访人数' });
  }
}

export const registerVisitInput = z
  .object({
    ...identityShape,
    ...correctableShape,
    /** Set when the clerk picked an existing person who has no ID number on file. */
    petitionerId: uuid.nullable().default(null),
    /** Set when the clerk links this visit to a matter already registered (重复访). */
    matterId: uuid.nullable().default(null),
  })
  .transform((v, ctx) => normaliseIdentity(v, ctx, true))
  .superRefine(checkGroup);

export const correctVisitInput = z.object({
  visitId: uuid,
  expectedVersion: z.number().int().min(1),
  reason: text('更正原因', { min: 2, max: 200 }),
  changes: z.object(correctableShape).superRefine(checkGroup),
});

export const lookupInput = z
  .object({
    idType: z.enum(ID_TYPE_CODES).optional(),
    idNumber: cleanString('证件号码').trim().max(40).optional(),
    phone: cleanString('联系电话').trim().max(40).optional(),
    petitionerId: uuid.optional(),
  })
  .refine((v) => v.petitionerId || v.idNumber || v.phone, '请提供证件号码、电话或来访人');

export const searchInput = z.object({
  q: cleanString('查找内容').trim().min(1, '请输入查找内容').max(40, '查找内容过长'),
  limit: z.number().int().min(1).max(100).default(20),
});

export const visitIdInput = z.object({ visitId: uuid });
export const listDayInput = z.object({
  /** 'YYYY-MM-DD' in the hall's zone; today when omitted. */
  date: z.iso.date().optional(),
});

// ---- outputs ---------------------------------------------------------------

export interface PetitionerInfo {
  id: string;
  name: string;
  idType: IdType;
  idNumber: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string;
  address: string;
  visitCount: number;
  lastVisitAt: string | null;
}

export interface MatterInfo {
  id: string;
  /** The matter's person (the read audit names them without asking the database again). */
  petitionerId: string;
  category: CategoryCode;
  summary: string;
  locationArea: string;
  firstVisitNo: string;
  firstVisitAt: string;
  lastVisitAt: string;
  visitCount: number;
  state: MatterState;
  /** Set when the matter has ended (终结 / 不再受理): a later visit about it is flagged, still registered. */
  endedNotice: string | null;
}

export interface VisitSummary {
  id: string;
  visitNo: string;
  registeredAt: string;
  kind: VisitKind;
  petitionerId: string;
  matterId: string;
  name: string;
  phone: string;
  category: CategoryCode;
  purpose: PurposeCode;
  summary: string;
  peopleCount: number;
  isGroup: boolean;
  outcome: string | null;
  registeredByName: string;
  version: number;
  correctedAt: string | null;
}

export interface Representative {
  name: string;
  idType: IdType;
  idNumber: string;
  phone: string;
}

export interface Correction {
  at: string;
  actorName: string;
  reason: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface VisitDetail extends VisitSummary {
  idType: IdType;
  idNumber: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  address: string;
  locationArea: string;
  demands: string;
  escort: { name: string; unit: string; phone: string } | null;
  skipLevel: boolean;
  representatives: Representative[];
  corrections: Correction[];
}

export interface History {
  petitioner: PetitionerInfo;
  visits: VisitSummary[];
  matters: MatterInfo[];
  /** A card photo is kept for this person (the desk may ask for it: petitioners.photo, read-audited). */
  photoKept: boolean;
}

export interface LookupResult {
  /** People matching the identity given; several only when matched by a shared phone. */
  matches: PetitionerInfo[];
  /** Full history when exactly one person matched. */
  history: History | null;
}
