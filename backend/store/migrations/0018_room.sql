-- The room: participants write from their own phones while the
-- facilitator runs the session. A revealed activity shows its results to
-- the participants and on the projector; a locked one takes no more
-- entries from the room. A hidden entry stays in the session, its
-- synthesis and reports, but is never shown to participants or on the
-- projector.
ALTER TABLE activities ADD COLUMN revealed INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0, 1));
ALTER TABLE activities ADD COLUMN locked   INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));
ALTER TABLE entries    ADD COLUMN hidden   INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
-- Who recorded a consent: '' the team; otherwise a sentence such as
-- 'Self-declared in the room of “Pricing interviews” (session 12) on 2026-12-04'.
ALTER TABLE consents   ADD COLUMN source   TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 300);
