// The registration form's values and their mapping to the contract's inputs.
// Registration and correction share one value shape so they share the fields.
import type { InputOf } from '@shared/api/contract';
import type { VisitDetail } from '@shared/api/schemas/visits';
import type { IdType } from '@shared/domain/identity';

export interface RepresentativeValues {
  name: string;
  idType: IdType;
  idNumber: string;
  phone: string;
}

export interface VisitFormValues {
  idType: IdType;
  idNumber: string;
  name: string;
  phone: string;
  address: string;
  peopleCount: number | string;
  purpose: string;
  category: string;
  locationArea: string;
  summary: string;
  demands: string;
  skipLevel: boolean;
  hasEscort: boolean;
  escort: { name: string; unit: string; phone: string };
  representatives: RepresentativeValues[];
}

export function emptyVisitValues(): VisitFormValues {
  return {
    idType: 'resident',
    idNumber: '',
    name: '',
    phone: '',
    address: '',
    peopleCount: 1,
    purpose: '',
    category: '',
    locationArea: '',
    summary: '',
    demands: '',
    skipLevel: false,
    hasEscort: false,
    escort: { name: '', unit: '', phone: '' },
    representatives: [],
  };
}

export function emptyRepresentative(): RepresentativeValues {
  return { name: '', idType: 'resident', idNumber: '', phone: '' };
}

type Changes = InputOf<'visits.correct'>['changes'];

export function toChanges(v: VisitFormValues): Changes {
  return {
    name: v.name,
    phone: v.phone,
    address: v.address,
    peopleCount: typeof v.peopleCount === 'number' ? v.peopleCount : Number.NaN,
    purpose: v.purpose as Changes['purpose'],
    category: v.category as Changes['category'],
    locationArea: v.locationArea,
    summary: v.summary,
    demands: v.demands,
    skipLevel: v.skipLevel,
    escort: v.hasEscort ? v.escort : null,
    representatives: v.representatives,
  };
}

export function toRegisterInput(
  v: VisitFormValues,
  link: { petitionerId: string | null; matterId: string | null },
): InputOf<'visits.register'> {
  return { idType: v.idType, idNumber: v.idNumber, ...toChanges(v), ...link };
}

export function fromDetail(d: VisitDetail): VisitFormValues {
  return {
    idType: d.idType,
    idNumber: d.idNumber,
    name: d.name,
    phone: d.phone,
    address: d.address,
    peopleCount: d.peopleCount,
    purpose: d.purpose,
    category: d.category,
    locationArea: d.locationArea,
    summary: d.summary,
    demands: d.demands,
    skipLevel: d.skipLevel,
    hasEscort: d.escort !== null,
    escort: d.escort ?? { name: '', unit: '', phone: '' },
    representatives: d.representatives.map((r) => ({ ...r })),
  };
}
