package loop

import (
	"context"
	"errors"
	"strings"
	"testing"

	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// What customers read is written for customers: drafts carry the lines
// the facilitator tells participants, never the team's rationale, the
// session's working title or an assumption about our own team.
func TestDraftsTellCustomersNotTheTeam(t *testing.T) {
	f := newSessionFx(t)
	decisions := session.NewDecisions(context.Background(), f.db)
	own := f.exec(`INSERT INTO assumptions (id, decision_id, customers, behavior, reason, category, importance, evidence,
		created_at, updated_at) VALUES (?, ?, 'our billing team', 'handle monthly invoicing without a new hire', 'it is small',
		'viability', 3, 2, ?, ?)`, storetest.NewID(f.t, f.db), f.decision, stamp, stamp)
	f.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, rationale, decided_at) VALUES
		(?, ?, 'invalidated', 'Two of six flat out said they reorder by phone', '2026-03-02T16:00:00Z'),
		(?, ?, 'validated', 'Finance says the volume is fine', '2026-03-02T16:01:00Z')`,
		f.session, f.assumption, f.session, own)
	f.quote(f.session, own, f.zoe, "Your invoices are always late.") // about our own team: not in a session's draft
	f.quote(f.session, f.assumption, f.zoe, "“I reorder by phone.”")
	f.quote(f.session, f.assumption, f.zoe, "Apps forget my pack sizes.")
	r := f.reminder(ReminderInput{Title: "Share back", Kind: "share_back", DueAt: "2026-03-20T09:00", MemberID: f.zoe, SessionID: f.session})

	// An old-style edited template (lower case after the greeting) still reads as a letter.
	ok(f.s.SaveTemplate("share_back", TemplateInput{Subject: "What changed after {{session}}",
		Body: "Hi {{first_name}},\n\nin {{session}} you told us {{you_said}}.\n\n{{what_changed}}\n\nBest,\n{{team}}"})).of(t)
	d := ok(f.s.Render("", r.ID)).of(t)
	wants := []string{
		"Hi Zoë,\n\nIn our session on 2 March 2026 you told us “I reorder by phone.” and “Apps forget my pack sizes.”\n\n",
		"We learned this doesn't hold: shop owners set up reorder reminders themselves.",
	}
	for _, want := range wants {
		if !strings.Contains(d.Body, want) {
			t.Errorf("draft lacks %q:\n%s", want, d.Body)
		}
	}
	for _, never := range []string{"Two of six", "Finance says", "billing team", "invoices are always late", "Assumption test", "““", "””", "\"“", "”\""} {
		if strings.Contains(d.Subject+"\n"+d.Body, never) {
			t.Errorf("draft carries %q:\n%s\n%s", never, d.Subject, d.Body)
		}
	}

	// The facilitator rewrites the line, tells about our own team too, then goes back to the suggestion.
	line := "We'll read your PDF price lists instead of asking for spreadsheets."
	tell := ok(decisions.SetTell(session.TellInput{Kind: "verdict", SessionID: f.session, AssumptionID: f.assumption, Line: line})).of(t)
	if tell.Line != line || !tell.Written || !strings.HasPrefix(tell.Suggested, "We learned this doesn't hold") {
		t.Errorf("tell %+v", tell)
	}
	ok(decisions.SetTell(session.TellInput{Kind: "verdict", SessionID: f.session, AssumptionID: own, Line: "Invoices stay monthly."})).of(t)
	d = ok(f.s.Render("", r.ID)).of(t)
	if !strings.Contains(d.Body, line+" Invoices stay monthly.") || strings.Contains(d.Body, "doesn't hold") {
		t.Errorf("draft does not use the lines written:\n%s", d.Body)
	}
	tell = ok(decisions.SetTell(session.TellInput{Kind: "verdict", SessionID: f.session, AssumptionID: f.assumption, Suggest: true})).of(t)
	if tell.Written || tell.Line != tell.Suggested {
		t.Errorf("back to the suggestion: %+v", tell)
	}
	// Cleared: participants hear nothing of it.
	ok(decisions.SetTell(session.TellInput{Kind: "verdict", SessionID: f.session, AssumptionID: own, Line: "  "})).of(t)
	if d = ok(f.s.Render("", r.ID)).of(t); strings.Contains(d.Body, "Invoices") {
		t.Errorf("a cleared line is still told:\n%s", d.Body)
	}

	// A decision: its line, not its rationale.
	f.exec(`INSERT INTO decision_log (id, decision_id, outcome, rationale, decided_on, created_at)
		VALUES (?, ?, 'pivot', 'Sales wants phone ordering first', '2026-03-03', ?)`, storetest.NewID(f.t, f.db), f.decision, stamp)
	d = ok(f.s.Render("", r.ID)).of(t)
	if !strings.Contains(d.Body, "On “Reorder reminders”, we're changing direction.") || strings.Contains(d.Body, "Sales wants") {
		t.Errorf("decision draft:\n%s", d.Body)
	}

	// Bad input names the field and writes nothing; a verdict that does not exist is not found.
	before := f.count(`SELECT count(*) FROM verdicts WHERE tell IS NOT NULL`)
	_, err := decisions.SetTell(session.TellInput{Kind: "verdict", SessionID: f.session, AssumptionID: f.assumption, Line: "a\x07b"})
	if !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), "line") {
		t.Errorf("control character: %v", err)
	}
	_, err = decisions.SetTell(session.TellInput{Kind: "verdict", SessionID: f.session, AssumptionID: f.assumption, Line: strings.Repeat("x", 1001)})
	if !errors.Is(err, store.ErrInvalid) {
		t.Errorf("too long: %v", err)
	}
	_, err = decisions.SetTell(session.TellInput{Kind: "rumour", Line: "x"})
	if !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), "kind") {
		t.Errorf("kind: %v", err)
	}
	_, err = decisions.SetTell(session.TellInput{Kind: "verdict", SessionID: f.session, AssumptionID: 999, Line: "x"})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("no such verdict: %v", err)
	}
	if n := f.count(`SELECT count(*) FROM verdicts WHERE tell IS NOT NULL`); n != before {
		t.Errorf("refused input wrote %d lines, had %d", n, before)
	}
}

// The share-back proposal carries the line to rewrite; an assumption about
// our own team proposes no line until the facilitator writes one.
func TestShareBackProposalCarriesTheTell(t *testing.T) {
	f := newSessionFx(t)
	own := f.exec(`INSERT INTO assumptions (id, decision_id, customers, behavior, reason, category, importance, evidence,
		created_at, updated_at) VALUES (?, ?, 'Our onboarding team', 'spend the time saved on larger accounts', 'x',
		'viability', 2, 3, ?, ?)`, storetest.NewID(f.t, f.db), f.decision, stamp, stamp)
	f.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, rationale, decided_at) VALUES (?, ?, 'needs_research', 'Ask Mara', ?)`,
		f.session, own, stamp)
	f.response(f.session, own, f.zoe, "unsure", "No idea how your team works")
	p := ok(f.s.ProposeShareBack("assumption", own)).of(t)
	if p.Tell.Kind != "verdict" || p.Tell.SessionID != f.session || p.Tell.AssumptionID != own || !p.Tell.OurOwn ||
		p.Tell.Line != "" || p.WhatChanged != "" || p.Tell.Suggested != "We're still finding out: Our onboarding team spend the time saved on larger accounts." {
		t.Errorf("proposal tell %+v, what changed %q", p.Tell, p.WhatChanged)
	}
	if len(p.Items) != 1 || strings.Contains(p.Items[0].Draft, "Ask Mara") || strings.Contains(p.Items[0].Draft, "onboarding team spend") {
		t.Errorf("draft of an assumption on our own team:\n%+v", p.Items)
	}
}

func TestGreetedStartsTheLetterWithACapital(t *testing.T) {
	for in, want := range map[string]string{
		"Hi Zoë,\n\nthank you.":        "Hi Zoë,\n\nThank you.",
		"Hi Ελένη,\n\nευχαριστώ.":      "Hi Ελένη,\n\nΕυχαριστώ.",
		"Hi Zoë,\n\n":                  "Hi Zoë,\n\n",
		"Thanks!\n\nsee you":           "Thanks!\n\nsee you", // no greeting: left alone
		"Hi Zoë,\nsecond\n\nthird":     "Hi Zoë,\nsecond\n\nthird",
		"no paragraphs at all, really": "no paragraphs at all, really",
	} {
		if got := greeted(in); got != want {
			t.Errorf("greeted(%q) = %q, want %q", in, got, want)
		}
	}
}

// Notes that end a sentence do not end the draft's sentence twice.
func TestSentenceOfNotesEndsOnce(t *testing.T) {
	for _, c := range []struct{ notes, want string }{
		{"Doesn't know how her suppliers keep their lists.", "about “lists”: Doesn't know how her suppliers keep their lists"},
		{"Not sure...", "about “lists”: Not sure..."},
		{"Why PDF?", "about “lists”: Why PDF?"},
		{"  ", ""},
	} {
		if got := sentenceOf([]said{{Notes: c.notes, About: "lists"}}); got != c.want {
			t.Errorf("sentenceOf(%q) = %q, want %q", c.notes, got, c.want)
		}
	}
}
