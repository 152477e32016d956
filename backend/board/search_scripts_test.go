package board

import "testing"

// Search finds names and words in every script, and German names typed
// without umlauts, on a real database file.
func TestSearchScripts(t *testing.T) {
	s := newTestService(t)
	for _, in := range []MemberInput{
		{Name: "李雷", Company: "北京科技", Tags: []string{"重要客户"}},
		{Name: "山田花子", Notes: "ラーメンが好き"},
		{Name: "김민준", Company: "서울전자"},
		{Name: "สมชาย ใจดี", Notes: "ชอบกินข้าวมันไก่ทุกวัน"},
		{Name: "Jörg Müller", Company: "Straßenbau GmbH"},
		{Name: "Hans Mueller"},
		{Name: "Anna Muller"},
		{Name: "Anders Ångström"},
		{Name: "Samuel Blue", Notes: "Due in June; queue manager"},
		{Name: "Łukasz Nowak"},
		{Name: "राहुल शर्मा"},
		{Name: "𠮷野家"},
	} {
		mustCreate(t, s, in)
	}
	checkSearches(t, s, []searchCase{
		// CJK by any part of one or more characters, in name, company, notes and tags.
		{"雷", []string{"李雷"}},
		{"李", []string{"李雷"}},
		{"李雷", []string{"李雷"}},
		{"科技", []string{"李雷"}},
		{"客户", []string{"李雷"}},
		{"雷李", nil},
		{"花子", []string{"山田花子"}},
		{"田花", []string{"山田花子"}},
		{"ラーメン", []string{"山田花子"}},
		{"メン", []string{"山田花子"}},
		{"民", nil},
		{"민준", []string{"김민준"}},
		{"김", []string{"김민준"}},
		{"전자", []string{"김민준"}},
		{"준민", nil},
		{"𠮷", []string{"𠮷野家"}},
		{"野家", []string{"𠮷野家"}},
		// Thai, written without spaces between words.
		{"ใจดี", []string{"สมชาย ใจดี"}},
		{"ข้าวมันไก่", []string{"สมชาย ใจดี"}},
		{"ไก่", []string{"สมชาย ใจดี"}},
		{"ทุกวัน", []string{"สมชาย ใจดี"}},
		{"กัน", nil},     // กิน is there: a different vowel is a different word
		{"ข้าวหมู", nil}, // rice, but not with pork
		// Devanagari words stay whole and are found by their start.
		{"राहुल", []string{"राहुल शर्मा"}},
		{"शर्", []string{"राहुल शर्मा"}},
		// German names as typed without umlauts or ß, both ways.
		{"mueller", []string{"Hans Mueller", "Jörg Müller"}},
		{"muller", []string{"Anna Muller", "Jörg Müller"}},
		{"müller", []string{"Anna Muller", "Hans Mueller", "Jörg Müller"}},
		{"joerg", []string{"Jörg Müller"}},
		{"jorg", []string{"Jörg Müller"}},
		{"strassenbau", []string{"Jörg Müller"}},
		{"straße", []string{"Jörg Müller"}},
		{"strase", nil},
		// Today's accent folding and prefix search.
		{"angstrom", []string{"Anders Ångström"}},
		{"ANGSTRÖM", []string{"Anders Ångström"}},
		{"angstroem", []string{"Anders Ångström"}},
		{"ång", []string{"Anders Ångström"}},
		{"lukasz", []string{"Łukasz Nowak"}},
		// No German rewriting of English: these match only themselves.
		{"samul", nil},
		{"blu", []string{"Samuel Blue"}},
		{"du", []string{"Samuel Blue"}},
		{"qeue", nil},
		{"mulle", []string{"Anna Muller", "Jörg Müller"}},
	})
}

// The index follows renames and tag changes in every script.
func TestSearchScriptsFollowsChanges(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "李雷"})
	find := func(q string) []string {
		t.Helper()
		p, err := s.ListMembers(MemberQuery{Search: q})
		if err != nil {
			t.Fatal(err)
		}
		return names(p.Members)
	}
	if _, err := s.UpdateMember(m.ID, MemberInput{Name: "韩梅梅", Company: "Müller AG", Tags: []string{"ข้าวมันไก่"}}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"雷": 0, "梅": 1, "韩梅": 1, "mueller": 1, "ไก่": 1} {
		if got := find(q); len(got) != want {
			t.Errorf("after the update, %q finds %q, want %d", q, got, want)
		}
	}
	if _, err := s.UpdateMember(m.ID, MemberInput{Name: "韩梅梅"}); err != nil {
		t.Fatal(err)
	}
	if got := find("ไก่"); len(got) != 0 {
		t.Errorf("after the tag is gone, ไก่ finds %q", got)
	}
}
