-- The change log keeps one index instead of two: a change is unique by its
-- field, clock value and device, in the order the merge looks fields up.
-- Every change a new laptop receives went into two B-trees of long text
-- keys, which was a third of what joining a big board cost; nothing reads
-- the log by device first. The capture triggers are dropped while
-- migrations run, so the table can be rebuilt under its name.
CREATE TABLE changes_new (
    seq     INTEGER PRIMARY KEY,  -- order of arrival on this device (local, never shared)
    hlc     INTEGER NOT NULL,
    device  TEXT NOT NULL,
    tbl     TEXT NOT NULL,
    row_key TEXT NOT NULL,
    col     TEXT NOT NULL,
    value
);
INSERT INTO changes_new (seq, hlc, device, tbl, row_key, col, value)
    SELECT seq, hlc, device, tbl, row_key, col, value FROM changes ORDER BY seq;
DROP TABLE changes;
ALTER TABLE changes_new RENAME TO changes;
CREATE UNIQUE INDEX changes_field ON changes (tbl, row_key, col, hlc, device);
