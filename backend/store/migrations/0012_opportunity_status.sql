-- Opportunities become hypotheses. An opportunity ("How might we …") is
-- explored, prototyped, put on the roadmap or dropped; it can become an
-- assumption of the session's decision (the hypothesis the next session
-- tests), and it can name the entry it came from (a pain point, an idea,
-- an observation). Deleting either keeps the opportunity, unlinked.
ALTER TABLE opportunities ADD COLUMN status TEXT NOT NULL DEFAULT 'exploring'
    CHECK (status IN ('exploring', 'prototyping', 'roadmap', 'dropped'));
ALTER TABLE opportunities ADD COLUMN assumption_id INTEGER REFERENCES assumptions(id) ON DELETE SET NULL;
ALTER TABLE opportunities ADD COLUMN source_entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL;
CREATE INDEX opportunities_assumption ON opportunities(assumption_id) WHERE assumption_id IS NOT NULL;
