package board

import (
	"slices"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func seedSearch(t *testing.T, s *Service) map[string]Member {
	t.Helper()
	out := map[string]Member{}
	for _, in := range []MemberInput{
		{Name: "Zoë Müller", Email: "zoe@fabrik.de", Company: "Fabrik GmbH", Segment: "Enterprise", Status: "active",
			JoinedOn: "2023-05-01", Tags: []string{"beta"}},
		{Name: "李雷", Email: "lilei@example.cn", Company: "北京科技", Segment: "SMB", Status: "invited",
			JoinedOn: "2024-01-01"},
		{Name: "Ana Silva", Email: "ana.silva@acme.io", Company: "Acme", Status: "paused",
			Notes: "Runs the onboarding team; loves spreadsheets", Tags: []string{"Power User"}},
		{Name: "bob Stone", Email: "bob@stone.com", Company: "", Segment: "SMB", Status: "prospect"},
		{Name: "Zack Anders", Company: "Anders & Co", Status: "active", Tags: []string{"beta", "churn-risk"}},
	} {
		out[in.Name] = mustCreate(t, s, in)
	}
	return out
}

func TestSearch(t *testing.T) {
	s := newTestService(t)
	seedSearch(t, s)
	checkSearches(t, s, []searchCase{
		{"zoe", []string{"Zoë Müller"}},
		{"ZOË", []string{"Zoë Müller"}},
		{"mull", []string{"Zoë Müller"}},
		{"李雷", []string{"李雷"}},
		{"李", []string{"李雷"}},
		{"北京", []string{"李雷"}},
		{"ana.silva@acme.io", []string{"Ana Silva"}},
		{"acme", []string{"Ana Silva"}},
		{"spreadsheet", []string{"Ana Silva"}},
		{"power", []string{"Ana Silva"}},
		{"beta", []string{"Zack Anders", "Zoë Müller"}},
		{"churn risk", []string{"Zack Anders"}},
		{"an", []string{"Ana Silva", "Zack Anders"}},
		{"ana sil", []string{"Ana Silva"}},
		{"ana zzz", nil},
		{"", []string{"Ana Silva", "bob Stone", "Zack Anders", "Zoë Müller", "李雷"}},
		{"   ", []string{"Ana Silva", "bob Stone", "Zack Anders", "Zoë Müller", "李雷"}},
	})
}

// searchCase is a search and the names it finds, sorted by name.
type searchCase struct {
	search string
	want   []string
}

// checkSearches runs each search over the whole board and compares the
// names found and the total.
func checkSearches(t *testing.T, s *Service, cases []searchCase) {
	t.Helper()
	for _, c := range cases {
		p, err := s.ListMembers(MemberQuery{Search: c.search})
		if err != nil {
			t.Errorf("search %q: %v", c.search, err)
			continue
		}
		if got := names(p.Members); !slices.Equal(got, c.want) && len(got)+len(c.want) > 0 {
			t.Errorf("search %q = %q, want %q", c.search, got, c.want)
		}
		if p.Total != len(c.want) {
			t.Errorf("search %q: total %d, want %d", c.search, p.Total, len(c.want))
		}
	}
}

func TestSearchHostileInput(t *testing.T) {
	s := newTestService(t)
	seedSearch(t, s)
	for _, q := range []string{`"`, `*`, `AND (`, `'; DROP TABLE members; --`, `NEAR(a b)`, `ana OR`,
		`^`, `-ana`, `name:ana`, `""*`, "\u0308", "a\x00b", `{name}: x`, `)))(((`, `NOT`, "🙂", `\`} {
		if _, err := s.ListMembers(MemberQuery{Search: q}); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
	}
	if n := count(t, s, "members"); n != 5 {
		t.Errorf("members = %d", n)
	}
	p, err := s.ListMembers(MemberQuery{Search: `"ana"`})
	if err != nil || p.Total != 1 {
		t.Errorf(`search "ana" with quotes: %v %v`, names(p.Members), err)
	}
}

func TestFilters(t *testing.T) {
	s := newTestService(t)
	ms := seedSearch(t, s)
	if _, err := s.SetConsent(ms["Zoë Müller"].ID, ConsentInput{Kind: "contact"}); err != nil {
		t.Fatal(err)
	}
	smb := ms["李雷"].SegmentID
	cases := []struct {
		name string
		q    MemberQuery
		want []string
	}{
		{"segment", MemberQuery{SegmentID: smb}, []string{"bob Stone", "李雷"}},
		{"no segment", MemberQuery{SegmentID: -1}, []string{"Ana Silva", "Zack Anders"}},
		{"status", MemberQuery{Status: "active"}, []string{"Zack Anders", "Zoë Müller"}},
		{"tag ignoring case", MemberQuery{Tag: "BETA"}, []string{"Zack Anders", "Zoë Müller"}},
		{"tag with spaces", MemberQuery{Tag: "power user"}, []string{"Ana Silva"}},
		{"unknown tag", MemberQuery{Tag: "nope"}, nil},
		{"contact ok", MemberQuery{Consent: "contact_ok"}, []string{"Zoë Müller"}},
		{"no contact", MemberQuery{Consent: "no_contact"}, []string{"Ana Silva", "bob Stone", "Zack Anders", "李雷"}},
		{"combined", MemberQuery{Status: "active", Tag: "beta", Search: "zack"}, []string{"Zack Anders"}},
	}
	for _, c := range cases {
		p, err := s.ListMembers(c.q)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := names(p.Members); !slices.Equal(got, c.want) && len(got)+len(c.want) > 0 {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		if p.Total != len(c.want) || p.Members == nil {
			t.Errorf("%s: total %d, members nil %v", c.name, p.Total, p.Members == nil)
		}
	}
	for _, bad := range []MemberQuery{
		{Sort: "email; DROP"}, {Status: "vip"}, {Consent: "maybe"}, {Archived: "yes"}, {SegmentID: -2},
		{Limit: -1}, {Offset: -5},
	} {
		_, err := s.ListMembers(bad)
		storetest.WantErr(t, err, store.ErrInvalid)
	}
}

func TestSortAndPage(t *testing.T) {
	s := newTestService(t)
	ms := seedSearch(t, s)
	if _, err := s.AddTouchpoint(ms["Ana Silva"].ID, TouchpointInput{Kind: "call", HappenedOn: "2025-05-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTouchpoint(ms["bob Stone"].ID, TouchpointInput{Kind: "email", HappenedOn: "2025-06-01"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		sort string
		desc bool
		want []string
	}{
		{"", false, []string{"Ana Silva", "bob Stone", "Zack Anders", "Zoë Müller", "李雷"}},
		{"name", true, []string{"李雷", "Zoë Müller", "Zack Anders", "bob Stone", "Ana Silva"}},
		{"company", false, []string{"Ana Silva", "Zack Anders", "Zoë Müller", "李雷", "bob Stone"}},
		{"segment", false, []string{"Zoë Müller", "bob Stone", "李雷", "Ana Silva", "Zack Anders"}},
		{"status", false, []string{"bob Stone", "李雷", "Zack Anders", "Zoë Müller", "Ana Silva"}},
		{"joined", false, []string{"Zoë Müller", "李雷", "Ana Silva", "bob Stone", "Zack Anders"}},
		{"joined", true, []string{"李雷", "Zoë Müller", "Ana Silva", "bob Stone", "Zack Anders"}},
		{"last_contacted", true, []string{"bob Stone", "Ana Silva", "Zack Anders", "Zoë Müller", "李雷"}},
	}
	for _, c := range cases {
		p, err := s.ListMembers(MemberQuery{Sort: c.sort, Desc: c.desc})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(p.Members); !slices.Equal(got, c.want) {
			t.Errorf("sort %s desc=%v: %q, want %q", c.sort, c.desc, got, c.want)
		}
	}
	p, err := s.ListMembers(MemberQuery{Limit: 2, Offset: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(names(p.Members), []string{"Zack Anders", "Zoë Müller"}) || p.Total != 5 {
		t.Errorf("page: %q total %d", names(p.Members), p.Total)
	}
	p, err = s.ListMembers(MemberQuery{Limit: 2, Offset: 10})
	if err != nil || len(p.Members) != 0 || p.Total != 5 || p.Members == nil {
		t.Errorf("past the end: %+v %v", p, err)
	}
	p, err = s.ListMembers(MemberQuery{Limit: 50, Search: "beta"})
	if err != nil || p.Total != 2 {
		t.Errorf("short first page total: %+v %v", p, err)
	}
	if _, err := s.ListMembers(MemberQuery{Sort: "updated", Desc: true}); err != nil {
		t.Error(err)
	}
}

func TestLastContacted(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "Ana"})
	for _, tp := range []TouchpointInput{
		{Kind: "call", HappenedOn: "2025-03-01"},
		{Kind: "session", HappenedOn: "2025-04-02"},
		{Kind: "note", HappenedOn: "2025-06-01"}, // notes are not contact
	} {
		if _, err := s.AddTouchpoint(m.ID, tp); err != nil {
			t.Fatal(err)
		}
	}
	p, err := s.ListMembers(MemberQuery{})
	if err != nil || p.Members[0].LastContacted != "2025-04-02" {
		t.Errorf("last contacted: %+v %v", p.Members, err)
	}
}
