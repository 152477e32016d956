-- Search in every script: the index holds each field folded by
-- sb_search_text (Go's searchtext.Index, registered by the store), which
-- splits CJK and Thai text into single characters, folds accents and ß,
-- and adds the ae/oe/ue spelling of words with umlauts. Marks are token
-- characters, so a Thai syllable or a Hindi word stays whole.
-- The index is rebuilt from the members and their tags.

DROP TRIGGER members_fts_ai;
DROP TRIGGER members_fts_au;
DROP TRIGGER members_fts_ad;
DROP TRIGGER member_tags_fts_ai;
DROP TRIGGER member_tags_fts_ad;
DROP TRIGGER tags_fts_au;
DROP TABLE members_fts;

-- Each member's tags as one text, the search index's tags column.
CREATE VIEW member_tag_names (member_id, names) AS
    SELECT mt.member_id, group_concat(t.name, ' ') FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
    GROUP BY mt.member_id;

CREATE VIRTUAL TABLE members_fts USING fts5(
    name, email, company, notes, tags,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);

INSERT INTO members_fts(rowid, name, email, company, notes, tags)
SELECT m.id, sb_search_text(m.name), sb_search_text(m.email), sb_search_text(m.company), sb_search_text(m.notes),
    sb_search_text(g.names)
FROM members m LEFT JOIN member_tag_names g ON g.member_id = m.id;

CREATE TRIGGER members_fts_ai AFTER INSERT ON members BEGIN
    INSERT INTO members_fts(rowid, name, email, company, notes, tags)
    VALUES (new.id, sb_search_text(new.name), sb_search_text(new.email), sb_search_text(new.company),
        sb_search_text(new.notes), '');
END;
CREATE TRIGGER members_fts_au AFTER UPDATE OF name, email, company, notes ON members BEGIN
    UPDATE members_fts SET name = sb_search_text(new.name), email = sb_search_text(new.email),
        company = sb_search_text(new.company), notes = sb_search_text(new.notes)
    WHERE rowid = new.id;
END;
CREATE TRIGGER members_fts_ad AFTER DELETE ON members BEGIN
    DELETE FROM members_fts WHERE rowid = old.id;
END;
CREATE TRIGGER member_tags_fts_ai AFTER INSERT ON member_tags BEGIN
    UPDATE members_fts SET tags = sb_search_text(
        (SELECT names FROM member_tag_names WHERE member_id = new.member_id))
    WHERE rowid = new.member_id;
END;
CREATE TRIGGER member_tags_fts_ad AFTER DELETE ON member_tags BEGIN
    UPDATE members_fts SET tags = sb_search_text(
        (SELECT names FROM member_tag_names WHERE member_id = old.member_id))
    WHERE rowid = old.member_id;
END;
CREATE TRIGGER tags_fts_au AFTER UPDATE OF name ON tags BEGIN
    UPDATE members_fts SET tags = sb_search_text(
        (SELECT names FROM member_tag_names WHERE member_id = members_fts.rowid))
    WHERE rowid IN (SELECT member_id FROM member_tags WHERE tag_id = new.id);
END;
