-- A teammate's row that arrives whole (a new laptop joining gets every row
-- so) is logged as one change with col '*': its fields as a JSON object,
-- all under the one clock value and device. It stands for one change per
-- field, and costs one row of the log instead of one per column, which
-- was most of what joining a big board cost. change_fields is the log
-- with every such row spread back into its fields: what reads the log by
-- field (record history, erasure, compaction) reads it there.
CREATE VIEW change_fields AS
    SELECT seq, hlc, device, tbl, row_key, col, value FROM changes WHERE col <> '*'
    UNION ALL
    SELECT c.seq, c.hlc, c.device, c.tbl, c.row_key, j.key AS col, j.value AS value
        FROM changes c, json_each(c.value) j WHERE c.col = '*';
