-- Closing the loop: the tickler (reminders), edited message templates.
-- Instants: due_at/scheduled_at are RFC 3339 with the local offset of
-- time_zone (an IANA name, '' = fixed offset) so recurrence keeps the wall
-- clock across DST; due_utc is the same instant in UTC, fixed width, for
-- ordering and range queries. Other stamps are RFC 3339 UTC.

CREATE TABLE reminders (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    body          TEXT NOT NULL DEFAULT '',           -- what to do
    kind          TEXT NOT NULL DEFAULT 'custom'
                  CHECK (kind IN ('custom','thank_you','afterthoughts','session_feedback',
                                  'synthesis','share_back','stay_in_touch')),
    channel       TEXT NOT NULL DEFAULT 'email'       -- how to reach out; the touchpoint kind on completion
                  CHECK (channel IN ('email','message','call','meeting')),
    template_key  TEXT NOT NULL DEFAULT '',           -- message template for the draft, '' = by kind
    origin        TEXT NOT NULL DEFAULT 'manual'
                  CHECK (origin IN ('manual','chain','share_back','stay_in_touch','demo')),
    due_at        TEXT NOT NULL,                      -- this occurrence, snoozed or not
    due_utc       TEXT NOT NULL,
    scheduled_at  TEXT NOT NULL,                      -- this occurrence as scheduled (before any snooze)
    time_zone     TEXT NOT NULL DEFAULT '',
    repeat_unit   TEXT NOT NULL DEFAULT '' CHECK (repeat_unit IN ('','day','week','month')),
    repeat_every  INTEGER NOT NULL DEFAULT 0 CHECK (repeat_every BETWEEN 0 AND 999),
    anchor_day    INTEGER NOT NULL DEFAULT 0 CHECK (anchor_day BETWEEN 0 AND 31), -- monthly: the intended day of month
    member_id     INTEGER REFERENCES members(id) ON DELETE SET NULL,
    session_id    INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    assumption_id INTEGER REFERENCES assumptions(id) ON DELETE SET NULL,
    decision_id   INTEGER REFERENCES decisions(id) ON DELETE SET NULL,
    series_id     INTEGER REFERENCES reminders(id) ON DELETE SET NULL, -- a done occurrence of a recurring reminder
    done_at       TEXT,
    outcome       TEXT NOT NULL DEFAULT '',
    touchpoint_id INTEGER REFERENCES touchpoints(id) ON DELETE SET NULL, -- logged on completion; removed on reopen
    notified_at   TEXT,                               -- desktop/page notification raised for this occurrence
    revision      INTEGER NOT NULL DEFAULT 0,         -- iCalendar SEQUENCE
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((repeat_unit = '') = (repeat_every = 0))
);
CREATE INDEX reminders_open_due ON reminders(due_utc) WHERE done_at IS NULL;
CREATE INDEX reminders_done ON reminders(done_at) WHERE done_at IS NOT NULL;
CREATE INDEX reminders_member ON reminders(member_id, kind);
CREATE INDEX reminders_session ON reminders(session_id, member_id);
CREATE INDEX reminders_assumption ON reminders(assumption_id);
CREATE INDEX reminders_decision ON reminders(decision_id);
CREATE INDEX reminders_series ON reminders(series_id);
-- A session's follow-up chain is accepted once per step and person.
CREATE UNIQUE INDEX reminders_chain ON reminders(session_id, kind, coalesce(member_id, 0))
    WHERE origin = 'chain' AND series_id IS NULL;

-- Message templates the team edited; the built-in text lives in the binary,
-- so deleting a row restores the default.
CREATE TABLE message_templates (
    key        TEXT PRIMARY KEY,
    subject    TEXT NOT NULL CHECK (length(subject) <= 300),
    body       TEXT NOT NULL CHECK (length(body) <= 20000),
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
