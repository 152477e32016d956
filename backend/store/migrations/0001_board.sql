-- The advisory board: members, segments, tags, consent, touchpoints, rewards.
-- Dates are ISO-8601 text: YYYY-MM-DD for calendar dates, RFC 3339 UTC for instants.

CREATE TABLE segments (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 80),
    description  TEXT NOT NULL DEFAULT '',
    target_share REAL CHECK (target_share IS NULL OR (target_share > 0 AND target_share <= 1)),
    created_at   TEXT NOT NULL
);

CREATE TABLE members (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    email        TEXT COLLATE NOCASE,           -- NULL when unknown; unique when present
    phone        TEXT NOT NULL DEFAULT '',
    company      TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    segment_id   INTEGER REFERENCES segments(id) ON DELETE SET NULL,
    persona      TEXT NOT NULL DEFAULT '',
    timezone     TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'prospect'
                 CHECK (status IN ('prospect','invited','active','paused','alumni','declined','opted_out')),
    joined_on    TEXT,                          -- YYYY-MM-DD
    source       TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    usage_frequency TEXT NOT NULL DEFAULT ''
                 CHECK (usage_frequency IN ('','daily','weekly','monthly','rarely','never')),
    articulation INTEGER CHECK (articulation IS NULL OR articulation BETWEEN 1 AND 5),
    tone         TEXT NOT NULL DEFAULT ''
                 CHECK (tone IN ('','too_agreeable','balanced','too_negative')),
    contact_cadence_days INTEGER CHECK (contact_cadence_days IS NULL OR contact_cadence_days > 0),
    archived_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX members_email_unique ON members(email) WHERE email IS NOT NULL;
CREATE INDEX members_segment ON members(segment_id);
CREATE INDEX members_status ON members(status);
CREATE INDEX members_name ON members(name COLLATE NOCASE);
-- The board list: current (archived_at NULL) members by name, and their count, without reading rows.
CREATE INDEX members_current ON members(archived_at, name COLLATE NOCASE);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 60)
);

CREATE TABLE member_tags (
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (member_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX member_tags_tag ON member_tags(tag_id, member_id);

-- Current consent per member and kind; revoking keeps the row with revoked_on set.
CREATE TABLE consents (
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('contact','recording','quoting')),
    granted_on TEXT NOT NULL,                   -- YYYY-MM-DD
    expires_on TEXT,                            -- YYYY-MM-DD, NULL = no end
    revoked_on TEXT,                            -- YYYY-MM-DD
    note       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (member_id, kind)
) WITHOUT ROWID;

CREATE TABLE touchpoints (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('session','call','email','meeting','message','note')),
    happened_on TEXT NOT NULL,                  -- YYYY-MM-DD
    summary     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX touchpoints_member ON touchpoints(member_id, happened_on);

CREATE TABLE rewards (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    what        TEXT NOT NULL CHECK (length(trim(what)) BETWEEN 1 AND 200),
    value_cents INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
    currency    TEXT NOT NULL DEFAULT '',
    given_on    TEXT NOT NULL,                  -- YYYY-MM-DD
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX rewards_member ON rewards(member_id, given_on);

-- Full-text index over what people search for; kept in step by triggers.
CREATE VIRTUAL TABLE members_fts USING fts5(
    name, email, company, notes, tags,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER members_fts_ai AFTER INSERT ON members BEGIN
    INSERT INTO members_fts(rowid, name, email, company, notes, tags)
    VALUES (new.id, new.name, coalesce(new.email, ''), new.company, new.notes, '');
END;
CREATE TRIGGER members_fts_au AFTER UPDATE OF name, email, company, notes ON members BEGIN
    UPDATE members_fts SET name = new.name, email = coalesce(new.email, ''),
        company = new.company, notes = new.notes
    WHERE rowid = new.id;
END;
CREATE TRIGGER members_fts_ad AFTER DELETE ON members BEGIN
    DELETE FROM members_fts WHERE rowid = old.id;
END;
CREATE TRIGGER member_tags_fts_ai AFTER INSERT ON member_tags BEGIN
    UPDATE members_fts SET tags = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
        WHERE mt.member_id = new.member_id)
    WHERE rowid = new.member_id;
END;
CREATE TRIGGER member_tags_fts_ad AFTER DELETE ON member_tags BEGIN
    UPDATE members_fts SET tags = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
        WHERE mt.member_id = old.member_id)
    WHERE rowid = old.member_id;
END;
CREATE TRIGGER tags_fts_au AFTER UPDATE OF name ON tags BEGIN
    UPDATE members_fts SET tags = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
        WHERE mt.member_id = members_fts.rowid)
    WHERE rowid IN (SELECT member_id FROM member_tags WHERE tag_id = new.id);
END;

-- Key/value settings (team name, first-run state, …).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
