-- What we tell participants: one plain-words line per verdict and per
-- decision-log entry, the only words about them that drafts and letters
-- carry. NULL = not written yet: the app suggests a line (and tells nothing
-- about an assumption on our own team); '' = the facilitator chose to tell
-- nothing.
ALTER TABLE verdicts ADD COLUMN tell TEXT CHECK (tell IS NULL OR length(tell) <= 1000);
ALTER TABLE decision_log ADD COLUMN tell TEXT CHECK (tell IS NULL OR length(tell) <= 1000);
