-- Rows of an erased person that the change log has forgotten (kept by each
-- device to itself, like the log): the member row and every row that was
-- about them. Only a deletion is kept in the log for each, so the record
-- history holds nothing of the person, and changes about them that arrive
-- later from a teammate are forgotten as they arrive (changelog.Forget).
CREATE TABLE sync_forgotten (
    tbl     TEXT NOT NULL,
    row_key TEXT NOT NULL,
    PRIMARY KEY (tbl, row_key)
) WITHOUT ROWID;
