// The schema of one JSONL line (and of one element of an HTTP part's
// `records`): what the district may rely on. Strict objects, so a field added
// to a payload without updating this schema and the README fails the tests.
// Visit data is camelCase (the API's VisitDetail without display-only fields);
// petitioner and matter data are the stored rows, snake_case, as the outbox
// has always held them.
import { z } from '@shared/api/zod-setup';
import { CATEGORIES, PURPOSES, VISIT_KINDS, codesOf, type Option } from '@shared/domain/categories';
import { DECISIONS, DECLINE_GROUNDS, EVALUATIONS, LEGAL_ROUTES, MATTER_KINDS, MATTER_STATES } from '@shared/domain/matter';
import { ID_TYPE_CODES } from '@shared/domain/identity';

const instant = z.iso.datetime();
const ymd = z.iso.date();
const id = z.uuid();

const representative = z.strictObject({ name: z.string(), idType: z.enum(ID_TYPE_CODES), idNumber: z.string(), phone: z.string() });

export const visitData = z.strictObject({
  id,
  visitNo: z.string().regex(/^LF\d{8}-\d{4,}$/),
  registeredAt: instant,
  kind: z.enum(codesOf(VISIT_KINDS)),
  petitionerId: id,
  matterId: id,
  name: z.string().min(1),
  phone: z.string(),
  category: z.enum(codesOf(CATEGORIES)),
  purpose: z.enum(codesOf(PURPOSES)),
  summary: z.string(),
  peopleCount: z.number().int().min(1),
  isGroup: z.boolean(),
  outcome: z.string().nullable(),
  version: z.number().int().min(1),
  idType: z.enum(ID_TYPE_CODES),
  idNumber: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: ymd.nullable(),
  address: z.string(),
  locationArea: z.string(),
  demands: z.string(),
  escort: z.strictObject({ name: z.string(), unit: z.string(), phone: z.string() }).nullable(),
  skipLevel: z.boolean(),
  representatives: z.array(representative).max(5),
});

export const petitionerData = z.strictObject({
  id,
  id_type: z.enum(ID_TYPE_CODES),
  id_number: z.string(),
  name: z.string().min(1),
  gender: z.enum(['male', 'female']).nullable(),
  birth_date: ymd.nullable(),
  phone: z.string(),
  address: z.string(),
  created_at: instant,
  updated_at: instant,
  version: z.number().int().min(1),
});

const ymdOrNull = ymd.nullable();
const enumOrNull = <C extends string>(codes: readonly Option<C>[]) => z.enum(codesOf(codes)).nullable();

/** A matter as the district receives it: its state, unit, decisions and every legal date (0010). */
export const matterData = z.strictObject({
  id,
  petitioner_id: id,
  category: z.enum(codesOf(CATEGORIES)),
  location_area: z.string(),
  summary: z.string(),
  first_visit_id: id.nullable(),
  created_at: instant,
  kind: enumOrNull(MATTER_KINDS),
  state: z.enum(codesOf(MATTER_STATES)),
  received_on: ymd,
  received_organ: z.string(),
  decision: enumOrNull(DECISIONS),
  unit: z.string(),
  decline_ground: enumOrNull(DECLINE_GROUNDS),
  legal_route: enumOrNull(LEGAL_ROUTES),
  decided_on: ymdOrNull,
  accepted_on: ymdOrNull,
  handle_due: ymdOrNull,
  extension_days: z.number().int().min(1).max(30).nullable(),
  replied_on: ymdOrNull,
  opinion_on: ymdOrNull,
  concluded_on: ymdOrNull,
  review_requested_on: ymdOrNull,
  review_decided_on: ymdOrNull,
  recheck_requested_on: ymdOrNull,
  recheck_decided_on: ymdOrNull,
  final_on: ymdOrNull,
  evaluation: enumOrNull(EVALUATIONS),
  evaluated_on: ymdOrNull,
  lead_leader_id: id.nullable(),
  resolution: z.enum(['resolved', 'unresolved']).nullable(),
  supervision_count: z.number().int().min(0),
  updated_at: instant,
  version: z.number().int().min(1),
});

const common = { id, version: z.number().int().min(1), op: z.literal('upsert'), at: instant };

export const jsonlLineSchema = z
  .discriminatedUnion('entity', [
    z.strictObject({ entity: z.literal('visit'), ...common, data: visitData }),
    z.strictObject({ entity: z.literal('petitioner'), ...common, data: petitionerData }),
    z.strictObject({ entity: z.literal('matter'), ...common, data: matterData }),
  ])
  // The envelope and the payload must name the same record.
  .refine((r) => r.data.id === r.id, { message: 'data.id 与 id 不一致' })
  .refine((r) => !('version' in r.data) || r.data.version === r.version, { message: 'data.version 与 version 不一致' });

export type JsonlLine = z.output<typeof jsonlLineSchema>;
