-- Evidence from recordings: a session's transcripts (.vtt or .srt from
-- Zoom, Teams or Meet), their speakers matched to participants, and the
-- lines that became quotes.
--
-- A transcript is a recording of people: what a matched speaker said is
-- theirs (a privacy export lists it; erasing them deletes their speaker
-- row and, with it, their lines). The file's own speaker label is kept as
-- the file gave it, so a later match can be changed.
CREATE TABLE transcripts (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    format      TEXT NOT NULL CHECK (format IN ('vtt', 'srt')),
    imported_at TEXT NOT NULL                    -- RFC 3339 UTC
);
CREATE INDEX transcripts_session ON transcripts(session_id);

-- One row per distinct speaker label in a transcript ('' = lines the file
-- names no speaker for). member_id is the participant it was matched to;
-- team marks the company's own people (the facilitator, an internal
-- attendee), whose lines are not customer evidence.
CREATE TABLE transcript_speakers (
    id            INTEGER PRIMARY KEY,
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    label         TEXT NOT NULL,
    member_id     INTEGER REFERENCES members(id) ON DELETE SET NULL,
    team          INTEGER NOT NULL DEFAULT 0 CHECK (team IN (0, 1)),
    CHECK (member_id IS NULL OR team = 0),
    UNIQUE (transcript_id, label)
);
CREATE INDEX transcript_speakers_member ON transcript_speakers(member_id) WHERE member_id IS NOT NULL;

-- The lines, in the file's order; entry_id is the quote made from the
-- line (several consecutive lines can make one quote).
CREATE TABLE transcript_lines (
    id            INTEGER PRIMARY KEY,
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    speaker_id    INTEGER NOT NULL REFERENCES transcript_speakers(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    start_ms      INTEGER NOT NULL CHECK (start_ms >= 0),
    end_ms        INTEGER NOT NULL CHECK (end_ms >= start_ms),
    text          TEXT NOT NULL,
    entry_id      INTEGER REFERENCES entries(id) ON DELETE SET NULL,
    UNIQUE (transcript_id, position)
);
CREATE INDEX transcript_lines_speaker ON transcript_lines(speaker_id);
CREATE INDEX transcript_lines_entry ON transcript_lines(entry_id) WHERE entry_id IS NOT NULL;

-- The erasure log counts the transcript lines an erasure deleted.
ALTER TABLE erasure_log ADD COLUMN transcript_lines INTEGER NOT NULL DEFAULT 0;
