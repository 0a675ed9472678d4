// Kysely's view of the tables. Instants are UTC ISO-8601 text; booleans are 0/1.
import type { Generated } from 'kysely';
import type { Role } from '../../../shared/api/roles';
import type { IdType } from '../../../shared/domain/identity';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PetitionersTable {
  id: string;
  id_type: IdType;
  /** Normalised document number; '' when the person has none. */
  id_number: string;
  name: string;
  /** Pinyin initials of the name, lower case (张三丰 → zsf), for search. */
  name_initials: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone: string;
  address: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface MattersTable {
  id: string;
  petitioner_id: string;
  category: string;
  location_area: string;
  summary: string;
  first_visit_id: string | null;
  created_at: string;
}

export interface VisitsTable {
  id: string;
  visit_no: string;
  /** Hall calendar date 'YYYY-MM-DD' of registration. */
  visit_date: string;
  petitioner_id: string;
  matter_id: string;
  kind: 'first' | 'repeat';
  // snapshot of the person as registered on this visit
  name: string;
  id_type: IdType;
  id_number: string;
  phone: string;
  address: string;
  people_count: number;
  purpose: string;
  category: string;
  location_area: string;
  summary: string;
  demands: string;
  escort_json: string | null;
  skip_level: number;
  outcome: string | null;
  registered_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface VisitRepresentativesTable {
  visit_id: string;
  position: number;
  name: string;
  id_type: IdType;
  id_number: string;
  phone: string;
}

export interface DailyCountersTable {
  scope: string;
  day: string;
  last_value: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}

export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  at: string;
  entity: string;
  entity_id: string;
  entity_version: number;
  op: 'upsert';
  payload_json: string;
}

export interface Database {
  users: UsersTable;
  petitioners: PetitionersTable;
  matters: MattersTable;
  visits: VisitsTable;
  visit_representatives: VisitRepresentativesTable;
  daily_counters: DailyCountersTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
}
