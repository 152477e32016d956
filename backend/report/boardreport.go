package report

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/wording"
)

// boardStatuses are the statuses whose members the participation table
// lists: the board proper, not prospects or former members.
var boardStatuses = []board.MemberStatus{board.StatusActive, board.StatusPaused, board.StatusInvited}

type participation struct {
	MemberID    int64  `db:"member_id"`
	Sessions    int    `db:"sessions"`
	LastSession string `db:"last_session"`
}

type rewardRow struct {
	GivenOn    string `db:"given_on"`
	Member     string `db:"member"`
	What       string `db:"what"`
	ValueCents int64  `db:"value_cents"`
	Currency   string `db:"currency"`
}

type boardModel struct {
	comp     board.Composition
	members  []board.Member // of boardStatuses
	others   int            // current members not listed
	part     map[int64]participation
	rewards  []rewardRow // the last 12 months
	since    string
	consents []board.ExpiringConsent // within board.ConsentExpiryWindow, as the composition counts them
	loop     LoopStatus
	today    string
}

func (s *Service) loadBoard() (*boardModel, error) {
	m := &boardModel{part: map[int64]participation{}, today: s.today()}
	var err error
	if m.comp, err = s.board.Composition(); err != nil {
		return nil, err
	}
	page, err := s.board.ListMembers(board.MemberQuery{})
	if err != nil {
		return nil, err
	}
	for _, mem := range page.Members {
		if slices.Contains(boardStatuses, mem.Status) {
			m.members = append(m.members, mem)
		} else {
			m.others++
		}
	}
	sort.SliceStable(m.members, func(i, j int) bool {
		return slices.Index(boardStatuses, m.members[i].Status) < slices.Index(boardStatuses, m.members[j].Status)
	})
	var parts []participation
	if err := sqlx.SelectContext(s.ctx, s.db, &parts, `SELECT member_id, count(*) AS sessions, max(happened_on) AS last_session
		FROM touchpoints WHERE kind = 'session' GROUP BY member_id`); err != nil {
		return nil, fmt.Errorf("read participation: %w", err)
	}
	for _, p := range parts {
		m.part[p.MemberID] = p
	}
	now := s.now()
	m.since = now.AddDate(-1, 0, 0).Format(time.DateOnly)
	if err := sqlx.SelectContext(s.ctx, s.db, &m.rewards, `SELECT r.given_on, m.name AS member, r.what, r.value_cents, r.currency
		FROM rewards r JOIN members m ON m.id = r.member_id
		WHERE r.given_on >= ? ORDER BY r.given_on DESC, r.id DESC`, m.since); err != nil {
		return nil, fmt.Errorf("read rewards: %w", err)
	}
	// The same list the composition's warning counts: one definition.
	if m.consents, err = s.board.ConsentsExpiring(board.ConsentExpiryWindow); err != nil {
		return nil, err
	}
	if m.loop, err = s.boardFollowUps(); err != nil {
		return nil, err
	}
	return m, nil
}

func (s *Service) buildBoard(team string) (*built, error) {
	m, err := s.loadBoard()
	if err != nil {
		return nil, err
	}
	b := &built{
		title:    "Advisory board",
		subtitle: fmt.Sprintf("%d active of %d members", m.comp.Active, m.comp.Total),
		fileBase: slug("board", s.today()),
		pdf:      func(d *doc) { drawBoard(d, m, team) },
		sections: []Section{
			{Title: "Composition by segment", Items: len(m.comp.Rows), Note: strings.Join(m.comp.Warnings, " ")},
			{Title: "Participation and last contact", Items: len(m.members)},
			{Title: "Rewards (last 12 months)", Items: len(m.rewards)},
			{Title: "Loop closure", Items: m.loop.Attended, Note: fmt.Sprintf("%s heard back", pct(m.loop.Rate))},
			{Title: consentTitle, Items: len(m.consents)},
		},
	}
	return b, nil
}

func drawBoard(d *doc, m *boardModel, team string) {
	lo, hi := m.comp.IdealRange[0], m.comp.IdealRange[1]
	d.cover(team, "Advisory board", fmt.Sprintf("%d active of %d members", m.comp.Active, m.comp.Total), [][2]string{
		{"Active members", fmt.Sprintf("%d (the method suggests %d–%d)", m.comp.Active, lo, hi)},
		{"Segments", strconv.Itoa(len(m.comp.Rows))},
		{"Heard back", m.loop.summary() + ", after finished sessions"},
		{"Consent", fmt.Sprintf("%s within %d days", wording.Count(len(m.consents), "consent expires", "consents expire"),
			board.ConsentExpiryWindow)},
		{"As of", dateLabel(m.today)},
	})

	d.heading("Composition by segment")
	if len(m.comp.Warnings) > 0 {
		d.bullets(m.comp.Warnings, textStyle{size: 9, color: verdictInk["needs_research"]})
		d.f.Ln(2)
	}
	var bs []bar
	for _, r := range m.comp.Rows {
		target := -1.0
		text := pct(r.ActiveShare)
		if r.TargetShare > 0 {
			target = r.TargetShare
			text += " (target " + pct(r.TargetShare) + ")"
		}
		bs = append(bs, bar{label: r.Segment, value: r.ActiveShare, target: target, text: text, color: accentColor})
	}
	if len(bs) > 0 {
		d.text("Share of active members by segment", textStyle{size: 8.5, bold: true, color: inkColor})
		d.f.Ln(1)
		d.bars(bs, 1) // shares on the whole 0–100 % scale
	}
	cols := []column{{title: "Segment", width: 24, bold: true}, {title: "Target", width: 8, align: "R"}, {title: "Active share", width: 8, align: "R"}}
	for _, st := range m.comp.Statuses {
		cols = append(cols, column{title: capitalize(strings.ReplaceAll(st, "_", " ")), width: 8, align: "R"})
	}
	cols = append(cols, column{title: "Total", width: 8, align: "R", bold: true})
	rows := make([][]string, len(m.comp.Rows))
	for i, r := range m.comp.Rows {
		target := "—"
		if r.TargetShare > 0 {
			target = pct(r.TargetShare)
		}
		row := []string{r.Segment, target, pct(r.ActiveShare)}
		for _, st := range m.comp.Statuses {
			row = append(row, strconv.Itoa(r.ByStatus[st]))
		}
		rows[i] = append(row, strconv.Itoa(r.Total))
	}
	d.table(table{cols: cols, rows: rows, size: 7.5})
	if len(m.comp.Tones) > 0 {
		var parts []string
		for _, t := range []string{"balanced", "too_agreeable", "too_negative", ""} {
			if n := m.comp.Tones[t]; n > 0 {
				label := strings.ReplaceAll(t, "_", " ")
				if t == "" {
					label = "not rated"
				}
				parts = append(parts, fmt.Sprintf("%d %s", n, label))
			}
		}
		d.text("Tone of active members: "+strings.Join(parts, " · "), textStyle{size: 8.5, color: mutedColor})
	}

	d.heading("Participation and last contact")
	if m.others > 0 {
		d.text(fmt.Sprintf("Active, paused and invited members; %s (prospects, alumni, declined, opted out) not listed.",
			wording.Count(m.others, "other", "others")), textStyle{size: 8.5, color: mutedColor})
		d.f.Ln(1)
	}
	rows = make([][]string, len(m.members))
	for i, mem := range m.members {
		p := m.part[mem.ID]
		contact := "yes"
		if !mem.CanContact {
			contact = "no"
		}
		rows[i] = []string{mem.Name, orDash(mem.Segment), capitalize(string(mem.Status)), strconv.Itoa(p.Sessions),
			orDash(p.LastSession), orDash(mem.LastContacted), contact}
	}
	d.table(table{cols: []column{{title: "Member", width: 25}, {title: "Segment", width: 23}, {title: "Status", width: 10},
		{title: "Sessions", width: 10, align: "R"}, {title: "Last session", width: 14}, {title: "Last contact", width: 14},
		{title: "May contact", width: 9, align: "C"}}, rows: rows, size: 8,
		color: func(r, c int) *rgb {
			if c == 6 && !m.members[r].CanContact {
				col := verdictInk["invalidated"]
				return &col
			}
			return nil
		}})

	d.heading("Rewards given")
	if len(m.rewards) == 0 {
		d.text("No rewards in the last 12 months.", textStyle{color: mutedColor})
	} else {
		totals := map[string]int64{}
		var curs []string
		for _, r := range m.rewards {
			if r.ValueCents == 0 {
				continue
			}
			if _, ok := totals[r.Currency]; !ok {
				curs = append(curs, r.Currency)
			}
			totals[r.Currency] += r.ValueCents
		}
		var parts []string
		for _, c := range curs {
			parts = append(parts, money(totals[c], c))
		}
		sum := wording.Count(len(m.rewards), "reward", "rewards") + " since " + dateLabel(m.since)
		if len(parts) > 0 {
			sum += ", worth " + strings.Join(parts, " + ")
		}
		d.text(sum+".", textStyle{size: 10, bold: true, color: inkColor})
		d.f.Ln(1.5)
		rows = make([][]string, len(m.rewards))
		for i, r := range m.rewards {
			rows[i] = []string{r.GivenOn, r.Member, r.What, money(r.ValueCents, r.Currency)}
		}
		d.table(table{cols: []column{{title: "Date", width: 14}, {title: "Member", width: 28}, {title: "What", width: 40},
			{title: "Value", width: 14, align: "R"}}, rows: rows, size: 8})
	}

	d.heading("Loop closure")
	if m.loop.Attended == 0 {
		d.text("No finished session has participants marked as attended yet.", textStyle{color: mutedColor})
	} else {
		d.bars([]bar{{label: "Heard back", value: m.loop.Rate, target: -1, color: verdictInk["validated"],
			text: fmt.Sprintf("%s (%d of %d)", pct(m.loop.Rate), m.loop.HeardBack, m.loop.Eligible)}}, 1)
		d.text(m.loop.Definition, textStyle{size: 8, color: mutedColor})
		if len(m.loop.People) > 0 {
			d.f.Ln(1.5)
			d.text("Not heard back yet", textStyle{size: 9, bold: true, color: inkColor})
			rows = make([][]string, len(m.loop.People))
			for i, p := range m.loop.People {
				c := "yes"
				if !p.CanContact {
					c = "no"
				}
				rows[i] = []string{p.Member, p.Session, c}
			}
			d.table(table{cols: []column{{title: "Member", width: 30}, {title: "Session", width: 56},
				{title: "May contact", width: 14, align: "C"}}, rows: rows, size: 8})
		}
	}

	d.heading(consentTitle)
	if len(m.consents) == 0 {
		d.text(fmt.Sprintf("No consent expires in the next %d days.", board.ConsentExpiryWindow), textStyle{color: mutedColor})
		return
	}
	rows = make([][]string, len(m.consents))
	for i, c := range m.consents {
		rows[i] = []string{c.Member, capitalize(c.Kind), c.ExpiresOn, daysLeftText(c.DaysLeft)}
	}
	d.table(table{cols: []column{{title: "Member", width: 34}, {title: "Consent", width: 16}, {title: "Expires", width: 16},
		{title: "", width: 34}}, rows: rows, size: 8})
}

// consentTitle names the board report's consent section.
var consentTitle = fmt.Sprintf("Consent expiring within %d days", board.ConsentExpiryWindow)

// daysLeftText says how soon a consent ends: "expires today", "expires in 12 days".
func daysLeftText(n int) string {
	if n == 0 {
		return "expires today"
	}
	return "expires in " + wording.Count(n, "day", "days")
}

// money formats cents with the currency code: "EUR 50.00".
func money(cents int64, currency string) string {
	if cents == 0 {
		return "—"
	}
	s := fmt.Sprintf("%d.%02d", cents/100, cents%100)
	if currency != "" {
		s = currency + " " + s
	}
	return s
}
