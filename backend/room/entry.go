package room

// Writing: a participant's entry goes through the same services as the
// facilitator's (activity.Agendas.SaveEntry, session.Runs.SaveField for
// the assumption check), so the checks, attendance and team sync are the
// same. The member is always the claim's. A client key names an entry for
// the room's life: a resend with the same key edits it, never duplicates.

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"soundingboard/backend/activity"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
)

// entryPost is POST api/entry's body.
type entryPost struct {
	Key        string `json:"key"`
	ActivityID int64  `json:"activityId"`
	Kind       string `json:"kind"`
	ItemID     int64  `json:"itemId"`
	VariantID  int64  `json:"variantId"`
	TargetID   int64  `json:"targetId"`
	Text       string `json:"text"`
	Value      int    `json:"value"`
}

// fieldOf is the response field of each kind a participant writes in an
// assumption check.
var fieldOf = map[activity.EntryKind]string{activity.EntryStance: "stance", activity.EntryNeeds: "needs",
	activity.EntryNote: "notes", activity.EntryReaction: "reactions"}

// errNotNow refuses writes to an activity that is not on screen, locked,
// or of a finished session.
var errNotNow = errors.New("not now")

func (rm *room) postEntry(w http.ResponseWriter, r *http.Request, c *claim) {
	var in entryPost
	if !readJSON(w, r, &in) {
		return
	}
	if in.Key == "" || len(in.Key) > 64 || strings.ContainsFunc(in.Key, func(r rune) bool { return r <= ' ' || r > '~' }) {
		writeJSON(w, http.StatusBadRequest, problem{Error: "key must be 1 to 64 printable ASCII characters", Field: "key"})
		return
	}
	if !rm.limits.write(c.id) {
		tooMany(w)
		return
	}
	a, entries, err := rm.writable(in.ActivityID)
	if err != nil {
		rm.refuse(w, err)
		return
	}
	id, err := rm.save(c, a, entries, in)
	if err != nil {
		rm.refuse(w, err)
		return
	}
	rm.rooms.mu.Lock()
	if id == 0 {
		delete(c.keys, in.Key)
	} else {
		c.keys[in.Key] = id
	}
	rm.rooms.bumpLocked()
	rm.rooms.mu.Unlock()
	st, err := rm.stateOf(c)
	if err != nil {
		writeServiceError(w, err)
		return
	}
	mine := myEntry{Key: in.Key, ID: id, Kind: in.Kind, ItemID: in.ItemID, VariantID: in.VariantID, TargetID: in.TargetID,
		Text: in.Text, Value: in.Value}
	if i := slices.IndexFunc(st.Mine, func(m myEntry) bool { return m.ID == id }); i >= 0 && id != 0 {
		mine = st.Mine[i]
	}
	writeJSON(w, http.StatusOK, struct {
		Entry myEntry `json:"entry"`
		State state   `json:"state"`
	}{mine, st})
}

// refuse answers a write that could not be made.
func (rm *room) refuse(w http.ResponseWriter, err error) {
	if errors.Is(err, errNotNow) {
		writeError(w, http.StatusConflict, strings.TrimSuffix(err.Error(), ": "+errNotNow.Error()))
		return
	}
	writeServiceError(w, err)
}

// writable reads the activity on screen and its entries; errNotNow unless
// it is activityID, not locked, and the session not finished.
func (rm *room) writable(activityID int64) (*activity.Activity, []activity.Entry, error) {
	status, a, entries, err := rm.current()
	switch {
	case err != nil:
		return nil, nil, err
	case status == "finished":
		return nil, nil, fmt.Errorf("the session is over: %w", errNotNow)
	case a == nil || a.ID != activityID:
		return nil, nil, fmt.Errorf("the facilitator has moved on to another activity: %w", errNotNow)
	case a.Locked:
		return nil, nil, fmt.Errorf("the facilitator has closed this activity: %w", errNotNow)
	}
	return a, entries, nil
}

// save writes one participant entry; returns its id (0 when it cleared a
// slot).
func (rm *room) save(c *claim, a *activity.Activity, entries []activity.Entry, in entryPost) (int64, error) {
	kind := activity.EntryKind(in.Kind)
	if kind == activity.EntryVote || kind == activity.EntryPitch {
		if !a.Revealed {
			return 0, fmt.Errorf("votes open once the facilitator shows the notes: %w", errNotNow)
		}
		if i := slices.IndexFunc(entries, func(e activity.Entry) bool { return e.ID == in.TargetID }); i >= 0 && entries[i].Hidden {
			return 0, store.NotFound("entry %d not found", in.TargetID)
		}
	}
	rm.rooms.mu.Lock()
	known := c.keys[in.Key]
	rm.rooms.mu.Unlock()
	if a.Kind == activity.KindAssumptionCheck && fieldOf[kind] != "" {
		return rm.saveField(c, a, entries, in, "")
	}
	ein := activity.EntryInput{SessionID: rm.sessionID, ActivityID: a.ID, ItemID: in.ItemID, VariantID: in.VariantID,
		TargetID: in.TargetID, MemberID: c.memberID, Kind: kind, Text: in.Text, Value: in.Value}
	if kind == activity.EntryNote || kind == activity.EntryIdea || kind == activity.EntryQuote {
		ein.ID = known
	}
	e, err := rm.rooms.agendas.SaveEntry(ein)
	return e.ID, err
}

// saveField writes an assumption check's field through the run service:
// the item's assumption, the field of the kind; a reaction joins (or,
// with drop, leaves) the member's set. Returns the field's entry id.
func (rm *room) saveField(c *claim, a *activity.Activity, entries []activity.Entry, in entryPost, drop string) (int64, error) {
	kind := activity.EntryKind(in.Kind)
	i := slices.IndexFunc(a.Items, func(it activity.Item) bool { return it.ID == in.ItemID })
	if i < 0 || a.Items[i].AssumptionID == 0 {
		return 0, store.InvalidFields([]store.Problem{{Field: "itemId", Message: "itemId is not an assumption of this activity"}})
	}
	value := in.Text
	if kind == activity.EntryReaction {
		set := []string{}
		for _, e := range entries {
			if e.ItemID == in.ItemID && e.MemberID == c.memberID && e.Kind == activity.EntryReaction && e.Text != drop {
				set = append(set, e.Text)
			}
		}
		if drop == "" && !slices.Contains(set, in.Text) {
			set = append(set, in.Text)
		}
		value = strings.Join(set, ",")
	}
	_, err := rm.rooms.runs.SaveField(session.FieldEdit{ResponseKey: session.ResponseKey{SessionID: rm.sessionID,
		AssumptionID: a.Items[i].AssumptionID, MemberID: c.memberID}, Field: fieldOf[kind], Value: value})
	if err != nil || drop != "" {
		return 0, err
	}
	// The field's entry, as the run service left it.
	_, _, after, err := rm.current()
	if err != nil {
		return 0, err
	}
	for _, e := range after {
		if e.ItemID == in.ItemID && e.MemberID == c.memberID && e.Kind == kind && (kind != activity.EntryReaction || e.Text == in.Text) {
			return e.ID, nil
		}
	}
	return 0, nil
}

// deleteEntry clears one of the participant's entries, named by its key.
func (rm *room) deleteEntry(w http.ResponseWriter, c *claim, key string) {
	if !rm.limits.write(c.id) {
		tooMany(w)
		return
	}
	rm.rooms.mu.Lock()
	id, ok := c.keys[key]
	rm.rooms.mu.Unlock()
	if !ok {
		if n, err := strconv.ParseInt(strings.TrimPrefix(key, "e"), 10, 64); err == nil && strings.HasPrefix(key, "e") {
			id = n
		}
	}
	_, entries, err := rm.writableAny()
	if err != nil {
		rm.refuse(w, err)
		return
	}
	i := slices.IndexFunc(entries, func(e activity.Entry) bool { return e.ID == id && e.MemberID == c.memberID })
	if id == 0 || i < 0 {
		writeError(w, http.StatusNotFound, "no entry of yours with this key in the current activity")
		return
	}
	if err := rm.clear(c, entries[i]); err != nil {
		rm.refuse(w, err)
		return
	}
	rm.rooms.mu.Lock()
	delete(c.keys, key)
	rm.rooms.bumpLocked()
	rm.rooms.mu.Unlock()
	rm.writeState(w, c)
}

// writableAny is writable for whatever activity is on screen.
func (rm *room) writableAny() (*activity.Activity, []activity.Entry, error) {
	_, a, _, err := rm.current()
	if err != nil {
		return nil, nil, err
	}
	if a == nil {
		return nil, nil, fmt.Errorf("there is no activity on screen: %w", errNotNow)
	}
	return rm.writable(a.ID)
}

// clear takes back one entry the way its kind is taken back: a field
// emptied, a slot cleared, a note or idea deleted.
func (rm *room) clear(c *claim, e activity.Entry) error {
	_, a, entries, err := rm.current()
	if err != nil {
		return err
	}
	if a.Kind == activity.KindAssumptionCheck && fieldOf[e.Kind] != "" {
		in := entryPost{Kind: string(e.Kind), ItemID: e.ItemID}
		_, err := rm.saveField(c, a, entries, in, e.Text)
		return err
	}
	switch e.Kind {
	case activity.EntryNote, activity.EntryIdea, activity.EntryQuote, activity.EntryReaction:
		return rm.rooms.agendas.DeleteEntry(e.ID)
	}
	_, err = rm.rooms.agendas.SaveEntry(activity.EntryInput{SessionID: rm.sessionID, ActivityID: e.ActivityID, ItemID: e.ItemID,
		TargetID: e.TargetID, VariantID: variantOfSlot(e), MemberID: c.memberID, Kind: e.Kind})
	return err
}

// variantOfSlot is the variant that names a slot when clearing it: a
// preference's variant is its value, not its slot.
func variantOfSlot(e activity.Entry) int64 {
	if e.Kind == activity.EntryPreference {
		return 0
	}
	return e.VariantID
}
