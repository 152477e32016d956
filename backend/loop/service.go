package loop

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// Service is the loop's API, bound to the desktop window and served over
// HTTP in browser mode. Its methods take no context because Wails binds
// them as they are; they use the context given at construction, which the
// app cancels on shutdown.
type Service struct {
	ctx  context.Context
	db   *store.DB
	now  func() time.Time
	zone string // the system's IANA zone name, "" when it cannot be told
}

// NewService returns a loop service over db.
func NewService(ctx context.Context, db *store.DB) *Service {
	return &Service{ctx: ctx, db: db, now: time.Now, zone: systemZone()}
}

// stamp is the current instant as RFC 3339 UTC.
func (s *Service) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// systemZone finds the IANA name of the local zone: $TZ, else the target
// of /etc/localtime (Linux, macOS). time.Local alone only says "Local",
// which a calendar file cannot name.
func systemZone() string {
	if tz := strings.TrimPrefix(os.Getenv("TZ"), ":"); tz != "" && tz != "Local" {
		if _, err := time.LoadLocation(tz); err == nil {
			return tz
		}
	}
	if p, err := os.Readlink("/etc/localtime"); err == nil {
		if i := strings.Index(p, "zoneinfo/"); i >= 0 {
			if _, err := time.LoadLocation(p[i+len("zoneinfo/"):]); err == nil {
				return p[i+len("zoneinfo/"):]
			}
		}
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		name := strings.TrimSpace(string(b))
		if _, err := time.LoadLocation(name); err == nil && name != "" {
			return name
		}
	}
	return ""
}

// zoneOf loads a zone by name; "" is time.Local (unnamed).
func zoneOf(name string) (*time.Location, error) {
	if name == "" {
		return time.Local, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "Local" {
		return nil, store.Invalid("time zone %q is not a known IANA zone (like Europe/Berlin)", name)
	}
	return loc, nil
}

// Setting keys in the settings table.
const (
	keyThankYou      = "loop.thank_you_hours"
	keyAfterthoughts = "loop.afterthoughts_days"
	keyFeedback      = "loop.feedback_days"
	keySynthesis     = "loop.synthesis_days"
	keyShareBack     = "loop.share_back_days"
	keyDueHour       = "loop.due_hour"
	keyTimeZone      = "loop.time_zone"
	keyTeamName      = "team_name"
)

// DefaultSettings follow the method: thank within 24 hours, synthesise
// within a week, share back within a month.
func DefaultSettings() Settings {
	return Settings{ThankYouHours: 24, AfterthoughtsDays: 3, FeedbackDays: 2, SynthesisDays: 7,
		ShareBackDays: 30, DueHour: 9} // no team name until the team sets one; drafts sign "The product team"
}

// GetSettings returns the loop settings, defaults where never saved.
func (s *Service) GetSettings() (Settings, error) {
	st, err := loadSettings(s.ctx, s.db)
	if err != nil {
		return Settings{}, fmt.Errorf("loop settings: %w", err)
	}
	return st, nil
}

func loadSettings(ctx context.Context, q store.Queryer) (Settings, error) {
	st := DefaultSettings()
	var rows []struct {
		Key   string `db:"key"`
		Value string `db:"value"`
	}
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?, ?, ?, ?, ?)`,
		keyThankYou, keyAfterthoughts, keyFeedback, keySynthesis, keyShareBack, keyDueHour, keyTimeZone, keyTeamName)
	if err != nil {
		return Settings{}, err
	}
	ints := map[string]*int{keyThankYou: &st.ThankYouHours, keyAfterthoughts: &st.AfterthoughtsDays,
		keyFeedback: &st.FeedbackDays, keySynthesis: &st.SynthesisDays, keyShareBack: &st.ShareBackDays, keyDueHour: &st.DueHour}
	for _, r := range rows {
		if p, ok := ints[r.Key]; ok {
			if n, err := strconv.Atoi(r.Value); err == nil {
				*p = n
			}
			continue
		}
		switch r.Key {
		case keyTimeZone:
			st.TimeZone = r.Value
		case keyTeamName:
			st.TeamName = r.Value
		}
	}
	return st, nil
}

// Validate checks the offsets are sensible and the zone is known.
func (st *Settings) Validate() error {
	st.TeamName = strings.TrimSpace(st.TeamName)
	st.TimeZone = strings.TrimSpace(st.TimeZone)
	var p valid.Problems
	p.Range("thankYouHours", st.ThankYouHours, 1, 24*14)
	p.Range("afterthoughtsDays", st.AfterthoughtsDays, 1, 90)
	p.Range("feedbackDays", st.FeedbackDays, 1, 90)
	p.Range("synthesisDays", st.SynthesisDays, 1, 90)
	p.Range("shareBackDays", st.ShareBackDays, 1, 365)
	p.Range("dueHour", st.DueHour, 0, 23)
	p.MaxLen("teamName", st.TeamName, 120)
	if st.TimeZone != "" {
		if _, err := zoneOf(st.TimeZone); err != nil {
			p.Add("timeZone", "timeZone %q is not a known IANA zone (like Europe/Berlin)", st.TimeZone)
		}
	}
	return p.Err()
}

// SaveSettings validates and stores the loop settings.
func (s *Service) SaveSettings(st Settings) (Settings, error) {
	if err := st.Validate(); err != nil {
		return Settings{}, fmt.Errorf("save loop settings: %w", err)
	}
	vals := [][2]string{
		{keyThankYou, strconv.Itoa(st.ThankYouHours)}, {keyAfterthoughts, strconv.Itoa(st.AfterthoughtsDays)},
		{keyFeedback, strconv.Itoa(st.FeedbackDays)}, {keySynthesis, strconv.Itoa(st.SynthesisDays)},
		{keyShareBack, strconv.Itoa(st.ShareBackDays)}, {keyDueHour, strconv.Itoa(st.DueHour)},
		{keyTimeZone, st.TimeZone}, {keyTeamName, st.TeamName},
	}
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		for _, kv := range vals {
			if _, err := tx.ExecContext(s.ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Settings{}, fmt.Errorf("save loop settings: %w", err)
	}
	return st, nil
}

// clock is "now" as the views see it: the instant, the zone (from the
// settings, else the system) and its name.
type clock struct {
	now  time.Time
	loc  *time.Location
	zone string
	st   Settings
}

// writeTx runs fn in a write transaction, with the clock (settings, zone,
// now) read inside it.
func (s *Service) writeTx(fn func(tx *sqlx.Tx, c clock) error) error {
	return store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		c, err := s.clock(s.ctx, tx)
		if err != nil {
			return err
		}
		return fn(tx, c)
	})
}

func (s *Service) clock(ctx context.Context, q store.Queryer) (clock, error) {
	st, err := loadSettings(ctx, q)
	if err != nil {
		return clock{}, err
	}
	name := st.TimeZone
	if name == "" {
		name = s.zone
	}
	loc, err := zoneOf(name)
	if err != nil {
		loc, name = time.Local, ""
	}
	return clock{now: s.now().In(loc), loc: loc, zone: name, st: st}, nil
}

// atHour is hour:00 on t's calendar day (plus days) in its zone.
func atHour(t time.Time, days, hour int) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+days, hour, 0, 0, 0, t.Location())
}

// utc formats an instant the way due_utc stores it (fixed width, sortable).
func utc(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }
