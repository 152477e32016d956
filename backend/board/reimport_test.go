package board

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func csvReq(text string) ImportRequest {
	return ImportRequest{FileName: "board.csv", Content: []byte(text)}
}

// rowStatuses is line -> status of a preview.
func rowStatuses(p ImportPreview) map[int]string {
	out := map[int]string{}
	for _, r := range p.Rows {
		out[r.Line] = r.Status
	}
	return out
}

func consentOf(t *testing.T, s *Service, id int64, kind string) Consent {
	t.Helper()
	d, err := s.GetMember(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Consents {
		if string(c.Kind) == kind {
			return c
		}
	}
	t.Fatalf("no %s consent row", kind)
	return Consent{}
}

func memberByEmail(t *testing.T, s *Service, email string) Member {
	t.Helper()
	var id int64
	if err := s.db.Get(&id, `SELECT id FROM members WHERE email = ?`, email); err != nil {
		t.Fatalf("member %s: %v", email, err)
	}
	d, err := s.GetMember(id)
	if err != nil {
		t.Fatal(err)
	}
	return d.Member
}

func TestImportConsentColumns(t *testing.T) {
	s := newTestService(t)
	res, err := s.Import(csvReq("Name,Email,Contact consent,Contact consent date,Consent to record,Quoting OK,Consent date\n" +
		"Ann Lee,ann@x.example,yes,2025-03-01,no,Yes,2025-02-01\n" +
		"Bo Ng,bo@x.example,No,,,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 || res.Consents != 2 {
		t.Fatalf("result %+v, want 2 created, 2 consents (Ann's contact and quoting)", res)
	}
	ann := memberByEmail(t, s, "ann@x.example")
	if !ann.CanContact {
		t.Error("Ann gave contact consent in the file but cannot be contacted")
	}
	if c := consentOf(t, s, ann.ID, "contact"); c.GrantedOn != "2025-03-01" || !strings.Contains(c.Note, "board.csv (line 2)") {
		t.Errorf("contact consent %+v: want given 2025-03-01 with the file as its source", c)
	}
	// The shared consent date serves the kinds without their own date column.
	if c := consentOf(t, s, ann.ID, "quoting"); c.GrantedOn != "2025-02-01" || !c.Valid {
		t.Errorf("quoting consent %+v", c)
	}
	if c := consentOf(t, s, ann.ID, "recording"); c.GrantedOn != "" {
		t.Errorf("a no recorded a recording consent: %+v", c)
	}
	if bo := memberByEmail(t, s, "bo@x.example"); bo.CanContact {
		t.Error("Bo said no but can be contacted")
	}
}

func TestImportConsentProblems(t *testing.T) {
	s := newTestService(t)
	p, err := s.PreviewImport(csvReq("Name,Contact consent,Contact consent date\n" +
		"A,yes,\nB,maybe,2025-01-01\nC,yes,2031-01-01\nD,yes,not a date\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := problemsByLine(p)
	for line, want := range map[int]string{
		2: "contact consent is yes but has no date",
		3: `contact consent "maybe" is not yes or no`,
		4: "contact consent date 2031-01-01 is in the future",
		5: `contact consent date "not a date" is not a date`,
	} {
		if !strings.Contains(got[line], want) {
			t.Errorf("line %d: %q, want %q", line, got[line], want)
		}
	}
	if p.Invalid != 4 {
		t.Errorf("invalid %d, want 4", p.Invalid)
	}
}

func TestReimportSameFile(t *testing.T) {
	s := newTestService(t)
	file := csvReq("Name,Email,Company,Tags,Contact consent,Consent date\nAnn Lee,ann@x.example,Acme,beta,yes,2025-01-01\n")
	if _, err := s.Import(file); err != nil {
		t.Fatal(err)
	}
	// Without a choice, today's refusal stays, naming the member.
	_, err := s.Import(file)
	storetest.WantErr(t, err, store.ErrInvalid, `email "ann@x.example" already belongs to Ann Lee on the board`)
	for existing, want := range map[string]string{ExistingSkip: RowSkip, ExistingUpdate: RowUnchanged} {
		req := file
		req.Existing = existing
		p, err := s.PreviewImport(req)
		if err != nil {
			t.Fatal(err)
		}
		if rowStatuses(p)[2] != want || p.Rows[0].Match.By != "email" {
			t.Errorf("%s: %v %+v", existing, rowStatuses(p), p.Rows[0].Match)
		}
		res, err := s.Import(req)
		if err != nil || res.Created != 0 || res.Updated != 0 {
			t.Errorf("%s: %+v %v", existing, res, err)
		}
	}
	if n := count(t, s, "members"); n != 1 {
		t.Errorf("%d members after re-imports, want 1", n)
	}
}

func TestReimportUpdateKeepsWhatTheTeamKnows(t *testing.T) {
	s := newTestService(t)
	ann := mustCreate(t, s, MemberInput{Name: "Ann Lee", Email: "ann@x.example", Phone: "111", Company: "Acme",
		Role: "CTO", Status: "active", Notes: "Prefers mornings", Tags: []string{"beta"}, Articulation: 4})
	for _, c := range []ConsentInput{{Kind: "contact", GrantedOn: "2025-01-10"}, {Kind: "recording", GrantedOn: "2025-04-01"},
		{Kind: "quoting", GrantedOn: "2025-01-01", ExpiresOn: "2026-01-01"}} {
		if _, err := s.SetConsent(ann.ID, c); err != nil {
			t.Fatal(err)
		}
	}
	// New phone, blank role and status, extra tag and note; contact given
	// later (newer), recording withdrawn before it was given (older),
	// quoting given again later (newer: keeps the expiry still ahead).
	file := csvReq("Name,Email,Phone,Company,Role,Status,Tags,Notes,Contact consent,Contact consent date," +
		"Recording consent,Recording consent date,Quoting consent,Quoting consent date\n" +
		"Ann Lee,ANN@x.example,222,Acme,,,early adopter,Met at the fair,yes,2025-05-01,no,2025-03-01,yes,2025-02-01\n")
	file.Existing = ExistingUpdate
	p, err := s.PreviewImport(file)
	if err != nil {
		t.Fatal(err)
	}
	if p.Updated != 1 {
		t.Fatalf("preview %v %v", rowStatuses(p), problemsByLine(p))
	}
	var fields []string
	for _, c := range p.Rows[0].Changes {
		fields = append(fields, c.Field)
	}
	want := []string{"phone", "notes", "tags", "contact consent", "quoting consent"}
	if !slices.Equal(fields, want) {
		t.Errorf("changes %v, want %v", fields, want)
	}
	if count(t, s, "member_tags") != 1 {
		t.Fatal("preview wrote")
	}
	res, err := s.Import(file)
	if err != nil || res.Updated != 1 || res.Consents != 2 {
		t.Fatalf("import %+v %v", res, err)
	}
	got := memberByEmail(t, s, "ann@x.example")
	if got.Phone != "222" || got.Role != "CTO" || got.Status != "active" || got.Articulation != 4 ||
		got.Notes != "Prefers mornings\n\nMet at the fair" || !slices.Equal(got.Tags, []string{"beta", "early adopter"}) {
		t.Errorf("after update: %+v", got)
	}
	if c := consentOf(t, s, ann.ID, "contact"); c.GrantedOn != "2025-05-01" || !strings.Contains(c.Note, "board.csv") {
		t.Errorf("newer contact consent not taken: %+v", c)
	}
	if c := consentOf(t, s, ann.ID, "recording"); c.RevokedOn != "" || c.GrantedOn != "2025-04-01" {
		t.Errorf("older withdrawal changed the stored consent: %+v", c)
	}
	if c := consentOf(t, s, ann.ID, "quoting"); c.GrantedOn != "2025-02-01" || c.ExpiresOn != "2026-01-01" {
		t.Errorf("renewed quoting consent: %+v", c)
	}
	// The same file again changes nothing more.
	p, err = s.PreviewImport(file)
	if err != nil || p.Unchanged != 1 {
		t.Errorf("second preview: %v %v", rowStatuses(p), err)
	}
}

func TestReimportWithdrawsConsentWithNewerDate(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "Cy", Email: "cy@x.example"})
	if _, err := s.SetConsent(m.ID, ConsentInput{Kind: "contact", GrantedOn: "2025-01-01"}); err != nil {
		t.Fatal(err)
	}
	req := csvReq("Name,Email,Contact consent,Contact consent date\nCy,cy@x.example,no,2025-06-01\n")
	req.Existing = ExistingUpdate
	if _, err := s.Import(req); err != nil {
		t.Fatal(err)
	}
	if c := consentOf(t, s, m.ID, "contact"); c.RevokedOn != "2025-06-01" || c.Valid {
		t.Errorf("contact consent %+v, want withdrawn on 2025-06-01", c)
	}
	if memberByEmail(t, s, "cy@x.example").CanContact {
		t.Error("Cy withdrew consent but can still be contacted")
	}
}

func TestReimportNameAndCompanyMatch(t *testing.T) {
	s := newTestService(t)
	ann := mustCreate(t, s, MemberInput{Name: "Ann Lee", Email: "ann@old.example", Company: "Acme"})
	file := csvReq("Name,Email,Company,Phone\nann  lee,ann@new.example,ACME,333\n")
	file.Existing = ExistingUpdate
	p, err := s.PreviewImport(file)
	if err != nil {
		t.Fatal(err)
	}
	if p.Review != 1 || p.Rows[0].Match.MemberID != ann.ID || p.Rows[0].Match.By != "name_company" {
		t.Fatalf("preview %v %+v", rowStatuses(p), p.Rows[0].Match)
	}
	_, err = s.Import(file)
	storetest.WantErr(t, err, store.ErrInvalid, "line 2: Ann Lee at Acme")

	// The command line: a new person.
	asNew := file
	asNew.NameMatches = RowNew
	if p, err := s.PreviewImport(asNew); err != nil || p.New != 1 {
		t.Errorf("as new: %v %v", rowStatuses(p), err)
	}
	// Decided: the same person, updated (email and phone).
	same := file
	same.Decisions = []ImportDecision{{Line: 2, MemberID: ann.ID, Same: true}}
	res, err := s.Import(same)
	if err != nil || res.Updated != 1 {
		t.Fatalf("same person: %+v %v", res, err)
	}
	if got := memberByEmail(t, s, "ann@new.example"); got.ID != ann.ID || got.Phone != "333" {
		t.Errorf("updated %+v", got)
	}
	// Decided: a new person (a decision for another member does not count).
	other := csvReq("Name,Email,Company\nAnn Lee,ann2@x.example,Acme\n")
	other.Existing = ExistingSkip
	other.Decisions = []ImportDecision{{Line: 2, MemberID: ann.ID + 99, Same: true}}
	if p, err := s.PreviewImport(other); err != nil || p.Review != 1 {
		t.Errorf("a decision for another member settled the row: %v %v", rowStatuses(p), err)
	}
	other.Decisions = []ImportDecision{{Line: 2, MemberID: ann.ID, Same: false}}
	if res, err := s.Import(other); err != nil || res.Created != 1 {
		t.Errorf("new person: %+v %v", res, err)
	}
}

func TestReimportTwoRowsForOneMember(t *testing.T) {
	s := newTestService(t)
	ann := mustCreate(t, s, MemberInput{Name: "Ann Lee", Email: "ann@x.example", Company: "Acme"})
	req := csvReq("Name,Email,Company\nAnn Lee,ann@x.example,Acme\nAnn Lee,,Acme\n")
	req.Existing = ExistingUpdate
	req.Decisions = []ImportDecision{{Line: 3, MemberID: ann.ID, Same: true}}
	p, err := s.PreviewImport(req)
	if err != nil {
		t.Fatal(err)
	}
	if got := problemsByLine(p)[3]; !strings.Contains(got, "it matches Ann Lee, as line 2 does") {
		t.Errorf("line 3: %q", got)
	}
}

func TestReimportArchivedMemberStaysArchived(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "Old Timer", Email: "old@x.example"})
	if _, err := s.ArchiveMember(m.ID); err != nil {
		t.Fatal(err)
	}
	req := csvReq("Name,Email,Role\nOld Timer,old@x.example,Advisor\n")
	req.Existing = ExistingUpdate
	if res, err := s.Import(req); err != nil || res.Updated != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if got := memberByEmail(t, s, "old@x.example"); !got.Archived || got.Role != "Advisor" {
		t.Errorf("%+v", got)
	}
}

// erase does what privacy.ErasePerson does to the board, without the rest.
func erase(t *testing.T, s *Service, id int64) {
	t.Helper()
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := RecordErased(s.ctx, tx, id, "ER-TEST", "2025-06-01T10:00:00Z"); err != nil {
			return err
		}
		_, err := tx.Exec(`DELETE FROM members WHERE id = ?`, id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestImportRefusesErasedPeople(t *testing.T) {
	s := newTestService(t)
	erase(t, s, mustCreate(t, s, MemberInput{Name: "Eve Gone", Email: "eve@x.example", Company: "Nowhere"}).ID)
	var stored string
	if err := s.db.Get(&stored, `SELECT group_concat(fingerprint) FROM erased_people`); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stored, "eve") || strings.Contains(stored, "Nowhere") {
		t.Fatalf("fingerprints hold the text: %s", stored)
	}
	file := csvReq("Name,Email,Company\nEve Gone,EVE@x.example,\nEve  gone,,NOWHERE\nNew Person,new@x.example,\n")
	p, err := s.PreviewImport(file)
	if err != nil {
		t.Fatal(err)
	}
	st := rowStatuses(p)
	if st[2] != RowRefused || st[3] != RowRefused || st[4] != RowNew || p.Refused != 2 {
		t.Fatalf("statuses %v", st)
	}
	got := problemsByLine(p)
	if !strings.Contains(got[2], "a person with this email was erased from the board on 2025-06-01 (erasure ER-TEST)") ||
		!strings.Contains(got[3], "name and company") {
		t.Errorf("reasons %v", got)
	}
	_, err = s.Import(file)
	storetest.WantErr(t, err, store.ErrInvalid, "erased from the board")
	file.SkipInvalid = true
	res, err := s.Import(file)
	if err != nil || res.Created != 1 || res.LeftOut != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	if n := count(t, s, "members"); n != 1 {
		t.Errorf("%d members, want only New Person", n)
	}
}

func TestImportSkipInvalid(t *testing.T) {
	s := newTestService(t)
	file := csvReq("Name,Email,Phone\nGood One,good@x.example,=1+2\nBad,not-an-email,\nAlso Good,also@x.example,\n")
	_, err := s.Import(file)
	storetest.WantErr(t, err, store.ErrInvalid, "import refused: 1 of 3 row has problems")
	if count(t, s, "members") != 0 {
		t.Fatal("a refused import wrote")
	}
	fix, err := s.RowsToFix(file)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(fix.Content)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if fix.FileName != "board-to-fix.csv" || len(recs) != 2 ||
		!slices.Equal(recs[0], []string{"Import problems", "Name", "Email", "Phone"}) ||
		recs[1][1] != "Bad" || !strings.Contains(recs[1][0], "not a valid address") {
		t.Fatalf("rows to fix %s: %q", fix.FileName, recs)
	}

	file.SkipInvalid = true
	res, err := s.Import(file)
	if err != nil || res.Created != 2 || res.LeftOut != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if got := memberByEmail(t, s, "good@x.example"); got.Phone != "=1+2" {
		t.Errorf("phone %q", got.Phone)
	}

	// The fixed rows import on their own; the problems column is ignored.
	fixed := strings.Replace(fix.Content, ",not-an-email,", ",bad@x.example,", 1)
	res, err = s.Import(ImportRequest{FileName: fix.FileName, Content: []byte(fixed)})
	if err != nil || res.Created != 1 {
		t.Fatalf("fixed rows: %+v %v", res, err)
	}

	allBad := csvReq("Name,Email\nX,nope\n")
	allBad.SkipInvalid = true
	_, err = s.Import(allBad)
	storetest.WantErr(t, err, store.ErrInvalid, "none of the 1 rows can be imported")
}

func TestImportOptionsChecked(t *testing.T) {
	s := newTestService(t)
	req := csvReq("Name\nA\n")
	req.Existing = "merge"
	_, err := s.PreviewImport(req)
	storetest.WantErr(t, err, store.ErrInvalid, `existing "merge" is not one of skip, update`)
}

// BenchmarkReimportUpdate10k re-imports a 10,000-row file over the same
// 10,000 members with Existing "update", every row changing its phone.
func BenchmarkReimportUpdate10k(b *testing.B) {
	data := GenerateCSV(10000)
	changed := []byte(strings.ReplaceAll(string(data), "+1 555 ", "+1 556 "))
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := newTestService(b)
		if _, err := s.Import(ImportRequest{FileName: "gen.csv", Content: data}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := s.Import(ImportRequest{FileName: "gen.csv", Content: changed, Existing: ExistingUpdate})
		if err != nil || res.Updated != 10000 {
			b.Fatalf("re-import: %+v %v", res, err)
		}
	}
}

// A JSON (or vCard) file has no cells to hand back: its bad rows come in
// the export layout, which imports again.
func TestRowsToFixOfJSON(t *testing.T) {
	s := newTestService(t)
	fix, err := s.RowsToFix(ImportRequest{FileName: "members.json",
		Content: []byte(`[{"name":"Ok","email":"ok@x.example"},{"name":"Bad","email":"nope","tags":["a"]}]`)})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(fix.Content)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0][0] != "Import problems" || recs[0][1] != "name" || recs[1][1] != "Bad" || recs[1][2] != "nope" {
		t.Fatalf("%q", recs)
	}
	fixed := strings.Replace(fix.Content, ",nope,", ",bad@x.example,", 1)
	if res, err := s.Import(ImportRequest{FileName: fix.FileName, Content: []byte(fixed)}); err != nil || res.Created != 1 {
		t.Fatalf("fixed: %+v %v", res, err)
	}
	if got := memberByEmail(t, s, "bad@x.example"); !slices.Equal(got.Tags, []string{"a"}) {
		t.Errorf("tags %q", got.Tags)
	}
}
