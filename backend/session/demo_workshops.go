package session

// The sample workshops: one finished session of each format other than
// assumption testing, each an agenda of activities with what the
// participants wrote, voted and said (see demo_data.go for the rest).

import (
	"fmt"

	"soundingboard/backend/activity"
	"soundingboard/backend/store"
)

// demoActivity is one activity of a sample workshop. Items are its
// stages, prompts or questions; a prototype test has variants and tasks.
type demoActivity struct {
	kind                          activity.Kind
	title, prompt                 string
	minutes, seconds, scale, dots int
	items, variants, tasks        []string
	notes                         []demoNote // journey notes or ideas
	results                       []demoResult
	prefers                       []demoPrefer
	answers                       []demoAnswer // open question answers or ratings
	reactions                     []demoReaction
	quotes                        []demoQuote
}

// demoNote is a pain point (with a severity) or an idea (with a pitch
// score), and who put a dot on it.
type demoNote struct {
	who      string
	item     int // index into items
	text     string
	severity int
	pitch    int
	dots     []string // voters, one dot each
}

// demoResult is how one participant did one task on one variant.
type demoResult struct {
	who           string
	variant, task int
	result        string
	seconds, ease int
	observation   string
}

type demoPrefer struct {
	who     string
	variant int
	why     string
}

// demoAnswer is an answer to an open question (text) or a rating (value).
type demoAnswer struct {
	who   string
	item  int
	text  string
	value int
}

type demoReaction struct{ who, reaction string }

// demoWorkshops are the finished sample workshops.
func demoWorkshops() []demoSession {
	return []demoSession{
		{title: "Supplier onboarding: where it hurts", customerTitle: "Mapping how you get suppliers on board", decision: "onboarding",
			format: "problem_mapping", ago: 60, start: "09:30", duration: 90, status: "finished",
			place: "Video call · https://meet.example/sb-journey",
			people: []demoPerson{{emailZoe, "attended"}, {emailLukasz, "attended"}, {emailEleni, "attended"},
				{emailPriya, "attended"}, {emailJoerg, "attended"}, {emailGrace, "attended"}},
			workshop: []demoActivity{
				{kind: activity.KindJourneyBoard, title: "Walk the journey", minutes: 45, seconds: 2880, dots: 3,
					prompt: "Stage by stage: where does it hurt? Write one pain point per note, then put your red dots on the worst.",
					items:  []string{"Find a supplier", "Agree terms", "Get the price list", "First order", "Keep prices current"},
					notes: []demoNote{
						{who: emailZoe, item: 2, text: "Price lists arrive as PDFs I retype by hand", severity: 3,
							dots: []string{emailZoe, emailEleni, emailPriya, emailJoerg}},
						{who: emailEleni, item: 2, text: "Every supplier uses different units (kg, crate, piece)", severity: 3,
							dots: []string{emailEleni, emailLukasz, emailGrace}},
						{who: emailLukasz, item: 0, text: "No way to see which local suppliers deliver to us", severity: 2,
							dots: []string{emailLukasz}},
						{who: emailPriya, item: 4, text: "Price changes come by email and nobody updates the catalogue", severity: 3,
							dots: []string{emailPriya, emailZoe, emailGrace, emailLukasz}},
						{who: emailJoerg, item: 1, text: "Minimum order values are buried in contracts", severity: 2,
							dots: []string{emailJoerg}},
						{who: emailGrace, item: 3, text: "The first order always goes wrong: wrong pack sizes", severity: 2,
							dots: []string{emailGrace, emailEleni}},
						{who: emailZoe, item: 3, text: "Cut-off times differ per supplier and I miss them", severity: 2,
							dots: []string{emailJoerg, emailPriya}},
						{who: emailLukasz, item: 4, text: "Seasonal items disappear without notice", severity: 1},
					},
					reactions: []demoReaction{{emailZoe, "frustration"}, {emailPriya, "frustration"}, {emailEleni, "frustration"},
						{emailGrace, "confusion"}, {emailLukasz, "excitement"}},
					quotes: []demoQuote{
						{who: emailZoe, text: "Sunday evenings are for retyping price lists. Every Sunday.", themes: []string{"Manual price lists"}},
						{who: emailPriya, text: "By the time the catalogue is right, the prices have changed again.", themes: []string{"Manual price lists"}},
					}},
				{kind: activity.KindRating, title: "How much it matters", minutes: 10, seconds: 540, scale: 5,
					items: []string{"How much time does keeping prices current cost you?", "How urgent is fixing it for your team?"},
					answers: []demoAnswer{{who: emailZoe, item: 0, value: 5}, {who: emailLukasz, item: 0, value: 3},
						{who: emailEleni, item: 0, value: 4}, {who: emailPriya, item: 0, value: 5}, {who: emailJoerg, item: 0, value: 2},
						{who: emailGrace, item: 0, value: 4}, {who: emailZoe, item: 1, value: 4}, {who: emailLukasz, item: 1, value: 3},
						{who: emailEleni, item: 1, value: 5}, {who: emailPriya, item: 1, value: 5}, {who: emailJoerg, item: 1, value: 3},
						{who: emailGrace, item: 1, value: 4}}},
				{kind: activity.KindOpenQuestion, title: "One thing to fix", minutes: 10, seconds: 660,
					items: []string{"If we could fix one thing by next month, what should it be?"},
					answers: []demoAnswer{{who: emailZoe, text: "Read my suppliers' PDFs for me."},
						{who: emailPriya, text: "Tell me when a supplier's price changed."},
						{who: emailJoerg, text: "Show minimum order values before I order."},
						{who: emailGrace, text: "Pack sizes that match what I actually get."}}},
			}},
		{title: "Analytics add-on: ideas for the reports", customerTitle: "Ideas for the reports you would use", decision: "pricing",
			format: "ideation_sprint", ago: 25, start: "14:00", duration: 90, status: "finished",
			place: "Meeting room 2, Hamburg office",
			people: []demoPerson{{emailPriya, "attended"}, {emailJoerg, "attended"}, {emailMo, "attended"},
				{emailKenji, "attended"}, {emailSofia, "attended"}, {emailTom, "attended"}, {emailLilei, "no_show"}},
			workshop: []demoActivity{
				{kind: activity.KindIdeaRound, title: "Ideas", minutes: 40, seconds: 2700, dots: 3,
					prompt: "Write one idea per note. Then walk the gallery, put your dots on the best, and pitch the winners in a minute.",
					items: []string{"How might we show what a report is worth before you pay for it?",
						"How might we warn you about waste before it happens?"},
					notes: []demoNote{
						{who: emailPriya, item: 0, text: "A free monthly summary with one locked chart", pitch: 4,
							dots: []string{emailPriya, emailJoerg, emailSofia, emailTom}},
						{who: emailMo, item: 0, text: "Show the money a report saved last month", pitch: 5,
							dots: []string{emailMo, emailKenji, emailPriya, emailSofia, emailJoerg}},
						{who: emailKenji, item: 1, text: "A morning message: these items expire this week", pitch: 4,
							dots: []string{emailKenji, emailTom, emailMo}},
						{who: emailTom, item: 1, text: "Suggest smaller orders when stock sits too long", pitch: 3,
							dots: []string{emailTom}},
						{who: emailSofia, item: 0, text: "Let me share one report with my accountant for free",
							dots: []string{emailSofia, emailKenji}},
						{who: emailJoerg, item: 1, text: "Compare my waste with similar shops, anonymously",
							dots: []string{emailJoerg, emailMo}},
					},
					reactions: []demoReaction{{emailMo, "excitement"}, {emailKenji, "excitement"}, {emailPriya, "excitement"},
						{emailJoerg, "confusion"}},
					quotes: []demoQuote{
						{who: emailMo, text: "If the report paid for itself last month, I don't need convincing.", themes: []string{"Proof of value"}},
						{who: emailKenji, text: "I throw away more milk than I would like to admit.", themes: []string{"Waste"}},
					}},
				{kind: activity.KindOpenQuestion, title: "First to use", minutes: 10, seconds: 600,
					items: []string{"Which idea would you use first, and why?"},
					answers: []demoAnswer{{who: emailMo, text: "The savings report: it is the argument I need for my partner."},
						{who: emailKenji, text: "The expiry message, every morning before opening."},
						{who: emailSofia, text: "Sharing with my accountant, it saves me a meeting."}}},
			}},
		{title: "Supplier onboarding: import prototype", customerTitle: "Try our new price-list import", decision: "onboarding",
			format: "prototype_testing", ago: 20, start: "11:00", duration: 75, status: "finished",
			place:  "Video call · https://meet.example/sb-prototype",
			people: []demoPerson{{emailZoe, "attended"}, {emailEleni, "attended"}, {emailGrace, "attended"}, {emailLukasz, "attended"}},
			workshop: []demoActivity{
				{kind: activity.KindPrototypeTest, title: "Try the prototypes", minutes: 45, seconds: 2760,
					prompt:   "Think aloud as you go. There are no wrong answers: we are testing the prototype, not you.",
					variants: []string{"Upload a file", "Photo of a paper list"},
					tasks:    []string{"Add your first price list", "Fix a wrong price", "Invite a colleague"},
					results: []demoResult{
						{emailZoe, 0, 0, "success", 95, 6, "Dragged the PDF straight in; liked the preview."},
						{emailZoe, 1, 0, "partial", 210, 4, "The photo of a creased page lost two rows."},
						{emailZoe, 0, 1, "success", 40, 6, ""},
						{emailEleni, 0, 0, "success", 120, 5, "Looked for a template first."},
						{emailEleni, 1, 0, "success", 80, 7, "Said this is how her suppliers really send prices."},
						{emailEleni, 1, 1, "partial", 150, 4, "Could not find the edit button on the photo view."},
						{emailGrace, 0, 0, "fail", 300, 2, "Her file was an Excel with merged cells; the import stopped."},
						{emailGrace, 1, 0, "success", 70, 6, ""},
						{emailGrace, 0, 2, "success", 60, 5, ""},
						{emailLukasz, 0, 0, "success", 100, 5, ""},
						{emailLukasz, 1, 0, "partial", 180, 3, "Polish diacritics came out wrong in two product names."},
						{emailLukasz, 0, 2, "partial", 140, 4, "Expected to invite by phone number."},
					},
					prefers: []demoPrefer{{emailZoe, 0, "Her suppliers send PDFs by email."},
						{emailEleni, 1, "Most of hers are on paper."}, {emailGrace, 1, "No fiddling with files."},
						{emailLukasz, 0, "The photo got the names wrong."}},
					reactions: []demoReaction{{emailEleni, "excitement"}, {emailGrace, "frustration"}, {emailLukasz, "confusion"}},
					quotes: []demoQuote{
						{who: emailEleni, text: "This is exactly how my suppliers send prices: on paper, by hand.", themes: []string{"Manual price lists"}},
						{who: emailGrace, text: "If it cannot read my Excel, I will not use it twice."},
					}},
				{kind: activity.KindRating, title: "Would you use it", minutes: 5, seconds: 300, scale: 7,
					items: []string{"How likely would you be to use this every week?"},
					answers: []demoAnswer{{who: emailZoe, value: 6}, {who: emailEleni, value: 7}, {who: emailGrace, value: 4},
						{who: emailLukasz, value: 5}}},
			}},
	}
}

// workshop writes the agenda of a sample workshop and everything said in
// it; minute counts the minutes into the session.
func (l *demoLoader) workshop(sessionID int64, ds demoSession) error {
	minute := 10 // minutes into the session; the opener comes first
	for pos, a := range ds.workshop {
		at := l.stampAt(ds.ago, clockPlus(ds.start, minute))
		aid, err := store.NewID(l.ctx, l.tx)
		if err != nil {
			return err
		}
		if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO activities (id, session_id, position, kind, title, prompt,
			minutes, seconds_spent, scale, dots, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			aid, sessionID, pos, a.kind, a.title, a.prompt, a.minutes, a.seconds, a.scale, a.dots, at, at); err != nil {
			return fmt.Errorf("activity %q: %w", a.title, err)
		}
		w := demoWriter{l: l, sessionID: sessionID, activityID: aid, at: at}
		if err := w.write(a); err != nil {
			return fmt.Errorf("activity %q: %w", a.title, err)
		}
		minute += a.seconds / 60
	}
	if len(ds.workshop) > 0 && ds.status == "finished" {
		_, err := l.tx.ExecContext(l.ctx, `UPDATE sessions SET current_activity = ? WHERE id = ?`, len(ds.workshop)-1, sessionID)
		return err
	}
	return nil
}

// demoWriter writes the items and entries of one sample activity.
type demoWriter struct {
	l                     *demoLoader
	sessionID, activityID int64
	at                    string
}

func (w demoWriter) item(role activity.Role, pos int, text string) (int64, error) {
	id, err := store.NewID(w.l.ctx, w.l.tx)
	if err != nil {
		return 0, err
	}
	_, err = w.l.tx.ExecContext(w.l.ctx, `INSERT INTO activity_items (id, activity_id, role, position, text)
		VALUES (?, ?, ?, ?, ?)`, id, w.activityID, role, pos, text)
	return id, err
}

func (w demoWriter) items(role activity.Role, texts []string) ([]int64, error) {
	ids := make([]int64, len(texts))
	for i, t := range texts {
		id, err := w.item(role, i, t)
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", role, t, err)
		}
		ids[i] = id
	}
	return ids, nil
}

// entry writes one entry; 0 ids and values are stored as NULL.
func (w demoWriter) entry(kind activity.EntryKind, who string, item, variant, target int64, text string, value int) (int64, error) {
	var member any
	if who != "" {
		member = w.l.members[who]
	}
	var v any
	if value != 0 {
		v = value
	}
	id, err := store.NewID(w.l.ctx, w.l.tx)
	if err != nil {
		return 0, err
	}
	_, err = w.l.tx.ExecContext(w.l.ctx, `INSERT INTO entries (id, session_id, activity_id, item_id, variant_id, target_id,
		member_id, kind, text, value, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, w.sessionID, w.activityID, store.NullZero(item), store.NullZero(variant), store.NullZero(target), member, kind, text, v, w.at, w.at)
	if err != nil {
		return 0, fmt.Errorf("%s of %s: %w", kind, who, err)
	}
	return id, nil
}

func (w demoWriter) write(a demoActivity) error {
	role := map[activity.Kind]activity.Role{activity.KindJourneyBoard: activity.RoleStage, activity.KindIdeaRound: activity.RolePrompt,
		activity.KindOpenQuestion: activity.RoleQuestion, activity.KindRating: activity.RoleQuestion}[a.kind]
	items, err := w.items(role, a.items)
	if err != nil {
		return err
	}
	variants, err := w.items(activity.RoleVariant, a.variants)
	if err != nil {
		return err
	}
	tasks, err := w.items(activity.RoleTask, a.tasks)
	if err != nil {
		return err
	}
	noteKind := activity.EntryNote
	if a.kind == activity.KindIdeaRound {
		noteKind = activity.EntryIdea
	}
	for _, n := range a.notes {
		id, err := w.entry(noteKind, n.who, items[n.item], 0, 0, n.text, n.severity)
		if err != nil {
			return err
		}
		for _, voter := range n.dots {
			if _, err := w.entry(activity.EntryVote, voter, 0, 0, id, "", 1); err != nil {
				return err
			}
		}
		if n.pitch > 0 {
			if _, err := w.entry(activity.EntryPitch, "", 0, 0, id, "", n.pitch); err != nil {
				return err
			}
		}
	}
	for _, r := range a.results {
		v, t := variants[r.variant], tasks[r.task]
		for _, e := range []struct {
			kind  activity.EntryKind
			text  string
			value int
		}{{activity.EntryResult, r.result, 0}, {activity.EntrySeconds, "", r.seconds}, {activity.EntryEase, "", r.ease},
			{activity.EntryObservation, r.observation, 0}} {
			if e.text == "" && e.value == 0 {
				continue
			}
			if _, err := w.entry(e.kind, r.who, t, v, 0, e.text, e.value); err != nil {
				return err
			}
		}
	}
	for _, p := range a.prefers {
		if _, err := w.entry(activity.EntryPreference, p.who, 0, variants[p.variant], 0, p.why, 0); err != nil {
			return err
		}
	}
	for _, an := range a.answers {
		kind := activity.EntryAnswer
		if a.kind == activity.KindRating {
			kind = activity.EntryRating
		}
		if _, err := w.entry(kind, an.who, items[an.item], 0, 0, an.text, an.value); err != nil {
			return err
		}
	}
	for _, r := range a.reactions {
		if _, err := w.entry(activity.EntryReaction, r.who, 0, 0, 0, r.reaction, 0); err != nil {
			return err
		}
	}
	for _, q := range a.quotes {
		id, err := w.entry(activity.EntryQuote, q.who, 0, 0, 0, q.text, 0)
		if err != nil {
			return err
		}
		for _, name := range q.themes {
			tid, err := w.l.theme(name)
			if err != nil {
				return err
			}
			if _, err := w.l.tx.ExecContext(w.l.ctx, `INSERT INTO entry_themes (entry_id, theme_id) VALUES (?, ?)`, id, tid); err != nil {
				return fmt.Errorf("theme %q: %w", name, err)
			}
		}
	}
	return nil
}
