-- Decisions, assumptions and the sessions that test them; what was said
-- there, the verdicts, and the synthesis afterwards.

CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    question   TEXT NOT NULL DEFAULT '',          -- the product question the team must answer
    owner      TEXT NOT NULL DEFAULT '',
    deadline   TEXT,                              -- YYYY-MM-DD
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- What the team decided because of the evidence, newest last.
CREATE TABLE decision_log (
    id          INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    outcome     TEXT NOT NULL CHECK (outcome IN ('persevere','pivot','drop','test_further')),
    rationale   TEXT NOT NULL DEFAULT '',
    decided_on  TEXT NOT NULL,                    -- YYYY-MM-DD
    created_at  TEXT NOT NULL
);
CREATE INDEX decision_log_decision ON decision_log(decision_id, decided_on);

-- "We believe [customers] will [behavior] because [reason]".
CREATE TABLE assumptions (
    id          INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    customers   TEXT NOT NULL CHECK (length(trim(customers)) BETWEEN 1 AND 300),
    behavior    TEXT NOT NULL CHECK (length(trim(behavior)) BETWEEN 1 AND 500),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
    category    TEXT NOT NULL CHECK (category IN ('desirability','viability','feasibility')),
    importance  INTEGER NOT NULL CHECK (importance BETWEEN 1 AND 5),
    evidence    INTEGER NOT NULL CHECK (evidence BETWEEN 1 AND 5),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX assumptions_decision ON assumptions(decision_id);

-- Every position an assumption has had on the importance × evidence map.
CREATE TABLE assumption_moves (
    id            INTEGER PRIMARY KEY,
    assumption_id INTEGER NOT NULL REFERENCES assumptions(id) ON DELETE CASCADE,
    importance    INTEGER NOT NULL,
    evidence      INTEGER NOT NULL,
    moved_at      TEXT NOT NULL,                  -- RFC 3339
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assumption_moves_assumption ON assumption_moves(assumption_id, moved_at);

CREATE TABLE sessions (
    id               INTEGER PRIMARY KEY,
    decision_id      INTEGER NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT,
    title            TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    format           TEXT NOT NULL DEFAULT 'assumption_testing'
                     CHECK (format IN ('assumption_testing','problem_mapping','ideation_sprint','prototype_testing')),
    scheduled_on     TEXT,                        -- YYYY-MM-DD
    start_time       TEXT NOT NULL DEFAULT '',    -- HH:MM
    duration_minutes INTEGER NOT NULL DEFAULT 90 CHECK (duration_minutes BETWEEN 0 AND 1440),
    place            TEXT NOT NULL DEFAULT '',    -- room or call link
    facilitator      TEXT NOT NULL DEFAULT '',
    note_taker       TEXT NOT NULL DEFAULT '',
    agenda           TEXT NOT NULL DEFAULT '',
    prompts          TEXT NOT NULL DEFAULT '[]',  -- JSON array of "How might we …" strings
    opener           TEXT NOT NULL DEFAULT '[]',  -- JSON array of {text, done}
    status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','running','finished')),
    current_position INTEGER NOT NULL DEFAULT 0,  -- the assumption on screen in the run view
    started_at       TEXT,
    finished_at      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX sessions_decision ON sessions(decision_id);
CREATE INDEX sessions_scheduled ON sessions(scheduled_on);

CREATE TABLE session_assumptions (
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    assumption_id INTEGER NOT NULL REFERENCES assumptions(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    seconds_spent INTEGER NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0),
    PRIMARY KEY (session_id, assumption_id)
) WITHOUT ROWID;
CREATE INDEX session_assumptions_assumption ON session_assumptions(assumption_id);

CREATE TABLE participants (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    state      TEXT NOT NULL DEFAULT 'invited' CHECK (state IN ('invited','confirmed','attended','no_show')),
    PRIMARY KEY (session_id, member_id)
) WITHOUT ROWID;
CREATE INDEX participants_member ON participants(member_id);

-- One participant's answer to one assumption; each field saved on its own
-- as it is typed, so two people editing different fields lose nothing.
CREATE TABLE responses (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    assumption_id INTEGER NOT NULL REFERENCES assumptions(id) ON DELETE CASCADE,
    member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    stance        TEXT NOT NULL DEFAULT '' CHECK (stance IN ('','matches','partly','does_not_match','unsure')),
    needs         TEXT NOT NULL DEFAULT '',       -- what would need to be true
    reactions     TEXT NOT NULL DEFAULT '',       -- comma list: confusion, excitement, frustration, other
    notes         TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    UNIQUE (session_id, assumption_id, member_id)
);
CREATE INDEX responses_assumption ON responses(assumption_id);
CREATE INDEX responses_member ON responses(member_id);

-- Verbatim quotes, attributed to a member.
CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    assumption_id INTEGER REFERENCES assumptions(id) ON DELETE SET NULL,
    member_id     INTEGER REFERENCES members(id) ON DELETE SET NULL,
    text          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX quotes_session ON quotes(session_id, assumption_id);
CREATE INDEX quotes_member ON quotes(member_id);

CREATE TABLE verdicts (
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    assumption_id INTEGER NOT NULL REFERENCES assumptions(id) ON DELETE CASCADE,
    verdict       TEXT NOT NULL CHECK (verdict IN ('validated','invalidated','needs_research')),
    rationale     TEXT NOT NULL DEFAULT '',
    confidence    INTEGER NOT NULL DEFAULT 3 CHECK (confidence BETWEEN 1 AND 5),
    decided_at    TEXT NOT NULL,                  -- RFC 3339
    PRIMARY KEY (session_id, assumption_id)
) WITHOUT ROWID;
CREATE INDEX verdicts_assumption ON verdicts(assumption_id, decided_at);

CREATE TABLE themes (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 80)
);
CREATE TABLE quote_themes (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    PRIMARY KEY (quote_id, theme_id)
) WITHOUT ROWID;
CREATE TABLE response_themes (
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    theme_id    INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    PRIMARY KEY (response_id, theme_id)
) WITHOUT ROWID;

CREATE TABLE opportunities (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    hmw        TEXT NOT NULL CHECK (length(trim(hmw)) BETWEEN 1 AND 500), -- "How might we …"
    effort     INTEGER NOT NULL DEFAULT 3 CHECK (effort BETWEEN 1 AND 5),
    impact     INTEGER NOT NULL DEFAULT 3 CHECK (impact BETWEEN 1 AND 5),
    picked     INTEGER NOT NULL DEFAULT 0 CHECK (picked IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX opportunities_session ON opportunities(session_id);

CREATE TABLE actions (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    owner      TEXT NOT NULL DEFAULT '',
    due_on     TEXT,                              -- YYYY-MM-DD
    done_on    TEXT,                              -- YYYY-MM-DD
    created_at TEXT NOT NULL
);
CREATE INDEX actions_session ON actions(session_id);
