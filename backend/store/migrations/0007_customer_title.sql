-- What participants read as a session's name (the invitation and its
-- calendar entry); the title stays the team's working title. '' = none
-- given: the invitation then speaks of "a session of our customer advisory
-- board".
ALTER TABLE sessions ADD COLUMN customer_title TEXT NOT NULL DEFAULT '' CHECK (length(customer_title) <= 300);
