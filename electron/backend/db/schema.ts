// Kysely's view of the tables. Instants are UTC ISO-8601 text; booleans are 0/1.
import type { Generated } from 'kysely';
import type { PrintTemplate } from '@shared/api/schemas/printing';
import type { Role } from '@shared/api/roles';
import type { IdType } from '@shared/domain/identity';
import type { Decision, MatterState } from '@shared/domain/matter';

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
  /** A leader allowed to see every leader's queue (0007). */
  sees_all_queues: number;
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

/** The columns from 0010_matters are in MatterLifeColumns below. */
export interface MattersTable extends MatterLifeColumns {
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
  /** Set by a correction (0007); an outcome also bumps the version. */
  corrected_at: string | null;
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

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface LanesTable {
  id: string;
  prefix: string;
  name: string;
  kind: 'normal' | 'appointment';
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface DesksTable {
  id: string;
  number: number;
  name: string;
  lane_ids_json: string;
  paused: number;
  /** Where this desk is in the ratio rule's cycle (e.g. 0,1 ordinary, 2 priority for 2:1). */
  ratio_position: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export type TicketStatus = 'waiting' | 'called' | 'parked' | 'no_show' | 'done' | 'closed';

export interface TicketsTable {
  id: string;
  day: string;
  lane_id: string;
  number: number;
  ticket_no: string;
  status: TicketStatus;
  priority: 'elderly' | 'disabled' | 'pregnant' | 'military' | null;
  appointment_at: string | null;
  visit_id: string | null;
  visitor_name: string;
  desk_id: string | null;
  issued_at: string;
  queued_at: string;
  called_at: string | null;
  call_count: number;
  finished_at: string | null;
  carried_from: string | null;
  issued_by: string;
  version: number;
  /** The room this ticket waits for (a leader's queue), 0007; desks never call these. */
  room_id: string | null;
}

export interface TicketCallsTable {
  id: string;
  ticket_id: string;
  desk_id: string;
  at: string;
  recall: number;
  actor_id: string;
}

export interface PrintJobsTable {
  id: string;
  template: PrintTemplate;
  ref_id: string;
  copies: number;
  reprint: number;
  status: 'pending' | 'printed' | 'failed';
  error: string;
  printer: string;
  paper: string;
  token: string;
  token_expires_at: string;
  /** The papers of a talk: the data drawn, fixed when the job was made (0009). */
  slip_json: string | null;
  actor_id: string;
  created_at: string;
  updated_at: string;
}

export interface CalendarDaysTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: string;
}

export interface Database {
  calendar_days: CalendarDaysTable;
  print_jobs: PrintJobsTable;
  settings: SettingsTable;
  lanes: LanesTable;
  desks: DesksTable;
  tickets: TicketsTable;
  ticket_calls: TicketCallsTable;
  users: UsersTable;
  petitioners: PetitionersTable;
  matters: MattersTable;
  visits: VisitsTable;
  visit_representatives: VisitRepresentativesTable;
  daily_counters: DailyCountersTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
}

// ---- export to the district system (0004_export) ------------------------------
// Appended as a second declaration of `Database`: TypeScript merges the two.

export type ExportDestinationKind = 'folder' | 'http';
export type ExportBatchStatus = 'pending' | 'sent' | 'failed' | 'acknowledged';
export type ExportRecordState = 'unsent' | 'sending' | 'sent' | 'acknowledged' | 'failed';

export interface ExportDestinationsTable {
  id: string;
  name: string;
  kind: ExportDestinationKind;
  /** JSON of FolderConfig or HttpConfig (services/export/types.ts). */
  config_json: string;
  enabled: number;
  /** Which process is exporting to this destination now, and until when. */
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExportBatchesTable {
  id: string;
  destination_id: string;
  created_at: string;
  kind: 'incremental' | 'reexport';
  /** Outbox seqs covered, inclusive; null when the batch only retries failed records. */
  from_seq: number | null;
  to_seq: number | null;
  /** Hall dates 'YYYY-MM-DD' of a re-export. */
  range_from: string | null;
  range_to: string | null;
  record_count: number;
  /** JSON [{name, sha256, bytes, rows}] once the files are staged; null before. */
  files_json: string | null;
  status: ExportBatchStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  /** HTTP parts already acknowledged (they are sent in order). */
  parts_done: number;
  sent_at: string | null;
  ack_json: string | null;
  requested_by: string | null;
}

export interface ExportRecordStatesTable {
  destination_id: string;
  entity: string;
  entity_id: string;
  entity_version: number;
  state: ExportRecordState;
  failures: number;
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  district_id: string | null;
  batch_id: string | null;
}

export interface Database {
  export_destinations: ExportDestinationsTable;
  export_batches: ExportBatchesTable;
  export_record_states: ExportRecordStatesTable;
}

// ---- 候谈室 and reception days (0007_reception) ---------------------------------

export interface RoomsTable {
  id: string;
  number: number;
  name: string;
  kind: 'talk' | 'waiting';
  capacity: number;
  open_from: string;
  open_to: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ReceptionSessionsTable {
  id: string;
  leader_id: string;
  date: string;
  start_time: string;
  end_time: string;
  room_id: string;
  topics: string;
  lawyer: string;
  slot_minutes: number;
  status: 'draft' | 'published' | 'cancelled';
  cancel_reason: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export type BookingStatus = 'scheduled' | 'waiting' | 'called' | 'done' | 'cancelled' | 'no_show';

export interface ReceptionBookingsTable {
  id: string;
  session_id: string;
  visit_id: string;
  kind: 'walk_in' | 'appointment';
  slot_time: string | null;
  position: number;
  attendees: number;
  status: BookingStatus;
  ticket_id: string | null;
  called_at: string | null;
  finished_at: string | null;
  cancel_reason: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TalkRecordsTable {
  id: string;
  booking_id: string;
  visit_id: string;
  leader_id: string;
  notes: string;
  outcome: 'answered' | 'accepted' | 'declined' | 'forwarded' | 'assigned' | 'litigation';
  unit: string;
  reason: string;
  lawyer_present: number;
  satisfaction: 'satisfied' | 'basic' | 'unsatisfied' | null;
  decided_on: string;
  reply_due: string | null;
  handle_due: string | null;
  extension_days: number | null;
  extension_reason: string;
  replied_on: string | null;
  concluded_on: string | null;
  recorded_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RoomCallsTable {
  id: string;
  ticket_id: string;
  room_id: string;
  at: string;
  recall: number;
  actor_id: string;
}

export interface Database {
  rooms: RoomsTable;
  reception_sessions: ReceptionSessionsTable;
  reception_bookings: ReceptionBookingsTable;
  talk_records: TalkRecordsTable;
  room_calls: RoomCallsTable;
}

// ---- formal notices kept as PDF (0008_notice_archive) ---------------------------

export interface NoticeArchiveTable {
  id: string;
  job_id: string;
  template: PrintTemplate;
  talk_id: string;
  sha256: string;
  bytes: number;
  path: string;
  actor_id: string;
  created_at: string;
}

export interface Database {
  notice_archive: NoticeArchiveTable;
}

// ---- the matter's life (0010_matters) -------------------------------------------

export interface MatterLifeColumns {
  kind: 'suggestion' | 'accusation' | 'claim' | null;
  state: MatterState;
  received_on: string;
  received_by: string | null;
  received_organ: string;
  decision: Decision | null;
  unit: string;
  decline_ground: string | null;
  legal_route: string | null;
  reason: string;
  ended_matter_id: string | null;
  decided_on: string | null;
  accepted_on: string | null;
  handle_due: string | null;
  extension_days: number | null;
  extension_reason: string;
  extension_approver: string;
  extended_on: string | null;
  replied_on: string | null;
  opinion_on: string | null;
  opinion_json: string | null;
  concluded_on: string | null;
  review_requested_on: string | null;
  review_paused_days: number;
  review_decided_on: string | null;
  review_opinion_json: string | null;
  recheck_requested_on: string | null;
  recheck_paused_days: number;
  recheck_decided_on: string | null;
  recheck_opinion_json: string | null;
  final_on: string | null;
  evaluation: 'satisfied' | 'basic' | 'unsatisfied' | 'none' | null;
  evaluation_via: string | null;
  evaluated_on: string | null;
  lead_leader_id: string | null;
  lead_on: string | null;
  resolution: 'resolved' | 'unresolved' | null;
  supervise_due: string | null;
  supervision_count: number;
  next_due: string | null;
  next_clock: string | null;
  updated_at: string;
  version: number;
}

export interface MatterEventsTable {
  id: string;
  matter_id: string;
  version: number;
  at: string;
  on_date: string;
  actor_id: string;
  action: string;
  from_state: string;
  to_state: string;
  unit: string;
  reason: string;
  visit_id: string | null;
  talk_id: string | null;
  data_json: string;
}

export interface Database {
  matter_events: MatterEventsTable;
}

// TODO(lead): port into the schema description. Since 0011_matter_papers an
// archived notice belongs to a matter (matter_id NOT NULL) and talk_id is
// nullable (set only on notices archived before 0011): NoticeArchiveTable
// should read `matter_id: string; talk_id: string | null;`. Interface merging
// cannot widen talk_id, so services/printing/talk-papers.ts writes null through
// a cast until then.
export interface NoticeArchiveTable {
  matter_id: string;
}
