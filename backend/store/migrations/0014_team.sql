-- The board's side of team sync (docs/team-folder.md).
--
-- sync_self is this device: its place in the team, whether writes are
-- logged, its id counter and its hybrid logical clock. Ids come from the
-- counter (store.NewID), never from SQLite's max(rowid)+1, which would
-- jump into another device's range: device slot k hands out the ids
-- [k·2^33, (k+1)·2^33), and slots stay below 2^20, so every id is at most
-- 2^53 and exact in JavaScript. A board that is in no team is slot 0; its
-- counter starts past every id it already holds.
CREATE TABLE sync_self (
    one      INTEGER PRIMARY KEY CHECK (one = 1),
    device   TEXT NOT NULL DEFAULT '',  -- this device's id (hex); '' until the board is in a team
    capture  INTEGER NOT NULL DEFAULT 0 CHECK (capture IN (0, 1, 2)), -- 0 off, 1 log local writes, 2 applying changes from the team
    id_base  INTEGER NOT NULL DEFAULT 0,          -- first id of this device's range
    next_id  INTEGER NOT NULL,                    -- the next id it hands out
    id_limit INTEGER NOT NULL DEFAULT 8589934592, -- first id past its range (2^33 for slot 0)
    hlc      INTEGER NOT NULL DEFAULT 0,          -- last hybrid logical clock value issued or seen: ms << 16 | counter
    triggers TEXT NOT NULL DEFAULT '',            -- fingerprint of the schema the capture triggers were made for
    CHECK (next_id BETWEEN id_base AND id_limit)
);
INSERT INTO sync_self (one, next_id)
SELECT 1, coalesce(max(id), 0) + 1 FROM (
              SELECT max(id) AS id FROM actions
    UNION ALL SELECT max(id) FROM activities
    UNION ALL SELECT max(id) FROM activity_items
    UNION ALL SELECT max(id) FROM assumption_moves
    UNION ALL SELECT max(id) FROM assumptions
    UNION ALL SELECT max(id) FROM decision_log
    UNION ALL SELECT max(id) FROM decisions
    UNION ALL SELECT max(id) FROM entries
    UNION ALL SELECT max(id) FROM erasure_log
    UNION ALL SELECT max(id) FROM members
    UNION ALL SELECT max(id) FROM opportunities
    UNION ALL SELECT max(id) FROM reminders
    UNION ALL SELECT max(id) FROM rewards
    UNION ALL SELECT max(id) FROM segments
    UNION ALL SELECT max(id) FROM session_attendees
    UNION ALL SELECT max(id) FROM sessions
    UNION ALL SELECT max(id) FROM tags
    UNION ALL SELECT max(id) FROM themes
    UNION ALL SELECT max(id) FROM touchpoints
    UNION ALL SELECT max(id) FROM transcript_lines
    UNION ALL SELECT max(id) FROM transcript_speakers
    UNION ALL SELECT max(id) FROM transcripts
);

-- The change log: one row per field written, by this device or received
-- from a teammate. A row's existence is the field '' (1 alive, 0 deleted).
-- A field's value is the one with the greatest (hlc, device); the others
-- stay as the record's history. row_key is the JSON array of the row's
-- primary key. value keeps the type it was written with.
CREATE TABLE changes (
    seq     INTEGER PRIMARY KEY,  -- order of arrival on this device (local, never shared)
    hlc     INTEGER NOT NULL,
    device  TEXT NOT NULL,
    tbl     TEXT NOT NULL,
    row_key TEXT NOT NULL,
    col     TEXT NOT NULL,
    value,
    UNIQUE (device, hlc, tbl, row_key, col)
);
CREATE INDEX changes_field ON changes (tbl, row_key, col, hlc, device);

-- Rows written while changes from the team are applied (capture = 2):
-- afterwards each is held against the log, and what the merge changed
-- (a cascade, a folded duplicate) is logged as this device's change.
CREATE TABLE sync_touched (
    tbl     TEXT NOT NULL,
    row_key TEXT NOT NULL,
    PRIMARY KEY (tbl, row_key)
) WITHOUT ROWID;

-- Rows the log says are alive but that wait for a parent not yet received
-- (a teammate's file about the parent is still on its way): they are
-- written once it arrives, and are not taken for deleted meanwhile.
CREATE TABLE sync_waiting (
    tbl     TEXT NOT NULL,
    row_key TEXT NOT NULL,
    PRIMARY KEY (tbl, row_key)
) WITHOUT ROWID;

-- This device in its team (local): where the folder is, its private keys
-- (teamfile.Identity; the database file is owner-only) and how far it has
-- written its changes out. segment_seq/segment_upto are recorded before
-- the file is written, so a crash in between writes the same range again
-- under the same name, never a second file for it.
CREATE TABLE team_self (
    one          INTEGER PRIMARY KEY CHECK (one = 1),
    folder       TEXT NOT NULL,
    identity     BLOB NOT NULL,
    epoch        INTEGER NOT NULL,           -- data key epoch this device writes with
    segment_seq  INTEGER NOT NULL DEFAULT 0, -- seq of its last segment file
    segment_from INTEGER NOT NULL DEFAULT 0, -- that segment covers changes.seq in (segment_from, segment_upto]
    segment_upto INTEGER NOT NULL DEFAULT 0,
    invite_seq   INTEGER NOT NULL DEFAULT 0, -- seq of its last invite file
    answer       BLOB,                       -- a joining device's answer to its invitation (its join file's body)
    joined_at    TEXT NOT NULL,
    last_sync    TEXT,                       -- RFC 3339 UTC of the last full pass
    problems     TEXT NOT NULL DEFAULT ''    -- what the last pass could not do, one per line
);

-- The team's data keys this device holds, by epoch (local).
CREATE TABLE team_keys (
    epoch INTEGER PRIMARY KEY,
    key   BLOB NOT NULL CHECK (length(key) = 32)
);

-- Per teammate device and file kind, the seq of the last file applied
-- (local; teamfile.Cursor). Updated in the transaction that applies it.
CREATE TABLE team_cursor (
    device TEXT NOT NULL,
    kind   INTEGER NOT NULL,
    seq    INTEGER NOT NULL,
    at     TEXT NOT NULL,                    -- when it was applied, RFC 3339 UTC
    PRIMARY KEY (device, kind)
) WITHOUT ROWID;

-- Invitations this device made (local: only the inviter knows the code).
CREATE TABLE team_invites (
    seq        INTEGER PRIMARY KEY,          -- its invite file's seq
    code_hash  TEXT NOT NULL UNIQUE,         -- SHA-256 of the code, hex
    join_key   BLOB NOT NULL,                -- key derived from the code, to check the answer
    slot       INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_by    TEXT                          -- the device that joined with it
);

-- Changes received but held back: stamped too far ahead, or for a table
-- or column this version does not have (local). Retried at every pass.
CREATE TABLE team_held (
    hlc     INTEGER NOT NULL,
    device  TEXT NOT NULL,
    tbl     TEXT NOT NULL,
    row_key TEXT NOT NULL,
    col     TEXT NOT NULL,
    value,
    PRIMARY KEY (device, hlc, tbl, row_key, col)
) WITHOUT ROWID;

-- The team's devices (replicated: a device trusts the devices its team
-- lists, and a row comes only in a file signed by a trusted device).
-- slot is the device's id range (store.NewID).
CREATE TABLE team_devices (
    id         TEXT PRIMARY KEY CHECK (length(id) = 32), -- device id, hex
    person     TEXT NOT NULL CHECK (length(trim(person)) BETWEEN 1 AND 120),
    label      TEXT NOT NULL DEFAULT '',     -- "Ana's laptop"
    sign_key   BLOB NOT NULL CHECK (length(sign_key) = 32),
    recipient  TEXT NOT NULL,                -- age X25519 recipient
    slot       INTEGER NOT NULL CHECK (slot BETWEEN 0 AND 1048575),
    added_by   TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    removed_at TEXT
);
