-- People erased from the board, so a later import does not bring them back.
--
-- Only salted SHA-256 fingerprints are kept, one of the email and one of
-- the name with the company, never the text itself; the salt is a random
-- value in settings ('erasure_salt'). An import refuses a row whose email,
-- or name and company, has a fingerprint here. The reference ties it to
-- the erasure_log entry the team can quote back to the person.
CREATE TABLE erased_people (
    fingerprint TEXT PRIMARY KEY,
    reference   TEXT NOT NULL,
    erased_at   TEXT NOT NULL            -- RFC 3339 UTC
) WITHOUT ROWID;
