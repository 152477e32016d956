-- Owners of reminders. On a shared board an owner is a teammate: the
-- person a device of team_devices names (several devices can share one),
-- or '' for nobody in particular; the services check that, since the team
-- changes after a reminder is written. On a board in no team it is free
-- text, as an action's owner is. Existing reminders belong to nobody in
-- particular; a teammate on an older version holds the new field until
-- they update.
ALTER TABLE reminders ADD COLUMN owner TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 120);
-- My open follow-ups, soonest first: the tickler reads them before the rest.
CREATE INDEX reminders_open_owner ON reminders(owner, due_utc) WHERE done_at IS NULL;
