-- Attendance as confirmed when a session finishes: a short note with the
-- participant's state ("came late", "left after the second assumption"),
-- so a late arrival still counts as attended and the team knows why.
ALTER TABLE participants ADD COLUMN attendance_note TEXT NOT NULL DEFAULT '';
