package board

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// Run with: go test -run '^$' -bench . -benchtime 2s ./backend/board/

var (
	firstNames = []string{"Ana", "Bob", "Zoë", "José", "Li", "Mei", "Olu", "Priya", "Sven", "Fatima", "Jürgen",
		"Chloé", "Noah", "Aiko", "Omar", "Ines", "Kwame", "Sofía", "Lars", "Hana", "雷", "梅梅", "สมชาย"}
	lastNames = []string{"Silva", "Müller", "Nguyen", "Okafor", "Kowalski", "Smith", "García", "Tanaka", "Haddad",
		"Johansson", "Dubois", "Rossi", "Kim", "Patel", "O'Brien", "李", "韩", "Ångström", "ใจดี"}
	companies = []string{"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay",
		"Fabrik GmbH", "北京科技", "Soylent", "Tyrell", "Cyberdyne", "Massive Dynamic"}
	segmentNames = []string{"Enterprise", "Mid-market", "SMB", "Public sector", "Education"}
	tagNames     = []string{"beta", "power user", "churn risk", "champion", "detractor", "admin", "mobile",
		"api", "early adopter", "design partner", "billing", "reporting"}
	noteWords = []string{"prefers", "mornings", "onboarding", "spreadsheets", "integration", "pricing",
		"feedback", "workshop", "dashboard", "export", "latency", "roadmap", "renewal", "security"}
)

// genMembers makes n plausible, valid members from a fixed seed.
func genMembers(n int) []MemberInput {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	out := make([]MemberInput, n)
	for i := range out {
		first, last := pick(firstNames), pick(lastNames)
		in := MemberInput{
			Name:           first + " " + last,
			Email:          fmt.Sprintf("member%05d@%s.example", i, []string{"acme", "globex", "mail"}[i%3]),
			Company:        pick(companies),
			Role:           pick([]string{"CTO", "PM", "Engineer", "Designer", "Analyst", ""}),
			Status:         Statuses[r.IntN(len(Statuses))],
			Tone:           tones[r.IntN(len(tones))],
			UsageFrequency: usageFrequencies[r.IntN(len(usageFrequencies))],
			Articulation:   r.IntN(6),
			JoinedOn:       fmt.Sprintf("20%02d-%02d-%02d", 18+r.IntN(7), 1+r.IntN(12), 1+r.IntN(28)),
		}
		if r.IntN(10) > 0 {
			in.Segment = pick(segmentNames)
		}
		for range r.IntN(4) {
			in.Tags = append(in.Tags, pick(tagNames))
		}
		for range r.IntN(12) {
			in.Notes += pick(noteWords) + " "
		}
		out[i] = in
	}
	return out
}

// seedBoard writes n generated members in one transaction through the
// writer, with contact consent for most and a few touchpoints each.
func seedBoard(tb testing.TB, s *Service, n int) {
	tb.Helper()
	rows := genMembers(n)
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		w := newMemberWriter(tx, s.stamp())
		for i, in := range rows {
			if err := in.Validate(); err != nil {
				return fmt.Errorf("row %d: %w", i, err)
			}
			id, err := w.insert(s.ctx, in)
			if err != nil {
				return fmt.Errorf("row %d: %w", i, err)
			}
			if i%10 < 7 {
				if _, err := tx.ExecContext(s.ctx, `INSERT INTO consents (member_id, kind, granted_on) VALUES (?, 'contact', '2024-01-01')`, id); err != nil {
					return err
				}
			}
			for k := range i % 4 {
				if _, err := InsertTouchpoint(s.ctx, tx, TouchpointInsert{MemberID: id, Kind: touchpointKinds[k],
					HappenedOn: fmt.Sprintf("2025-0%d-1%d", 1+k, i%10), CreatedAt: s.stamp()}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func TestGeneratedBoard(t *testing.T) {
	s := newTestService(t)
	seedBoard(t, s, 500)
	p, err := s.ListMembers(MemberQuery{Limit: 50, Search: "ana"})
	if err != nil || len(p.Members) == 0 || p.Total < len(p.Members) {
		t.Fatalf("%d rows, total %d, %v", len(p.Members), p.Total, err)
	}
	for _, sort := range []string{"name", "company", "segment", "status", "joined", "last_contacted", "updated"} {
		if _, err := s.ListMembers(MemberQuery{Sort: sort, Limit: 50}); err != nil {
			t.Error(sort, err)
		}
	}
	if _, err := s.Composition(); err != nil {
		t.Fatal(err)
	}
}

func benchService(b *testing.B) *Service {
	b.Helper()
	s := newTestService(b)
	seedBoard(b, s, 10000)
	return s
}

// BenchmarkSearch: FTS prefix search over 10,000 members, first 50 rows
// with total, by kind of query. Target < 5 ms.
func BenchmarkSearch(b *testing.B) {
	s := benchService(b)
	for _, c := range []struct {
		kind    string
		queries []string
	}{
		{"latin", []string{"ana", "acme power", "onboard", "member0042", "li", "zo", "angstrom"}},
		{"cjk", []string{"雷", "李雷", "梅梅", "北京", "科技", "韩 梅"}},
		{"umlaut", []string{"müller", "mueller", "muller", "jurgen", "juergen"}},
		{"thai", []string{"สมชาย", "ใจดี", "ชาย"}},
	} {
		b.Run(c.kind, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := s.ListMembers(MemberQuery{Search: c.queries[i%len(c.queries)], Limit: 50}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkListFirstPage: the default list (current members by name),
// first 50 rows with total, over 10,000 members.
func BenchmarkListFirstPage(b *testing.B) {
	s := benchService(b)
	for b.Loop() {
		if _, err := s.ListMembers(MemberQuery{Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListFirstPageByLastContacted sorts on a computed column.
func BenchmarkListFirstPageByLastContacted(b *testing.B) {
	s := benchService(b)
	for b.Loop() {
		if _, err := s.ListMembers(MemberQuery{Limit: 50, Sort: "last_contacted", Desc: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite10000 is the importer's write path: validate and insert
// 10,000 members in one transaction (one op = 10,000 rows). Target < 2 s.
func BenchmarkWrite10000(b *testing.B) {
	rows := genMembers(10000)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := newTestService(b)
		b.StartTimer()
		err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
			w := newMemberWriter(tx, s.stamp())
			for _, in := range rows {
				if err := in.Validate(); err != nil {
					return err
				}
				if _, err := w.insert(s.ctx, in); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkComposition over 10,000 members.
func BenchmarkComposition(b *testing.B) {
	s := benchService(b)
	for b.Loop() {
		if _, err := s.Composition(); err != nil {
			b.Fatal(err)
		}
	}
}
