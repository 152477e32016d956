package changelog_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestHistoryListsEveryEditNewestFirstWithTheWinners(t *testing.T) {
	before := time.Now().Add(-time.Second)
	rs, m := concurrentEdits(t)

	key := fmt.Sprintf("[%d]", m)
	for _, r := range rs {
		hist, err := changelog.History(context.Background(), r.db, "members", key)
		if err != nil {
			t.Fatal(err)
		}
		type edit struct {
			Device, Col string
			Value       any
			Won         bool
		}
		var company []edit
		last := hist[0].HLC
		for _, e := range hist {
			if e.HLC > last {
				t.Errorf("%s: history not newest first: %d after %d", r.name, e.HLC, last)
			}
			last = e.HLC
			if e.Time.Before(before) || e.Time.After(time.Now()) || e.Time.UnixMilli() != e.HLC>>16 {
				t.Errorf("%s: edit at %v (hlc %d) is not when it was written", r.name, e.Time, e.HLC)
			}
			if e.Col == "company" {
				company = append(company, edit{e.Device, e.Col, e.Value, e.Won})
			}
		}
		want := []edit{{"d01", "company", "Globex", true}, {"d00", "company", "Acme", false}, {"d00", "company", "", false}}
		if fmt.Sprint(company) != fmt.Sprint(want) {
			t.Errorf("%s: company's history = %v, want %v", r.name, company, want)
		}
		if hist[0].Device != "d01" || !hist[0].Won {
			t.Errorf("%s: newest edit %+v, want B's, winning", r.name, hist[0])
		}
		alive := 0
		for _, e := range hist {
			if e.Col == "" && e.Won && e.Value == int64(1) {
				alive++
			}
		}
		if alive != 1 {
			t.Errorf("%s: %d winning existence edits, want 1 (alive)", r.name, alive)
		}
	}
}

func TestHistoryRefusesAKeyThatIsNoJSONArray(t *testing.T) {
	rs := team(t, 1)
	for _, key := range []string{"", "7", "[]", "[7"} {
		_, err := changelog.History(context.Background(), rs[0].db, "members", key)
		storetest.WantErr(t, err, store.ErrInvalid, "key must be a JSON array")
		var e *store.Error
		if !errors.As(err, &e) || len(e.Fields) != 1 || e.Fields[0].Field != "key" {
			t.Errorf("key %q: %v names no field key", key, err)
		}
	}
}
