package room

// What a confirmed participant sees: the current activity, their own
// entries in it, and its results once the facilitator reveals them:
// counts and texts, never names, never hidden entries.

import (
	"net/http"
	"slices"
	"strconv"

	"soundingboard/backend/activity"
)

// state is GET api/state's answer.
type state struct {
	Version  int64         `json:"version"`
	Status   string        `json:"status"`
	Activity *activityView `json:"activity"`
	Mine     []myEntry     `json:"mine"`
	Revealed *revealed     `json:"revealed"`
	DotsLeft int           `json:"dotsLeft"`
}

type activityView struct {
	ID       int64      `json:"id"`
	Kind     string     `json:"kind"`
	Title    string     `json:"title"`
	Prompt   string     `json:"prompt"`
	Scale    int        `json:"scale"`
	Dots     int        `json:"dots"`
	Locked   bool       `json:"locked"`
	Revealed bool       `json:"revealed"`
	Items    []itemView `json:"items"`
}

type itemView struct {
	ID   int64  `json:"id"`
	Role string `json:"role"`
	Text string `json:"text"`
}

// myEntry is one of the participant's own entries; Key is the one their
// phone made, or "e<id>" for an entry the facilitator typed for them.
type myEntry struct {
	Key       string `json:"key"`
	ID        int64  `json:"id"`
	Kind      string `json:"kind"`
	ItemID    int64  `json:"itemId"`
	VariantID int64  `json:"variantId"`
	TargetID  int64  `json:"targetId"`
	Text      string `json:"text"`
	Value     int    `json:"value"`
}

type revealed struct {
	Tally []tally      `json:"tally"`
	Notes []sharedNote `json:"notes"`
}

// tally counts an item's answers by "kind:value" (stance:matches,
// rating:4, result:success, ease:6, reaction:excitement, preference:<variant id>).
type tally struct {
	ItemID int64          `json:"itemId"`
	Counts map[string]int `json:"counts"`
}

type sharedNote struct {
	ID     int64  `json:"id"`
	ItemID int64  `json:"itemId"`
	Kind   string `json:"kind"`
	Text   string `json:"text"`
	Dots   int    `json:"dots"`
}

// current reads the session's status, its current activity (nil when the
// agenda is empty) and that activity's entries.
func (rm *room) current() (string, *activity.Activity, []activity.Entry, error) {
	h, err := readHead(rm.rooms.ctx, rm.rooms.db, rm.sessionID)
	if err != nil {
		return "", nil, nil, err
	}
	ag, err := rm.rooms.agendas.Agenda(rm.sessionID)
	if err != nil || len(ag.Activities) == 0 {
		return h.Status, nil, nil, err
	}
	a := ag.Activities[ag.Current]
	run, err := rm.rooms.agendas.RunActivity(a.ID)
	if err != nil {
		return "", nil, nil, err
	}
	return h.Status, &run.Activity, run.Entries, nil
}

// stateOf builds a participant's state.
func (rm *room) stateOf(c *claim) (state, error) {
	rm.rooms.mu.Lock()
	version := rm.rooms.version
	rm.rooms.mu.Unlock()
	status, a, entries, err := rm.current()
	if err != nil {
		return state{}, err
	}
	st := state{Version: version, Status: status, Mine: []myEntry{}}
	if a == nil {
		return st, nil
	}
	st.Activity = viewOf(a)
	keys := rm.keysOf(c)
	used := 0
	for _, e := range entries {
		if e.MemberID != c.memberID || e.Hidden || (e.Text == "" && e.Value == 0) {
			continue
		}
		if e.Kind == activity.EntryVote {
			used += e.Value
		}
		key, ok := keys[e.ID]
		if !ok {
			key = "e" + strconv.FormatInt(e.ID, 10)
		}
		st.Mine = append(st.Mine, myEntry{Key: key, ID: e.ID, Kind: string(e.Kind), ItemID: e.ItemID,
			VariantID: e.VariantID, TargetID: e.TargetID, Text: e.Text, Value: e.Value})
	}
	st.DotsLeft = max(0, a.Dots-used)
	if a.Revealed {
		st.Revealed = revealedOf(entries)
	}
	return st, nil
}

// keysOf maps the entry ids of a claim's keys back to the keys.
func (rm *room) keysOf(c *claim) map[int64]string {
	rm.rooms.mu.Lock()
	defer rm.rooms.mu.Unlock()
	out := make(map[int64]string, len(c.keys))
	for k, id := range c.keys {
		out[id] = k
	}
	return out
}

func viewOf(a *activity.Activity) *activityView {
	v := &activityView{ID: a.ID, Kind: string(a.Kind), Title: a.Title, Prompt: a.Prompt, Scale: a.Scale, Dots: a.Dots,
		Locked: a.Locked, Revealed: a.Revealed, Items: make([]itemView, len(a.Items))}
	for i, it := range a.Items {
		v.Items[i] = itemView{ID: it.ID, Role: string(it.Role), Text: it.Text}
	}
	return v
}

// revealedOf counts an activity's visible entries and lists its notes and
// ideas with their dots: no names, nothing hidden.
func revealedOf(entries []activity.Entry) *revealed {
	out := &revealed{Tally: []tally{}, Notes: []sharedNote{}}
	byItem := map[int64]map[string]int{}
	var order []int64
	count := func(item int64, key string) {
		if byItem[item] == nil {
			byItem[item] = map[string]int{}
			order = append(order, item)
		}
		byItem[item][key]++
	}
	dots := map[int64]int{}
	hidden := map[int64]bool{}
	for _, e := range entries {
		if e.Hidden {
			hidden[e.ID] = true
		}
	}
	for _, e := range entries {
		if e.Hidden {
			continue
		}
		switch e.Kind {
		case activity.EntryStance, activity.EntryResult, activity.EntryReaction:
			if e.Text != "" {
				count(e.ItemID, string(e.Kind)+":"+e.Text)
			}
		case activity.EntryRating, activity.EntryEase:
			if e.Value != 0 {
				count(e.ItemID, string(e.Kind)+":"+strconv.Itoa(e.Value))
			}
		case activity.EntryPreference:
			if e.VariantID != 0 {
				count(0, "preference:"+strconv.FormatInt(e.VariantID, 10))
			}
		case activity.EntryVote:
			if !hidden[e.TargetID] {
				dots[e.TargetID] += e.Value
			}
		}
	}
	for _, item := range order {
		out.Tally = append(out.Tally, tally{ItemID: item, Counts: byItem[item]})
	}
	for _, e := range entries {
		if !e.Hidden && (e.Kind == activity.EntryNote || e.Kind == activity.EntryIdea) && e.Text != "" {
			out.Notes = append(out.Notes, sharedNote{ID: e.ID, ItemID: e.ItemID, Kind: string(e.Kind), Text: e.Text, Dots: dots[e.ID]})
		}
	}
	slices.SortStableFunc(out.Notes, func(a, b sharedNote) int { return b.Dots - a.Dots })
	return out
}

func (rm *room) writeState(w http.ResponseWriter, c *claim) {
	st, err := rm.stateOf(c)
	if err != nil {
		writeServiceError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
