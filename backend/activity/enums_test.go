package activity

import (
	"testing"

	"soundingboard/backend/storetest"
	"soundingboard/backend/valid"
)

// Each All… list (what the frontend's lists derive from) is the set the
// schema's CHECK allows, and the kinds of entries the activities take are
// all among them.
func TestEnumsMatchSchema(t *testing.T) {
	db := storetest.Open(t)
	kinds := make([]string, len(AllKinds))
	for i, k := range AllKinds {
		kinds[i] = string(k.Value)
	}
	storetest.WantCheckIn(t, db, "activities", "kind", kinds)
	storetest.WantCheckIn(t, db, "activity_items", "role", valid.Strings(AllRoles))
	storetest.WantCheckIn(t, db, "entries", "kind", valid.Strings(AllEntryKinds))
	entryKindsOK := map[EntryKind]bool{}
	for _, k := range AllEntryKinds {
		entryKindsOK[k.Value] = true
	}
	for _, k := range AllKinds {
		if _, ok := roles[k.Value]; !ok {
			t.Errorf("kind %s has no roles", k.Value)
		}
		for _, e := range entryKinds[k.Value] {
			if !entryKindsOK[e] {
				t.Errorf("kind %s takes unknown entry kind %s", k.Value, e)
			}
		}
	}
}
