-- Privacy: erasing a person (GDPR art. 17) and the log that proves it was done.

-- The erasure log holds no personal data: when, how much, and a random
-- reference the team can quote back to the person who asked.
CREATE TABLE erasure_log (
    id           INTEGER PRIMARY KEY,
    reference    TEXT NOT NULL UNIQUE,            -- random, e.g. "ER-3F9A…"; not derived from the person
    erased_at    TEXT NOT NULL,                   -- RFC 3339 UTC
    members      INTEGER NOT NULL DEFAULT 0,
    tags         INTEGER NOT NULL DEFAULT 0,      -- tag links removed
    consents     INTEGER NOT NULL DEFAULT 0,
    touchpoints  INTEGER NOT NULL DEFAULT 0,
    rewards      INTEGER NOT NULL DEFAULT 0,
    reminders    INTEGER NOT NULL DEFAULT 0,
    participants INTEGER NOT NULL DEFAULT 0,
    responses    INTEGER NOT NULL DEFAULT 0,      -- kept, made anonymous
    quotes       INTEGER NOT NULL DEFAULT 0       -- kept, made anonymous
);

-- A response outlives the person who gave it: erasure keeps it as
-- anonymous text (member_id NULL), so a session's tally stays true. SQLite
-- cannot relax NOT NULL in place, so the table is rebuilt; response_themes
-- is rebuilt first so dropping the old table cascades into nothing.
CREATE TABLE responses_new (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    assumption_id INTEGER NOT NULL REFERENCES assumptions(id) ON DELETE CASCADE,
    member_id     INTEGER REFERENCES members(id) ON DELETE SET NULL, -- NULL = a former board member
    stance        TEXT NOT NULL DEFAULT '' CHECK (stance IN ('','matches','partly','does_not_match','unsure')),
    needs         TEXT NOT NULL DEFAULT '',
    reactions     TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    UNIQUE (session_id, assumption_id, member_id)
);
INSERT INTO responses_new (id, session_id, assumption_id, member_id, stance, needs, reactions, notes, updated_at)
    SELECT id, session_id, assumption_id, member_id, stance, needs, reactions, notes, updated_at FROM responses;

CREATE TABLE response_themes_new (
    response_id INTEGER NOT NULL REFERENCES responses_new(id) ON DELETE CASCADE,
    theme_id    INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    PRIMARY KEY (response_id, theme_id)
) WITHOUT ROWID;
INSERT INTO response_themes_new (response_id, theme_id) SELECT response_id, theme_id FROM response_themes;

DROP TABLE response_themes;
DROP TABLE responses;
-- Renaming rewrites response_themes_new's reference to "responses".
ALTER TABLE responses_new RENAME TO responses;
ALTER TABLE response_themes_new RENAME TO response_themes;
CREATE INDEX responses_assumption ON responses(assumption_id);
CREATE INDEX responses_member ON responses(member_id);
-- Consent expiry is surfaced ahead of time.
CREATE INDEX consents_expires ON consents(expires_on) WHERE expires_on IS NOT NULL AND revoked_on IS NULL;
-- A quote whose speaker was erased reads "Former board member"; one never
-- attributed (member_id NULL, former_member 0) stays unattributed.
ALTER TABLE quotes ADD COLUMN former_member INTEGER NOT NULL DEFAULT 0 CHECK (former_member IN (0, 1));
