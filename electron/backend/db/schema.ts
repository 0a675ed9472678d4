// Kysely's view of the tables. Instants are UTC ISO-8601 text; booleans are 0/1.
//
// One runtime description per table (columns, primary key, unique constraints,
// indexes, foreign keys); the row types below are derived from it, and
// tests/unit/schema-guard.test.ts checks it against a database migrated with
// the real migrations. A new migration changes this file in the same commit.
import type { PrintTemplate } from '@shared/api/schemas/printing';
import type { Role } from '@shared/api/roles';
import type { IdType } from '@shared/domain/identity';
import type { Decision, Evaluation, MatterKind, MatterState } from '@shared/domain/matter';
import { col, table, type RowOf } from './describe';

export type TicketStatus = 'waiting' | 'called' | 'parked' | 'no_show' | 'done' | 'closed';
export type ExportDestinationKind = 'folder' | 'http';
export type ExportBatchStatus = 'pending' | 'sent' | 'failed' | 'acknowledged';
export type ExportRecordState = 'unsent' | 'sending' | 'sent' | 'acknowledged' | 'failed';
export type BookingStatus = 'scheduled' | 'waiting' | 'called' | 'done' | 'cancelled' | 'no_show';

const { text, int, nullable, generated } = col;

export const tables = {
  // ---- registration (0001_initial) ------------------------------------------------

  users: table({
    columns: {
      id: text(),
      username: text(),
      display_name: text(),
      role: text<Role>(),
      password_hash: text(),
      disabled: int(),
      must_change_password: int(),
      failed_attempts: int(),
      locked_until: nullable(text()),
      /** A leader allowed to see every leader's queue (0007). */
      sees_all_queues: int(),
      last_login_at: nullable(text()),
      created_at: text(),
      updated_at: text(),
    },
    primaryKey: ['id'],
    indexes: { users_username: { columns: ['username'], unique: true, nocase: true } },
  }),

  petitioners: table({
    columns: {
      id: text(),
      id_type: text<IdType>(),
      /** Normalised document number; '' when the person has none. */
      id_number: text(),
      name: text(),
      /** Pinyin initials of the name, lower case (张三丰 → zsf), for search. */
      name_initials: text(),
      gender: nullable(text<'male' | 'female'>()),
      birth_date: nullable(text()),
      phone: text(),
      address: text(),
      created_at: text(),
      updated_at: text(),
      version: int(),
      /** When 个人信息保留 minimised the person's personal fields (0022); null: the record is whole. */
      minimized_at: nullable(text()),
    },
    primaryKey: ['id'],
    indexes: {
      // One person per document; people without a document are told apart by the clerk.
      petitioners_document: { columns: ['id_type', 'id_number'], unique: true, where: "id_number <> ''" },
      // Plain, not partial, since 0003: a partial index is never used by a lookup with a bound parameter.
      petitioners_id_number: { columns: ['id_number'] },
      petitioners_phone: { columns: ['phone'] },
      petitioners_initials: { columns: ['name_initials'] },
      petitioners_name: { columns: ['name'] },
    },
  }),

  matters: table({
    columns: {
      id: text(),
      petitioner_id: text(),
      category: text(),
      location_area: text(),
      summary: text(),
      first_visit_id: nullable(text()),
      created_at: text(),
      // ---- the matter's life (0010): state, decision, clocks, papers' dates, 评价, 包案, 督办
      /** 《信访工作条例》's kind, from the first visit's purpose. */
      kind: nullable(text<MatterKind>()),
      state: text<MatterState>(),
      /** 首办负责: received on (the 15-day clock runs from it), by whom, for which organ. */
      received_on: text(),
      received_by: nullable(text()),
      received_organ: text(),
      decision: nullable(text<Decision>()),
      /** The responsible unit (受理/交办/转送 to). */
      unit: text(),
      decline_ground: nullable(text()),
      legal_route: nullable(text()),
      reason: text(),
      /** 不再受理: the ended matter this one repeats. */
      ended_matter_id: nullable(text()),
      decided_on: nullable(text()),
      accepted_on: nullable(text()),
      /** The handling deadline in force (after the one extension). */
      handle_due: nullable(text()),
      extension_days: nullable(int()),
      extension_reason: text(),
      extension_approver: text(),
      extended_on: nullable(text()),
      /** The written answer delivered (送达). */
      replied_on: nullable(text()),
      opinion_on: nullable(text()),
      opinion_json: nullable(text()),
      concluded_on: nullable(text()),
      review_requested_on: nullable(text()),
      review_paused_days: int(),
      review_decided_on: nullable(text()),
      review_opinion_json: nullable(text()),
      recheck_requested_on: nullable(text()),
      recheck_paused_days: int(),
      recheck_decided_on: nullable(text()),
      recheck_opinion_json: nullable(text()),
      final_on: nullable(text()),
      evaluation: nullable(text<Evaluation>()),
      evaluation_via: nullable(text()),
      evaluated_on: nullable(text()),
      lead_leader_id: nullable(text()),
      lead_on: nullable(text()),
      resolution: nullable(text<'resolved' | 'unresolved'>()),
      supervise_due: nullable(text()),
      supervision_count: int(),
      /** The earliest open clock and its date (null: none runs), so the due list reads one index. */
      next_due: nullable(text()),
      next_clock: nullable(text()),
      updated_at: text(),
      version: int(),
    },
    primaryKey: ['id'],
    indexes: {
      matters_petitioner: { columns: ['petitioner_id', 'created_at'] },
      matters_by_next_due: { columns: ['next_due'] },
      matters_by_unit: { columns: ['unit', 'next_due'] },
      matters_by_lead: { columns: ['lead_leader_id'] },
      matters_by_state: { columns: ['state'] },
      // 0019 (replacing 0016's single dates): each matter rate's date and the fields it reads, for the statistics
      matters_rate_timely: { columns: ['received_on', 'decided_on'] },
      matters_rate_on_time: { columns: ['handle_due', 'concluded_on'] },
      matters_rate_evaluation: { columns: ['concluded_on', 'evaluation'] },
      matters_rate_lead: { columns: ['lead_on', 'lead_leader_id', 'resolution'] },
      matters_overdue: { columns: ['next_due', 'unit'] },
    },
    references: {
      petitioner_id: 'petitioners.id',
      received_by: 'users.id',
      ended_matter_id: 'matters.id',
      lead_leader_id: 'users.id',
    },
  }),

  visits: table({
    columns: {
      id: text(),
      visit_no: text(),
      /** Hall calendar date 'YYYY-MM-DD' of registration. */
      visit_date: text(),
      petitioner_id: text(),
      matter_id: text(),
      kind: text<'first' | 'repeat'>(),
      // snapshot of the person as registered on this visit
      name: text(),
      id_type: text<IdType>(),
      id_number: text(),
      phone: text(),
      address: text(),
      people_count: int(),
      purpose: text(),
      category: text(),
      location_area: text(),
      summary: text(),
      demands: text(),
      escort_json: nullable(text()),
      skip_level: int(),
      outcome: nullable(text()),
      registered_by: text(),
      created_at: text(),
      updated_at: text(),
      version: int(),
      /** Set by a correction (0007); an outcome also bumps the version. */
      corrected_at: nullable(text()),
    },
    primaryKey: ['id'],
    unique: [['visit_no']],
    indexes: {
      visits_petitioner: { columns: ['petitioner_id', 'created_at'] },
      visits_matter: { columns: ['matter_id', 'created_at'] },
      visits_date: { columns: ['visit_date', 'visit_no'] },
      // 0019: what the statistics group the period's visits by, read from the index alone
      visits_stats: {
        columns: ['visit_date', 'kind', 'people_count', 'skip_level', 'category', 'purpose', 'location_area', 'matter_id'],
      },
    },
    references: { petitioner_id: 'petitioners.id', matter_id: 'matters.id', registered_by: 'users.id' },
  }),

  visit_representatives: table({
    columns: {
      visit_id: text(),
      position: int(),
      name: text(),
      id_type: text<IdType>(),
      id_number: text(),
      phone: text(),
    },
    primaryKey: ['visit_id', 'position'],
    references: { visit_id: 'visits.id' },
  }),

  // Human-readable daily sequences (visit numbers, ticket numbers).
  daily_counters: table({
    columns: {
      scope: text(),
      day: text(),
      last_value: int(),
    },
    primaryKey: ['scope', 'day'],
  }),

  audit_log: table({
    columns: {
      id: text(),
      at: text(),
      actor_id: nullable(text()),
      action: text(),
      entity: text(),
      entity_id: nullable(text()),
      before_json: nullable(text()),
      after_json: nullable(text()),
      note: nullable(text()),
      /** The row's place in the hash chain, the order of insertion (0014). */
      seq: int(),
      /** The hash of the row before (seq - 1); 64 zeros for the first row (0014). */
      prev_hash: text(),
      /** SHA-256 of this row's fields and prev_hash (db/audit-chain.ts) (0014). */
      hash: text(),
    },
    primaryKey: ['id'],
    indexes: { audit_entity: { columns: ['entity', 'entity_id', 'at'] }, audit_log_seq: { columns: ['seq'], unique: true } },
    references: { actor_id: 'users.id' },
  }),

  // One row per change, with the record's id and version, for the district export.
  outbox: table({
    columns: {
      seq: generated(int()),
      id: text(),
      at: text(),
      entity: text(),
      entity_id: text(),
      entity_version: int(),
      op: text<'upsert'>(),
      payload_json: text(),
    },
    primaryKey: ['seq'],
    unique: [['id'], ['entity', 'entity_id', 'entity_version']],
  }),

  // ---- queue numbering and calling (0002_queue) -------------------------------------

  settings: table({
    columns: {
      key: text(),
      value_json: text(),
      updated_at: text(),
    },
    primaryKey: ['key'],
  }),

  lanes: table({
    columns: {
      id: text(),
      prefix: text(),
      name: text(),
      kind: text<'normal' | 'appointment'>(),
      active: int(),
      sort_order: int(),
      created_at: text(),
      updated_at: text(),
    },
    primaryKey: ['id'],
    unique: [['prefix']],
  }),

  desks: table({
    columns: {
      id: text(),
      number: int(),
      name: text(),
      lane_ids_json: text(),
      paused: int(),
      /** Where this desk is in the ratio rule's cycle (e.g. 0,1 ordinary, 2 priority for 2:1). */
      ratio_position: int(),
      active: int(),
      created_at: text(),
      updated_at: text(),
    },
    primaryKey: ['id'],
    unique: [['number']],
  }),

  tickets: table({
    columns: {
      id: text(),
      day: text(),
      lane_id: text(),
      number: int(),
      ticket_no: text(),
      status: text<TicketStatus>(),
      priority: nullable(text<'elderly' | 'disabled' | 'pregnant' | 'military'>()),
      appointment_at: nullable(text()),
      visit_id: nullable(text()),
      visitor_name: text(),
      desk_id: nullable(text()),
      issued_at: text(),
      queued_at: text(),
      called_at: nullable(text()),
      call_count: int(),
      finished_at: nullable(text()),
      carried_from: nullable(text()),
      issued_by: text(),
      version: int(),
      /** The room this ticket waits for (a leader's queue), 0007; desks never call these. */
      room_id: nullable(text()),
    },
    primaryKey: ['id'],
    unique: [['day', 'ticket_no']],
    indexes: {
      tickets_waiting: { columns: ['status', 'lane_id', 'queued_at'] },
      tickets_day: { columns: ['day', 'issued_at'] },
      tickets_desk: { columns: ['desk_id', 'status'] },
      // 0025: the day-end check (open tickets of earlier days)
      tickets_status_day: { columns: ['status', 'day'] },
      // 0013, 0024: the head of each class of a lane's line, and of the tickets sent to a desk, for
      // call-next (services/queue/ordering.ts); every condition stated by the statement that reads them
      tickets_next_ordinary: {
        columns: ['day', 'lane_id', 'queued_at', 'number'],
        where: "(status = 'waiting') AND (priority IS NULL) AND (appointment_at IS NULL) AND (desk_id IS NULL) AND (room_id IS NULL)",
      },
      tickets_next_priority: {
        columns: ['day', 'lane_id', 'queued_at', 'number'],
        where: "(status = 'waiting') AND (priority IS NOT NULL) AND (appointment_at IS NULL) AND (desk_id IS NULL) AND (room_id IS NULL)",
      },
      tickets_next_appointment: {
        columns: ['day', 'lane_id', 'appointment_at', 'queued_at', 'number'],
        where: "(status = 'waiting') AND (appointment_at IS NOT NULL) AND (desk_id IS NULL) AND (room_id IS NULL)",
      },
      tickets_next_desk: {
        columns: ['desk_id', 'day', 'queued_at', 'number'],
        where: "(status = 'waiting') AND (desk_id IS NOT NULL) AND (room_id IS NULL)",
      },
    },
    references: {
      lane_id: 'lanes.id',
      visit_id: 'visits.id',
      desk_id: 'desks.id',
      carried_from: 'tickets.id',
      issued_by: 'users.id',
      room_id: 'rooms.id',
    },
  }),

  ticket_calls: table({
    columns: {
      id: text(),
      ticket_id: text(),
      desk_id: text(),
      at: text(),
      recall: int(),
      actor_id: text(),
    },
    primaryKey: ['id'],
    indexes: { ticket_calls_at: { columns: ['at'] }, ticket_calls_ticket: { columns: ['ticket_id', 'at'] } },
    references: { ticket_id: 'tickets.id', desk_id: 'desks.id', actor_id: 'users.id' },
  }),

  // ---- export to the district system (0004_export) ----------------------------------

  export_destinations: table({
    columns: {
      id: text(),
      name: text(),
      kind: text<ExportDestinationKind>(),
      /** JSON of FolderConfig or HttpConfig (services/export/types.ts). */
      config_json: text(),
      enabled: int(),
      /** Which process is exporting to this destination now, and until when. */
      lease_owner: nullable(text()),
      lease_until: nullable(text()),
      created_at: text(),
      updated_at: text(),
    },
    primaryKey: ['id'],
  }),

  export_batches: table({
    columns: {
      id: text(),
      destination_id: text(),
      created_at: text(),
      kind: text<'incremental' | 'reexport'>(),
      /** Outbox seqs covered, inclusive; null when the batch only retries failed records. */
      from_seq: nullable(int()),
      to_seq: nullable(int()),
      /** Hall dates 'YYYY-MM-DD' of a re-export. */
      range_from: nullable(text()),
      range_to: nullable(text()),
      record_count: int(),
      /** JSON [{name, sha256, bytes, rows}] once the files are staged; null before. */
      files_json: nullable(text()),
      status: text<ExportBatchStatus>(),
      attempts: int(),
      next_attempt_at: nullable(text()),
      last_error: nullable(text()),
      /** HTTP parts already acknowledged (they are sent in order). */
      parts_done: int(),
      sent_at: nullable(text()),
      ack_json: nullable(text()),
      requested_by: nullable(text()),
    },
    primaryKey: ['id'],
    indexes: {
      export_batches_cursor: { columns: ['destination_id', 'kind', 'to_seq'] },
      export_batches_recent: { columns: ['destination_id', 'created_at'] },
      export_batches_open: { columns: ['status', 'destination_id'], where: "status IN ('pending', 'failed')" },
    },
    references: { destination_id: 'export_destinations.id', requested_by: 'users.id' },
  }),

  export_record_states: table({
    columns: {
      destination_id: text(),
      entity: text(),
      entity_id: text(),
      entity_version: int(),
      state: text<ExportRecordState>(),
      failures: int(),
      last_error: nullable(text()),
      last_attempt_at: nullable(text()),
      next_attempt_at: nullable(text()),
      district_id: nullable(text()),
      batch_id: nullable(text()),
    },
    primaryKey: ['destination_id', 'entity', 'entity_id', 'entity_version'],
    indexes: {
      export_record_states_batch: { columns: ['batch_id'] },
      export_record_states_state: { columns: ['destination_id', 'state', 'next_attempt_at'] },
    },
    references: { destination_id: 'export_destinations.id', batch_id: 'export_batches.id' },
  }),

  // ---- print log (0005_printing, 0009_print_snapshot) -------------------------------

  print_jobs: table({
    columns: {
      id: text(),
      template: text<PrintTemplate>(),
      ref_id: text(),
      copies: int(),
      reprint: int(),
      status: text<'pending' | 'printed' | 'failed'>(),
      error: text(),
      printer: text(),
      paper: text(),
      token: text(),
      token_expires_at: text(),
      actor_id: text(),
      created_at: text(),
      updated_at: text(),
      /** The papers of a talk: the data drawn, fixed when the job was made (0009). */
      slip_json: nullable(text()),
    },
    primaryKey: ['id'],
    unique: [['token']],
    indexes: { print_jobs_ref: { columns: ['ref_id', 'created_at'] } },
    references: { actor_id: 'users.id' },
  }),

  // ---- holiday calendar (0006_holidays) ---------------------------------------------

  calendar_days: table({
    columns: {
      date: text(),
      kind: text<'holiday' | 'workday'>(),
      name: text(),
      updated_at: text(),
    },
    primaryKey: ['date'],
  }),

  // ---- 候谈室 and reception days (0007_reception) -----------------------------------

  rooms: table({
    columns: {
      id: text(),
      number: int(),
      name: text(),
      kind: text<'talk' | 'waiting'>(),
      capacity: int(),
      open_from: text(),
      open_to: text(),
      active: int(),
      created_at: text(),
      updated_at: text(),
    },
    primaryKey: ['id'],
    unique: [['number']],
  }),

  reception_sessions: table({
    columns: {
      id: text(),
      leader_id: text(),
      date: text(),
      start_time: text(),
      end_time: text(),
      room_id: text(),
      topics: text(),
      lawyer: text(),
      slot_minutes: int(),
      status: text<'draft' | 'published' | 'cancelled'>(),
      cancel_reason: text(),
      created_by: text(),
      created_at: text(),
      updated_at: text(),
      version: int(),
    },
    primaryKey: ['id'],
    indexes: { reception_sessions_by_date: { columns: ['date', 'leader_id'] } },
    references: { leader_id: 'users.id', room_id: 'rooms.id', created_by: 'users.id' },
  }),

  reception_bookings: table({
    columns: {
      id: text(),
      session_id: text(),
      visit_id: text(),
      kind: text<'walk_in' | 'appointment'>(),
      slot_time: nullable(text()),
      position: int(),
      attendees: int(),
      status: text<BookingStatus>(),
      ticket_id: nullable(text()),
      called_at: nullable(text()),
      finished_at: nullable(text()),
      cancel_reason: text(),
      created_by: text(),
      created_at: text(),
      updated_at: text(),
      version: int(),
    },
    primaryKey: ['id'],
    indexes: {
      reception_bookings_by_session: { columns: ['session_id', 'status'] },
      reception_bookings_by_visit: { columns: ['visit_id'] },
      // 0024: the day-end check (bookings of earlier days still open)
      reception_bookings_open: { columns: ['session_id'], where: "status IN ('scheduled', 'waiting')" },
    },
    references: { session_id: 'reception_sessions.id', visit_id: 'visits.id', ticket_id: 'tickets.id', created_by: 'users.id' },
  }),

  talk_records: table({
    columns: {
      id: text(),
      booking_id: text(),
      visit_id: text(),
      leader_id: text(),
      notes: text(),
      outcome: text<'answered' | 'accepted' | 'declined' | 'forwarded' | 'assigned' | 'litigation'>(),
      unit: text(),
      reason: text(),
      lawyer_present: int(),
      satisfaction: nullable(text<'satisfied' | 'basic' | 'unsatisfied'>()),
      decided_on: text(),
      reply_due: nullable(text()),
      handle_due: nullable(text()),
      extension_days: nullable(int()),
      extension_reason: text(),
      replied_on: nullable(text()),
      concluded_on: nullable(text()),
      recorded_by: text(),
      created_at: text(),
      updated_at: text(),
      version: int(),
    },
    primaryKey: ['id'],
    unique: [['booking_id']],
    indexes: { talk_records_by_visit: { columns: ['visit_id'] } },
    references: { booking_id: 'reception_bookings.id', visit_id: 'visits.id', leader_id: 'users.id', recorded_by: 'users.id' },
  }),

  // ---- the leader's talk notes while typed (0018_talk_drafts) -----------------------

  /** One draft per booking, saved as the leader types; deleted when the talk record is saved. */
  talk_drafts: table({
    columns: {
      booking_id: text(),
      author_id: text(),
      notes: text(),
      updated_at: text(),
    },
    primaryKey: ['booking_id'],
    references: { booking_id: 'reception_bookings.id', author_id: 'users.id' },
  }),

  // ---- idempotency keys of form submissions (0021_idempotency) ----------------------

  /** A submission's key → the first answer of its write (same transaction); pruned after 24 h. */
  idempotency_keys: table({
    columns: {
      key: text(),
      user_id: text(),
      method: text(),
      /** sha256 of the validated input: the same key with another input is refused. */
      input_hash: text(),
      result_json: text(),
      created_at: text(),
    },
    primaryKey: ['key'],
    indexes: { idempotency_keys_by_created: { columns: ['created_at'] } },
    references: { user_id: 'users.id' },
  }),

  // ---- card photos kept by the administrator's choice (0023_card_photos) ---------------

  /** One photo per ID number (id_hash = sha256 of it), linked to the person once registered; pruned after the retention period. */
  card_photos: table({
    columns: {
      id: text(),
      id_hash: text(),
      petitioner_id: nullable(text()),
      /** data: URL (base64 BMP, JPEG or PNG), as the reader gave it. */
      image: text(),
      stored_at: text(),
      /** Null for a photo moved from an older version's card-photos folder. */
      stored_by: nullable(text()),
    },
    primaryKey: ['id'],
    indexes: {
      card_photos_id_hash: { columns: ['id_hash'], unique: true },
      card_photos_petitioner: { columns: ['petitioner_id'] },
      card_photos_stored_at: { columns: ['stored_at'] },
    },
    references: { petitioner_id: 'petitioners.id', stored_by: 'users.id' },
  }),

  room_calls: table({
    columns: {
      id: text(),
      ticket_id: text(),
      room_id: text(),
      at: text(),
      recall: int(),
      actor_id: text(),
    },
    primaryKey: ['id'],
    indexes: { room_calls_by_at: { columns: ['at'] } },
    references: { ticket_id: 'tickets.id', room_id: 'rooms.id', actor_id: 'users.id' },
  }),

  // ---- formal notices kept as PDF (0008_notice_archive) -----------------------------

  notice_archive: table({
    columns: {
      id: text(),
      job_id: text(),
      template: text<PrintTemplate>(),
      /** The matter the notice belongs to (0011); talk_id only on notices archived before, as papers of a talk. */
      matter_id: text(),
      talk_id: nullable(text()),
      sha256: text(),
      bytes: int(),
      /** Relative to the data folder. */
      path: text(),
      actor_id: text(),
      created_at: text(),
    },
    primaryKey: ['id'],
    unique: [['job_id']],
    indexes: {
      notice_archive_by_talk: { columns: ['talk_id'] },
      notice_archive_by_matter: { columns: ['matter_id', 'created_at'] },
    },
    references: { job_id: 'print_jobs.id', matter_id: 'matters.id', talk_id: 'talk_records.id', actor_id: 'users.id' },
  }),

  // ---- 信访日报 / 周报 / 月报 kept as PDF (0017_report_archive) -----------------------

  report_archive: table({
    columns: {
      id: text(),
      job_id: text(),
      kind: text<'day' | 'week' | 'month'>(),
      period_from: text(),
      period_to: text(),
      sha256: text(),
      bytes: int(),
      /** Relative to the data folder. */
      path: text(),
      actor_id: text(),
      created_at: text(),
    },
    primaryKey: ['id'],
    unique: [['job_id']],
    indexes: { report_archive_by_time: { columns: ['created_at'] } },
    references: { job_id: 'print_jobs.id', actor_id: 'users.id' },
  }),

  // ---- the matter's timeline (0010): one row per audited transition -------------

  matter_events: table({
    columns: {
      id: text(),
      matter_id: text(),
      /** The matter's version after this event. */
      version: int(),
      at: text(),
      /** The hall date the act is dated (a decision, a delivery, a request…). */
      on_date: text(),
      actor_id: text(),
      action: text(),
      from_state: text(),
      to_state: text(),
      unit: text(),
      reason: text(),
      visit_id: nullable(text()),
      talk_id: nullable(text()),
      data_json: text(),
    },
    primaryKey: ['id'],
    unique: [['matter_id', 'version']],
    indexes: {
      matter_events_by_action: { columns: ['action', 'unit'] },
      matter_events_by_talk: { columns: ['talk_id'] },
    },
    references: { matter_id: 'matters.id', actor_id: 'users.id', visit_id: 'visits.id', talk_id: 'talk_records.id' },
  }),

  // ---- events between processes (0012_event_log) -----------------------------------

  /** Published events, for other processes on the same SQLite file (events-bridge.ts); empty on PostgreSQL. */
  event_log: table({
    columns: {
      id: generated(int()),
      at: text(),
      /** The publishing process (a random id per backend), which skips its own rows. */
      origin: text(),
      /** The event ({ name, payload }: ids only) as JSON. */
      event_json: text(),
    },
    primaryKey: ['id'],
  }),

  // ---- 评价器: satisfaction pads and the window's evaluations (0015_pad_evaluations) -----

  /** A pad paired to one desk or one room; the token itself is never stored, only its SHA-256. */
  pads: table({
    columns: {
      id: text(),
      desk_id: nullable(text()),
      room_id: nullable(text()),
      token_hash: text(),
      paired_at: text(),
      paired_by: text(),
      last_seen_at: nullable(text()),
      revoked_at: nullable(text()),
    },
    primaryKey: ['id'],
    unique: [['token_hash']],
    references: { desk_id: 'desks.id', room_id: 'rooms.id', paired_by: 'users.id' },
  }),

  /** One-time pairing codes the administrator shows (short-lived). */
  pad_codes: table({
    columns: {
      code: text(),
      desk_id: nullable(text()),
      room_id: nullable(text()),
      expires_at: text(),
      created_by: text(),
      created_at: text(),
    },
    primaryKey: ['code'],
    references: { desk_id: 'desks.id', room_id: 'rooms.id', created_by: 'users.id' },
  }),

  /** One question a pad asks after a visitor is finished; answer null and expires_at past: 未参评. */
  evaluations: table({
    columns: {
      id: text(),
      /** The hall date the visitor was finished. */
      day: text(),
      desk_id: nullable(text()),
      room_id: nullable(text()),
      ticket_id: nullable(text()),
      visit_id: nullable(text()),
      /** Who served: the clerk at the window, or the leader of the talk. */
      clerk_id: text(),
      opened_at: text(),
      expires_at: text(),
      answer: nullable(text<Evaluation>()),
      /** The reasons tapped for 不满意 (codes), as a JSON array. */
      reasons_json: text(),
      /** The pad's own id of the answer, so that a resend is recognised. */
      answer_key: nullable(text()),
      answered_at: nullable(text()),
      pad_id: nullable(text()),
      /** Set when the answer also became the matter's evaluation (a matter concluded at this visit). */
      matter_id: nullable(text()),
    },
    primaryKey: ['id'],
    indexes: {
      evaluations_by_desk: { columns: ['desk_id', 'opened_at'] },
      evaluations_by_room: { columns: ['room_id', 'opened_at'] },
      evaluations_by_day: { columns: ['day'] },
    },
    references: {
      desk_id: 'desks.id',
      room_id: 'rooms.id',
      ticket_id: 'tickets.id',
      visit_id: 'visits.id',
      clerk_id: 'users.id',
      pad_id: 'pads.id',
      matter_id: 'matters.id',
    },
  }),
};

export type Database = { [K in keyof typeof tables]: RowOf<(typeof tables)[K]> };

export type UsersTable = Database['users'];
export type PetitionersTable = Database['petitioners'];
export type MattersTable = Database['matters'];
export type VisitsTable = Database['visits'];
export type VisitRepresentativesTable = Database['visit_representatives'];
export type DailyCountersTable = Database['daily_counters'];
export type AuditLogTable = Database['audit_log'];
export type OutboxTable = Database['outbox'];
export type SettingsTable = Database['settings'];
export type LanesTable = Database['lanes'];
export type DesksTable = Database['desks'];
export type TicketsTable = Database['tickets'];
export type TicketCallsTable = Database['ticket_calls'];
export type ExportDestinationsTable = Database['export_destinations'];
export type ExportBatchesTable = Database['export_batches'];
export type ExportRecordStatesTable = Database['export_record_states'];
export type PrintJobsTable = Database['print_jobs'];
export type CalendarDaysTable = Database['calendar_days'];
export type RoomsTable = Database['rooms'];
export type ReceptionSessionsTable = Database['reception_sessions'];
export type ReceptionBookingsTable = Database['reception_bookings'];
export type TalkRecordsTable = Database['talk_records'];
export type RoomCallsTable = Database['room_calls'];
export type NoticeArchiveTable = Database['notice_archive'];
export type MatterEventsTable = Database['matter_events'];
export type PadsTable = Database['pads'];
export type EvaluationsTable = Database['evaluations'];
export type CardPhotosTable = Database['card_photos'];
