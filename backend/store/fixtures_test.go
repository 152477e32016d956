package store_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/searchtext"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// fixtureRows are representative rows for the tables each schema version
// added, inserted after migrating to that version. Every table of a
// fixture must get rows (TestFixtureFillsEveryTable), so a migration that
// adds a table needs rows here before its fixture can be built.
var fixtureRows = map[int][]string{
	1: {
		`INSERT INTO segments (id, name, description, target_share, created_at) VALUES
			(1, 'SMB', 'Small teams', 0.4, '2024-01-02T10:00:00Z'),
			(2, 'Enterprise', '', NULL, '2024-01-02T10:00:00Z')`,
		`INSERT INTO members (id, name, email, phone, company, role, segment_id, persona, timezone, status, joined_on,
			source, notes, usage_frequency, articulation, tone, contact_cadence_days, archived_at, created_at, updated_at) VALUES
			(1, 'Zoë Ålund', 'zoe@example.com', '+46 70 123', 'Fjord AB', 'PM', 1, 'planner', 'Europe/Stockholm', 'active',
			 '2024-01-05', 'referral', 'Loves exports; "quotes" & <tags>', 'weekly', 4, 'balanced', 30, NULL, '2024-01-05T09:00:00Z', '2024-02-01T09:00:00Z'),
			(2, 'Kwame Mensah', 'kwame@example.org', '', 'Acme Corp', 'CTO', 2, '', '', 'invited',
			 NULL, '', '', '', NULL, 'too_negative', NULL, NULL, '2024-01-06T09:00:00Z', '2024-01-06T09:00:00Z'),
			(3, 'Old Timer', NULL, '', '', '', NULL, '', '', 'alumni',
			 '2023-05-01', '', 'archived long ago', 'rarely', 2, '', NULL, '2024-01-10T00:00:00Z', '2023-05-01T09:00:00Z', '2024-01-10T00:00:00Z')`,
		`INSERT INTO tags (id, name) VALUES (1, 'power-user'), (2, 'design')`,
		`INSERT INTO member_tags (member_id, tag_id) VALUES (1, 1), (1, 2), (2, 2)`,
		`INSERT INTO consents (member_id, kind, granted_on, expires_on, revoked_on, note) VALUES
			(1, 'contact', '2024-01-05', NULL, NULL, 'signed form'),
			(1, 'quoting', '2024-01-05', '2025-01-05', NULL, ''),
			(2, 'recording', '2024-01-06', NULL, '2024-03-01', 'changed mind')`,
		`INSERT INTO touchpoints (id, member_id, kind, happened_on, summary, created_at) VALUES
			(1, 1, 'call', '2024-01-20', 'Intro call', '2024-01-20T12:00:00Z'),
			(2, 2, 'email', '2024-01-21', 'Invitation', '2024-01-21T12:00:00Z')`,
		`INSERT INTO rewards (id, member_id, what, value_cents, currency, given_on, note, created_at) VALUES
			(1, 1, 'Gift card', 5000, 'EUR', '2024-02-01', 'thanks', '2024-02-01T12:00:00Z')`,
		`INSERT INTO settings (key, value) VALUES ('board.name', 'Fjord advisory board')`,
	},
	2: {
		`INSERT INTO decisions (id, title, question, owner, deadline, created_at, updated_at) VALUES
			(1, 'Self-serve onboarding', 'Should we drop the sales call?', 'Ana', '2024-06-30', '2024-03-01T09:00:00Z', '2024-03-01T09:00:00Z')`,
		`INSERT INTO decision_log (id, decision_id, outcome, rationale, decided_on, created_at) VALUES
			(1, 1, 'persevere', 'Evidence supports it', '2024-04-01', '2024-04-01T09:00:00Z')`,
		`INSERT INTO assumptions (id, decision_id, customers, behavior, reason, category, importance, evidence, created_at, updated_at) VALUES
			(1, 1, 'small teams', 'set up without help', 'they are technical', 'desirability', 5, 2, '2024-03-01T09:00:00Z', '2024-03-01T09:00:00Z'),
			(2, 1, 'admins', 'pay by card', 'procurement is slow', 'viability', 3, 1, '2024-03-01T09:00:00Z', '2024-03-01T09:00:00Z')`,
		`INSERT INTO assumption_moves (id, assumption_id, importance, evidence, moved_at, note) VALUES
			(1, 1, 5, 4, '2024-03-20T09:00:00Z', 'after session 1')`,
		`INSERT INTO sessions (id, decision_id, title, format, scheduled_on, start_time, duration_minutes, place, facilitator,
			note_taker, agenda, prompts, opener, status, current_position, started_at, finished_at, created_at, updated_at) VALUES
			(1, 1, 'Onboarding test #1', 'assumption_testing', '2024-03-15', '14:00', 90, 'Zoom', 'Ana', 'Ben', 'Intro; test; wrap',
			 '["How might we…"]', '[{"text":"Welcome","done":true}]', 'finished', 1, '2024-03-15T14:00:00Z', '2024-03-15T15:30:00Z',
			 '2024-03-01T09:00:00Z', '2024-03-15T15:30:00Z')`,
		`INSERT INTO session_assumptions (session_id, assumption_id, position, seconds_spent) VALUES (1, 1, 0, 600), (1, 2, 1, 420)`,
		`INSERT INTO participants (session_id, member_id, state) VALUES (1, 1, 'attended'), (1, 2, 'no_show')`,
		`INSERT INTO responses (id, session_id, assumption_id, member_id, stance, needs, reactions, notes, updated_at) VALUES
			(1, 1, 1, 1, 'matches', 'a template', 'excitement', 'Would do it today', '2024-03-15T14:20:00Z'),
			(2, 1, 2, 1, 'does_not_match', 'invoices', 'frustration', 'Cards are blocked', '2024-03-15T14:40:00Z')`,
		`INSERT INTO quotes (id, session_id, assumption_id, member_id, text, created_at, updated_at) VALUES
			(1, 1, 1, 1, 'I would set it up myself on a Sunday.', '2024-03-15T14:21:00Z', '2024-03-15T14:21:00Z'),
			(2, 1, NULL, NULL, 'Unattributed remark', '2024-03-15T14:50:00Z', '2024-03-15T14:50:00Z')`,
		`INSERT INTO verdicts (session_id, assumption_id, verdict, rationale, confidence, decided_at) VALUES
			(1, 1, 'validated', 'All matched', 4, '2024-03-15T15:30:00Z'),
			(1, 2, 'invalidated', 'Cards blocked', 3, '2024-03-15T15:30:00Z')`,
		`INSERT INTO themes (id, name) VALUES (1, 'Self-service'), (2, 'Payments')`,
		`INSERT INTO quote_themes (quote_id, theme_id) VALUES (1, 1)`,
		`INSERT INTO response_themes (response_id, theme_id) VALUES (1, 1), (2, 2)`,
		`INSERT INTO opportunities (id, session_id, hmw, effort, impact, picked, created_at) VALUES
			(1, 1, 'How might we offer invoices?', 2, 5, 1, '2024-03-16T09:00:00Z')`,
		`INSERT INTO actions (id, session_id, title, owner, due_on, done_on, created_at) VALUES
			(1, 1, 'Add invoice billing', 'Ben', '2024-04-15', NULL, '2024-03-16T09:00:00Z')`,
	},
	3: {
		`INSERT INTO reminders (id, title, body, kind, channel, template_key, origin, due_at, due_utc, scheduled_at, time_zone,
			repeat_unit, repeat_every, anchor_day, member_id, session_id, assumption_id, decision_id, series_id, done_at, outcome,
			touchpoint_id, notified_at, revision, created_at, updated_at) VALUES
			(1, 'Thank Zoë', 'Send thanks', 'thank_you', 'email', '', 'chain', '2024-03-16T09:00:00+01:00', '2024-03-16T08:00:00Z',
			 '2024-03-16T09:00:00+01:00', 'Europe/Stockholm', '', 0, 0, 1, 1, NULL, 1, NULL, '2024-03-16T10:00:00Z', 'sent',
			 1, '2024-03-16T08:00:00Z', 1, '2024-03-15T16:00:00Z', '2024-03-16T10:00:00Z'),
			(2, 'Check in with Kwame', '', 'stay_in_touch', 'call', '', 'manual', '2024-05-31T10:00:00+02:00', '2024-05-31T08:00:00Z',
			 '2024-05-31T10:00:00+02:00', 'Europe/Stockholm', 'month', 1, 31, 2, NULL, 1, NULL, NULL, NULL, '',
			 NULL, NULL, 0, '2024-03-15T16:00:00Z', '2024-03-15T16:00:00Z')`,
		`INSERT INTO message_templates (key, subject, body, updated_at) VALUES
			('thank_you', 'Thank you, {{name}}', 'Thanks for your time.', '2024-03-01T09:00:00Z')`,
	},
	4: {
		`INSERT INTO erasure_log (id, reference, erased_at, members, tags, consents, touchpoints, rewards, reminders,
			participants, responses, quotes) VALUES (1, 'ER-FIXTURE4', '2024-06-01T09:00:00Z', 1, 0, 1, 2, 0, 1, 1, 3, 1)`,
	},
	5: {
		`UPDATE participants SET attendance_note = 'came late' WHERE session_id = 1 AND member_id = 1`,
	},
	6: {
		`INSERT INTO erased_people (fingerprint, reference, erased_at) VALUES
			('3f1c0e5a9b2d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6', 'ER-FIXTURE4', '2024-06-01T09:00:00Z')`,
		`INSERT INTO settings (key, value) VALUES ('erasure_salt', 'fixture-salt')`,
	},
	7: {
		`UPDATE sessions SET customer_title = 'Getting started on your own' WHERE id = 1`,
	},
	8: {
		`UPDATE verdicts SET tell = 'Most of you would set it up yourselves, so we are building that.' WHERE assumption_id = 1`,
		`UPDATE decision_log SET tell = '' WHERE id = 1`,
		// Names the search of schema 9 finds and that of 8 does not: by one
		// CJK character, a Thai word inside a name, an umlaut typed as ue.
		`INSERT INTO members (id, name, email, company, status, notes, created_at, updated_at) VALUES
			(4, '李雷', 'lilei@example.cn', '北京科技', 'active', '', '2024-07-01T09:00:00Z', '2024-07-01T09:00:00Z'),
			(5, 'Jörg Müller', NULL, 'Straßenbau GmbH', 'invited', '', '2024-07-01T09:00:00Z', '2024-07-01T09:00:00Z'),
			(6, 'สมชาย ใจดี', NULL, '', 'prospect', 'ชอบกินข้าวมันไก่', '2024-07-01T09:00:00Z', '2024-07-01T09:00:00Z')`,
	},
	11: {
		`INSERT INTO session_attendees (id, session_id, name, role, created_at) VALUES
			(1, 1, 'Sam from sales', 'sales', '2024-03-10T09:00:00Z')`,
		`UPDATE sessions SET reward_budget_cents = 10000, reward_currency = 'EUR' WHERE id = 1`,
	},
	12: {
		`UPDATE opportunities SET status = 'prototyping', assumption_id = 1 WHERE id = 1`,
	},
	13: {
		`INSERT INTO transcripts (id, session_id, file_name, format, imported_at) VALUES
			(1, 1, 'onboarding.vtt', 'vtt', '2024-03-15T16:00:00Z')`,
		`INSERT INTO transcript_speakers (id, transcript_id, label, member_id, team) VALUES
			(1, 1, 'Zoë', 1, 0), (2, 1, 'Ana', NULL, 1)`,
		`INSERT INTO transcript_lines (id, transcript_id, speaker_id, position, start_ms, end_ms, text, entry_id) VALUES
			(1, 1, 2, 1, 0, 3500, 'Would you set it up alone?', NULL),
			(2, 1, 1, 2, 3500, 9000, 'I would set it up myself on a Sunday.',
			 (SELECT id FROM entries WHERE text = 'I would set it up myself on a Sunday.'))`,
		`UPDATE erasure_log SET transcript_lines = 3 WHERE id = 1`,
	},
	// A board in a team of two people on two laptops: this device (Ana's)
	// made the team and has applied one segment of Ben's.
	14: {
		`INSERT INTO team_devices (id, person, label, sign_key, recipient, slot, added_by, added_at) VALUES
			('0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a', 'Ana', 'Ana''s laptop', zeroblob(32), 'age1ana', 0,
			 '0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a', '2024-08-01T09:00:00Z'),
			('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'Ben', 'Ben''s laptop', zeroblob(32), 'age1ben', 7,
			 '0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a', '2024-08-01T10:00:00Z')`,
		`INSERT INTO team_self (one, folder, identity, epoch, segment_seq, segment_from, segment_upto, joined_at, last_sync)
			VALUES (1, '/shared/board', x'00', 1, 1, 0, 1, '2024-08-01T09:00:00Z', '2024-08-02T09:00:00Z')`,
		`INSERT INTO team_keys (epoch, key) VALUES (1, zeroblob(32))`,
		`INSERT INTO team_cursor (device, kind, seq, at) VALUES ('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 3, 1, '2024-08-02T09:00:00Z')`,
		`INSERT INTO team_invites (seq, code_hash, join_key, slot, created_at, expires_at, used_by) VALUES
			(1, 'c0de', zeroblob(32), 7, '2024-08-01T09:30:00Z', '2024-08-04T09:30:00Z', '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b')`,
		`INSERT INTO changes (hlc, device, tbl, row_key, col, value) VALUES
			(7000000000000000, '0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a', 'reminders', '[2]', 'title', 'Check in with Kwame'),
			(7000000000000001, '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'reminders', '[2]', 'body', 'Ask about invoices')`,
		`INSERT INTO team_held (hlc, device, tbl, row_key, col, value) VALUES
			(9000000000000000, '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'reminders', '[2]', 'colour', 'blue')`,
		`INSERT INTO sync_touched (tbl, row_key) VALUES ('reminders', '[2]')`,
		`INSERT INTO sync_waiting (tbl, row_key) VALUES ('rewards', '[99]')`,
		`UPDATE sync_self SET device = '0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a', hlc = 7000000000000001`,
	},
	15: {
		`UPDATE reminders SET owner = 'Ben' WHERE id = (SELECT min(id) FROM reminders)`,
	},
	16: {
		`INSERT INTO sync_forgotten (tbl, row_key) VALUES ('members', '[99]')`,
	},
	// 0017 rebuilt the change log under one index: a teammate's later
	// change to the same field keeps its place beside the first.
	17: {
		`INSERT INTO changes (hlc, device, tbl, row_key, col, value) VALUES
			(7000000000000002, '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'reminders', '[2]', 'title', 'Call Kwame')`,
	},
}

// movedTables are the tables a migration dropped after moving their rows
// elsewhere: 0010 moved the assumption check into activities, activity
// items, entries and entry themes.
var movedTables = map[string]bool{"session_assumptions": true, "responses": true, "response_themes": true,
	"quotes": true, "quote_themes": true}

func fixturePath(v int) string { return filepath.Join("testdata", fmt.Sprintf("v%d.db", v)) }

// fixtureTables lists the tables of db that hold data (not the FTS
// index's shadow tables, which follow members).
func fixtureTables(t *testing.T, db sqlx.QueryerContext) []string {
	t.Helper()
	var names []string
	err := sqlx.SelectContext(context.Background(), db, &names, `SELECT name FROM sqlite_master
		WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'members_fts%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func tableCounts(t *testing.T, db sqlx.QueryerContext) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, name := range fixtureTables(t, db) {
		out[name] = countRows(t, db, name)
	}
	return out
}

// Rebuilds testdata/vN.db for every schema version before the latest:
//
//	SB_WRITE_FIXTURES=1 go test ./backend/store -run TestWriteFixtures
//
// Fixtures of versions already shipped should not change; rebuild them
// only when adding the fixture of a new earlier version.
func TestWriteFixtures(t *testing.T) {
	if os.Getenv("SB_WRITE_FIXTURES") == "" {
		t.Skip("set SB_WRITE_FIXTURES=1 to rebuild testdata/v*.db")
	}
	ctx := context.Background()
	for v := 1; v < store.LatestVersion(); v++ {
		tmp := filepath.Join(t.TempDir(), "build.db")
		db, err := sqlx.Open("sqlite", "file:"+tmp+"?_pragma=foreign_keys(1)")
		if err != nil {
			t.Fatal(err)
		}
		// Each version's rows go in right after migrating to it, so a later
		// migration that moves rows (0010) moves them as it would a user's.
		for from := 1; from <= v; from++ {
			if err := store.MigrateTo(ctx, db, "", from); err != nil {
				t.Fatal(err)
			}
			for _, stmt := range fixtureRows[from] {
				if _, err := db.Exec(stmt); err != nil {
					t.Fatalf("v%d: %v\n%s", v, err, stmt)
				}
			}
		}
		for name, n := range tableCounts(t, db) {
			if n == 0 {
				t.Fatalf("v%d: table %s has no rows; add some to fixtureRows[%d]", v, name, v)
			}
		}
		dest := fixturePath(v)
		if err := os.Remove(dest); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		if _, err := db.Exec(`VACUUM INTO ?`, dest); err != nil {
			t.Fatal(err)
		}
		db.Close()
		t.Logf("wrote %s", dest)
	}
}

// Every earlier schema version has a fixture, and each upgrades to the
// latest with every row of every table kept, values intact, the search
// index working, and a pre-migration backup written first.
func TestUpgradeFromEveryFixture(t *testing.T) {
	ctx := context.Background()
	latest := store.LatestVersion()
	for _, v := range earlierVersions() {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			if _, err := os.Stat(fixturePath(v)); err != nil {
				t.Fatalf("no fixture for schema v%d: build it with SB_WRITE_FIXTURES=1 go test ./backend/store -run TestWriteFixtures (%v)", v, err)
			}
			path := filepath.Join(t.TempDir(), "soundingboard.db")
			storetest.CopyFile(t, fixturePath(v), path)
			before := func() map[string]int {
				db, err := sqlx.Open("sqlite", "file:"+path+"?mode=ro")
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				if got, err := store.Version(ctx, db); err != nil || got != v {
					t.Fatalf("fixture version %d (%v), want %d", got, err, v)
				}
				return tableCounts(t, db)
			}()
			for name, n := range before {
				if n == 0 {
					t.Errorf("fixture table %s is empty", name)
				}
			}

			db, err := store.Open(ctx, path)
			if err != nil {
				t.Fatalf("upgrade from v%d: %v", v, err)
			}
			defer db.Close()
			if got, err := store.Version(ctx, db); err != nil || got != latest {
				t.Fatalf("version after upgrade %d (%v), want %d", got, err, latest)
			}
			after := tableCounts(t, db)
			for name, n := range before {
				if name == "schema_migrations" {
					if after[name] != latest {
						t.Errorf("schema_migrations has %d rows, want %d", after[name], latest)
					}
					continue
				}
				if _, ok := after[name]; !ok && movedTables[name] {
					continue // its rows moved; checkValues reads them where they went
				}
				if after[name] != n {
					t.Errorf("table %s: %d rows before the upgrade, %d after", name, n, after[name])
				}
			}
			var ok string
			if err := db.Get(&ok, `PRAGMA integrity_check`); err != nil || ok != "ok" {
				t.Fatalf("integrity after upgrade: %q %v", ok, err)
			}
			var fk []struct {
				Table string `db:"table"`
			}
			if err := db.Select(&fk, `SELECT "table" FROM pragma_foreign_key_check`); err != nil || len(fk) > 0 {
				t.Fatalf("foreign key problems after upgrade: %v %v", fk, err)
			}
			checkValues(t, db, v)
			checkCounterPastIDs(t, db)

			baks, err := store.ListBackups(ctx, path)
			if err != nil || len(baks) != 1 || baks[0].Kind != store.KindPreMigration || baks[0].SchemaVersion != v {
				t.Fatalf("backups after upgrade: %+v %v; want one pre-migration backup of v%d", baks, err, v)
			}
		})
	}
}

// checkCounterPastIDs makes sure the device counter of an upgraded file
// hands out ids no row holds yet.
func checkCounterPastIDs(t *testing.T, db *store.DB) {
	t.Helper()
	tables, err := store.ReplicatedTables(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	var most int64
	for _, tb := range tables {
		if !tb.IntID() {
			continue
		}
		var n int64
		if err := db.Get(&n, `SELECT coalesce(max(id), 0) FROM `+tb.Name); err != nil {
			t.Fatal(err)
		}
		most = max(most, n)
	}
	if id := storetest.NewID(t, db); id <= most {
		t.Errorf("the first new id after the upgrade is %d; rows hold ids up to %d", id, most)
	}
}

// checkValues reads a few values per table of a fixture of version v.
func checkValues(t *testing.T, db *store.DB, v int) {
	t.Helper()
	one := func(query, want string) {
		t.Helper()
		var got string
		if err := db.Get(&got, query); err != nil || got != want {
			t.Errorf("%s = %q (%v), want %q", strings.Join(strings.Fields(query), " "), got, err, want)
		}
	}
	one(`SELECT name || '|' || email || '|' || notes FROM members WHERE id = 1`, `Zoë Ålund|zoe@example.com|Loves exports; "quotes" & <tags>`)
	one(`SELECT s.name FROM members m JOIN segments s ON s.id = m.segment_id WHERE m.id = 2`, "Enterprise")
	one(`SELECT archived_at FROM members WHERE id = 3`, "2024-01-10T00:00:00Z")
	one(`SELECT group_concat(t.name, ',') FROM (SELECT t.name FROM member_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.member_id = 1 ORDER BY t.name) t`, "design,power-user")
	one(`SELECT revoked_on FROM consents WHERE member_id = 2 AND kind = 'recording'`, "2024-03-01")
	one(`SELECT summary FROM touchpoints WHERE id = 1`, "Intro call")
	one(`SELECT what || ' ' || value_cents || ' ' || currency FROM rewards WHERE id = 1`, "Gift card 5000 EUR")
	one(`SELECT value FROM settings WHERE key = 'board.name'`, "Fjord advisory board")
	// The search index came along: accents folded, tags included.
	one(`SELECT m.name FROM members_fts f JOIN members m ON m.id = f.rowid WHERE members_fts MATCH 'alund'`, "Zoë Ålund")
	one(`SELECT count(*) FROM members_fts WHERE members_fts MATCH 'design'`, "2")
	if v < 2 {
		return
	}
	one(`SELECT title FROM decisions WHERE id = 1`, "Self-serve onboarding")
	one(`SELECT outcome FROM decision_log WHERE id = 1`, "persevere")
	one(`SELECT behavior FROM assumptions WHERE id = 2`, "pay by card")
	one(`SELECT evidence FROM assumption_moves WHERE id = 1`, "4")
	one(`SELECT status || ' ' || opener FROM sessions WHERE id = 1`, `finished [{"text":"Welcome","done":true}]`)
	// The assumption check, moved by 0010: the session's one activity, its
	// assumptions items with their time, responses one entry per field.
	one(`SELECT group_concat(x, ' ') FROM (SELECT a.kind || ' ' || a.seconds_spent || ' ' || i.assumption_id || ':' || i.seconds_spent AS x
		FROM activities a JOIN activity_items i ON i.activity_id = a.id WHERE a.session_id = 1 ORDER BY i.position)`,
		"assumption_check 1020 1:600 assumption_check 1020 2:420")
	one(`SELECT state FROM participants WHERE member_id = 2`, "no_show")
	one(`SELECT group_concat(e.kind || '=' || e.text || '@' || e.member_id, ' ') FROM (SELECT e.* FROM entries e
		JOIN activity_items i ON i.id = e.item_id WHERE i.assumption_id = 2 AND e.kind <> 'quote' ORDER BY e.id) e`,
		"stance=does_not_match@1 needs=invoices@1 note=Cards are blocked@1 reaction=frustration@1")
	one(`SELECT group_concat(text || '@' || coalesce(member_id, '-') || '/' || coalesce(item_id, '-'), ' | ')
		FROM (SELECT * FROM entries WHERE kind = 'quote' ORDER BY id)`,
		"I would set it up myself on a Sunday.@1/1 | Unattributed remark@-/-")
	one(`SELECT verdict FROM verdicts WHERE assumption_id = 2`, "invalidated")
	one(`SELECT group_concat(x) FROM (SELECT e.kind || ':' || et.theme_id AS x FROM entry_themes et
		JOIN entries e ON e.id = et.entry_id ORDER BY et.entry_id, et.theme_id)`, "needs:1,note:1,needs:2,note:2,quote:1")
	one(`SELECT hmw FROM opportunities WHERE id = 1`, "How might we offer invoices?")
	one(`SELECT owner FROM actions WHERE id = 1`, "Ben")
	if v < 3 {
		return
	}
	one(`SELECT title || ' ' || done_at FROM reminders WHERE id = 1`, "Thank Zoë 2024-03-16T10:00:00Z")
	one(`SELECT repeat_unit || ' ' || anchor_day FROM reminders WHERE id = 2`, "month 31")
	one(`SELECT subject FROM message_templates WHERE key = 'thank_you'`, "Thank you, {{name}}")
	if v < 8 {
		return
	}
	one(`SELECT tell FROM verdicts WHERE assumption_id = 1`, "Most of you would set it up yourselves, so we are building that.")
	one(`SELECT tell FROM decision_log WHERE id = 1`, "")
	for q, want := range map[string]string{"雷": "李雷", "mueller": "Jörg Müller", "strasse": "Jörg Müller", "ไก่": "สมชาย ใจดี"} {
		one(`SELECT group_concat(m.name) FROM members_fts f JOIN members m ON m.id = f.rowid
			WHERE members_fts MATCH '`+searchtext.Query(q, 16)+`'`, want)
	}
	if v < 13 {
		return
	}
	one(`SELECT s.label || '|' || s.member_id || '|' || l.position || '|' || e.kind FROM transcript_lines l
		JOIN transcript_speakers s ON s.id = l.speaker_id JOIN entries e ON e.id = l.entry_id WHERE l.id = 2`, "Zoë|1|2|quote")
	one(`SELECT transcript_lines FROM erasure_log WHERE id = 1`, "3")
	if v < 14 {
		return
	}
	one(`SELECT group_concat(person, ',') FROM (SELECT person FROM team_devices ORDER BY added_at)`, "Ana,Ben")
	one(`SELECT device FROM sync_self`, "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a")
	if v == 14 {
		// 0015: the team's reminders belong to nobody in particular.
		one(`SELECT group_concat(owner || '.', '') FROM reminders`, "..")
		return
	}
	one(`SELECT group_concat(owner || '.', '') FROM (SELECT owner FROM reminders ORDER BY id)`, "Ben..")
	// 0018: nothing was revealed, locked or hidden before the room, and
	// every consent on record was recorded by the team.
	one(`SELECT sum(revealed) + sum(locked) FROM activities`, "0")
	one(`SELECT sum(hidden) FROM entries`, "0")
	one(`SELECT count(*) FROM consents WHERE source <> ''`, "0")
	if v < 17 {
		return
	}
	one(`SELECT group_concat(value, ' > ') FROM (SELECT value FROM change_fields WHERE col = 'title' ORDER BY hlc)`,
		"Check in with Kwame > Call Kwame")
}

// earlierVersions lists the schema versions before the latest, for the
// tests that upgrade or restore from each. Under the race detector, which
// makes each some ten times slower, they take the first and the last:
// make test runs them over every version without it too.
func earlierVersions() []int {
	latest := store.LatestVersion()
	if raceEnabled {
		return []int{1, latest - 1}
	}
	out := make([]int, 0, latest-1)
	for v := 1; v < latest; v++ {
		out = append(out, v)
	}
	return out
}
