-- Rewards at the session, and the company's own people in the room.
--
-- A reward can now be promised at a session before it is given, tied to
-- the session and to the idea that earned it; a session has a reward
-- budget. A promised reward has no given date yet, so given_on loses its
-- NOT NULL: SQLite cannot relax it in place, so the table is rebuilt with
-- its ids kept. Every existing reward was given.
CREATE TABLE rewards_new (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    session_id  INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    entry_id    INTEGER REFERENCES entries(id) ON DELETE SET NULL, -- the idea that earned it
    what        TEXT NOT NULL CHECK (length(trim(what)) BETWEEN 1 AND 200),
    value_cents INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
    currency    TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'given' CHECK (status IN ('promised','given')),
    given_on    TEXT,                           -- YYYY-MM-DD; NULL while promised
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    CHECK ((status = 'given') = (given_on IS NOT NULL))
);
INSERT INTO rewards_new (id, member_id, what, value_cents, currency, status, given_on, note, created_at)
    SELECT id, member_id, what, value_cents, currency, 'given', given_on, note, created_at FROM rewards ORDER BY id;
DROP TABLE rewards;
ALTER TABLE rewards_new RENAME TO rewards;
CREATE INDEX rewards_member ON rewards(member_id, given_on);
CREATE INDEX rewards_session ON rewards(session_id) WHERE session_id IS NOT NULL;
CREATE INDEX rewards_entry ON rewards(entry_id) WHERE entry_id IS NOT NULL;

-- What the team means to spend on a session's rewards; 0 = no budget set.
-- The currency every reward of the session is counted in.
ALTER TABLE sessions ADD COLUMN reward_budget_cents INTEGER NOT NULL DEFAULT 0 CHECK (reward_budget_cents >= 0);
ALTER TABLE sessions ADD COLUMN reward_currency TEXT NOT NULL DEFAULT '';

-- The company's own people at a session (sales, support, success,
-- product, other): not board members, so a name and a role only. Too many
-- of them and customers stop talking.
CREATE TABLE session_attendees (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    role       TEXT NOT NULL CHECK (role IN ('sales','support','success','product','other')),
    created_at TEXT NOT NULL
);
CREATE INDEX session_attendees_session ON session_attendees(session_id, id);
