// The visit as an A4 paper of a matter or a talk needs it: the forms print the
// person's name, phone and address (交办单 and 接谈记录 go to the handling unit),
// never the full ID number (masked here, before it leaves the backend) nor the
// history of corrections (their before/after values).
import type { VisitDetail } from '@shared/api/schemas/visits';
import { maskIdNumber } from '@shared/domain/identity';

export function paperVisit(v: VisitDetail): VisitDetail {
  return {
    ...v,
    idNumber: v.idNumber ? maskIdNumber(v.idNumber) : '',
    representatives: v.representatives.map((r) => ({ ...r, idNumber: r.idNumber ? maskIdNumber(r.idNumber) : '' })),
    corrections: [],
  };
}
