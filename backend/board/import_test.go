package board

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"soundingboard/backend/board/contacts"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func fixture(t testing.TB, name string) ImportRequest {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("contacts", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return ImportRequest{FileName: name, Content: raw}
}

// allMembers lists every member, archived too, by name.
func allMembers(t testing.TB, s *Service) map[string]Member {
	t.Helper()
	page, err := s.ListMembers(MemberQuery{Archived: "all"})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Member{}
	for _, m := range page.Members {
		out[m.Name] = m
	}
	return out
}

func problemsByLine(p ImportPreview) map[int]string {
	out := map[int]string{}
	for _, r := range p.Rows {
		if len(r.Problems) > 0 {
			out[r.Line] = strings.Join(r.Problems, " | ")
		}
	}
	return out
}

func TestImportCommonExports(t *testing.T) {
	outlook, err := charmap.Windows1252.NewEncoder().String("First Name,Last Name,Company,Job Title,E-mail Address,Business Phone,Categories,Notes\r\n" +
		"Renée,Strauß,Café Größe,Inhaberin,renee@cafe.example,+43 1 555,Gastro;VIP,\"Mag Äpfel,\r\nund Birnen\"\r\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		req      ImportRequest
		encoding string
		created  int
		check    func(t *testing.T, ms map[string]Member)
	}{
		{fixture(t, "google.csv"), "utf-8", 3, func(t *testing.T, ms map[string]Member) {
			z := ms["Zoë Durand"]
			if z.Email != "zoe@atelier-durand.fr" || z.Company != "Atelier Durand" || !slices.Equal(z.Tags, []string{"Pilot customers"}) {
				t.Errorf("Zoë = %+v", z)
			}
			if ms["李雷"].Notes != "Two offices:\nShanghai and Shenzhen" {
				t.Errorf("李雷 notes = %q", ms["李雷"].Notes)
			}
		}},
		{ImportRequest{FileName: "outlook.csv", Content: []byte(outlook)}, "windows-1252", 1, func(t *testing.T, ms map[string]Member) {
			r := ms["Renée Strauß"]
			if r.Company != "Café Größe" || r.Notes != "Mag Äpfel,\nund Birnen" || !slices.Equal(r.Tags, []string{"Gastro", "VIP"}) {
				t.Errorf("Renée = %+v", r)
			}
		}},
		{fixture(t, "hubspot.csv"), "utf-8", 3, func(t *testing.T, ms map[string]Member) {
			p := ms["Priya Raman"]
			if p.JoinedOn != "2024-03-05" || p.Status != "prospect" || p.Persona != "Power User Priya" || !slices.Equal(p.Tags, []string{"Customer"}) {
				t.Errorf("Priya = %+v", p)
			}
		}},
		{fixture(t, "bom.csv"), "utf-8", 2, func(t *testing.T, ms map[string]Member) {
			if z := ms["Zoë Bom"]; z.Status != "opted_out" || z.JoinedOn != "2025-11-23" {
				t.Errorf("Zoë Bom = %+v", z)
			}
		}},
		{fixture(t, "semicolon.csv"), "utf-8", 2, func(t *testing.T, ms map[string]Member) {
			if j := ms["Jörg Müller"]; j.Notes != `Sagt: "zu teuer"; will Rabatt` || len(j.Tags) != 2 {
				t.Errorf("Jörg = %+v", j)
			}
		}},
		{fixture(t, "multiline.csv"), "utf-8", 2, func(t *testing.T, ms map[string]Member) {
			if a := ms[`Ann "Annie" Lee`]; !strings.Contains(a.Notes, "\n\nafter a blank line") {
				t.Errorf("Ann = %+v", a)
			}
		}},
		{fixture(t, "vcard21.vcf"), "utf-8", 2, func(t *testing.T, ms map[string]Member) {
			l := ms["Łukasz Nowak"]
			if l.Email != "lukasz@nowak.pl" || l.Notes != "Met at the Kraków meetup.\nWants early access." || len(l.Tags) != 2 {
				t.Errorf("Łukasz = %+v", l)
			}
			if _, ok := ms["Jörg Müller"]; !ok {
				t.Error("Jörg Müller (ISO-8859-1 quoted-printable) missing")
			}
		}},
		{fixture(t, "vcard30.vcf"), "utf-8", 2, func(t *testing.T, ms map[string]Member) {
			if e := ms["Ελένη Παπαδοπούλου"]; e.Company != "Κτήμα Α.Ε." || !slices.Equal(e.Tags, []string{"Europe", "Finance"}) {
				t.Errorf("Ελένη = %+v", e)
			}
		}},
		{fixture(t, "vcard40.vcf"), "utf-8", 1, func(t *testing.T, ms map[string]Member) {
			if m := ms["محمد الفارسي"]; m.Timezone != "Asia/Dubai" || m.Email != "mohammed@example.ae" {
				t.Errorf("محمد = %+v", m)
			}
		}},
	} {
		t.Run(tc.req.FileName, func(t *testing.T) {
			s := newTestService(t)
			p, err := s.PreviewImport(tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if p.Encoding != tc.encoding || p.Invalid != 0 || p.New != tc.created || len(p.Unmapped) != 0 {
				t.Fatalf("preview: encoding %s, %d new, %d invalid, unmapped %q, problems %v",
					p.Encoding, p.New, p.Invalid, p.Unmapped, problemsByLine(p))
			}
			if count(t, s, "members") != 0 {
				t.Fatal("preview wrote members")
			}
			res, err := s.Import(tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if res.Created != tc.created {
				t.Errorf("created %d, want %d", res.Created, tc.created)
			}
			tc.check(t, allMembers(t, s))
		})
	}
}

func TestImportRefusesBadRowsThenFixedFileImports(t *testing.T) {
	s := newTestService(t)
	mustCreate(t, s, MemberInput{Name: "Existing", Email: "existing@example.com"})
	req := fixture(t, "badrow.csv")
	p, err := s.PreviewImport(req)
	if err != nil {
		t.Fatal(err)
	}
	got := problemsByLine(p)
	if p.New != 1 || p.Invalid != 3 || len(got) != 3 {
		t.Fatalf("new %d invalid %d problems %v", p.New, p.Invalid, got)
	}
	for line, want := range map[int]string{
		3: `email "bob@" is not a valid address`,
		4: `status "customer" is not one of`,
		5: `joined date "31/31/2020" is not a date`,
	} {
		if !strings.Contains(got[line], want) {
			t.Errorf("line %d: %q does not say %q", line, got[line], want)
		}
	}
	_, err = s.Import(req)
	storetest.WantErr(t, err, store.ErrInvalid, "import refused: 3 of 4 rows have problems", `line 3: email "bob@" is not a valid address`, "line 5")
	if n := count(t, s, "members"); n != 1 {
		t.Fatalf("members after refused import = %d, want 1", n)
	}

	fixed := strings.NewReplacer("bob@,", "bob@example.com,", "customer", "active", "31/31/2020", "12/31/2020").Replace(string(req.Content))
	res, err := s.Import(ImportRequest{FileName: "fixed.csv", Content: []byte(fixed)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 4 || count(t, s, "members") != 5 {
		t.Errorf("created %d, members %d", res.Created, count(t, s, "members"))
	}
	if d := allMembers(t, s)["Dan Oak"].JoinedOn; d != "2020-12-31" {
		t.Errorf("US date read as %q", d)
	}
}

func TestImportRefusalListsAtMostFive(t *testing.T) {
	s := newTestService(t)
	var b strings.Builder
	b.WriteString("name,email\n")
	for i := 0; i < 8; i++ {
		b.WriteString("Person,bad-address\n")
	}
	b.WriteString("Fine,fine@example.com\n")
	_, err := s.Import(ImportRequest{FileName: "x.csv", Content: []byte(b.String())})
	storetest.WantErr(t, err, store.ErrInvalid, "8 of 9 rows have problems", "line 6:", "and 3 more")
	if strings.Contains(err.Error(), "line 7:") {
		t.Errorf("more than five lines listed: %v", err)
	}
}

func TestImportDuplicates(t *testing.T) {
	s := newTestService(t)
	mustCreate(t, s, MemberInput{Name: "Ann Current", Email: "ann@example.com"})
	gone := mustCreate(t, s, MemberInput{Name: "Bea Former", Email: "bea@example.com"})
	if _, err := s.ArchiveMember(gone.ID); err != nil {
		t.Fatal(err)
	}
	csv := "name,email\nAnn Again,ANN@example.com\nBea Again,bea@example.com\nCy One,cy@example.com\nCy Two,Cy@Example.com\nNo Email,\nNo Email Either,\n"
	p, err := s.PreviewImport(ImportRequest{FileName: "d.csv", Content: []byte(csv)})
	if err != nil {
		t.Fatal(err)
	}
	got := problemsByLine(p)
	for line, want := range map[int]string{
		2: `email "ann@example.com" already belongs to Ann Current on the board`,
		3: `already belongs to Bea Former (archived)`,
		5: `email "cy@example.com" appears twice in the file (lines 4 and 5)`,
	} {
		if !strings.Contains(got[line], want) {
			t.Errorf("line %d: %q does not say %q", line, got[line], want)
		}
	}
	if len(got) != 3 {
		t.Errorf("problems on %d lines, want 3: %v", len(got), got)
	}
	_, err = s.Import(ImportRequest{FileName: "d.csv", Content: []byte(csv)})
	storetest.WantErr(t, err, store.ErrInvalid, "3 of 6 rows")
	if count(t, s, "members") != 2 {
		t.Error("refused import wrote members")
	}
}

func TestImportUnmappedColumnsAndMapping(t *testing.T) {
	s := newTestService(t)
	req := fixture(t, "unmapped.csv")
	p, err := s.PreviewImport(req)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Unmapped, []string{"Favourite Colour", "Shoe Size"}) || p.Format != "csv" {
		t.Errorf("unmapped = %q", p.Unmapped)
	}
	if c := p.Columns[2]; c.Header != "Favourite Colour" || c.Field != "" || c.Sample != "green" {
		t.Errorf("column = %+v", c)
	}
	if !slices.Contains(p.Fields, "name") || !slices.Contains(p.Fields, "first_name") {
		t.Errorf("fields = %q", p.Fields)
	}
	_, err = s.Import(req)
	storetest.WantErr(t, err, store.ErrInvalid, `import refused: the columns "Favourite Colour", "Shoe Size" are not understood`)

	req.Mapping = map[string]string{"Favourite Colour": "colour"}
	_, err = s.PreviewImport(req)
	storetest.WantErr(t, err, store.ErrInvalid, `"colour" is not a field`)

	req.Mapping = map[string]string{"Favourite Colour": "persona", "Shoe Size": ""}
	if res, err := s.Import(req); err != nil || res.Created != 1 {
		t.Fatalf("import with mapping: %+v %v", res, err)
	}
	if m := allMembers(t, s)["Ann Lee"]; m.Persona != "green" || m.Notes != "likes tea" {
		t.Errorf("mapped member = %+v", m)
	}

	// No name column at all, and nothing left to map: say so up front.
	_, err = s.PreviewImport(ImportRequest{FileName: "n.csv", Content: []byte("Email,Company\na@x.org,Acme\n")})
	storetest.WantErr(t, err, store.ErrInvalid, "no name column", `"Email"`)
	// A name column hidden behind an unknown header: the preview offers the mapping step.
	p, err = s.PreviewImport(ImportRequest{FileName: "n.csv", Content: []byte("Nom,Email\nAnn,a@x.org\n")})
	if err != nil || !slices.Equal(p.Unmapped, []string{"Nom"}) || p.Invalid != 1 {
		t.Errorf("unknown name header: %v %+v", err, p)
	}
	req = ImportRequest{FileName: "n.csv", Content: []byte("Nom,Email\nAnn,a@x.org\n"), Mapping: map[string]string{"Nom": "name"}}
	if res, err := s.Import(req); err != nil || res.Created != 1 {
		t.Errorf("mapped name: %+v %v", res, err)
	}
}

func TestImportUnreadableFiles(t *testing.T) {
	s := newTestService(t)
	for _, tc := range []struct {
		req  ImportRequest
		want string
	}{
		{ImportRequest{FileName: "x.csv"}, "empty"},
		{ImportRequest{FileName: "x.xlsx", Content: []byte("PK\x03\x04\x14\x00\x06\x00")}, "zip archive"},
		{ImportRequest{FileName: "x.csv", Content: []byte("name\nM\xfcller\n"), Encoding: "utf-8"}, "not valid UTF-8"},
		{ImportRequest{FileName: "x.csv", Content: []byte("name\nM\x81ller\n")}, "neither UTF-8 nor Windows-1252"},
		{ImportRequest{FileName: "x.csv", Content: []byte("name\n\"Ann\n")}, "never closed"},
		{ImportRequest{FileName: "x.vcf", Content: []byte("name\nAnn\n")}, "not a vCard"},
		{ImportRequest{FileName: "x.json", Content: []byte(`{"name": "Ann"}`)}, `no "members" list`},
		{ImportRequest{FileName: "x.json", Content: []byte(`[{"name": 5}]`)}, "not a list of members"},
		{ImportRequest{FileName: "x.csv", Content: []byte("name\nAnn\n"), Encoding: "ebcdic"}, "not supported"},
	} {
		_, err := s.PreviewImport(tc.req)
		storetest.WantErr(t, err, store.ErrInvalid, tc.want)
		_, err = s.Import(tc.req)
		storetest.WantErr(t, err, store.ErrInvalid, tc.want)
	}
	_, err := s.Import(ImportRequest{FileName: "x.csv", Content: []byte("name,email\n")})
	storetest.WantErr(t, err, store.ErrInvalid, "no contacts")
	// A replacement character left by an earlier bad conversion is flagged per row.
	p, err := s.PreviewImport(ImportRequest{FileName: "x.csv", Content: []byte("name\nZo\uFFFD\n")})
	if err != nil || !strings.Contains(problemsByLine(p)[2], "unreadable characters") {
		t.Errorf("replacement char: %v %v", err, problemsByLine(p))
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := newTestService(t)
	// A tag longer than the schema allows passes the file parser but not
	// validation; nothing of the file may land.
	csv := "name,tags\nAnn,short\nBob," + strings.Repeat("x", 61) + "\n"
	_, err := s.Import(ImportRequest{FileName: "t.csv", Content: []byte(csv)})
	storetest.WantErr(t, err, store.ErrInvalid, "line 3", "longer than 60")
	if count(t, s, "members") != 0 || count(t, s, "tags") != 0 {
		t.Error("partial import")
	}
	res, err := s.Import(ImportRequest{FileName: "t.csv", Content: []byte("name,segment,tags\nAnn,SMB,a; b\nBob,smb,B; c\n")})
	if err != nil || res != (ImportResult{Created: 2, Segments: 1, Tags: 3}) {
		t.Errorf("result = %+v, %v", res, err)
	}
}

// The file reader normalises statuses to the board's own list.
func TestContactsVocabularyMatchesBoard(t *testing.T) {
	if !slices.Equal(contacts.Statuses, Statuses) {
		t.Errorf("contacts.Statuses %q != board Statuses %q", contacts.Statuses, Statuses)
	}
	if !slices.Equal(append([]string{""}, contacts.UsageFrequencies...), usageFrequencies) ||
		!slices.Equal(append([]string{""}, contacts.Tones...), tones) {
		t.Error("usage frequencies or tones differ between contacts and board")
	}
}

// TestImportPreviewsBounded holds maxAnalyses previews open: the next
// preview or import is refused as busy, and one slot freed lets it in.
func TestImportPreviewsBounded(t *testing.T) {
	s := newTestService(t)
	req := ImportRequest{FileName: "m.csv", Content: []byte("name\nAnn\n")}
	var done []func()
	for range maxAnalyses {
		d, err := s.startAnalysis()
		if err != nil {
			t.Fatal(err)
		}
		done = append(done, d)
	}
	_, err := s.PreviewImport(req)
	storetest.WantErr(t, err, store.ErrBusy, "2 contact files are being read already")
	_, err = s.Import(req)
	storetest.WantErr(t, err, store.ErrBusy, "try again")
	done[0]()
	if p, err := s.PreviewImport(req); err != nil || p.New != 1 {
		t.Fatalf("preview after a slot freed: %v %+v", err, p)
	}
	if _, err := s.Import(req); err != nil {
		t.Fatalf("import after a slot freed: %v", err)
	}
}

// TestImportPreviewStops: a preview whose context has ended stops reading
// and gives its slot back.
func TestImportPreviewStops(t *testing.T) {
	s := newTestService(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for _, file := range []string{"m.csv", "m.vcf"} {
		content := GenerateCSV(10)
		if file == "m.vcf" {
			content = []byte("BEGIN:VCARD\r\nFN:Ann\r\nEND:VCARD\r\n")
		}
		_, err := s.previewImport(ctx, ImportRequest{FileName: file, Content: content})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v, want context.Canceled", file, err)
		}
	}
	if len(s.analyses) != 0 {
		t.Errorf("%d analysis slots still taken", len(s.analyses))
	}
}
