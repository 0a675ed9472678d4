// Finding a person and their history, so the clerk sees earlier visits before asking.
import type { ParsedInputOf } from '@shared/api/contract';
import type { History, LookupResult, PetitionerInfo } from '@shared/api/schemas/visits';
import { checkIdNumber } from '@shared/domain/identity';
import { checkPhone } from '@shared/domain/phone';
import type { Actor, Deps } from '../context';
import { readablePersons } from './leader-scope';
import type { Executor } from '../db/connection';
import {
  findPetitionerByDocument,
  findPetitionerById,
  findPetitionersByPhone,
  searchPetitioners,
  toPetitionerInfo,
  visitStats,
} from '../db/queries/petitioners';
import { mattersOfPetitioner, toVisitSummary, visitsWithTotals } from '../db/queries/visits';
import type { PetitionersTable } from '../db/schema';

async function withStats(db: Executor, rows: PetitionersTable[]): Promise<PetitionerInfo[]> {
  const stats = await visitStats(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPetitionerInfo(r, stats.get(r.id)));
}

export async function historyOf(db: Executor, p: PetitionersTable): Promise<History> {
  // Two statements: the visits carry the person's totals (visitsWithTotals), the matters their counts.
  const { visits, total } = await visitsWithTotals(db, p.id);
  const matters = await mattersOfPetitioner(db, p.id);
  return { petitioner: toPetitionerInfo(p, total), visits: visits.map(toVisitSummary), matters, photoKept: total.photos > 0 };
}

/** By document first (unique), else by phone (several people may share one). */
export async function lookup(deps: Deps, actor: Actor, input: ParsedInputOf<'petitioners.lookup'>): Promise<LookupResult> {
  const db = deps.db;
  let rows: PetitionersTable[] = [];
  if (input.petitionerId) {
    const p = await findPetitionerById(db, input.petitionerId);
    if (p) rows = [p];
  }
  let documentGiven = false;
  if (rows.length === 0 && input.idType && input.idType !== 'none' && input.idNumber) {
    const id = checkIdNumber(input.idType, input.idNumber);
    if (id.ok) {
      documentGiven = true;
      const p = await findPetitionerByDocument(db, input.idType, id.normalized);
      if (p) rows = [p];
    }
  }
  // A valid document that is not on file is a new person, even if a relative
  // registered the same phone before: never offer someone else's history.
  if (rows.length === 0 && !documentGiven && input.phone) {
    const phone = checkPhone(input.phone);
    if (phone.ok) rows = await findPetitionersByPhone(db, phone.normalized);
  }
  // A leader finds only the persons within their reach (services/leader-scope.ts).
  const readable = await readablePersons(
    db,
    actor,
    rows.map((r) => r.id),
  );
  rows = rows.filter((r) => readable.has(r.id));
  if (rows.length !== 1) return { matches: await withStats(db, rows), history: null };
  // One person: the match is the history's own petitioner (its counts come with the visits).
  const history = await historyOf(db, rows[0]!);
  return { matches: [history.petitioner], history };
}

/**
 * One search box for everything a clerk might type: an ID number (or its start),
 * a phone number, a name, or the pinyin initials of a name (张三丰 → zsf).
 */
export async function search(deps: Deps, actor: Actor, input: ParsedInputOf<'petitioners.search'>): Promise<PetitionerInfo[]> {
  const q = input.q.replace(/\s+/g, '');
  const db = deps.db;
  let rows: PetitionersTable[];
  if (/^[a-z]+$/i.test(q)) {
    rows = await searchPetitioners(db, 'name_initials', q.toLowerCase(), input.limit);
  } else if (/^\d[\d-]*$/.test(q) || /^\d{17}[xX]$/.test(q)) {
    const digits = q.replaceAll('-', '').toUpperCase();
    const byId = await searchPetitioners(db, 'id_number', digits, input.limit);
    const byPhone = digits.length <= 12 ? await searchPetitioners(db, 'phone', q, input.limit) : [];
    const seen = new Set<string>();
    rows = [...byId, ...byPhone].filter((r) => !seen.has(r.id) && seen.add(r.id)).slice(0, input.limit);
  } else {
    rows = await searchPetitioners(db, 'name', q, input.limit);
  }
  const readable = await readablePersons(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return withStats(
    db,
    rows.filter((r) => readable.has(r.id)),
  );
}
