package board

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"soundingboard/backend/store"
)

// boardState is every member's bulk-editable fields, one line each, to
// compare a board before an edit and after its undo. updated_at is left
// out: an undo is a write of its own.
func boardState(t *testing.T, s *Service) []string {
	t.Helper()
	var rows []string
	err := s.db.Select(&rows, `SELECT m.id || ' seg=' || coalesce(m.segment_id, '-') || ' ' || m.status ||
		' archived=' || coalesce(m.archived_at, '-') ||
		' tags=' || coalesce((SELECT group_concat(t.name, ',' ORDER BY t.name) FROM member_tags mt
			JOIN tags t ON t.id = mt.tag_id WHERE mt.member_id = m.id), '') ||
		' consents=' || coalesce((SELECT group_concat(c.kind || ':' || c.granted_on || ':' || coalesce(c.expires_on, '-') ||
			':' || coalesce(c.revoked_on, '-') || ':' || c.note, ',' ORDER BY c.kind) FROM consents c WHERE c.member_id = m.id), '')
		FROM members m ORDER BY m.id`)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// bulkBoard is three members: Ana and Ben are edited, Cy never is.
func bulkBoard(t *testing.T) (s *Service, ana, ben, cy Member) {
	s = newTestService(t)
	ana = mustCreate(t, s, MemberInput{Name: "Ana", Segment: "Enterprise", Status: "active", Tags: []string{"beta"}})
	ben = mustCreate(t, s, MemberInput{Name: "Ben", Status: "prospect"})
	cy = mustCreate(t, s, MemberInput{Name: "Cy", Segment: "SMB", Tags: []string{"beta"}})
	for _, c := range []struct {
		id   int64
		kind string
		note string
	}{{ana.ID, "contact", "said yes on a call"}, {ben.ID, "quoting", "signed form"}, {cy.ID, "contact", ""}} {
		if _, err := s.SetConsent(c.id, ConsentInput{Kind: c.kind, GrantedOn: "2024-03-01", Note: c.note}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.Exec(`UPDATE consents SET revoked_on = '2024-05-01' WHERE member_id = ?`, ana.ID); err != nil {
		t.Fatal(err)
	}
	return s, ana, ben, cy
}

func TestBulkEditEachFieldAndUndo(t *testing.T) {
	for _, tc := range []struct {
		name    string
		edit    BulkEdit // selection is filled in: Ana and Ben
		changed int
		check   func(t *testing.T, ana, ben MemberDetail)
	}{
		{"segment", BulkEdit{SegmentID: -2 /* SMB, set below */}, 2, func(t *testing.T, ana, ben MemberDetail) {
			if ana.Member.Segment != "SMB" || ben.Member.Segment != "SMB" {
				t.Errorf("segments %q %q", ana.Member.Segment, ben.Member.Segment)
			}
		}},
		{"no segment", BulkEdit{SegmentID: -1}, 1, func(t *testing.T, ana, ben MemberDetail) {
			if ana.Member.SegmentID != 0 || ben.Member.SegmentID != 0 {
				t.Errorf("segments %d %d", ana.Member.SegmentID, ben.Member.SegmentID)
			}
		}},
		{"status", BulkEdit{Status: "Paused"}, 2, func(t *testing.T, ana, ben MemberDetail) {
			if ana.Member.Status != "paused" || ben.Member.Status != "paused" {
				t.Errorf("statuses %q %q", ana.Member.Status, ben.Member.Status)
			}
		}},
		{"add tags", BulkEdit{AddTags: []string{"BETA", " pilot "}}, 2, func(t *testing.T, ana, ben MemberDetail) {
			if !slices.Equal(ana.Member.Tags, []string{"beta", "pilot"}) || !slices.Equal(ben.Member.Tags, []string{"beta", "pilot"}) {
				t.Errorf("tags %q %q", ana.Member.Tags, ben.Member.Tags)
			}
		}},
		{"remove tag", BulkEdit{RemoveTags: []string{"Beta"}}, 1, func(t *testing.T, ana, ben MemberDetail) {
			if len(ana.Member.Tags) != 0 || len(ben.Member.Tags) != 0 {
				t.Errorf("tags %q %q", ana.Member.Tags, ben.Member.Tags)
			}
		}},
		{"grant consents", BulkEdit{Grant: []string{"contact", "quoting"}, Source: "workshop sign-up"}, 2,
			func(t *testing.T, ana, ben MemberDetail) {
				// Ana's revoked contact consent is granted anew as of today;
				// Ben's held quoting consent keeps its date and note.
				want := map[string]Consent{
					"ana contact": {GrantedOn: testToday, Note: "workshop sign-up", Valid: true},
					"ana quoting": {GrantedOn: testToday, Note: "workshop sign-up", Valid: true},
					"ben contact": {GrantedOn: testToday, Note: "workshop sign-up", Valid: true},
					"ben quoting": {GrantedOn: "2024-03-01", Note: "signed form", Valid: true},
				}
				for who, d := range map[string]MemberDetail{"ana": ana, "ben": ben} {
					for _, c := range d.Consents[:2] {
						w := want[who+" "+string(c.Kind)]
						w.Kind = c.Kind
						if c != w {
							t.Errorf("%s: %+v, want %+v", who, c, w)
						}
					}
					if !d.Member.CanContact {
						t.Errorf("%s cannot be contacted", who)
					}
				}
			}},
		{"withdraw consent", BulkEdit{Withdraw: []string{"quoting", "contact"}}, 1, func(t *testing.T, ana, ben MemberDetail) {
			if q := ben.Consents[2]; q.RevokedOn != testToday || q.GrantedOn != "2024-03-01" || q.Valid {
				t.Errorf("ben's quoting consent %+v", q)
			}
			if c := ana.Consents[0]; c.RevokedOn != "2024-05-01" {
				t.Errorf("ana's consent, revoked before, revoked again: %+v", c)
			}
		}},
		{"archive", BulkEdit{Archive: "archive"}, 2, func(t *testing.T, ana, ben MemberDetail) {
			if !ana.Member.Archived || !ben.Member.Archived {
				t.Errorf("archived %v %v", ana.Member.Archived, ben.Member.Archived)
			}
		}},
		{"all at once", BulkEdit{Status: "active", AddTags: []string{"pilot"}, Grant: []string{"recording"}, Archive: "archive"}, 2,
			func(t *testing.T, ana, ben MemberDetail) {
				if ben.Member.Status != "active" || !ben.Member.Archived || !slices.Contains(ana.Member.Tags, "pilot") ||
					!ana.Consents[1].Valid || !ben.Consents[1].Valid {
					t.Errorf("ana %+v\nben %+v", ana, ben)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ana, ben, cy := bulkBoard(t)
			if tc.edit.SegmentID == -2 {
				tc.edit.SegmentID = mustGet(t, s, cy.ID).Member.SegmentID
			}
			before := boardState(t, s)
			tc.edit.Selection = BulkSelection{IDs: []int64{ben.ID, ana.ID}}
			res, err := s.BulkEdit(tc.edit)
			if err != nil {
				t.Fatal(err)
			}
			if res.Selected != 2 || res.Changed != tc.changed || res.EditID == 0 {
				t.Errorf("result %+v, want 2 selected, %d changed", res, tc.changed)
			}
			tc.check(t, mustGet(t, s, ana.ID), mustGet(t, s, ben.ID))
			after := boardState(t, s)
			if after[2] != before[2] {
				t.Errorf("Cy changed:\n%s\n%s", before[2], after[2])
			}

			undone, err := s.UndoBulkEdit(res.EditID)
			if err != nil {
				t.Fatal(err)
			}
			if undone.Changed != tc.changed {
				t.Errorf("undo %+v, want %d restored", undone, tc.changed)
			}
			if got := boardState(t, s); !slices.Equal(got, before) {
				t.Errorf("after undo:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(before, "\n"))
			}
			if _, err := s.UndoBulkEdit(res.EditID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("second undo: %v, want not found", err)
			}
		})
	}
}

func TestBulkEditAllMatchingFilter(t *testing.T) {
	s := newTestService(t)
	var ids []int64
	for i := range 30 {
		in := MemberInput{Name: fmt.Sprintf("Member %02d", i), Company: "Acme"}
		if i%3 == 0 {
			in.Tags = []string{"pilot"}
		}
		if i == 29 {
			in.Company = "Globex"
		}
		ids = append(ids, mustCreate(t, s, in).ID)
	}
	if _, err := s.ArchiveMember(ids[3]); err != nil { // tagged, but archived: not in the default filter
		t.Fatal(err)
	}

	// Every current "pilot" member (0, 6, 9, …, 27: 9 of them) but member 6.
	res, err := s.BulkEdit(BulkEdit{
		Selection: BulkSelection{All: true, Filter: MemberQuery{Tag: "Pilot", Search: "acme", Limit: 5}, Except: []int64{ids[6]}},
		Status:    "active",
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Selected != 8 || res.Changed != 8 || res.Message != "Changed 8 members." {
		t.Errorf("result %+v", res)
	}
	page, err := s.ListMembers(MemberQuery{Status: "active", Archived: "all"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Member 00", "Member 09", "Member 12", "Member 15", "Member 18", "Member 21", "Member 24", "Member 27"}
	if !slices.Equal(names(page.Members), want) {
		t.Errorf("active: %q, want %q", names(page.Members), want)
	}

	// All of an unfiltered board, and its undo.
	before := boardState(t, s)
	res, err = s.BulkEdit(BulkEdit{Selection: BulkSelection{All: true}, AddTags: []string{"board"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Selected != 29 || res.Changed != 29 {
		t.Errorf("result %+v, want the 29 current members", res)
	}
	if _, err := s.UndoBulkEdit(res.EditID); err != nil {
		t.Fatal(err)
	}
	if got := boardState(t, s); !slices.Equal(got, before) {
		t.Errorf("after undo:\n%s", strings.Join(got, "\n"))
	}

	// Archived only, restored.
	res, err = s.BulkEdit(BulkEdit{Selection: BulkSelection{All: true, Filter: MemberQuery{Archived: "only"}}, Archive: "restore"})
	if err != nil || res.Changed != 1 {
		t.Fatalf("restore all archived: %+v %v", res, err)
	}
	if m := mustGet(t, s, ids[3]).Member; m.Archived {
		t.Errorf("member 3 still archived")
	}

	// Setting what every member already has changes nobody and offers no undo.
	res, err = s.BulkEdit(BulkEdit{Selection: BulkSelection{All: true, Filter: MemberQuery{Status: "active"}}, Status: "active"})
	if err != nil || res.Changed != 0 || res.EditID != 0 || res.Message != "Changed 0 of 8 members." {
		t.Errorf("no-op edit: %+v %v", res, err)
	}
}

func TestBulkEditBadInputWritesNothing(t *testing.T) {
	s, ana, ben, _ := bulkBoard(t)
	sel := BulkSelection{IDs: []int64{ana.ID, ben.ID}}
	for _, tc := range []struct {
		name  string
		edit  BulkEdit
		field string
		want  string
	}{
		{"empty selection", BulkEdit{Status: "active"}, "selection", "no members are selected"},
		{"unknown member", BulkEdit{Selection: BulkSelection{IDs: []int64{ana.ID, 9999, 9998}}, Status: "active", AddTags: []string{"new"}},
			"selection", "no member has id 9999, 9998; nothing was changed"},
		{"bad id", BulkEdit{Selection: BulkSelection{IDs: []int64{-4}}, Status: "active"}, "selection", "-4 is not a member id"},
		{"ids and all", BulkEdit{Selection: BulkSelection{IDs: []int64{ana.ID}, All: true}, Status: "active"}, "selection", "not both"},
		{"filter matches nobody", BulkEdit{Selection: BulkSelection{All: true, Filter: MemberQuery{Search: "zzz"}}, Status: "active"},
			"selection", "no member matches the filter"},
		{"filter by unknown tag", BulkEdit{Selection: BulkSelection{All: true, Filter: MemberQuery{Tag: "nope"}}, Status: "active"},
			"selection", "no member matches the filter"},
		{"bad filter", BulkEdit{Selection: BulkSelection{All: true, Filter: MemberQuery{Status: "gone"}}, Status: "active"},
			"", `status "gone" is not one of`},
		{"unknown segment", BulkEdit{Selection: sel, SegmentID: 4242, AddTags: []string{"new"}}, "segmentId", "there is no segment 4242"},
		{"bad segment", BulkEdit{Selection: sel, SegmentID: -3}, "segmentId", "segmentId -3 is not a segment"},
		{"nothing to change", BulkEdit{Selection: sel}, "", "choose at least one change"},
		{"unknown status", BulkEdit{Selection: sel, Status: "gone"}, "status", `status "gone" is not one of`},
		// Found after status and archive were written in the transaction: rolled back.
		{"unknown tag to remove", BulkEdit{Selection: sel, Status: "alumni", Archive: "archive", AddTags: []string{"new"}, RemoveTags: []string{"nope"}},
			"removeTags", `there is no tag "nope" to remove`},
		{"tag added and removed", BulkEdit{Selection: sel, AddTags: []string{"beta"}, RemoveTags: []string{"BETA"}},
			"removeTags", "cannot be both added and removed"},
		{"empty tag", BulkEdit{Selection: sel, AddTags: []string{" "}}, "addTags", "a tag cannot be empty"},
		{"long tag", BulkEdit{Selection: sel, AddTags: []string{strings.Repeat("x", 61)}}, "addTags", "longer than 60"},
		{"unknown consent", BulkEdit{Selection: sel, Grant: []string{"marketing"}}, "grant", `grant "marketing" is not one of`},
		{"granted and withdrawn", BulkEdit{Selection: sel, Grant: []string{"contact"}, Withdraw: []string{"Contact"}},
			"withdraw", "both granted and withdrawn"},
		{"unknown archive", BulkEdit{Selection: sel, Archive: "delete"}, "archive", `archive "delete" is not one of`},
		{"source with a control character", BulkEdit{Selection: sel, Grant: []string{"contact"}, Source: "a\x07b"}, "source", "source"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := boardState(t, s)
			tags := count(t, s, "tags")
			_, err := s.BulkEdit(tc.edit)
			var se *store.Error
			if !errors.As(err, &se) || !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want invalid: %q", err, tc.want)
			}
			if tc.field != "" && !slices.ContainsFunc(se.Fields, func(p store.Problem) bool { return p.Field == tc.field }) {
				t.Errorf("problems %+v, want one of field %q", se.Fields, tc.field)
			}
			if got := boardState(t, s); !slices.Equal(got, before) || count(t, s, "tags") != tags {
				t.Errorf("written:\n%s", strings.Join(got, "\n"))
			}
		})
	}
	if _, err := s.UndoBulkEdit(1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("undo of an edit that never was: %v", err)
	}
}

// Undo restores the fields the edit changed, for the members it changed,
// even over a change made since; members erased since are skipped.
func TestUndoBulkEditAfterLaterChanges(t *testing.T) {
	s, ana, ben, cy := bulkBoard(t)
	res, err := s.BulkEdit(BulkEdit{Selection: BulkSelection{IDs: []int64{ana.ID, ben.ID, cy.ID}}, Status: "alumni",
		RemoveTags: []string{"beta"}})
	if err != nil {
		t.Fatal(err)
	}
	// Since: Ana is edited by hand, Cy is erased, the tag "beta" stays.
	if _, err := s.UpdateMember(ana.ID, MemberInput{Name: "Ana Lima", Status: "paused", Segment: "Enterprise"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM members WHERE id = ?`, cy.ID); err != nil {
		t.Fatal(err)
	}
	undone, err := s.UndoBulkEdit(res.EditID)
	if err != nil {
		t.Fatal(err)
	}
	if undone.Changed != 2 || undone.Message != "Restored 2 members." {
		t.Errorf("undo %+v", undone)
	}
	a := mustGet(t, s, ana.ID).Member
	if a.Name != "Ana Lima" || a.Status != "active" || !slices.Equal(a.Tags, []string{"beta"}) {
		t.Errorf("ana after undo: %+v (name kept, status and tag restored)", a)
	}
	if b := mustGet(t, s, ben.ID).Member; b.Status != "prospect" {
		t.Errorf("ben after undo: %+v", b)
	}
}

// A service made by WithContext (browser mode, one per request) undoes an
// edit made through another.
func TestUndoBulkEditAcrossRequests(t *testing.T) {
	s, ana, _, _ := bulkBoard(t)
	res, err := WithContext(s, t.Context()).BulkEdit(BulkEdit{Selection: BulkSelection{IDs: []int64{ana.ID}}, Status: "paused"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WithContext(s, t.Context()).UndoBulkEdit(res.EditID); err != nil {
		t.Fatal(err)
	}
	if m := mustGet(t, s, ana.ID).Member; m.Status != "active" {
		t.Errorf("status %q after undo", m.Status)
	}
}

func mustGet(t *testing.T, s *Service, id int64) MemberDetail {
	t.Helper()
	d, err := s.GetMember(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// BenchmarkBulkEdit10000: a change to all 10,000 members, then its undo.
func BenchmarkBulkEdit10000(b *testing.B) {
	s := benchService(b)
	for _, bc := range []struct {
		name string
		edit BulkEdit
	}{
		{"status", BulkEdit{Status: "paused"}},
		{"tags", BulkEdit{AddTags: []string{"bulk"}, RemoveTags: []string{"beta"}}},
		{"consent", BulkEdit{Grant: []string{"contact", "quoting"}}},
		{"everything", BulkEdit{SegmentID: -1, Status: "paused", AddTags: []string{"bulk"}, RemoveTags: []string{"beta"},
			Grant: []string{"contact", "quoting"}, Archive: "archive"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			bc.edit.Selection = BulkSelection{All: true}
			for b.Loop() {
				res, err := s.BulkEdit(bc.edit)
				if err != nil || res.Selected != 10000 {
					b.Fatal(res, err)
				}
				if _, err := s.UndoBulkEdit(res.EditID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
