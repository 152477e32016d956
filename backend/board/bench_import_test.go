package board

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"testing"
	"time"

	"soundingboard/backend/board/contacts"
	"soundingboard/backend/storetest"
)

// GenerateCSV returns a contact file of n distinct, valid members in our
// export layout, with names in several scripts, segments, tags and notes
// (some multi-line), as the import benchmark and tests use it.
func GenerateCSV(n int) []byte {
	first := []string{"Zoë", "Łukasz", "Ελένη", "雷", "محمد", "Ann", "Kenji", "Sofía", "Grace", "Jörg"}
	last := []string{"Durand", "Nowak", "Παπαδοπούλου", "李", "الفارسي", "Lee", "Watanabe", "Martínez", "Okafor", "Müller"}
	segments := []string{"Retail", "Cafés", "Wholesale", "Online", ""}
	statuses := contacts.Statuses
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(contacts.ExportHeaders)
	for i := 0; i < n; i++ {
		notes := ""
		if i%7 == 0 {
			notes = fmt.Sprintf("Met at event %d,\nfollow up in spring", i)
		}
		row := map[string]string{
			contacts.Name:           first[i%len(first)] + " " + last[(i/len(first))%len(last)] + fmt.Sprintf(" %d", i),
			contacts.Email:          fmt.Sprintf("person%d@example.com", i),
			contacts.Phone:          fmt.Sprintf("+1 555 %07d", i),
			contacts.Company:        fmt.Sprintf("Company %d", i%500),
			contacts.Role:           "Buyer",
			contacts.Segment:        segments[i%len(segments)],
			contacts.Status:         statuses[i%len(statuses)],
			contacts.JoinedOn:       time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%1500).Format(time.DateOnly),
			contacts.Source:         "Generated",
			contacts.Notes:          notes,
			contacts.Tags:           fmt.Sprintf("tag%d; group%d", i%40, i%7),
			contacts.UsageFrequency: contacts.UsageFrequencies[i%len(contacts.UsageFrequencies)],
			contacts.Articulation:   fmt.Sprint(1 + i%5),
			contacts.Tone:           contacts.Tones[i%len(contacts.Tones)],
			contacts.CadenceDays:    fmt.Sprint(30 + i%60),
		}
		rec := make([]string, len(contacts.ExportHeaders))
		for j, h := range contacts.ExportHeaders {
			rec[j] = row[h]
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

func TestImportGeneratedCSV(t *testing.T) {
	s := newTestService(t)
	res, err := s.Import(ImportRequest{FileName: "gen.csv", Content: GenerateCSV(500)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 500 || res.Segments != 4 || res.Tags != 47 {
		t.Errorf("result %+v", res)
	}
	if n := count(t, s, "member_tags"); n != 1000 {
		t.Errorf("member tags %d, want 1000", n)
	}
}

// An import takes its new members' ids from the counter in one block:
// they are consecutive (the segments and tags made on the way come after
// them), and the counter goes on right after the last id handed out, so
// none reserved is lost.
func TestImportReservesMemberIDs(t *testing.T) {
	s := newTestService(t)
	before := storetest.NewID(t, s.db)
	if _, err := s.Import(ImportRequest{FileName: "gen.csv", Content: GenerateCSV(50)}); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	if err := s.db.Select(&ids, `SELECT id FROM members ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		if id != before+1+int64(i) {
			t.Fatalf("member ids %v, want %d consecutive ones from %d", ids, len(ids), before+1)
		}
	}
	var last int64
	if err := s.db.Get(&last, `SELECT max(id) FROM (SELECT id FROM members UNION ALL SELECT id FROM segments
		UNION ALL SELECT id FROM tags)`); err != nil {
		t.Fatal(err)
	}
	if next := storetest.NewID(t, s.db); next != last+1 {
		t.Errorf("the counter's next id is %d after an import whose last id is %d", next, last)
	}
}

// BenchmarkImportCSV10k imports a 10,000-row CSV into a fresh database
// (target: under 2 s per import). The database is created outside the timer.
func BenchmarkImportCSV10k(b *testing.B) {
	data := GenerateCSV(10000)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := newTestService(b)
		b.StartTimer()
		res, err := s.Import(ImportRequest{FileName: "gen.csv", Content: data})
		if err != nil || res.Created != 10000 {
			b.Fatalf("import: %+v %v", res, err)
		}
	}
}
