package board

import (
	"reflect"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestLoadDemo(t *testing.T) {
	s := newTestService(t)
	res, err := s.LoadDemo()
	if err != nil {
		t.Fatal(err)
	}
	if res.Members < 25 || res.Members > 35 || res.Segments != 4 {
		t.Fatalf("result %+v", res)
	}
	if n := count(t, s, "members"); n != res.Members {
		t.Errorf("members in db %d, reported %d", n, res.Members)
	}
	segs, err := s.ListSegments()
	if err != nil {
		t.Fatal(err)
	}
	var share float64
	for _, g := range segs {
		share += g.TargetShare
		if g.Members == 0 || g.TargetShare <= 0 {
			t.Errorf("segment %+v has no members or no target", g)
		}
	}
	if len(segs) != 4 || share > 1.0001 {
		t.Errorf("%d segments, target shares sum to %v", len(segs), share)
	}

	all := allMembers(t, s)
	for _, name := range []string{"Zoë Durand", "Łukasz Nowak", "Ελένη Παπαδοπούλου", "李雷", "محمد الفارسي",
		"山田 花子", "박서준", "ليلى حداد", "अनन्या शर्मा", "ศิริพร วงศ์สวัสดิ์"} {
		if _, ok := all[name]; !ok {
			t.Errorf("%s missing", name)
		}
	}
	statuses, tones := map[MemberStatus]int{}, map[Tone]int{}
	archived, contactable, tagged := 0, 0, 0
	for _, m := range all {
		statuses[m.Status]++
		tones[m.Tone]++
		if m.Archived {
			archived++
		}
		if m.CanContact {
			contactable++
		}
		if len(m.Tags) > 0 {
			tagged++
		}
	}
	if statuses["active"] < 10 || statuses["active"] > 14 || len(statuses) != len(Statuses) {
		t.Errorf("statuses %v", statuses)
	}
	if tones["balanced"] == 0 || tones["too_agreeable"] == 0 || tones["too_negative"] == 0 {
		t.Errorf("tones %v", tones)
	}
	if archived != 1 || contactable == 0 || contactable == len(all) || tagged < len(all)/2 {
		t.Errorf("archived %d, contactable %d, tagged %d of %d", archived, contactable, tagged, len(all))
	}
	var expired, revoked int
	if err := s.db.Get(&expired, `SELECT count(*) FROM consents WHERE expires_on < ?`, testToday); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Get(&revoked, `SELECT count(*) FROM consents WHERE revoked_on IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	var future int
	if err := s.db.Get(&future, `SELECT (SELECT count(*) FROM touchpoints WHERE happened_on > ?)
		+ (SELECT count(*) FROM rewards WHERE given_on > ?)`, testToday, testToday); err != nil {
		t.Fatal(err)
	}
	if expired == 0 || revoked == 0 || future != 0 || count(t, s, "touchpoints") < 30 || count(t, s, "rewards") < 10 {
		t.Errorf("expired %d revoked %d future %d touchpoints %d rewards %d", expired, revoked, future,
			count(t, s, "touchpoints"), count(t, s, "rewards"))
	}
	if _, err := s.Composition(); err != nil {
		t.Errorf("composition of the sample board: %v", err)
	}
	d, err := s.GetMember(all["Zoë Durand"].ID)
	if err != nil || len(d.Timeline) == 0 || len(d.Rewards) == 0 || !d.Member.CanContact {
		t.Errorf("Zoë's detail: %v %+v", err, d)
	}

	_, err = s.LoadDemo()
	storetest.WantErr(t, err, store.ErrConflict, "already has members")
	if n := count(t, s, "members"); n != res.Members {
		t.Errorf("second load changed the board: %d members", n)
	}

	// Deterministic: a second empty board gets the very same sample.
	again := newTestService(t)
	if _, err := again.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	other := allMembers(t, again)
	for name, m := range all {
		if !reflect.DeepEqual(comparable(m), comparable(other[name])) {
			t.Errorf("%s differs between two loads", name)
		}
	}
}

func TestLoadDemoRefusesArchivedOnlyBoard(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "Only Member"})
	if _, err := s.ArchiveMember(m.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.LoadDemo()
	storetest.WantErr(t, err, store.ErrConflict, "only into an empty database")
}
