package loop

import (
	"net/url"
	"strings"
	"testing"

	"soundingboard/backend/storetest"
)

// sessionFx is a finished session (ended Monday 2 March 2026, 16:00 Berlin)
// with Zoë and Łukasz attending (consent), Pedro attending (consent
// revoked), Tom a no-show and Priya only invited.
type sessionFx struct {
	*fx
	session, decision, assumption  int64
	zoe, lukasz, pedro, tom, priya int64
}

func newSessionFx(t *testing.T) *sessionFx {
	f := &sessionFx{fx: newFx(t, "Europe/Berlin", "2026-03-02 17:00")}
	f.decision = f.decision_("Reorder reminders")
	f.assumption = f.fx.assumption(f.decision, "set up reorder reminders themselves")
	f.session = f.fx.session(f.decision, "Assumption test: reorder reminders", "2026-03-02T15:00:00Z")
	f.zoe = f.member("Zoë Durand", "ok", 0)
	f.lukasz = f.member("Łukasz Nowak", "ok", 0)
	f.pedro = f.member("Pedro Alves", "revoked", 0)
	f.tom = f.member("Tom Baker", "ok", 0)
	f.priya = f.member("Priya Raman", "ok", 0)
	for m, st := range map[int64]string{f.zoe: "attended", f.lukasz: "attended", f.pedro: "attended", f.tom: "no_show", f.priya: "invited"} {
		f.participant(f.session, m, st)
	}
	return f
}

func (f *sessionFx) decision_(title string) int64 { return f.fx.decision(title) }

func TestChainFollowsSettingsAndConsent(t *testing.T) {
	f := newSessionFx(t)
	st := ok(f.s.GetSettings()).of(t)
	if st != DefaultSettings() {
		t.Fatalf("defaults %+v", st)
	}
	st.ThankYouHours, st.AfterthoughtsDays, st.SynthesisDays, st.ShareBackDays, st.DueHour = 20, 4, 5, 21, 10
	ok(f.s.SaveSettings(st)).of(t)

	p := ok(f.s.ProposeChain(f.session)).of(t)
	if len(p.Items) != 9 || p.Existing != 0 || p.EndedAt != "2026-03-02T16:00:00+01:00" {
		t.Fatalf("proposal: %d items, existing %d, ended %s", len(p.Items), p.Existing, p.EndedAt)
	}
	var skipped []string
	for _, s := range p.Skipped {
		skipped = append(skipped, s.Member+": "+s.Reason)
	}
	if got := strings.Join(skipped, "; "); got != "Pedro Alves: no valid contact consent; Priya Raman: not marked attended; Tom Baker: no-show" {
		t.Errorf("skipped %s", got)
	}
	due := map[string]string{}
	for _, it := range p.Items {
		if it.Reminder.MemberID == f.pedro || it.Reminder.MemberID == f.tom || it.Reminder.MemberID == f.priya {
			t.Errorf("proposed for a non-attendee or no-consent member: %+v", it)
		}
		key := it.Reminder.Kind
		if it.Member != "" {
			key += "/" + it.Member
		}
		due[key] = it.Reminder.DueAt
		if it.Reminder.SessionID != f.session || it.Reminder.TimeZone != "Europe/Berlin" || it.Step == "" {
			t.Errorf("item %+v", it)
		}
	}
	want := map[string]string{
		"thank_you/Zoë Durand":        "2026-03-03T12:00:00+01:00", // 20 hours after 16:00
		"session_feedback/Zoë Durand": "2026-03-04T10:00:00+01:00", // 2 days, at 10:00
		"afterthoughts/Łukasz Nowak":  "2026-03-06T10:00:00+01:00",
		"synthesis":                   "2026-03-07T10:00:00+01:00",
		"share_back/Łukasz Nowak":     "2026-03-23T10:00:00+01:00",
	}
	for k, w := range want {
		if due[k] != w {
			t.Errorf("%s due %q, want %s", k, due[k], w)
		}
	}

	// Accept an edited chain: drop one item, retitle another.
	items := make([]ReminderInput, 0, len(p.Items))
	for _, it := range p.Items[1:] {
		items = append(items, it.Reminder)
	}
	items[0].Title = "Edited title"
	res := ok(f.s.AcceptChain(f.session, items)).of(t)
	if len(res.Created) != 8 || res.Duplicates != 0 || res.Created[0].Title != "Edited title" {
		t.Fatalf("accept: %d created, %d duplicates", len(res.Created), res.Duplicates)
	}
	// Accepting again adds nothing; proposing again offers only the dropped step.
	all := make([]ReminderInput, len(p.Items))
	for i, it := range p.Items {
		all[i] = it.Reminder
	}
	res = ok(f.s.AcceptChain(f.session, all)).of(t)
	if len(res.Created) != 1 || res.Duplicates != 8 {
		t.Fatalf("accept twice: %d created, %d duplicates", len(res.Created), res.Duplicates)
	}
	again := ok(f.s.ProposeChain(f.session)).of(t)
	if len(again.Items) != 0 || again.Existing != 9 {
		t.Errorf("propose after accepting: %d items, %d existing", len(again.Items), again.Existing)
	}
	if n := f.count(`SELECT count(*) FROM reminders WHERE session_id = ?`, f.session); n != 9 {
		t.Errorf("%d reminders", n)
	}
}

func TestChainRefusals(t *testing.T) {
	f := newSessionFx(t)
	planned := f.fx.session(f.decision, "Next one", "")
	_, err := f.s.ProposeChain(planned)
	mustInvalid(t, err, "not finished")
	p := ok(f.s.ProposeChain(f.session)).of(t)
	items := []ReminderInput{p.Items[0].Reminder,
		{Title: "Thank Pedro", Kind: "thank_you", DueAt: "2026-03-03T09:00", MemberID: f.pedro}}
	_, err = f.s.AcceptChain(f.session, items)
	mustInvalid(t, err, "Pedro Alves has no valid contact consent")
	bad := []ReminderInput{p.Items[0].Reminder, {Title: "", DueAt: "soon"}}
	_, err = f.s.AcceptChain(f.session, bad)
	mustInvalid(t, err, "item 2: ")
	other := p.Items[0].Reminder
	other.SessionID = planned
	_, err = f.s.AcceptChain(f.session, []ReminderInput{other})
	mustInvalid(t, err, "belongs to session")
	if n := f.count(`SELECT count(*) FROM reminders`); n != 0 {
		t.Errorf("%d reminders written by refused accepts", n)
	}
}

func TestShareBackNamesExactlyWhoSpoke(t *testing.T) {
	f := newSessionFx(t)
	other := f.fx.assumption(f.decision, "pay for it monthly")
	f.response(f.session, f.assumption, f.zoe, "does_not_match", "I reorder by phone")
	f.quote(f.session, f.assumption, f.lukasz, "I would never trust an app to reorder for me")
	f.response(f.session, f.assumption, f.tom, "", "   ")                  // said nothing
	f.response(f.session, f.assumption, f.pedro, "matches", "")            // no consent
	f.response(f.session, other, f.priya, "partly", "only if it is cheap") // another assumption
	_, err := f.s.ProposeShareBack("assumption", f.assumption)
	mustInvalid(t, err, "no verdict")

	f.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, rationale, decided_at) VALUES (?, ?, 'invalidated', 'Most reorder by phone', '2026-03-02T16:00:00Z')`,
		f.session, f.assumption)
	p := ok(f.s.ProposeShareBack("assumption", f.assumption)).of(t)
	var who []string
	for _, it := range p.Items {
		who = append(who, it.Member)
		r := it.Reminder
		if r.Kind != "share_back" || r.AssumptionID != f.assumption || r.SessionID != f.session || r.DueAt != "2026-03-03T09:00:00+01:00" {
			t.Errorf("item %+v", r)
		}
	}
	if strings.Join(who, ",") != "Zoë Durand,Łukasz Nowak" {
		t.Fatalf("proposed for %v", who)
	}
	if len(p.Skipped) != 1 || p.Skipped[0].Member != "Pedro Alves" {
		t.Errorf("skipped %+v", p.Skipped)
	}
	for _, want := range []string{"Hi Zoë", "it did not match your reality", "I reorder by phone", "We learned this doesn't hold: shop owners"} {
		if !strings.Contains(p.Items[0].Draft, want) {
			t.Errorf("Zoë's draft lacks %q:\n%s", want, p.Items[0].Draft)
		}
	}
	if strings.Contains(p.Items[0].Draft, "Most reorder by phone") { // the team's rationale stays in the team
		t.Errorf("Zoë's draft carries the rationale:\n%s", p.Items[0].Draft)
	}
	if !strings.Contains(p.Items[1].Draft, "“I would never trust an app to reorder for me”") {
		t.Errorf("Łukasz's draft lacks his quote:\n%s", p.Items[1].Draft)
	}

	items := []ReminderInput{p.Items[0].Reminder, p.Items[1].Reminder}
	res := ok(f.s.AcceptShareBack(items)).of(t)
	if len(res.Created) != 2 {
		t.Fatalf("accepted %d", len(res.Created))
	}
	if res = ok(f.s.AcceptShareBack(items)).of(t); len(res.Created) != 0 || res.Duplicates != 2 {
		t.Errorf("accept twice: %+v", res)
	}
	// The rendered draft reads what changed now.
	rs := ok(f.s.ListReminders(ReminderFilter{AssumptionID: f.assumption})).of(t)
	d := ok(f.s.Render("", rs[0].ID)).of(t)
	if !strings.Contains(d.Body, "We learned this doesn't hold") || d.To != "zoë@example.com" {
		t.Errorf("draft %+v", d)
	}

	// A decision: everyone who spoke on any of its assumptions.
	_, err = f.s.ProposeShareBack("decision", f.decision)
	mustInvalid(t, err, "decision log")
	f.exec(`INSERT INTO decision_log (id, decision_id, outcome, rationale, decided_on, created_at)
		VALUES (?, ?, 'pivot', 'Phone ordering first', '2026-03-03', ?)`, storetest.NewID(f.t, f.db), f.decision, stamp)
	p = ok(f.s.ProposeShareBack("decision", f.decision)).of(t)
	who = nil
	for _, it := range p.Items {
		who = append(who, it.Member)
	}
	if strings.Join(who, ",") != "Priya Raman,Zoë Durand,Łukasz Nowak" || !strings.Contains(p.WhatChanged, "we're changing direction") ||
		strings.Contains(p.WhatChanged, "Phone ordering first") {
		t.Errorf("decision share-back for %v: %s", who, p.WhatChanged)
	}
	_, err = f.s.ProposeShareBack("meeting", 1)
	mustInvalid(t, err, "kind")
}

func TestRenderTemplatesAndMailto(t *testing.T) {
	f := newSessionFx(t)
	st := ok(f.s.GetSettings()).of(t)
	st.TeamName = "Team Reorder & Co"
	ok(f.s.SaveSettings(st)).of(t)
	r := f.reminder(ReminderInput{Title: "Thank", Kind: "thank_you", DueAt: "2026-03-03T09:00", MemberID: f.zoe, SessionID: f.session})
	d := ok(f.s.Render("", r.ID)).of(t)
	if d.Subject != "Thank you for joining our session on 2 March 2026" || !strings.HasPrefix(d.Body, "Hi Zoë,") ||
		!strings.HasSuffix(d.Body, "Team Reorder & Co") {
		t.Errorf("draft %+v", d)
	}
	u, err := url.Parse(d.Mailto)
	if err != nil || u.Scheme != "mailto" || u.Opaque != "zoë@example.com" && u.Opaque != url.PathEscape("zoë@example.com") {
		t.Fatalf("mailto %q: %v %+v", d.Mailto, err, u)
	}
	if strings.Contains(d.Mailto, "+") || !strings.Contains(d.Mailto, "%20") || !strings.Contains(d.Mailto, "%0D%0A") ||
		!strings.Contains(d.Mailto, "%26") {
		t.Errorf("mailto not RFC 6068 encoded: %s", d.Mailto)
	}
	q := u.Query() // reads back exactly (after CRLF)
	if q.Get("subject") != d.Subject || strings.ReplaceAll(q.Get("body"), "\r\n", "\n") != d.Body {
		t.Errorf("mailto does not round-trip: %q", q)
	}

	// Edit, render with the edit, reset.
	tp := ok(f.s.SaveTemplate("thank_you", TemplateInput{Subject: "Danke, {{first_name}}!", Body: "{{member}} / {{session_title}} / {{what_changed}}"})).of(t)
	if !tp.Edited {
		t.Error("not marked edited")
	}
	d = ok(f.s.Render("", r.ID)).of(t)
	if d.Subject != "Danke, Zoë!" || !strings.HasPrefix(d.Body, "Zoë Durand / Assumption test: reorder reminders / ") {
		t.Errorf("edited draft %+v", d)
	}
	if tp = ok(f.s.ResetTemplate("thank_you")).of(t); tp.Edited || tp.Subject != builtinTemplates[0].Subject {
		t.Errorf("reset %+v", tp)
	}
	custom := f.reminder(ReminderInput{Title: "Custom", DueAt: "2026-03-03T09:00", MemberID: f.zoe})
	_, err = f.s.Render("", custom.ID)
	mustInvalid(t, err, "choose one")
	if d = ok(f.s.Render("afterthoughts", custom.ID)).of(t); !strings.Contains(d.Subject, "our recent session") {
		t.Errorf("fallback: %+v", d)
	}
	if d = ok(f.s.DraftForMember("", f.lukasz)).of(t); !strings.HasPrefix(d.Body, "Hi Łukasz,") || d.Subject != "Checking in from Team Reorder & Co" {
		t.Errorf("stay in touch draft %+v", d)
	}
	ts := ok(f.s.Templates()).of(t)
	if len(ts) != 5 {
		t.Errorf("%d templates", len(ts))
	}
}

func TestLoopClosure(t *testing.T) {
	f := newSessionFx(t)
	c := ok(f.s.SessionClosure(f.session)).of(t)
	if c.Attended != 3 || c.HeardBack != 0 || c.Eligible != 2 || c.Rate != 0 || len(c.NotYet) != 3 {
		t.Fatalf("before: %+v", c)
	}
	p := ok(f.s.ProposeChain(f.session)).of(t)
	items := make([]ReminderInput, len(p.Items))
	for i, it := range p.Items {
		items[i] = it.Reminder
	}
	res := ok(f.s.AcceptChain(f.session, items)).of(t)
	for _, r := range res.Created {
		switch {
		case r.Kind == "thank_you" && r.MemberID == f.zoe:
			ok(f.s.Complete(r.ID, CompleteInput{Outcome: "sent"})).of(t)
		case r.Kind == "afterthoughts" && r.MemberID == f.lukasz: // not a heard-back step
			ok(f.s.Complete(r.ID, CompleteInput{})).of(t)
		}
	}
	c = ok(f.s.SessionClosure(f.session)).of(t)
	if c.HeardBack != 1 || c.Eligible != 2 || c.Rate != 0.5 || len(c.NotYet) != 2 {
		t.Fatalf("after one thank-you: %+v", c)
	}
	for _, n := range c.NotYet {
		switch n.MemberID {
		case f.lukasz:
			if !n.CanContact || !n.Planned {
				t.Errorf("Łukasz %+v", n)
			}
		case f.pedro:
			if n.CanContact || n.Planned {
				t.Errorf("Pedro %+v", n)
			}
		default:
			t.Errorf("unexpected %+v", n)
		}
	}
	// A second finished session, where Zoë heard back by a share-back.
	s2 := f.fx.session(f.decision, "Prototype test", "2026-03-03T15:00:00Z")
	f.participant(s2, f.zoe, "attended")
	r := f.reminder(ReminderInput{Title: "Share back", Kind: "share_back", DueAt: "2026-03-03T09:00", MemberID: f.zoe, SessionID: s2})
	ok(f.s.Complete(r.ID, CompleteInput{})).of(t)
	b := ok(f.s.BoardClosure()).of(t)
	if b.Attended != 4 || b.HeardBack != 2 || b.Eligible != 3 || len(b.BySession) != 2 || b.BySession[0].SessionID != s2 ||
		b.BySession[0].Rate != 1 || b.BySession[1].Rate != 0.5 || b.Definition == "" {
		t.Errorf("board %+v", b)
	}
	// Reopening the thank-you takes it back.
	for _, x := range res.Created {
		if x.Kind == "thank_you" && x.MemberID == f.zoe {
			ok(f.s.Reopen(x.ID)).of(t)
		}
	}
	if c = ok(f.s.SessionClosure(f.session)).of(t); c.HeardBack != 0 {
		t.Errorf("after reopen: %+v", c)
	}
}

// The chain goes to attendees only, and a share-back never falls before
// the thank-you or the synthesis, even when the offsets say so.
func TestChainSharesBackAfterThanksAndSynthesis(t *testing.T) {
	f := newSessionFx(t)
	st := ok(f.s.GetSettings()).of(t)
	st.ThankYouHours, st.SynthesisDays, st.ShareBackDays = 72, 7, 1
	ok(f.s.SaveSettings(st)).of(t)
	p := ok(f.s.ProposeChain(f.session)).of(t)
	due := map[string]string{}
	var shareBacks []string
	for i, it := range p.Items {
		if it.Reminder.MemberID == f.tom || it.Reminder.MemberID == f.priya {
			t.Errorf("proposed for someone who did not attend: %+v", it)
		}
		due[it.Reminder.Kind+"/"+it.Member] = it.Reminder.DueAt
		if it.Reminder.Kind == "share_back" {
			shareBacks = append(shareBacks, it.Member)
			if it.Step != "Share back what changed within 8 days" {
				t.Errorf("share-back step %q", it.Step)
			}
			for _, before := range p.Items[:i] {
				if before.Reminder.DueAt > it.Reminder.DueAt {
					t.Errorf("items out of order: %s after %s", before.Reminder.DueAt, it.Reminder.DueAt)
				}
			}
		}
	}
	if strings.Join(shareBacks, ",") != "Zoë Durand,Łukasz Nowak" {
		t.Errorf("share-backs for %v, want the attendees who may be contacted", shareBacks)
	}
	// Ended 16:00 on 2 March: thanks 72 h later, synthesis on the 9th, share-back the morning after.
	if due["thank_you/Zoë Durand"] != "2026-03-05T16:00:00+01:00" || due["synthesis/"] != "2026-03-09T09:00:00+01:00" ||
		due["share_back/Zoë Durand"] != "2026-03-10T09:00:00+01:00" {
		t.Errorf("due %v", due)
	}

	// With a long thank-you offset the share-back waits for it too.
	st.ThankYouHours, st.SynthesisDays = 24*10, 2
	ok(f.s.SaveSettings(st)).of(t)
	p = ok(f.s.ProposeChain(f.session)).of(t)
	for _, it := range p.Items {
		if it.Reminder.Kind == "share_back" && it.Reminder.DueAt != "2026-03-13T09:00:00+01:00" {
			t.Errorf("share-back due %s, want the morning after the thank-you of 12 March", it.Reminder.DueAt)
		}
	}
}

// A "you said, we did" share-back skips what was typed for a no-show, and
// waits for the session's open thank-you and synthesis.
func TestShareBackSkipsNoShowsAndWaitsForTheChain(t *testing.T) {
	f := newSessionFx(t)
	f.response(f.session, f.assumption, f.zoe, "does_not_match", "I reorder by phone")
	f.response(f.session, f.assumption, f.tom, "matches", "typed for the wrong person")
	f.quote(f.session, f.assumption, f.tom, "A quote that was not his")
	f.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, rationale, decided_at) VALUES (?, ?, 'invalidated', 'Phone', '2026-03-02T16:00:00Z')`,
		f.session, f.assumption)
	p := ok(f.s.ProposeShareBack("assumption", f.assumption)).of(t)
	if len(p.Items) != 1 || p.Items[0].Member != "Zoë Durand" || p.Items[0].Reminder.DueAt != "2026-03-03T09:00:00+01:00" {
		t.Fatalf("proposed %+v", p.Items)
	}

	chain := ok(f.s.ProposeChain(f.session)).of(t)
	var steps []ReminderInput
	for _, it := range chain.Items {
		if it.Reminder.Kind == "thank_you" || it.Reminder.Kind == "synthesis" {
			steps = append(steps, it.Reminder)
		}
	}
	ok(f.s.AcceptChain(f.session, steps)).of(t)
	p = ok(f.s.ProposeShareBack("assumption", f.assumption)).of(t)
	if got := p.Items[0].Reminder.DueAt; got != "2026-03-10T09:00:00+01:00" {
		t.Errorf("share-back due %s, want the morning after the synthesis of 9 March", got)
	}
}
