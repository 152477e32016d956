package room

// Joining: a participant picks their first name from the session's
// participants; the facilitator confirms (or rejects) the claim. Then
// they see what is recorded about them and answer for consents not on
// record.

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

// nameChoice is a name participants can claim.
type nameChoice struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Taken bool   `json:"taken"`
}

// roomView is what GET api/room answers.
type roomView struct {
	Title        string       `json:"title"`
	ActivityKind string       `json:"activityKind,omitempty"`
	Names        []nameChoice `json:"names"`
	Me           *me          `json:"me,omitempty"`
}

// agreement is one consent as the participant sees it.
type agreement struct {
	Kind         string `json:"kind"`
	Granted      bool   `json:"granted"`
	SelfDeclared bool   `json:"selfDeclared"`
}

// me is a participant's own view of their claim.
type me struct {
	Name     string      `json:"name"`
	State    string      `json:"state"`
	Recorded []string    `json:"recorded"`
	Agreed   []agreement `json:"agreed"`
	Ask      []string    `json:"ask"`
}

// names lists the session's participants' first names with their opaque
// ids (made the first time a participant is seen), and which are taken.
func (rm *room) names(r *http.Request) ([]person, []nameChoice, error) {
	ps, err := readPeople(r.Context(), rm.rooms.db, rm.sessionID)
	if err != nil {
		return nil, nil, err
	}
	rm.rooms.mu.Lock()
	defer rm.rooms.mu.Unlock()
	out := make([]nameChoice, len(ps))
	for i, p := range ps {
		id, ok := rm.nameIDs[p.MemberID]
		if !ok {
			id = newID()
			rm.nameIDs[p.MemberID] = id
		}
		out[i] = nameChoice{ID: id, Name: p.First, Taken: rm.takenLocked(p.MemberID) != nil}
	}
	return ps, out, nil
}

// takenLocked returns the live claim of a member's name, if any.
func (rm *room) takenLocked(memberID int64) *claim {
	for _, c := range rm.claims {
		if c.memberID == memberID && c.live() {
			return c
		}
	}
	return nil
}

func (rm *room) getRoom(w http.ResponseWriter, r *http.Request) {
	h, err := readHead(r.Context(), rm.rooms.db, rm.sessionID)
	if err != nil {
		writeServiceError(w, err)
		return
	}
	_, names, err := rm.names(r)
	if err != nil {
		writeServiceError(w, err)
		return
	}
	view := roomView{Title: h.Title, Names: names}
	if ag, err := rm.rooms.agendas.Agenda(rm.sessionID); err == nil && len(ag.Activities) > 0 {
		view.ActivityKind = string(ag.Activities[ag.Current].Kind)
	}
	if c := rm.tokenOf(r); c != nil {
		m, err := rm.meOf(r, c)
		if err != nil {
			writeServiceError(w, err)
			return
		}
		view.Me = &m
	}
	writeJSON(w, http.StatusOK, view)
}

// claimPost is POST api/claim's body: a name shown (nameId), or a guest's
// first name (guestName), never both.
type claimPost struct {
	NameID    string `json:"nameId"`
	GuestName string `json:"guestName"`
}

// postClaim claims a name, or joins as a guest: 409 when someone holds
// the name, 429 past the room's budget of joins (guests count too).
func (rm *room) postClaim(w http.ResponseWriter, r *http.Request) {
	var in claimPost
	if !readJSON(w, r, &in) {
		return
	}
	if in.NameID != "" && in.GuestName != "" {
		writeJSON(w, http.StatusBadRequest, problem{Error: "pick a name or join as a guest, not both", Field: "guestName"})
		return
	}
	if !rm.limits.joins.Allow() {
		tooMany(w)
		return
	}
	c := &claim{id: newID(), token: newToken(), state: statePending, since: rm.stamp(), keys: map[string]int64{}}
	var ps []person
	if in.NameID == "" {
		name, err := guestName(in.GuestName)
		if err != nil {
			writeServiceError(w, err)
			return
		}
		c.name, c.member, c.guest = name, name, true
	} else {
		var err error
		if ps, _, err = rm.names(r); err != nil {
			writeServiceError(w, err)
			return
		}
	}
	rm.rooms.mu.Lock()
	if !c.guest {
		var who *person
		for i, p := range ps {
			if id := rm.nameIDs[p.MemberID]; id != "" && id == in.NameID {
				who = &ps[i]
			}
		}
		if who == nil {
			rm.rooms.mu.Unlock()
			writeJSON(w, http.StatusBadRequest, problem{Error: "pick one of the names shown", Field: "nameId"})
			return
		}
		if rm.takenLocked(who.MemberID) != nil {
			rm.rooms.mu.Unlock()
			writeError(w, http.StatusConflict, who.First+" is taken: if that is you, tell the facilitator")
			return
		}
		c.nameID, c.name, c.member, c.memberID = in.NameID, who.First, who.Name, who.MemberID
	}
	if old := rm.tokenOfLocked(r); old != nil && old.live() {
		// One phone, one claim: a second name from the same browser
		// replaces nothing; it must be rejected first.
		rm.rooms.mu.Unlock()
		writeError(w, http.StatusConflict, "this browser has claimed "+old.name+" already")
		return
	}
	rm.seq++
	c.seq = rm.seq
	rm.claims[c.id] = c
	rm.tokens[c.token] = c
	rm.rooms.bumpLocked()
	rm.rooms.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: rm.cookieName(), Value: c.token, Path: "/j/" + rm.secret + "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: rm.tls})
	m, err := rm.meOf(r, c)
	if err != nil {
		writeServiceError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, m)
}

// tokenOfLocked is tokenOf for a caller holding the lock.
func (rm *room) tokenOfLocked(r *http.Request) *claim {
	ck, err := r.Cookie(rm.cookieName())
	if err != nil {
		return nil
	}
	return rm.tokens[ck.Value]
}

func (rm *room) writeMe(w http.ResponseWriter, c *claim) {
	m, err := rm.meOf(nil, c)
	if err != nil {
		writeServiceError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, m)
}

// meOf builds a participant's view of their claim and consents.
func (rm *room) meOf(_ *http.Request, c *claim) (me, error) {
	rm.rooms.mu.Lock()
	m := me{Name: c.name, State: c.state, Agreed: []agreement{}, Ask: []string{}}
	memberID := c.memberID
	rm.rooms.mu.Unlock()
	h, err := readHead(rm.rooms.ctx, rm.rooms.db, rm.sessionID)
	if err != nil {
		return me{}, err
	}
	m.Recorded = []string{
		fmt.Sprintf("What you write here is saved in the session “%s” under your name, with the time.", h.Title),
		"The facilitator sees your name next to what you write, and may hide or edit it.",
		"Others in the room never see your name next to your input; results are shown only when the facilitator reveals them.",
	}
	if m.State != stateConfirmed {
		return m, nil // consents are a confirmed participant's own business
	}
	cs, err := board.ConsentsOf(rm.rooms.ctx, rm.rooms.db, memberID, rm.rooms.now().Format("2006-01-02"))
	if err != nil {
		return me{}, fmt.Errorf("read consents: %w", err)
	}
	for _, k := range board.ConsentKinds {
		i := slices.IndexFunc(cs, func(c board.Consent) bool { return string(c.Kind) == k })
		if i < 0 || cs[i].GrantedOn == "" {
			m.Ask = append(m.Ask, k)
			continue
		}
		m.Agreed = append(m.Agreed, agreement{Kind: k, Granted: cs[i].Valid, SelfDeclared: cs[i].Source != ""})
	}
	return m, nil
}

// postConsent stores the participant's answers for the kinds with nothing
// on record, as self-declared with this session as source; kinds on
// record are left as they are.
func (rm *room) postConsent(w http.ResponseWriter, r *http.Request, c *claim) {
	var in struct {
		Quoting   bool `json:"quoting"`
		Recording bool `json:"recording"`
		Contact   bool `json:"contact"`
	}
	if !readJSON(w, r, &in) {
		return
	}
	if !rm.limits.write(c.id) {
		tooMany(w)
		return
	}
	h, err := readHead(r.Context(), rm.rooms.db, rm.sessionID)
	if err != nil {
		writeServiceError(w, err)
		return
	}
	today := rm.rooms.now().Format("2006-01-02")
	answers := map[board.ConsentKind]bool{board.ConsentQuoting: in.Quoting, board.ConsentRecording: in.Recording,
		board.ConsentContact: in.Contact}
	err = store.WithTx(rm.rooms.ctx, rm.rooms.db, func(tx *sqlx.Tx) error {
		for kind, granted := range answers {
			if _, err := board.DeclareConsent(rm.rooms.ctx, tx, c.memberID, kind, granted, source(h.Title, rm.sessionID, today), today); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		writeServiceError(w, err)
		return
	}
	rm.rooms.bump()
	rm.writeMe(w, c)
}

// source is the sentence a self-declared consent carries (at most 300
// characters: a long title is shortened).
func source(title string, sessionID int64, today string) string {
	return fmt.Sprintf("Self-declared in the room of “%s” (session %d) on %s", shortTitle(title), sessionID, today)
}

// shortTitle is a session title fit for a source line: at most 120
// characters, control characters made spaces.
func shortTitle(title string) string {
	if r := []rune(title); len(r) > 120 {
		title = string(r[:119]) + "…"
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, title)
}
