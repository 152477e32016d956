package teammates_test

import (
	"context"
	"reflect"
	"testing"

	"soundingboard/backend/storetest"
	"soundingboard/backend/teammates"
)

func TestRoster(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	r, err := teammates.Load(ctx, db)
	if err != nil || !reflect.DeepEqual(r, teammates.Roster{People: []string{}}) {
		t.Fatalf("no team: %+v %v", r, err)
	}

	// Ben on two laptops is one person; Cleo left.
	storetest.InTeam(t, db, storetest.Device{Person: "Dana"}, storetest.Device{Person: "Ben"},
		storetest.Device{Person: "Ben"}, storetest.Device{Person: "Cleo", Removed: true})
	r, err = teammates.Load(ctx, db)
	want := teammates.Roster{Shared: true, Me: "Dana", People: []string{"Ben", "Dana"}}
	if err != nil || !reflect.DeepEqual(r, want) {
		t.Fatalf("shared: %+v %v, want %+v", r, err, want)
	}

	// A board that left its team keeps its device rows but has no roster.
	storetest.Exec(t, db, `DELETE FROM team_self`)
	if r, err := teammates.Load(ctx, db); err != nil || r.Shared || r.Me != "" || len(r.People) != 0 {
		t.Fatalf("after leaving: %+v %v", r, err)
	}
}
