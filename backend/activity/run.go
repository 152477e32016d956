package activity

// RunActivity and Run: what the run view and the synthesis read, entries
// and each kind's results, in one snapshot and a fixed number of queries.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"soundingboard/backend/store"
)

// RunActivity returns everything the run view shows for one activity:
// the activity, its entries and its results.
func (s *Agendas) RunActivity(activityID int64) (ActivityRun, error) {
	r, err := store.Read(s.ctx, s.db, func(q store.Queryer) (ActivityRun, error) {
		a, err := getActivity(s.ctx, q, activityID)
		if err != nil {
			return ActivityRun{}, err
		}
		entries, err := loadEntries(s.ctx, q, `e.activity_id = ?`, activityID)
		if err != nil {
			return ActivityRun{}, err
		}
		return runOf(a.Activity, entries), nil
	})
	if err != nil {
		return ActivityRun{}, fmt.Errorf("run activity %d: %w", activityID, err)
	}
	return r, nil
}

// Run returns the whole agenda as the run view opens it: every activity
// (removed ones left out) with its entries and results, in agenda order,
// and the quotes about the session as a whole. Five queries, whatever the
// number of activities, participants and entries.
func (s *Agendas) Run(sessionID int64) (AgendaRun, error) {
	r, err := store.Read(s.ctx, s.db, func(q store.Queryer) (AgendaRun, error) {
		h, err := headOf(s.ctx, q, sessionID)
		if err != nil {
			return AgendaRun{}, err
		}
		rows, err := loadActivities(s.ctx, q, `a.session_id = ?`, sessionID)
		if err != nil {
			return AgendaRun{}, err
		}
		entries, err := loadEntries(s.ctx, q, `e.session_id = ?`, sessionID)
		if err != nil {
			return AgendaRun{}, err
		}
		byActivity := map[int64][]Entry{}
		for _, e := range entries {
			byActivity[e.ActivityID] = append(byActivity[e.ActivityID], e)
		}
		out := AgendaRun{Agenda: agendaOf(h, rows), Quotes: byActivity[0]}
		if out.Quotes == nil {
			out.Quotes = []Entry{}
		}
		out.Runs = make([]ActivityRun, len(out.Agenda.Activities))
		for i, a := range out.Agenda.Activities {
			out.Runs[i] = runOf(a, byActivity[a.ID])
		}
		return out, nil
	})
	if err != nil {
		return AgendaRun{}, fmt.Errorf("run of session %d: %w", sessionID, err)
	}
	return r, nil
}

// runOf builds an activity's run from its entries (oldest first).
func runOf(a Activity, entries []Entry) ActivityRun {
	if entries == nil {
		entries = []Entry{}
	}
	r := ActivityRun{Activity: a, Entries: entries, Results: resultsOf(a, entries)}
	for _, e := range entries {
		if e.Kind != EntryReaction {
			continue
		}
		switch Reaction(e.Text) {
		case ReactionConfusion:
			r.Reactions.Confusion++
		case ReactionExcitement:
			r.Reactions.Excitement++
		case ReactionFrustration:
			r.Reactions.Frustration++
		default:
			r.Reactions.Other++
		}
	}
	return r
}

// resultsOf computes what an activity produced, by its kind; the other
// kinds' fields are empty lists.
func resultsOf(a Activity, entries []Entry) Results {
	r := Results{Notes: []Ranked{}, Ideas: []Ranked{}, Tasks: []TaskResult{}, Prefers: []Preference{},
		Ratings: []RatingStat{}, Answers: []AnswerCount{}}
	switch a.Kind {
	case KindJourneyBoard:
		r.Notes = ranked(entries, EntryNote)
	case KindIdeaRound:
		r.Ideas = ranked(entries, EntryIdea)
	case KindPrototypeTest:
		r.Tasks, r.Prefers = tested(a, entries)
	case KindRating:
		r.Ratings = rated(a, entries)
	case KindOpenQuestion:
		for _, it := range a.Items {
			n := 0
			for _, e := range entries {
				if e.Kind == EntryAnswer && e.ItemID == it.ID && strings.TrimSpace(e.Text) != "" {
					n++
				}
			}
			r.Answers = append(r.Answers, AnswerCount{ItemID: it.ID, Count: n})
		}
	}
	return r
}

// ranked lists the entries of kind (journey notes, ideas) with the dots
// voted on them and their mean pitch score: most dots first, then the
// higher severity (notes) or pitch (ideas), then the oldest.
func ranked(entries []Entry, kind EntryKind) []Ranked {
	dots := map[int64]int{}
	pitchSum := map[int64]int{}
	pitches := map[int64]int{}
	for _, e := range entries {
		switch {
		case e.Kind == EntryVote:
			dots[e.TargetID] += e.Value
		case e.Kind == EntryPitch && e.Value > 0:
			pitchSum[e.TargetID] += e.Value
			pitches[e.TargetID]++
		}
	}
	out := []Ranked{}
	for _, e := range entries {
		if e.Kind != kind {
			continue
		}
		r := Ranked{EntryID: e.ID, ItemID: e.ItemID, Text: e.Text, Member: e.Member, Dots: dots[e.ID]}
		if kind == EntryNote {
			r.Severity = e.Value
		}
		if n := pitches[e.ID]; n > 0 {
			r.Pitch = float64(pitchSum[e.ID]) / float64(n)
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Ranked) int {
		return cmp.Or(cmp.Compare(b.Dots, a.Dots), cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(b.Pitch, a.Pitch), cmp.Compare(a.EntryID, b.EntryID))
	})
	return out
}

// tested sums a prototype test: per variant and task (in the items'
// order) the results, the median time and the mean ease; and per variant
// how many preferred it.
func tested(a Activity, entries []Entry) ([]TaskResult, []Preference) {
	type key struct{ variant, task int64 }
	results := map[key]*TaskResult{}
	seconds := map[key][]int{}
	ease := map[key][]int{}
	prefers := map[int64]int{}
	for _, e := range entries {
		k := key{e.VariantID, e.ItemID}
		switch e.Kind {
		case EntryResult:
			r := results[k]
			if r == nil {
				r = &TaskResult{}
				results[k] = r
			}
			switch TaskOutcome(e.Text) {
			case TaskSuccess:
				r.Success++
			case TaskPartial:
				r.Partial++
			case TaskFail:
				r.Fail++
			}
		case EntrySeconds:
			if e.Value > 0 {
				seconds[k] = append(seconds[k], e.Value)
			}
		case EntryEase:
			if e.Value > 0 {
				ease[k] = append(ease[k], e.Value)
			}
		case EntryPreference:
			prefers[e.VariantID]++
		}
	}
	tasks, prefs := []TaskResult{}, []Preference{}
	for _, v := range a.Items {
		if v.Role != RoleVariant {
			continue
		}
		prefs = append(prefs, Preference{VariantID: v.ID, Count: prefers[v.ID]})
		for _, t := range a.Items {
			if t.Role != RoleTask {
				continue
			}
			k := key{v.ID, t.ID}
			r := TaskResult{}
			if results[k] != nil {
				r = *results[k]
			}
			r.VariantID, r.TaskID = v.ID, t.ID
			r.MedianSeconds = median(seconds[k])
			r.MeanEase = mean(ease[k])
			tasks = append(tasks, r)
		}
	}
	return tasks, prefs
}

// rated sums a rating: per question the number of ratings, their mean,
// and how many gave each value of the scale.
func rated(a Activity, entries []Entry) []RatingStat {
	out := []RatingStat{}
	for _, it := range a.Items {
		st := RatingStat{ItemID: it.ID, Counts: make([]int, a.Scale)}
		var vs []int
		for _, e := range entries {
			if e.Kind == EntryRating && e.ItemID == it.ID && e.Value >= 1 && e.Value <= a.Scale {
				vs = append(vs, e.Value)
				st.Counts[e.Value-1]++
			}
		}
		st.Count, st.Mean = len(vs), mean(vs)
		out = append(out, st)
	}
	return out
}

// median is the middle value (the mean of the middle two, rounded down,
// for an even count); 0 for none.
func median(vs []int) int {
	if len(vs) == 0 {
		return 0
	}
	slices.Sort(vs)
	n := len(vs)
	if n%2 == 1 {
		return vs[n/2]
	}
	return (vs[n/2-1] + vs[n/2]) / 2
}

// mean is the average; 0 for none.
func mean(vs []int) float64 {
	if len(vs) == 0 {
		return 0
	}
	sum := 0
	for _, v := range vs {
		sum += v
	}
	return float64(sum) / float64(len(vs))
}
