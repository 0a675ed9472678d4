// The read audit (issue 13): a method whose contract says `personal: 'read'`
// leaves one audit_log row per call naming who read which petitioners and
// visits, written by the dispatcher after the handler and before the data is
// returned (if the row cannot be written, the caller gets an error, not the data).
//
// Which records a call touched is read off its input and output, by the field
// names the contract's types use everywhere: petitionerId (and a PetitionerInfo's
// id), visitId (and a visit's id, recognised by its visitNo), matterId, refId and talkId (a
// print's visit, matter, talk or ticket), and {entity, entityId} of the export's
// failure list. Visits, matters, talks and tickets are resolved to their
// petitioners in the database, so every row names the persons; a visit or a
// matter that carries its petitionerId beside its own id (VisitSummary,
// MatterInfo) is resolved from the output itself, without that query.
//
// Compactness: the row is action 'read', entity = the method, entity_id null,
// after_json = {"persons":[…],"visits":[…]} (ids). A record this user already
// read through the same method in the last READ_COALESCE_MS is left out, and a
// call that names no record not so read writes no row: screens refetch on every
// pushed event (today's list refetches on each registration at every desk),
// and without this a busy day would write a row per desk per event repeating
// the same hundred visits. The window is kept in memory per process (a restart
// or a second process only writes a little more, never less than once per window).
import type { MethodName } from '@shared/api/contract';
import type { Actor, Deps } from '../context';
import type { Db } from '../db/connection';
import { writeAuditAlone } from './audit';

export const READ_COALESCE_MS = 10 * 60_000;

interface Found {
  persons: Set<string>;
  visits: Set<string>;
  matters: Set<string>;
  refs: Set<string>;
  /** Visits and matters whose person the output names beside them: no query needed to resolve them. */
  known: Set<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function add(set: Set<string>, v: unknown): void {
  if (typeof v === 'string' && UUID.test(v)) set.add(v.toLowerCase());
}

function walk(value: unknown, found: Found, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) walk(v, found, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  add(found.persons, o.petitionerId);
  add(found.visits, o.visitId);
  add(found.matters, o.matterId);
  add(found.refs, o.refId);
  add(found.refs, o.talkId);
  if ('visitNo' in o && 'registeredAt' in o) {
    add(found.visits, o.id);
    if (typeof o.petitionerId === 'string' && UUID.test(o.petitionerId)) add(found.known, o.id);
  } else if ('idNumber' in o && 'visitCount' in o) add(found.persons, o.id);
  else if ('firstVisitNo' in o && typeof o.petitionerId === 'string' && UUID.test(o.petitionerId)) {
    // A matter with its person (MatterInfo): the person is added above, the matter needs no query.
    add(found.matters, o.id);
    add(found.known, o.id);
  }
  if (typeof o.entity === 'string' && 'entityId' in o) {
    if (o.entity === 'visit') add(found.visits, o.entityId);
    else if (o.entity === 'petitioner') add(found.persons, o.entityId);
    else if (o.entity === 'matter') add(found.matters, o.entityId);
  }
  for (const v of Object.values(o)) if (v !== null && typeof v === 'object') walk(v, found, depth + 1);
}

async function resolvePersons(db: Db, found: Found): Promise<void> {
  const visits = [...found.visits].filter((id) => !found.known.has(id)).concat([...found.refs]);
  const matters = [...found.matters].filter((id) => !found.known.has(id)).concat([...found.refs]);
  const refs = [...found.refs];
  const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / 500) }, (_, i) => xs.slice(i * 500, i * 500 + 500));
  for (const c of chunks(visits)) {
    for (const r of await db.selectFrom('visits').select(['id', 'petitioner_id']).where('id', 'in', c).execute()) {
      found.persons.add(r.petitioner_id);
      if (found.refs.has(r.id)) found.visits.add(r.id);
    }
  }
  for (const c of chunks(matters)) {
    for (const r of await db.selectFrom('matters').select('petitioner_id').where('id', 'in', c).execute())
      found.persons.add(r.petitioner_id);
  }
  for (const c of chunks(refs)) {
    const viaTalks = await db.selectFrom('talk_records').select('visit_id').where('id', 'in', c).execute();
    const viaTickets = await db.selectFrom('tickets').select('visit_id').where('id', 'in', c).execute();
    const more = [...viaTalks, ...viaTickets].map((r) => r.visit_id).filter((v): v is string => !!v);
    if (more.length === 0) continue;
    for (const r of await db.selectFrom('visits').select(['id', 'petitioner_id']).where('id', 'in', more).execute()) {
      found.persons.add(r.petitioner_id);
      found.visits.add(r.id);
    }
  }
}

/** The persons and visits a call's input and output name, resolved to persons. */
export async function readSubjects(db: Db, input: unknown, output: unknown): Promise<{ persons: string[]; visits: string[] }> {
  const found: Found = { persons: new Set(), visits: new Set(), matters: new Set(), refs: new Set(), known: new Set() };
  walk(input, found);
  walk(output, found);
  await resolvePersons(db, found);
  return { persons: [...found.persons].sort(), visits: [...found.visits].sort() };
}

/** Per store: `${actor}|${method}|${record id}` → when it was last written. */
const recent = new WeakMap<Db, Map<string, number>>();

function recentFor(db: Db): Map<string, number> {
  let m = recent.get(db);
  if (!m) recent.set(db, (m = new Map()));
  return m;
}

/** Writes the read-audit row of one call (see above); returns whether a row was written. */
export async function auditRead(deps: Deps, actor: Actor | null, method: MethodName, input: unknown, output: unknown): Promise<boolean> {
  const subjects = await readSubjects(deps.db, input, output);
  const now = deps.now().getTime();
  const seen = recentFor(deps.db);
  const who = actor?.id ?? 'token';
  const fresh = (id: string) => {
    const last = seen.get(`${who}|${method}|${id}`);
    return last === undefined || now - last >= READ_COALESCE_MS || now < last;
  };
  const persons = subjects.persons.filter(fresh);
  const visits = subjects.visits.filter(fresh);
  if (persons.length === 0 && visits.length === 0) return false;
  // The row is the whole change: one statement when the chain's head is known (writeAuditAlone).
  await writeAuditAlone(deps.db, {
    at: deps.now().toISOString(),
    actorId: actor?.id ?? null,
    action: 'read',
    entity: method,
    entityId: null,
    after: { persons, visits },
  });
  if (seen.size > 100_000) for (const [k, t] of seen) if (now - t >= READ_COALESCE_MS) seen.delete(k);
  for (const id of [...persons, ...visits]) seen.set(`${who}|${method}|${id}`, now);
  return true;
}
