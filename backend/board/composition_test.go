package board

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestCompositionEmpty(t *testing.T) {
	s := newTestService(t)
	c, err := s.Composition()
	if err != nil {
		t.Fatal(err)
	}
	if c.Active != 0 || c.Total != 0 || len(c.Rows) != 0 || c.IdealRange != [2]int{10, 15} ||
		!slices.Equal(c.Warnings, []string{"The board has 0 active members, fewer than 10."}) {
		t.Errorf("%+v", c)
	}
}

func TestComposition(t *testing.T) {
	s := newTestService(t)
	ent, err := s.SaveSegment(SegmentInput{Name: "Enterprise", TargetShare: 0.25})
	if err != nil {
		t.Fatal(err)
	}
	empty, err := s.SaveSegment(SegmentInput{Name: "Empty"})
	if err != nil {
		t.Fatal(err)
	}
	// 8 active: 1 enterprise, 7 SMB; 4 too agreeable (50%); 1 without segment.
	add := func(name, seg, status, tone string, consent bool) {
		m := mustCreate(t, s, MemberInput{Name: name, Segment: seg, Status: status, Tone: tone})
		if consent {
			if _, err := s.SetConsent(m.ID, ConsentInput{Kind: "contact"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	add("E1", "Enterprise", "active", "balanced", true)
	add("E2", "Enterprise", "invited", "", false)
	for i := range 6 {
		tone := "too_agreeable"
		if i >= 4 {
			tone = "balanced"
		}
		add(fmt.Sprint("S", i), "SMB", "active", tone, i != 0)
	}
	add("N1", "", "active", "too_negative", true)
	add("N2", "", "paused", "", false)
	arch := mustCreate(t, s, MemberInput{Name: "Gone", Segment: "SMB", Status: "active"})
	if _, err := s.ArchiveMember(arch.ID); err != nil {
		t.Fatal(err)
	}

	c, err := s.Composition()
	if err != nil {
		t.Fatal(err)
	}
	if c.Active != 8 || c.Total != 10 {
		t.Errorf("active %d total %d", c.Active, c.Total)
	}
	var rows []string
	for _, r := range c.Rows {
		rows = append(rows, fmt.Sprintf("%d:%s:%d:%d:%.3f", r.SegmentID, r.Segment, r.Total, r.ByStatus["active"], r.ActiveShare))
		if len(r.ByStatus) != len(Statuses) {
			t.Errorf("row %s byStatus %v", r.Segment, r.ByStatus)
		}
	}
	segs, err := s.ListSegments()
	if err != nil {
		t.Fatal(err)
	}
	var smb int64 // made by the first SMB member
	for _, g := range segs {
		if g.Name == "SMB" {
			smb = g.ID
		}
	}
	want := []string{
		fmt.Sprintf("%d:Empty:0:0:0.000", empty.ID), fmt.Sprintf("%d:Enterprise:2:1:0.125", ent.ID),
		fmt.Sprintf("%d:SMB:6:6:0.750", smb), "-1:No segment:2:1:0.125",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n got %q\nwant %q", rows, want)
	}
	if c.Tones["too_agreeable"] != 4 || c.Tones["balanced"] != 3 || c.Tones["too_negative"] != 1 || c.Tones[""] != 0 {
		t.Errorf("tones %v", c.Tones)
	}
	wantWarnings := []string{
		"The board has 8 active members, fewer than 10.",
		"Segment Empty has no active members.",
		"Segment Enterprise is under its target (has 13%, target 25%).",
		"More than 40% of active members are marked too agreeable (4 of 8); the board risks yes-sayers.",
		"1 active member cannot be contacted (no valid contact consent).",
	}
	if !slices.Equal(c.Warnings, wantWarnings) {
		t.Errorf("warnings\n got %s\nwant %s", strings.Join(c.Warnings, "\n     "), strings.Join(wantWarnings, "\n     "))
	}
}

func TestCompositionTooManyAndCritics(t *testing.T) {
	s := newTestService(t)
	for i := range 16 {
		tone := "balanced"
		if i < 7 {
			tone = "too_negative"
		}
		m := mustCreate(t, s, MemberInput{Name: fmt.Sprint("M", i), Segment: "Only", Status: "active", Tone: tone})
		if _, err := s.SetConsent(m.ID, ConsentInput{Kind: "contact"}); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.Composition()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"The board has 16 active members, more than 15.",
		"More than 40% of active members are marked too negative (7 of 16); the board risks only critics.",
	}
	if !slices.Equal(c.Warnings, want) {
		t.Errorf("warnings %q", c.Warnings)
	}
	for _, r := range c.Rows {
		if r.SegmentID == -1 {
			t.Error("No segment row without members lacking one")
		}
	}
}
