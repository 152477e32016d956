-- A session is an agenda of activities. Every kind of activity (assumption
-- check, journey board, idea round, prototype test, open question, rating)
-- has items (assumptions, stages, prompts, variants and tasks, questions),
-- and participants contribute entries of one shape. The room and the team
-- sync carry this one shape, not six.
--
-- The assumption check of every existing session moves here: its
-- assumptions become items, its responses and quotes entries, their themes
-- entry themes. The move is deterministic: ids are computed from the old
-- ids and times are copied, never taken from the clock, so one board
-- migrated on two laptops ends up byte-for-byte the same.

CREATE TABLE activities (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,                -- order on the agenda, 0 first
    kind          TEXT NOT NULL CHECK (kind IN ('assumption_check','journey_board','idea_round',
                                                'prototype_test','open_question','rating')),
    title         TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    prompt        TEXT NOT NULL DEFAULT '' CHECK (length(prompt) <= 2000), -- what the facilitator asks
    minutes       INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 600), -- planned
    seconds_spent INTEGER NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0),
    scale         INTEGER NOT NULL DEFAULT 0 CHECK (scale IN (0, 5, 7)),  -- rating: 1–5 or 1–7
    dots          INTEGER NOT NULL DEFAULT 0 CHECK (dots BETWEEN 0 AND 20), -- dot votes per person
    removed_at    TEXT,                            -- RFC 3339; removed from the agenda, can be restored
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX activities_session ON activities(session_id, position);

-- What an activity walks through. role 'assumption' points at an
-- assumption of the session's decision; the others carry their own text.
CREATE TABLE activity_items (
    id            INTEGER PRIMARY KEY,
    activity_id   INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    role          TEXT NOT NULL CHECK (role IN ('assumption','stage','prompt','variant','task','question')),
    position      INTEGER NOT NULL,                -- order within the activity and role, 0 first
    assumption_id INTEGER REFERENCES assumptions(id) ON DELETE CASCADE,
    text          TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 2000),
    seconds_spent INTEGER NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0),
    CHECK ((role = 'assumption') = (assumption_id IS NOT NULL)),
    CHECK (role = 'assumption' OR length(trim(text)) > 0)
);
CREATE INDEX activity_items_activity ON activity_items(activity_id, role, position);
CREATE INDEX activity_items_assumption ON activity_items(assumption_id) WHERE assumption_id IS NOT NULL;

-- One shape for everything a participant contributes. A kind is either
-- one slot per (activity, item, variant, target, member) — stance, needs,
-- the note of an assumption check, result, seconds, ease, observation,
-- preference, answer, rating, vote, pitch — kept one by the services, or
-- many (the notes of a journey board, ideas, quotes); a reaction is a set
-- member per text.
--   stance      text: matches | partly | does_not_match | unsure
--   needs       text: what would need to be true
--   note        text; value: severity 1–3 on a journey board
--   reaction    text: confusion | excitement | frustration | other
--   idea        text
--   vote        target: the note or idea; value: dots
--   pitch       target: the idea; value: score 1–5
--   result      item: the task; variant; text: success | partial | fail
--   seconds     item: the task; variant; value: time taken
--   ease        item: the task; variant; value: 1–7
--   observation item: the task; variant; text
--   preference  variant: the one preferred; text: why
--   answer      item: the question; text
--   rating      item: the question; value: 1..scale
--   quote       text, verbatim; activity and item optional
-- member_id NULL is unattributed, or erased when former_member = 1.
CREATE TABLE entries (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    activity_id   INTEGER REFERENCES activities(id) ON DELETE CASCADE,      -- NULL: the session as a whole
    item_id       INTEGER REFERENCES activity_items(id) ON DELETE CASCADE,
    variant_id    INTEGER REFERENCES activity_items(id) ON DELETE CASCADE,
    target_id     INTEGER REFERENCES entries(id) ON DELETE CASCADE,
    member_id     INTEGER REFERENCES members(id) ON DELETE SET NULL,
    former_member INTEGER NOT NULL DEFAULT 0 CHECK (former_member IN (0, 1)),
    kind          TEXT NOT NULL CHECK (kind IN ('stance','needs','note','reaction','idea','vote','pitch',
                                                'result','seconds','ease','observation','preference',
                                                'answer','rating','quote')),
    text          TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 20000),
    value         INTEGER,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX entries_session ON entries(session_id, activity_id, item_id);
CREATE INDEX entries_activity ON entries(activity_id, item_id);
CREATE INDEX entries_member ON entries(member_id);
CREATE INDEX entries_target ON entries(target_id) WHERE target_id IS NOT NULL;
CREATE INDEX entries_item ON entries(item_id) WHERE item_id IS NOT NULL;
CREATE INDEX entries_variant ON entries(variant_id) WHERE variant_id IS NOT NULL;
-- A slot (item, member, kind) is found by this index, and it covers what
-- the run view reads of the responses to an item (text and time too), in
-- the order it groups them by: opening a session of 2,000 responses
-- (10,000 entries) reads the index alone, without a seek into the table
-- per entry nor a sort.
CREATE INDEX entries_slot ON entries(item_id, member_id, kind, text, updated_at);
-- The quotes of a session (or of another kind) without reading the rest.
CREATE INDEX entries_kind ON entries(session_id, kind);

CREATE TABLE entry_themes (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, theme_id)
) WITHOUT ROWID;
CREATE INDEX entry_themes_theme ON entry_themes(theme_id);

-- Which activity the run view shows; current_position stays the item
-- within it.
ALTER TABLE sessions ADD COLUMN current_activity INTEGER NOT NULL DEFAULT 0;

-- The move. Every session gets one assumption check, id = the session's
-- id, holding its assumptions in their order.
INSERT INTO activities (id, session_id, position, kind, title, seconds_spent, created_at, updated_at)
SELECT s.id, s.id, 0, 'assumption_check', 'Assumption check',
       coalesce((SELECT sum(sa.seconds_spent) FROM session_assumptions sa WHERE sa.session_id = s.id), 0),
       s.created_at, s.updated_at
FROM sessions s ORDER BY s.id;

INSERT INTO activity_items (id, activity_id, role, position, assumption_id, seconds_spent)
SELECT row_number() OVER (ORDER BY sa.session_id, sa.position, sa.assumption_id),
       sa.session_id, 'assumption', sa.position, sa.assumption_id, sa.seconds_spent
FROM session_assumptions sa ORDER BY sa.session_id, sa.position, sa.assumption_id;

-- Each response becomes one entry per field it holds, in field order;
-- each reaction of its comma list one entry. A response with themes but
-- no text keeps them on an empty note. Ids follow (response, field), then
-- the quotes by id.
CREATE TEMP TABLE moved (
    id          INTEGER PRIMARY KEY,
    response_id INTEGER,
    quote_id    INTEGER,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL
);
INSERT INTO moved (id, response_id, kind, text)
SELECT row_number() OVER (ORDER BY response_id, ord), response_id, kind, text FROM (
    SELECT id AS response_id, 1 AS ord, 'stance' AS kind, stance AS text FROM responses WHERE stance <> ''
    UNION ALL
    SELECT id, 2, 'needs', needs FROM responses WHERE needs <> ''
    UNION ALL
    SELECT id, 3, 'note', notes FROM responses
     WHERE notes <> '' OR (needs = '' AND EXISTS (SELECT 1 FROM response_themes rt WHERE rt.response_id = responses.id))
    UNION ALL
    SELECT r.id, 4 + CASE j.value WHEN 'confusion' THEN 0 WHEN 'excitement' THEN 1 WHEN 'frustration' THEN 2 ELSE 3 END,
           'reaction', j.value
    FROM responses r, json_each('["' || replace(r.reactions, ',', '","') || '"]') j
    WHERE r.reactions <> ''
);
INSERT INTO moved (id, quote_id, kind, text)
SELECT (SELECT count(*) FROM moved) + row_number() OVER (ORDER BY q.id), q.id, 'quote', q.text FROM quotes q;

INSERT INTO entries (id, session_id, activity_id, item_id, member_id, former_member, kind, text, created_at, updated_at)
SELECT m.id, r.session_id, r.session_id, i.id, r.member_id, CASE WHEN r.member_id IS NULL THEN 1 ELSE 0 END,
       m.kind, m.text, r.updated_at, r.updated_at
FROM moved m
JOIN responses r ON r.id = m.response_id
LEFT JOIN activity_items i ON i.activity_id = r.session_id AND i.assumption_id = r.assumption_id
ORDER BY m.id;

INSERT INTO entries (id, session_id, activity_id, item_id, member_id, former_member, kind, text, created_at, updated_at)
SELECT m.id, q.session_id, CASE WHEN i.id IS NULL THEN NULL ELSE q.session_id END, i.id,
       q.member_id, q.former_member, 'quote', q.text, q.created_at, q.updated_at
FROM moved m
JOIN quotes q ON q.id = m.quote_id
LEFT JOIN activity_items i ON i.activity_id = q.session_id AND i.assumption_id = q.assumption_id
ORDER BY m.id;

INSERT INTO entry_themes (entry_id, theme_id)
SELECT DISTINCT m.id, rt.theme_id
FROM response_themes rt JOIN moved m ON m.response_id = rt.response_id AND m.kind IN ('needs', 'note');
INSERT INTO entry_themes (entry_id, theme_id)
SELECT m.id, qt.theme_id FROM quote_themes qt JOIN moved m ON m.quote_id = qt.quote_id;

DROP TABLE moved;

DROP TABLE response_themes;
DROP TABLE responses;
DROP TABLE quote_themes;
DROP TABLE quotes;
DROP TABLE session_assumptions;

-- Read-only views of the assumption check in the shapes the session
-- package reads it in. They hold no data and add nothing to migrate.
--
-- assumption_items: the assumptions a session tests, through its
-- non-removed assumption checks; order by activity_position, activity_id,
-- position, item_id.
CREATE VIEW assumption_items AS
SELECT a.session_id, a.id AS activity_id, a.position AS activity_position, i.id AS item_id,
       i.position, i.assumption_id, i.seconds_spent
FROM activities a JOIN activity_items i ON i.activity_id = a.id AND i.role = 'assumption'
WHERE a.kind = 'assumption_check' AND a.removed_at IS NULL;

-- response_entries: the fields of the responses to assumptions, one row
-- per entry, with the assumption the item points at.
CREATE VIEW response_entries AS
SELECT e.id, e.session_id, e.activity_id, e.item_id, i.assumption_id, e.member_id, e.former_member,
       e.kind, e.text, e.created_at, e.updated_at
FROM entries e JOIN activity_items i ON i.id = e.item_id AND i.role = 'assumption'
WHERE e.kind IN ('stance', 'needs', 'note', 'reaction');

-- quote_entries: quotes, with the assumption they are about (NULL when
-- general, or about an item that is not an assumption).
CREATE VIEW quote_entries AS
SELECT e.id, e.session_id, e.activity_id, e.item_id, i.assumption_id, e.member_id, e.former_member,
       e.text, e.created_at, e.updated_at
FROM entries e LEFT JOIN activity_items i ON i.id = e.item_id AND i.role = 'assumption'
WHERE e.kind = 'quote';
