package loop

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
	"soundingboard/backend/teammates"
	"soundingboard/backend/wording"
)

// bounds are the instants the views are cut at, as due_utc strings.
type bounds struct {
	today, tomorrow, weekEnd string
}

func (c clock) bounds() bounds {
	return bounds{today: utc(atHour(c.now, 0, 0)), tomorrow: utc(atHour(c.now, 1, 0)), weekEnd: utc(atHour(c.now, 8, 0))}
}

// Tickler returns how many items every view holds and the items of the
// one asked for, soonest first (done: newest first); on a shared board the
// open views list my follow-ups (owned by this laptop's person) first. Overdue and today
// include the virtual stay-in-touch items. With no view asked for it opens
// on what needs action now: overdue when anything is, else today.
func (s *Service) Tickler(q TicklerQuery) (Tickler, error) {
	if q.View != "" && !slices.Contains(Views, q.View) {
		return Tickler{}, fmt.Errorf("tickler: %w", invalid("view %q is not one of %s", q.View, strings.Join(Views, ", ")))
	}
	if q.Limit < 0 || q.Offset < 0 {
		return Tickler{}, fmt.Errorf("tickler: %w", invalid("limit and offset cannot be negative"))
	}
	c, err := s.clock(s.ctx, s.db)
	if err != nil {
		return Tickler{}, fmt.Errorf("tickler: %w", err)
	}
	b := c.bounds()
	counts, err := countViews(s.ctx, s.db, b)
	if err != nil {
		return Tickler{}, fmt.Errorf("tickler: %w", err)
	}
	virtual, err := stayInTouch(s.ctx, s.db, c)
	if err != nil {
		return Tickler{}, fmt.Errorf("tickler: stay in touch: %w", err)
	}
	overdue := func(v Reminder) bool { return v.DueAt < c.today() } // compared as dates: the due day is before today
	for _, v := range virtual {
		if overdue(v) {
			counts.Overdue++
		} else {
			counts.Today++
		}
	}
	counts.Badge = counts.Overdue + counts.Today
	if q.View == "" {
		q.View = "today"
		if counts.Overdue > 0 {
			q.View = "overdue"
		}
	}
	var inView []Reminder
	for _, v := range virtual {
		if q.View == "overdue" && overdue(v) || q.View == "today" && !overdue(v) {
			inView = append(inView, v)
		}
	}

	var where, order string
	var args []any
	switch q.View {
	case "overdue":
		where, args = `r.done_at IS NULL AND r.due_utc < ?`, []any{b.today}
	case "today":
		where, args = `r.done_at IS NULL AND r.due_utc >= ? AND r.due_utc < ?`, []any{b.today, b.tomorrow}
	case "week":
		where, args = `r.done_at IS NULL AND r.due_utc >= ? AND r.due_utc < ?`, []any{b.tomorrow, b.weekEnd}
	case "later":
		where, args = `r.done_at IS NULL AND r.due_utc >= ?`, []any{b.weekEnd}
	case "done":
		where = `r.done_at IS NOT NULL`
	}
	order = `r.due_utc, r.id`
	if q.View == "done" {
		order = `r.done_at DESC, r.id DESC`
	}
	limit := ""
	if q.Limit > 0 {
		// Virtual items merge in by due time, so read enough rows to cut
		// the page after merging.
		limit = fmt.Sprintf(" LIMIT %d", q.Offset+q.Limit)
	}
	// On a shared board the open views list my follow-ups first: two
	// reads, each in index order, rather than one sort of the whole view.
	type part struct {
		where string
		args  []any
	}
	parts := []part{{where, args}}
	roster, err := teammates.Load(s.ctx, s.db)
	if err != nil {
		return Tickler{}, fmt.Errorf("tickler: %w", err)
	}
	if roster.Me != "" && q.View != "done" {
		parts = []part{{where + ` AND r.owner = ?`, append(slices.Clip(args), roster.Me)},
			{where + ` AND r.owner <> ?`, append(slices.Clip(args), roster.Me)}}
	}
	items := []Reminder{}
	for _, p := range parts {
		var some []Reminder
		err = sqlx.SelectContext(s.ctx, s.db, &some, reminderSelect+` WHERE `+p.where+` ORDER BY `+order+limit,
			append([]any{c.today()}, p.args...)...)
		if err != nil {
			return Tickler{}, fmt.Errorf("tickler: %s: %w", q.View, err)
		}
		items = append(items, some...)
	}
	items = finish(items)
	if len(inView) > 0 {
		items = append(items, inView...)
		// Virtual items belong to nobody in particular: they merge into the rest.
		sort.SliceStable(items, func(i, j int) bool {
			if items[i].Mine != items[j].Mine {
				return items[i].Mine
			}
			return dueInstant(items[i]) < dueInstant(items[j])
		})
	}
	total := map[string]int{"overdue": counts.Overdue, "today": counts.Today, "week": counts.Week,
		"later": counts.Later, "done": counts.Done}[q.View]
	if q.Limit > 0 {
		lo := min(q.Offset, len(items))
		items = items[lo:min(lo+q.Limit, len(items))]
	}
	chains, err := chainCounts(s.ctx, s.db, items, b)
	if err != nil {
		return Tickler{}, fmt.Errorf("tickler: chains: %w", err)
	}
	return Tickler{View: View(q.View), Counts: counts, Items: items, Total: total, Today: c.today(), Chains: chains}, nil
}

// ChainCount is how far one session's follow-up chain has got, for the
// tickler to show the chain's reminders as one group.
type ChainCount struct {
	SessionID int64 `json:"sessionId" db:"session_id"`
	Done      int   `json:"done" db:"done"`
	Open      int   `json:"open" db:"open"`
	Overdue   int   `json:"overdue" db:"overdue"` // of the open ones
}

// chainCounts counts the whole chain (every view) of each session that
// has chain reminders among items.
func chainCounts(ctx context.Context, q store.Queryer, items []Reminder, b bounds) ([]ChainCount, error) {
	var ids []int64
	for _, r := range items {
		if r.Origin == "chain" && r.SessionID != 0 && !slices.Contains(ids, r.SessionID) {
			ids = append(ids, r.SessionID)
		}
	}
	out := []ChainCount{}
	if len(ids) == 0 {
		return out, nil
	}
	err := sqlx.SelectContext(ctx, q, &out, `SELECT session_id, sum(done_at IS NOT NULL) AS done,
		sum(done_at IS NULL) AS open, sum(done_at IS NULL AND due_utc < ?) AS overdue
		FROM reminders WHERE origin = 'chain' AND session_id IN (SELECT value FROM json_each(?))
		GROUP BY session_id ORDER BY session_id`, b.today, jsonIDs(ids))
	return out, err
}

// dueInstant is the sortable UTC form of a reminder's due time.
func dueInstant(r Reminder) string {
	t, err := time.Parse(time.RFC3339, r.DueAt)
	if err != nil {
		return r.DueAt
	}
	return utc(t)
}

// countViews counts saved reminders per view, each a range count over
// the partial indexes (index entries only, no table rows read).
func countViews(ctx context.Context, q store.Queryer, b bounds) (Counts, error) {
	var c Counts
	err := sqlx.GetContext(ctx, q, &c, `SELECT
		(SELECT count(*) FROM reminders INDEXED BY reminders_open_due WHERE done_at IS NULL AND due_utc < ?) AS overdue,
		(SELECT count(*) FROM reminders INDEXED BY reminders_open_due WHERE done_at IS NULL AND due_utc >= ? AND due_utc < ?) AS today,
		(SELECT count(*) FROM reminders INDEXED BY reminders_open_due WHERE done_at IS NULL AND due_utc >= ? AND due_utc < ?) AS week,
		(SELECT count(*) FROM reminders INDEXED BY reminders_open_due WHERE done_at IS NULL AND due_utc >= ?) AS later,
		(SELECT count(*) FROM reminders INDEXED BY reminders_done WHERE done_at IS NOT NULL) AS done`,
		b.today, b.today, b.tomorrow, b.tomorrow, b.weekEnd, b.weekEnd)
	return c, err
}

// Badge is the number of items due: overdue plus today.
func (s *Service) Badge() (int, error) {
	t, err := s.Tickler(TicklerQuery{View: "today", Limit: 1})
	if err != nil {
		return 0, err
	}
	return t.Counts.Badge, nil
}

// stayRow is a member whose cadence has run out.
type stayRow struct {
	MemberID int64  `db:"member_id"`
	Name     string `db:"name"`
	Email    string `db:"email"`
	Cadence  int    `db:"cadence"`
	Since    string `db:"since"`
	DueOn    string `db:"due_on"`
}

// stayInTouch returns the virtual stay-in-touch items due by today: one
// per active, unarchived member with a cadence and valid contact consent
// whose last contact is cadence days ago or more, and who has no open
// stay-in-touch reminder.
func stayInTouch(ctx context.Context, q store.Queryer, c clock) ([]Reminder, error) {
	today := c.today()
	var rows []stayRow
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT member_id, name, email, cadence, since,
		date(since, '+' || cadence || ' days') AS due_on
		FROM (SELECT m.id AS member_id, m.name, coalesce(m.email, '') AS email, m.contact_cadence_days AS cadence,
			coalesce(nullif(`+board.LastContactedSQL+`, ''), m.joined_on, substr(m.created_at, 1, 10)) AS since
			FROM members m
			WHERE m.archived_at IS NULL AND m.status = 'active' AND m.contact_cadence_days IS NOT NULL
			AND `+board.CanContactSQL+`
			AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.member_id = m.id AND r.kind = 'stay_in_touch'
				AND r.done_at IS NULL))
		WHERE date(since, '+' || cadence || ' days') <= ?
		ORDER BY due_on, name`, today, today)
	if err != nil {
		return nil, err
	}
	out := make([]Reminder, 0, len(rows))
	for _, r := range rows {
		d, err := time.ParseInLocation(time.DateOnly, r.DueOn, c.loc)
		if err != nil {
			return nil, fmt.Errorf("member %d: cadence date %q: %w", r.MemberID, r.DueOn, err)
		}
		due := atHour(d, 0, c.st.DueHour).Format(time.RFC3339)
		out = append(out, Reminder{
			Title: "Stay in touch with " + r.Name,
			Body: fmt.Sprintf("Last contact %s; the cadence is every %d days. Share what changed, ask how things are going.",
				r.Since, r.Cadence),
			Kind: "stay_in_touch", Channel: "email", Origin: "stay_in_touch",
			DueAt: due, ScheduledAt: due, TimeZone: c.zone,
			MemberID: r.MemberID, Member: r.Name, MemberEmail: r.Email,
			Outreach: true, Virtual: true,
		})
	}
	return out, nil
}

// LogContact logs a touchpoint for a member from a stay-in-touch item,
// which resets their cadence (and closes an open stay-in-touch reminder
// for them, with the same outcome).
func (s *Service) LogContact(memberID int64, in ContactInput) (Contact, error) {
	in.Outcome = strings.TrimSpace(in.Outcome)
	via, err := viaOf(in.Via, "email")
	if err == nil && via == "none" {
		err = invalid("via none logs no contact; choose email, message, call or meeting")
	}
	if err == nil && len([]rune(in.Outcome)) > maxBody {
		err = invalid("outcome is longer than %d characters", maxBody)
	}
	if err != nil {
		return Contact{}, fmt.Errorf("log contact with member %d: %w", memberID, err)
	}
	var out Contact
	err = s.writeTx(func(tx *sqlx.Tx, c clock) (err error) {
		var name string
		if err := sqlx.GetContext(s.ctx, tx, &name, `SELECT name FROM members WHERE id = ?`, memberID); err != nil {
			return store.Map(err, fmt.Sprintf("member %d", memberID))
		}
		summary := touchSummary("Stay in touch with "+name, in.Outcome)
		stamp := s.stamp()
		id, err := board.InsertTouchpoint(s.ctx, tx, board.TouchpointInsert{MemberID: memberID, Kind: via,
			HappenedOn: c.today(), Summary: summary, CreatedAt: stamp})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE reminders SET done_at = ?, outcome = ?, touchpoint_id = ?,
			revision = revision + 1, updated_at = ?
			WHERE member_id = ? AND kind = 'stay_in_touch' AND done_at IS NULL AND repeat_unit = ''`,
			stamp, in.Outcome, id, stamp, memberID); err != nil {
			return err
		}
		out = Contact{TouchpointID: id, MemberID: memberID, Kind: via, HappenedOn: c.today(), Summary: summary}
		return nil
	})
	if err != nil {
		return Contact{}, fmt.Errorf("log contact with member %d: %w", memberID, err)
	}
	return out, nil
}

// SnoozeStayInTouch puts off a virtual stay-in-touch item by saving it as
// a reminder due at the snooze time; the virtual item stays hidden while
// that reminder is open.
func (s *Service) SnoozeStayInTouch(memberID int64, in SnoozeInput) (Reminder, error) {
	var out Reminder
	err := s.writeTx(func(tx *sqlx.Tx, c clock) (err error) {
		items, err := stayInTouch(s.ctx, tx, c)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(items, func(r Reminder) bool { return r.MemberID == memberID })
		if i < 0 {
			return invalid("member %d is not due a stay-in-touch contact (cadence not run out, no consent, or a reminder is already open)", memberID)
		}
		v := items[i]
		due, ok := parseWhen(v.DueAt, c.loc)
		if !ok {
			return fmt.Errorf("stay-in-touch due time %q is not RFC 3339", v.DueAt)
		}
		t, err := snoozeTarget(in, c.now, due, c.loc, c.st.DueHour)
		if err != nil {
			return err
		}
		r := record{ReminderInput: ReminderInput{Title: v.Title, Body: v.Body, Kind: string(v.Kind), Channel: string(v.Channel),
			TimeZone: c.zone, MemberID: memberID}, due: t}
		id, err := insertReminder(s.ctx, tx, r, "stay_in_touch", s.stamp())
		if err != nil {
			return err
		}
		out, err = getReminder(s.ctx, tx, id, c.today())
		return err
	})
	if err != nil {
		return Reminder{}, fmt.Errorf("snooze stay in touch with member %d: %w", memberID, err)
	}
	return out, nil
}

// DueNotifications returns the reminders that have fallen due and were not
// notified for this due time yet, and marks them notified in the same
// statement, so two callers (the desktop ticker and a browser tab) never
// raise the same one twice.
func (s *Service) DueNotifications() ([]Notification, error) {
	out := []Notification{}
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		now := s.now()
		var ids []int64
		if err := sqlx.SelectContext(s.ctx, tx, &ids, `UPDATE reminders SET notified_at = ?
			WHERE done_at IS NULL AND notified_at IS NULL AND due_utc <= ? RETURNING id`,
			utc(now), utc(now)); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		return sqlx.SelectContext(s.ctx, tx, &out, `SELECT r.id AS reminder_id, r.title,
			CASE WHEN m.name IS NULL THEN r.body ELSE m.name || ': ' || r.body END AS body, r.due_at
			FROM reminders r LEFT JOIN members m ON m.id = r.member_id
			WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.due_utc, r.id`, jsonIDs(ids))
	})
	if err != nil {
		return nil, fmt.Errorf("due notifications: %w", err)
	}
	return out, nil
}

// DueSummary is one notice for the reminders that fell due since the last
// sweep, so notices never pile up one per reminder.
type DueSummary struct {
	New   int    `json:"new"`   // fell due since the last sweep; 0 = nothing to tell
	Due   int    `json:"due"`   // all that is due now: overdue + today (the badge)
	Title string `json:"title"` // "3 follow-ups fell due"; "" when New is 0
	Body  string `json:"body"`  // the first few titles: "Thank Ana; Ask Bo; and 1 more"
}

// DueSummary hands out the reminders that fell due since the last sweep
// (each once, as DueNotifications does) summed up as one notice, with the
// count of everything due now.
func (s *Service) DueSummary() (DueSummary, error) {
	ns, err := s.DueNotifications()
	if err != nil {
		return DueSummary{}, err
	}
	due, err := s.Badge()
	if err != nil {
		return DueSummary{}, fmt.Errorf("due summary: %w", err)
	}
	return summarize(ns, due), nil
}

// summaryTitles is how many titles a summary names before "and N more".
const summaryTitles = 3

// summarize sums up newly due reminders as one notice.
func summarize(ns []Notification, due int) DueSummary {
	out := DueSummary{New: len(ns), Due: due}
	if len(ns) == 0 {
		return out
	}
	out.Title = wording.Count(len(ns), "follow-up fell due", "follow-ups fell due")
	if len(ns) == 1 {
		out.Title = "Follow-up due: " + ns[0].Title
		out.Body = ns[0].Body
		return out
	}
	var titles []string
	for _, n := range ns[:min(len(ns), summaryTitles)] {
		titles = append(titles, n.Title)
	}
	out.Body = strings.Join(titles, "; ")
	if more := len(ns) - len(titles); more > 0 {
		out.Body += fmt.Sprintf("; and %d more", more)
	}
	return out
}

// jsonIDs encodes ids as a JSON array for json_each(?).
func jsonIDs(ids []int64) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%d", id)
	}
	b.WriteByte(']')
	return b.String()
}
