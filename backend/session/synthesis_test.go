package session

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestTagging(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	q := f.quote(sc.session, sc.a1, sc.ada, "Yearly budgets")
	got, err := f.s.Syntheses.TagQuote(q.ID, []string{" Budget cycle ", "pricing", "BUDGET CYCLE", "", "Pricing"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Themes, []string{"Budget cycle", "pricing"}) || f.count("themes") != 2 {
		t.Fatalf("themes = %q (%d rows), want trimmed and deduplicated case-insensitively", got.Themes, f.count("themes"))
	}
	// Existing themes are reused in their first spelling, Unicode-aware.
	r := f.field(sc.session, sc.a1, sc.bo, "notes", "Money is tight")
	tagged, err := f.s.Syntheses.TagResponse(r.ID, []string{"PRICING", "Ärger"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tagged.Themes, []string{"pricing", "Ärger"}) || tagged.Notes != "Money is tight" {
		t.Fatalf("response themes = %q", tagged.Themes)
	}
	if again, err := f.s.Syntheses.TagResponse(r.ID, []string{"ärger"}); err != nil || !reflect.DeepEqual(again.Themes, []string{"Ärger"}) {
		t.Fatalf("retag = %q, %v (the set is replaced)", again.Themes, err)
	}
	var noteThemes int
	if err := f.db.Get(&noteThemes, `SELECT count(*) FROM entry_themes et JOIN entries e ON e.id = et.entry_id
		WHERE e.kind = 'note'`); err != nil {
		t.Fatal(err)
	}
	if f.count("themes") != 3 || noteThemes != 1 {
		t.Fatalf("themes=%d note themes=%d, want 3 and 1", f.count("themes"), noteThemes)
	}
	if cleared, err := f.s.Syntheses.TagQuote(q.ID, nil); err != nil || len(cleared.Themes) != 0 || cleared.Themes == nil {
		t.Fatalf("clearing themes = %#v, %v", cleared.Themes, err)
	}
	if _, err := f.s.Syntheses.TagQuote(q.ID, []string{"pricing"}); err != nil {
		t.Fatal(err)
	}

	before := f.rowCounts()
	many := make([]string, 21)
	for i := range many {
		many[i] = fmt.Sprintf("theme %d", i)
	}
	_, err = f.s.Syntheses.TagQuote(q.ID, many)
	storetest.WantErr(t, err, store.ErrInvalid, "21 themes is more than 20")
	_, err = f.s.Syntheses.TagQuote(q.ID, []string{"ok", strings.Repeat("x", 81)})
	storetest.WantErr(t, err, store.ErrInvalid, "is longer than 80 characters")
	_, err = f.s.Syntheses.TagQuote(404, []string{"pricing"})
	storetest.WantErr(t, err, store.ErrNotFound, "quote 404 not found")
	_, err = f.s.Syntheses.TagResponse(404, []string{"pricing"})
	storetest.WantErr(t, err, store.ErrNotFound, "response 404 not found")
	if after := f.rowCounts(); after != before {
		t.Errorf("rows changed by refused tags: %s -> %s", before, after)
	}
}

func TestSynthesisClustersThemesBySegment(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	tagQ := func(member int64, text string, themes ...string) Quote {
		t.Helper()
		q, err := f.s.Syntheses.TagQuote(f.quote(sc.session, sc.a1, member, text).ID, themes)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	tagQ(sc.ada, "We plan budgets in March", "Budget cycle", "Pricing")
	tagQ(sc.bo, "Monthly is easier for us", "Pricing")
	tagQ(0, "Somebody: annual is a hard sell", "Pricing")
	untagged := f.quote(sc.session, 0, sc.cy, "Nice coffee")
	r := f.field(sc.session, sc.a2, sc.cy, "notes", "Asked twice about price")
	if _, err := f.s.Syntheses.TagResponse(r.ID, []string{"pricing"}); err != nil {
		t.Fatal(err)
	}
	f.field(sc.session, sc.a2, sc.bo, "notes", "untagged note")

	syn, err := f.s.Syntheses.Synthesis(sc.session)
	if err != nil {
		t.Fatal(err)
	}
	if len(syn.Themes) != 2 || syn.Themes[0].Name != "Pricing" || syn.Themes[1].Name != "Budget cycle" {
		t.Fatalf("themes = %+v, want Pricing (biggest) then Budget cycle", syn.Themes)
	}
	pricing := syn.Themes[0]
	if len(pricing.Quotes) != 3 || len(pricing.Notes) != 1 || pricing.Notes[0].Notes != "Asked twice about price" {
		t.Errorf("Pricing has %d quotes, notes %+v", len(pricing.Quotes), pricing.Notes)
	}
	wantSeg := map[string]int{"Enterprise": 1, "SMB": 1, noSegment: 2}
	if !reflect.DeepEqual(pricing.BySegment, wantSeg) {
		t.Errorf("Pricing by segment = %v, want %v", pricing.BySegment, wantSeg)
	}
	if !reflect.DeepEqual(syn.Themes[1].BySegment, map[string]int{"Enterprise": 1}) || syn.Themes[1].Notes == nil {
		t.Errorf("Budget cycle = %+v", syn.Themes[1])
	}
	if len(syn.Untagged) != 1 || syn.Untagged[0].ID != untagged.ID {
		t.Errorf("untagged = %+v", syn.Untagged)
	}
	if syn.Advice != "Pick 3–5 top opportunities (0 picked)." || syn.Opportunities == nil || syn.Actions == nil {
		t.Errorf("empty synthesis: advice %q, opportunities %#v, actions %#v", syn.Advice, syn.Opportunities, syn.Actions)
	}
	if _, err := f.s.Syntheses.Synthesis(404); err == nil || !strings.Contains(err.Error(), "session 404 not found") {
		t.Errorf("unknown session: %v", err)
	}
}

func TestOpportunitiesAndActions(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	opp := func(hmw string, effort, impact int, picked bool) Opportunity {
		t.Helper()
		o, err := f.s.Syntheses.SaveOpportunity(OpportunityInput{SessionID: sc.session, HMW: hmw, Effort: effort, Impact: impact, Picked: picked})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	low := opp("HMW offer a yearly plan", 2, 2, false)
	big := opp("How might we price per seat", 4, 5, false)
	easy := opp("How might we show savings", 1, 5, false)
	pick := opp("make invoices match budgets", 3, 1, true)
	if pick.HMW != "make invoices match budgets" || !pick.Picked || pick.ID == 0 {
		t.Fatalf("opportunity = %+v (kept as typed)", pick)
	}
	syn, _ := f.s.Syntheses.Synthesis(sc.session)
	var order []int64
	for _, o := range syn.Opportunities {
		order = append(order, o.ID)
	}
	if want := []int64{pick.ID, easy.ID, big.ID, low.ID}; !reflect.DeepEqual(order, want) {
		t.Errorf("opportunity order = %v, want picked, then impact desc, effort asc: %v", order, want)
	}
	if syn.Advice != "Pick 3–5 top opportunities (1 picked)." {
		t.Errorf("advice = %q", syn.Advice)
	}
	for _, o := range []Opportunity{big, easy} {
		if _, err := f.s.Syntheses.SaveOpportunity(OpportunityInput{ID: o.ID, HMW: o.HMW, Effort: o.Effort, Impact: o.Impact, Picked: true}); err != nil {
			t.Fatal(err)
		}
	}
	if syn, _ = f.s.Syntheses.Synthesis(sc.session); syn.Advice != "" {
		t.Errorf("advice with 3 picked = %q, want none", syn.Advice)
	}

	act := func(title, due string) Action {
		t.Helper()
		a, err := f.s.Syntheses.SaveAction(ActionInput{SessionID: sc.session, Title: title, Owner: " Kim ", DueOn: due})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	later := act("Draft yearly plan", "2025-07-01")
	undated := act("Tell the board", "")
	sooner := act(" Thank participants ", "2025-06-16")
	if sooner.Title != "Thank participants" || sooner.Owner != "Kim" || sooner.DoneOn != "" {
		t.Fatalf("action = %+v", sooner)
	}
	done, err := f.s.Syntheses.SaveAction(ActionInput{ID: sooner.ID, Title: sooner.Title, Owner: "Kim", DueOn: sooner.DueOn, Done: true})
	if err != nil || done.DoneOn != runToday {
		t.Fatalf("done = %+v, %v; want done today", done, err)
	}
	syn, _ = f.s.Syntheses.Synthesis(sc.session)
	order = nil
	for _, a := range syn.Actions {
		order = append(order, a.ID)
	}
	if want := []int64{later.ID, undated.ID, sooner.ID}; !reflect.DeepEqual(order, want) {
		t.Errorf("action order = %v, want open by due date (undated last), then done: %v", order, want)
	}
	reopened, err := f.s.Syntheses.SaveAction(ActionInput{ID: sooner.ID, Title: "Thank participants"})
	if err != nil || reopened.DoneOn != "" || reopened.DueOn != "" {
		t.Fatalf("reopened = %+v, %v", reopened, err)
	}

	other := f.session(sc.decision, "Other", "planned", "", nil, "invited")
	before := f.rowCounts()
	for _, tc := range []struct {
		name      string
		save      func() error
		kind      error
		fragments []string
	}{
		{"hmw blank", func() error {
			_, err := f.s.Syntheses.SaveOpportunity(OpportunityInput{SessionID: sc.session, HMW: " ", Effort: 1, Impact: 1})
			return err
		},
			store.ErrInvalid, []string{"hmw is required"}},
		{"hmw too long", func() error {
			_, err := f.s.Syntheses.SaveOpportunity(OpportunityInput{SessionID: sc.session, HMW: strings.Repeat("x", 501), Effort: 1, Impact: 1})
			return err
		}, store.ErrInvalid, []string{"hmw is longer than 500"}},
		{"effort and impact", func() error {
			_, err := f.s.Syntheses.SaveOpportunity(OpportunityInput{SessionID: sc.session, HMW: "x", Effort: 0, Impact: 6})
			return err
		},
			store.ErrInvalid, []string{"effort 0 is out of range (1 to 5)", "impact 6"}},
		{"opportunity of unknown session", func() error {
			_, err := f.s.Syntheses.SaveOpportunity(OpportunityInput{SessionID: 404, HMW: "x", Effort: 1, Impact: 1})
			return err
		},
			store.ErrNotFound, []string{"session 404 not found"}},
		{"unknown opportunity", func() error {
			_, err := f.s.Syntheses.SaveOpportunity(OpportunityInput{ID: 404, HMW: "x", Effort: 1, Impact: 1})
			return err
		},
			store.ErrNotFound, []string{"opportunity 404 not found"}},
		{"opportunity moved", func() error {
			_, err := f.s.Syntheses.SaveOpportunity(OpportunityInput{ID: low.ID, SessionID: other, HMW: "x", Effort: 1, Impact: 1})
			return err
		}, store.ErrInvalid, []string{"belongs to session"}},
		{"action title", func() error {
			_, err := f.s.Syntheses.SaveAction(ActionInput{SessionID: sc.session, Title: "  "})
			return err
		},
			store.ErrInvalid, []string{"title is required"}},
		{"action fields", func() error {
			_, err := f.s.Syntheses.SaveAction(ActionInput{SessionID: sc.session, Title: strings.Repeat("x", 301), Owner: strings.Repeat("x", 201), DueOn: "2025-02-30"})
			return err
		}, store.ErrInvalid, []string{"title is longer than 300", "owner is longer than 200", `dueOn "2025-02-30" is not a date`}},
		{"action of unknown session", func() error { _, err := f.s.Syntheses.SaveAction(ActionInput{SessionID: 404, Title: "x"}); return err },
			store.ErrNotFound, []string{"session 404 not found"}},
		{"unknown action", func() error { _, err := f.s.Syntheses.SaveAction(ActionInput{ID: 404, Title: "x"}); return err },
			store.ErrNotFound, []string{"action 404 not found"}},
		{"delete unknown opportunity", func() error { return f.s.Syntheses.DeleteOpportunity(404) }, store.ErrNotFound, []string{"opportunity 404 not found"}},
		{"delete unknown action", func() error { return f.s.Syntheses.DeleteAction(404) }, store.ErrNotFound, []string{"action 404 not found"}},
	} {
		t.Run(tc.name, func(t *testing.T) { storetest.WantErr(t, tc.save(), tc.kind, tc.fragments...) })
	}
	if after := f.rowCounts(); after != before {
		t.Errorf("rows changed by refused input: %s -> %s", before, after)
	}
	if err := f.s.Syntheses.DeleteOpportunity(low.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Syntheses.DeleteAction(later.ID); err != nil {
		t.Fatal(err)
	}
	if f.count("opportunities") != 3 || f.count("actions") != 2 {
		t.Errorf("after deletes: %s", f.rowCounts())
	}
}

// A response's themes live on its needs and note entries. Tagging a
// response that has neither (only a stance) keeps the themes on an empty
// note, so the synthesis shows it; a later note carries them on.
func TestTagResponseWithoutNotes(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	r := f.field(sc.session, sc.a2, sc.cy, "stance", "partly")
	tagged, err := f.s.Syntheses.TagResponse(r.ID, []string{"Onboarding"})
	if err != nil {
		t.Fatal(err)
	}
	if tagged.ID != r.ID || tagged.Stance != "partly" || !reflect.DeepEqual(tagged.Themes, []string{"Onboarding"}) {
		t.Fatalf("tagged = %+v", tagged)
	}
	var notes []string
	if err := f.db.Select(&notes, `SELECT e.kind || '=' || e.text FROM entries e JOIN entry_themes et ON et.entry_id = e.id`); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(notes, []string{"note="}) {
		t.Errorf("themed entries = %q, want one empty note", notes)
	}
	typed := f.field(sc.session, sc.a2, sc.cy, "notes", "Needs a guide")
	if typed.Notes != "Needs a guide" || !reflect.DeepEqual(typed.Themes, []string{"Onboarding"}) {
		t.Errorf("after typing the note = %+v", typed)
	}
	syn, err := f.s.Syntheses.Synthesis(sc.session)
	if err != nil {
		t.Fatal(err)
	}
	if len(syn.Themes) != 1 || len(syn.Themes[0].Notes) != 1 || syn.Themes[0].Notes[0].Notes != "Needs a guide" {
		t.Errorf("synthesis themes = %+v", syn.Themes)
	}
	// Tagging by the id of any of the response's entries works alike.
	var noteID int64
	if err := f.db.Get(&noteID, `SELECT id FROM entries WHERE kind = 'note'`); err != nil {
		t.Fatal(err)
	}
	if again, err := f.s.Syntheses.TagResponse(noteID, nil); err != nil || len(again.Themes) != 0 || again.ID != r.ID {
		t.Errorf("untagging by the note's id = %+v, %v", again, err)
	}
	// A quote's id is no response.
	q := f.quote(sc.session, sc.a2, sc.cy, "I need a guide")
	_, err = f.s.Syntheses.TagResponse(q.ID, []string{"x"})
	storetest.WantErr(t, err, store.ErrNotFound, fmt.Sprintf("response %d not found", q.ID))
}
