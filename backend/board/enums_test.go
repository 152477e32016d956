package board

import (
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/valid"
)

// Each All… list (what the frontend's lists derive from) is the set the
// schema's CHECK allows and the set validation accepts; other values are
// refused, naming the field.
func TestEnumsMatchSchemaAndValidation(t *testing.T) {
	db := storetest.Open(t)
	storetest.WantCheckIn(t, db, "members", "status", valid.Strings(AllStatuses))
	storetest.WantCheckIn(t, db, "members", "usage_frequency", valid.Strings(AllUsageFrequencies))
	storetest.WantCheckIn(t, db, "members", "tone", valid.Strings(AllTones))
	storetest.WantCheckIn(t, db, "consents", "kind", valid.Strings(AllConsentKinds))
	storetest.WantCheckIn(t, db, "touchpoints", "kind", valid.Strings(AllTouchpointKinds))

	const today = "2026-03-09"
	member := func(f func(*MemberInput)) error {
		in := MemberInput{Name: "Ana"}
		f(&in)
		return in.Validate()
	}
	for _, c := range AllStatuses {
		if err := member(func(in *MemberInput) { in.Status = string(c.Value) }); err != nil {
			t.Errorf("status %q: %v", c.Value, err)
		}
	}
	for _, c := range AllUsageFrequencies {
		if err := member(func(in *MemberInput) { in.UsageFrequency = string(c.Value) }); err != nil {
			t.Errorf("usageFrequency %q: %v", c.Value, err)
		}
	}
	for _, c := range AllTones {
		if err := member(func(in *MemberInput) { in.Tone = string(c.Value) }); err != nil {
			t.Errorf("tone %q: %v", c.Value, err)
		}
	}
	for _, c := range AllConsentKinds {
		in := ConsentInput{Kind: string(c.Value)}
		if err := in.validate(today); err != nil {
			t.Errorf("consent kind %q: %v", c.Value, err)
		}
	}
	for _, c := range AllTouchpointKinds {
		in := TouchpointInput{Kind: string(c.Value)}
		if err := in.validate(today); err != nil {
			t.Errorf("touchpoint kind %q: %v", c.Value, err)
		}
	}

	storetest.WantErr(t, member(func(in *MemberInput) { in.Status = "customer" }), store.ErrInvalid, `status "customer"`)
	storetest.WantErr(t, member(func(in *MemberInput) { in.UsageFrequency = "hourly" }), store.ErrInvalid, `usageFrequency "hourly"`)
	storetest.WantErr(t, member(func(in *MemberInput) { in.Tone = "grumpy" }), store.ErrInvalid, `tone "grumpy"`)
	consent := ConsentInput{Kind: "marketing"}
	storetest.WantErr(t, consent.validate(today), store.ErrInvalid, `kind "marketing"`)
	tp := TouchpointInput{Kind: "letter"}
	storetest.WantErr(t, tp.validate(today), store.ErrInvalid, `kind "letter"`)
}
