package session

// The facts of a session across its activities, read from the activities'
// own results (package activity computes them; nothing is recounted
// here), and the next test the method proposes after "needs more
// research".

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/activity"
	"soundingboard/backend/store"
)

// sessionFacts fills out's activities, pain points, ideas, tasks and
// ratings from the agenda's results; segments are the entries' segments
// by entry id (the synthesis read them with the text entries).
func sessionFacts(out *Synthesis, run activity.AgendaRun, segments map[int64]string) {
	out.Activities, out.PainPoints, out.Ideas = []ActivityFacts{}, []RankedEntry{}, []RankedEntry{}
	out.Tasks, out.Ratings = []TaskFact{}, []RatingFact{}
	for _, r := range run.Runs {
		a := r.Activity
		out.Activities = append(out.Activities, ActivityFacts{ID: a.ID, Kind: a.Kind, Title: a.Title,
			Entries: a.Entries, Reactions: r.Reactions})
		text := map[int64]string{}
		for _, it := range a.Items {
			text[it.ID] = it.Text
		}
		ranked := func(rs []activity.Ranked) []RankedEntry {
			out := make([]RankedEntry, len(rs))
			for i, x := range rs {
				out[i] = RankedEntry{Ranked: x, ActivityID: a.ID, Activity: a.Title, Item: text[x.ItemID],
					Segment: segments[x.EntryID]}
			}
			return out
		}
		out.PainPoints = append(out.PainPoints, ranked(r.Results.Notes)...)
		out.Ideas = append(out.Ideas, ranked(r.Results.Ideas)...)
		for _, t := range r.Results.Tasks {
			out.Tasks = append(out.Tasks, TaskFact{Result: t, ActivityID: a.ID, Activity: a.Title,
				Variant: text[t.VariantID], Task: text[t.TaskID]})
		}
		for _, st := range r.Results.Ratings {
			out.Ratings = append(out.Ratings, RatingFact{Stat: st, ActivityID: a.ID, Activity: a.Title,
				Question: text[st.ItemID], Scale: a.Scale})
		}
	}
	// Across activities by the activities' own order (dots, then severity
	// or pitch); ties keep agenda order.
	byVotes := func(x, y RankedEntry) int {
		return cmp.Or(cmp.Compare(y.Ranked.Dots, x.Ranked.Dots), cmp.Compare(y.Ranked.Severity, x.Ranked.Severity),
			cmp.Compare(y.Ranked.Pitch, x.Ranked.Pitch))
	}
	slices.SortStableFunc(out.PainPoints, byVotes)
	slices.SortStableFunc(out.Ideas, byVotes)
}

// The rules for the next test after "needs more research", kept small:
//   - a desirability assumption with little evidence (1–2) is tested with
//     a prototype: people show what they do better than they say it;
//   - any other is tested again as an assumption, with people of the
//     segment it is about.
const lowEvidence = 2

// nextTest proposes the session that tests a as it next needs.
func nextTest(a Assumption) NextTest {
	nt := NextTest{AssumptionID: a.ID, Sentence: a.Sentence, DecisionID: a.DecisionID}
	method, signal := "", ""
	if a.Category == CategoryDesirability && a.Evidence <= lowEvidence {
		nt.Format = "prototype_testing"
		nt.Why = "A desirability assumption with little evidence: watch people try it rather than ask them."
		method, signal = "put a prototype in front of", "them completing the task unaided and choosing it over what they do today"
	} else {
		nt.Format = "assumption_testing"
		nt.Why = "Test it again, directly, with the people it is about."
		method, signal = "test the assumption with", "most saying it matches their reality, and what would need to be true"
	}
	size := ""
	for _, f := range Formats {
		if f.Key == nt.Format {
			nt.FormatLabel = f.Label
			size = fmt.Sprintf("%d–%d", f.Min, f.Max)
		}
	}
	nt.Card = fmt.Sprintf("To learn whether %s will %s, we will %s %s %s and look for %s.",
		a.Customers, a.Behavior, method, size, a.Customers, signal)
	return nt
}

// nextTests proposes a test for each assumption this session found
// needs more research, in the session's order.
func nextTests(ctx context.Context, q store.Queryer, sessionID int64) ([]NextTest, error) {
	var ids []int64
	if err := sqlx.SelectContext(ctx, q, &ids, `SELECT assumption_id FROM verdicts
		WHERE session_id = ? AND verdict = ?`, sessionID, VerdictNeedsResearch); err != nil {
		return nil, fmt.Errorf("read verdicts: %w", err)
	}
	as, err := loadAssumptions(ctx, q, sessionID)
	if err != nil {
		return nil, err
	}
	out := []NextTest{}
	for _, a := range as {
		if slices.Contains(ids, a.ID) {
			out = append(out, nextTest(a))
		}
	}
	return out, nil
}
