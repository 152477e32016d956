package board

import (
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestValidateNormalises(t *testing.T) {
	in := MemberInput{
		Name: "  Ana Silva ", Email: " Ana@Example.COM ", Status: "", Tone: " Balanced ",
		UsageFrequency: "WEEKLY", Tags: []string{" beta ", "", "Beta", "power user", "  "},
	}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if in.Name != "Ana Silva" || in.Email != "ana@example.com" || in.Status != "prospect" ||
		in.Tone != "balanced" || in.UsageFrequency != "weekly" {
		t.Errorf("not normalised: %+v", in)
	}
	if strings.Join(in.Tags, "|") != "beta|power user" {
		t.Errorf("tags = %q", in.Tags)
	}
}

func TestValidateRejectsEachBadField(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	manyTags := make([]string, 51)
	for i := range manyTags {
		manyTags[i] = "t" + strings.Repeat("a", i)
	}
	cases := []struct {
		name string
		edit func(*MemberInput)
		want string
	}{
		{"no name", func(in *MemberInput) { in.Name = "  " }, "name is required"},
		{"long name", func(in *MemberInput) { in.Name = long(201) }, "name is longer than 200"},
		{"bad email", func(in *MemberInput) { in.Email = "bob@" }, `email "bob@" is not a valid address`},
		{"display name email", func(in *MemberInput) { in.Email = "Bob <bob@x.com>" }, "email"},
		{"two emails", func(in *MemberInput) { in.Email = "a@x.com, b@x.com" }, "email"},
		{"long email", func(in *MemberInput) { in.Email = long(250) + "@x.com" }, "email is longer than 254"},
		{"status", func(in *MemberInput) { in.Status = "vip" }, `status "vip"`},
		{"joinedOn format", func(in *MemberInput) { in.JoinedOn = "15/06/2025" }, "joinedOn"},
		{"joinedOn not real", func(in *MemberInput) { in.JoinedOn = "2025-02-30" }, "joinedOn"},
		{"joinedOn far future", func(in *MemberInput) { in.JoinedOn = "2999-01-01" }, "joinedOn 2999-01-01 is too far in the future"},
		{"usageFrequency", func(in *MemberInput) { in.UsageFrequency = "hourly" }, "usageFrequency"},
		{"articulation high", func(in *MemberInput) { in.Articulation = 6 }, "articulation 6"},
		{"articulation negative", func(in *MemberInput) { in.Articulation = -1 }, "articulation -1"},
		{"tone", func(in *MemberInput) { in.Tone = "grumpy" }, "tone"},
		{"cadenceDays", func(in *MemberInput) { in.CadenceDays = -7 }, "cadenceDays"},
		{"notes", func(in *MemberInput) { in.Notes = long(20001) }, "notes is longer than 20000"},
		{"company", func(in *MemberInput) { in.Company = long(201) }, "company"},
		{"phone", func(in *MemberInput) { in.Phone = long(201) }, "phone"},
		{"role", func(in *MemberInput) { in.Role = long(201) }, "role"},
		{"persona", func(in *MemberInput) { in.Persona = long(201) }, "persona"},
		{"source", func(in *MemberInput) { in.Source = long(201) }, "source"},
		{"segment", func(in *MemberInput) { in.Segment = long(81) }, "segment"},
		{"timezone", func(in *MemberInput) { in.Timezone = "Mars/Olympus" }, `timezone "Mars/Olympus"`},
		{"timezone Local", func(in *MemberInput) { in.Timezone = "Local" }, "timezone"},
		{"long tag", func(in *MemberInput) { in.Tags = []string{long(61)} }, "tag"},
		{"too many tags", func(in *MemberInput) { in.Tags = manyTags }, "at most 50"},
	}
	s := newTestService(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := MemberInput{Name: "Ana", Email: "ana@example.com", Segment: "SMB", Tags: []string{"beta"}}
			c.edit(&in)
			_, err := s.CreateMember(in)
			storetest.WantErr(t, err, store.ErrInvalid, c.want)
			for _, table := range []string{"members", "segments", "tags", "member_tags"} {
				if n := count(t, s, table); n != 0 {
					t.Errorf("%s has %d rows after a rejected create", table, n)
				}
			}
		})
	}
}

func TestValidateAcceptsGoodValues(t *testing.T) {
	in := MemberInput{Name: "李雷", Email: "li.lei+board@example.cn", Timezone: "Asia/Shanghai",
		JoinedOn: "2024-02-29", Articulation: 5, CadenceDays: 30, Status: "ACTIVE", Tone: "too_negative",
		UsageFrequency: "never"}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateReportsAllProblems(t *testing.T) {
	in := MemberInput{Email: "nope", Articulation: 9}
	err := in.Validate()
	storetest.WantErr(t, err, store.ErrInvalid, "name is required", "email", "articulation")
}
