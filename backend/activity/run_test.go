package activity

import (
	"fmt"
	"slices"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// Run reads the whole agenda at once: runs parallel to the agenda's
// activities (removed ones left out), entries with their themes, and the
// quotes about the session as a whole.
func TestRun(t *testing.T) {
	w := newWorkshop(t)
	note := w.entry(EntryInput{ActivityID: w.journey.ID, ItemID: w.journey.Items[1].ID, MemberID: w.bob, Kind: EntryNote,
		Text: "Checkout is slow", Value: 3})
	w.entry(EntryInput{ActivityID: w.journey.ID, TargetID: note.ID, MemberID: w.cat, Kind: EntryVote, Value: 2})
	w.entry(EntryInput{ActivityID: w.rating.ID, ItemID: w.rating.Items[0].ID, MemberID: w.ann, Kind: EntryRating, Value: 4})
	w.entry(EntryInput{ActivityID: w.ideas.ID, ItemID: w.ideas.Items[0].ID, MemberID: w.ann, Kind: EntryIdea, Text: "Gone with its round"})
	sq := w.entry(EntryInput{SessionID: w.session, Kind: EntryQuote, Text: "Best hour this month"})
	theme := w.exec(`INSERT INTO themes (id, name) VALUES (?, 'speed')`, storetest.NewID(t, w.db))
	w.exec(`INSERT INTO themes (id, name) VALUES (?, 'Checkout')`, storetest.NewID(t, w.db))
	w.exec(`INSERT INTO entry_themes (entry_id, theme_id) SELECT ?, id FROM themes`, note.ID)
	w.exec(`INSERT INTO entry_themes (entry_id, theme_id) VALUES (?, ?)`, sq.ID, theme)
	if _, err := w.s.RemoveActivity(w.ideas.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetCurrent(w.session, 3); err != nil {
		t.Fatal(err)
	}

	r, err := w.s.Run(w.session)
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(r.Agenda.Activities); !slices.Equal(got, []string{"Journey", "Prototype", "Open", "Rate"}) {
		t.Errorf("agenda %q", got)
	}
	if len(r.Runs) != 4 || r.Agenda.Current != 3 || len(r.Agenda.Removed) != 1 {
		t.Fatalf("run %+v", r)
	}
	for i, run := range r.Runs {
		if run.Activity.ID != r.Agenda.Activities[i].ID {
			t.Errorf("run %d is of %q", i, run.Activity.Title)
		}
	}
	journey := r.Runs[0]
	if len(journey.Entries) != 2 || !slices.Equal(journey.Entries[0].Themes, []string{"Checkout", "speed"}) {
		t.Errorf("journey entries %+v", journey.Entries)
	}
	if n := journey.Results.Notes; len(n) != 1 || n[0].Dots != 2 || n[0].Severity != 3 || n[0].Member != "Bob" {
		t.Errorf("journey notes %+v", n)
	}
	if st := r.Runs[3].Results.Ratings; len(st) != 1 || st[0].Count != 1 || st[0].Mean != 4 {
		t.Errorf("ratings %+v", st)
	}
	if len(r.Quotes) != 1 || r.Quotes[0].ID != sq.ID || !slices.Equal(r.Quotes[0].Themes, []string{"speed"}) {
		t.Errorf("session quotes %+v", r.Quotes)
	}
	// RunActivity of one activity reads the same as its place in Run.
	one := w.s.mustRun(t, w.journey.ID)
	if fmt.Sprint(one) != fmt.Sprint(journey) {
		t.Errorf("RunActivity %+v\nRun %+v", one, journey)
	}
	_, err = w.s.Run(999)
	storetest.WantErr(t, err, store.ErrNotFound, "session 999")
	_, err = w.s.RunActivity(999)
	storetest.WantErr(t, err, store.ErrNotFound, "activity 999")
}

// BenchmarkRun reads a big workshop: 8 activities (two journey boards,
// two idea rounds, a prototype test, two open questions, a rating), 12
// participants with 30 entries each in every activity, plus their votes
// and pitches.
func BenchmarkRun(b *testing.B) {
	f := newFx(b)
	s := f.session(f.decision("Big"), "Big", "problem_mapping")
	var members []int64
	for i := range 12 {
		members = append(members, f.participant(s, fmt.Sprintf("Member %02d", i)))
	}
	var questions []string
	for i := range 30 {
		questions = append(questions, fmt.Sprintf("Question %d?", i))
	}
	acts := []Activity{
		f.add(ActivityInput{SessionID: s, Kind: KindJourneyBoard, Title: "Journey 1", Dots: 5, Items: items(RoleStage, "A", "B", "C", "D", "E")}),
		f.add(ActivityInput{SessionID: s, Kind: KindIdeaRound, Title: "Ideas 1", Dots: 5, Items: items(RolePrompt, "HMW 1?", "HMW 2?")}),
		f.add(ActivityInput{SessionID: s, Kind: KindPrototypeTest, Title: "Prototype",
			Items: append(items(RoleVariant, "A", "B"), items(RoleTask, "T1", "T2", "T3", "T4")...)}),
		f.add(ActivityInput{SessionID: s, Kind: KindOpenQuestion, Title: "Open 1", Items: items(RoleQuestion, questions...)}),
		f.add(ActivityInput{SessionID: s, Kind: KindRating, Title: "Rate", Scale: 7, Items: items(RoleQuestion, questions...)}),
		f.add(ActivityInput{SessionID: s, Kind: KindJourneyBoard, Title: "Journey 2", Dots: 5, Items: items(RoleStage, "A", "B", "C")}),
		f.add(ActivityInput{SessionID: s, Kind: KindIdeaRound, Title: "Ideas 2", Dots: 5, Items: items(RolePrompt, "HMW 3?")}),
		f.add(ActivityInput{SessionID: s, Kind: KindOpenQuestion, Title: "Open 2", Items: items(RoleQuestion, questions...)}),
	}
	err := store.WithTx(f.s.ctx, f.db, func(tx *sqlx.Tx) error {
		add := func(a Activity, item, variant, target, member int64, kind EntryKind, text string, value int) (int64, error) {
			return insertEntry(f.s.ctx, tx, EntryInput{SessionID: s, ActivityID: a.ID, ItemID: item, VariantID: variant,
				TargetID: target, MemberID: member, Kind: kind, Text: text, Value: value}, "2025-06-15T12:00:00Z")
		}
		for _, a := range acts {
			var made []int64
			for mi, m := range members {
				for i := range 30 {
					var id int64
					var err error
					switch a.Kind {
					case KindJourneyBoard:
						id, err = add(a, a.Items[i%len(a.Items)].ID, 0, 0, m, EntryNote, fmt.Sprintf("Pain %d of %d", i, mi), i%4)
					case KindIdeaRound:
						id, err = add(a, a.Items[i%len(a.Items)].ID, 0, 0, m, EntryIdea, fmt.Sprintf("Idea %d of %d", i, mi), 0)
					case KindPrototypeTest:
						v, t := itemsOf(a, RoleVariant)[i%2], itemsOf(a, RoleTask)[(i/2)%4]
						switch i / 8 {
						case 0:
							_, err = add(a, t, v, 0, m, EntryResult, TaskOutcomes[(i+mi)%3], 0)
						case 1:
							_, err = add(a, t, v, 0, m, EntrySeconds, "", 30+i*mi)
						case 2:
							_, err = add(a, t, v, 0, m, EntryEase, "", 1+(i+mi)%7)
						default:
							_, err = add(a, t, v, 0, m, EntryObservation, "Hesitated at the menu", 0)
						}
					case KindOpenQuestion:
						_, err = add(a, a.Items[i].ID, 0, 0, m, EntryAnswer, fmt.Sprintf("Answer %d of %d", i, mi), 0)
					case KindRating:
						_, err = add(a, a.Items[i].ID, 0, 0, m, EntryRating, "", 1+(i*mi)%7)
					}
					if err != nil {
						return err
					}
					if id != 0 {
						made = append(made, id)
					}
				}
				if a.Kind == KindPrototypeTest {
					if _, err := add(a, 0, a.Items[mi%2].ID, 0, m, EntryPreference, "Clearer", 0); err != nil {
						return err
					}
				}
			}
			for mi, m := range members {
				for d := range min(len(made), 5) {
					if _, err := add(a, 0, 0, made[(mi*7+d*13)%len(made)], m, EntryVote, "", 1); err != nil {
						return err
					}
				}
				if a.Kind == KindIdeaRound {
					if _, err := add(a, 0, 0, made[mi], m, EntryPitch, "", 1+mi%5); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		r, err := f.s.Run(s)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Runs) != 8 || len(r.Runs[0].Entries) < 360 {
			b.Fatalf("run of %d activities", len(r.Runs))
		}
	}
}
