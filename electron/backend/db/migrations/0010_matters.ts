// The 信访事项 (matter) gets a life: its state, the decision that routed it,
// every legal clock, the papers' dates, 评价, 包案 and 督办, and a timeline of
// events (one row per audited transition). The earliest open clock is kept on
// the row (next_due) so the due list reads one index.
//
// Rows written before this release: each matter is received on its first
// visit's date by that visit's clerk (首办负责), and a talk already recorded
// becomes the matter's decision. Their next_due needs the holiday calendar,
// so the migration only flags a recomputation that the backend runs at start
// (services/matters/due-dates.ts), the same one a calendar change runs.
import { sql, type Kysely } from 'kysely';

const COLUMNS = [
  "kind TEXT CHECK (kind IN ('suggestion', 'accusation', 'claim'))",
  "state TEXT NOT NULL DEFAULT 'registered' CHECK (state IN ('registered', 'forwarded', 'handling', 'concluded', 'review', 'reviewed', 'recheck', 'final', 'declined', 'not_again', 'guided'))",
  "received_on TEXT NOT NULL DEFAULT ''",
  'received_by TEXT REFERENCES users (id)',
  "received_organ TEXT NOT NULL DEFAULT ''",
  "decision TEXT CHECK (decision IN ('answered', 'accepted', 'assigned', 'forwarded', 'declined', 'not_again', 'guided'))",
  "unit TEXT NOT NULL DEFAULT ''",
  'decline_ground TEXT',
  'legal_route TEXT',
  "reason TEXT NOT NULL DEFAULT ''",
  'ended_matter_id TEXT REFERENCES matters (id)',
  'decided_on TEXT',
  'accepted_on TEXT',
  'handle_due TEXT',
  'extension_days INTEGER CHECK (extension_days BETWEEN 1 AND 30)',
  "extension_reason TEXT NOT NULL DEFAULT ''",
  "extension_approver TEXT NOT NULL DEFAULT ''",
  'extended_on TEXT',
  'replied_on TEXT',
  'opinion_on TEXT',
  'opinion_json TEXT',
  'concluded_on TEXT',
  'review_requested_on TEXT',
  'review_paused_days INTEGER NOT NULL DEFAULT 0',
  'review_decided_on TEXT',
  'review_opinion_json TEXT',
  'recheck_requested_on TEXT',
  'recheck_paused_days INTEGER NOT NULL DEFAULT 0',
  'recheck_decided_on TEXT',
  'recheck_opinion_json TEXT',
  'final_on TEXT',
  "evaluation TEXT CHECK (evaluation IN ('satisfied', 'basic', 'unsatisfied', 'none'))",
  'evaluation_via TEXT',
  'evaluated_on TEXT',
  'lead_leader_id TEXT REFERENCES users (id)',
  'lead_on TEXT',
  "resolution TEXT CHECK (resolution IN ('resolved', 'unresolved'))",
  'supervise_due TEXT',
  'supervision_count INTEGER NOT NULL DEFAULT 0',
  // the earliest open clock ('reply' | 'handle' | 'review' | 'recheck') and its date; null when none runs
  'next_due TEXT',
  'next_clock TEXT',
  "updated_at TEXT NOT NULL DEFAULT ''",
  'version INTEGER NOT NULL DEFAULT 1',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const c of COLUMNS) await sql.raw(`ALTER TABLE matters ADD COLUMN ${c}`).execute(db);

  await sql`
    CREATE TABLE matter_events (
      id TEXT PRIMARY KEY,
      matter_id TEXT NOT NULL REFERENCES matters (id),
      -- the matter's version after this event
      version INTEGER NOT NULL,
      at TEXT NOT NULL,
      -- the hall date the act is dated (a decision, a delivery, a request…)
      on_date TEXT NOT NULL,
      actor_id TEXT NOT NULL REFERENCES users (id),
      action TEXT NOT NULL,
      from_state TEXT NOT NULL,
      to_state TEXT NOT NULL,
      unit TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      visit_id TEXT REFERENCES visits (id),
      talk_id TEXT REFERENCES talk_records (id),
      data_json TEXT NOT NULL DEFAULT '{}',
      UNIQUE (matter_id, version)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX matter_events_by_action ON matter_events (action, unit)`.execute(db);
  // the talk's decision is read through its event (the board and the leader's queue join on it)
  await sql`CREATE INDEX matter_events_by_talk ON matter_events (talk_id)`.execute(db);
  await sql`CREATE INDEX matters_by_next_due ON matters (next_due)`.execute(db);
  await sql`CREATE INDEX matters_by_unit ON matters (unit, next_due)`.execute(db);
  await sql`CREATE INDEX matters_by_lead ON matters (lead_leader_id)`.execute(db);
  await sql`CREATE INDEX matters_by_state ON matters (state)`.execute(db);

  // 首办负责: received on the first visit's date, by its clerk.
  await sql`
    UPDATE matters SET
      received_on = COALESCE((SELECT v.visit_date FROM visits v WHERE v.matter_id = matters.id ORDER BY v.visit_date, v.visit_no LIMIT 1), substr(created_at, 1, 10)),
      received_by = (SELECT v.registered_by FROM visits v WHERE v.matter_id = matters.id ORDER BY v.visit_date, v.visit_no LIMIT 1),
      updated_at = created_at`.execute(db);

  // A talk already recorded is the matter's decision (the latest talk of the matter wins).
  await sql`
    WITH latest AS (
      SELECT k.*, v.matter_id, ROW_NUMBER() OVER (PARTITION BY v.matter_id ORDER BY k.created_at DESC) AS n
      FROM talk_records k JOIN visits v ON v.id = k.visit_id
    )
    UPDATE matters SET
      decision = CASE l.outcome WHEN 'litigation' THEN 'guided' ELSE l.outcome END,
      unit = l.unit,
      reason = l.reason,
      decided_on = l.decided_on,
      accepted_on = CASE WHEN l.outcome IN ('accepted', 'assigned') THEN l.decided_on END,
      handle_due = l.handle_due,
      extension_days = l.extension_days,
      extension_reason = l.extension_reason,
      replied_on = l.replied_on,
      concluded_on = l.concluded_on,
      opinion_on = CASE WHEN l.outcome <> 'answered' THEN l.concluded_on END,
      state = CASE
        WHEN l.outcome = 'answered' THEN 'concluded'
        WHEN l.outcome IN ('accepted', 'assigned') THEN CASE WHEN l.concluded_on IS NULL THEN 'handling' ELSE 'concluded' END
        WHEN l.outcome = 'litigation' THEN 'guided'
        ELSE l.outcome END,
      version = 2,
      updated_at = l.updated_at
    FROM latest l
    WHERE l.matter_id = matters.id AND l.n = 1`.execute(db);
  await sql`
    INSERT INTO matter_events (id, matter_id, version, at, on_date, actor_id, action, from_state, to_state, unit, reason, visit_id, talk_id, data_json)
    SELECT k.id, m.id, 2, k.created_at, k.decided_on, k.recorded_by, 'decide', 'registered', m.state, k.unit, k.reason, k.visit_id, k.id,
      json_object('decision', m.decision, 'migrated', 1)
    FROM matters m JOIN talk_records k ON k.id = (
      SELECT k2.id FROM talk_records k2 JOIN visits v2 ON v2.id = k2.visit_id WHERE v2.matter_id = m.id ORDER BY k2.created_at DESC LIMIT 1)`.execute(
    db,
  );

  // next_due needs the holiday calendar: the backend recomputes it at start when this flag is set.
  await sql`INSERT INTO settings (key, value_json, updated_at) VALUES ('matters.recomputeDue', 'true', '') ON CONFLICT (key) DO UPDATE SET value_json = 'true'`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('0010_matters cannot be undone');
}
