package loop

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// wallLayouts are the zone-less forms a due time may take.
var wallLayouts = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05"}

// parseWhen reads an RFC 3339 instant, or a wall time read in loc, and
// returns it in loc.
func parseWhen(v string, loc *time.Location) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.In(loc), true
	}
	for _, l := range wallLayouts {
		if t, err := time.ParseInLocation(l, v, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// daysIn is the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// step returns the occurrence after t: every days or weeks on the same
// wall clock, or every months on the anchor day (the month's last day when
// it is shorter). time.Date keeps the wall clock across DST.
func step(t time.Time, unit string, every, anchor int) time.Time {
	y, m, d := t.Date()
	hh, mm, ss := t.Clock()
	loc := t.Location()
	switch unit {
	case "day":
		return time.Date(y, m, d+every, hh, mm, ss, 0, loc)
	case "week":
		return time.Date(y, m, d+7*every, hh, mm, ss, 0, loc)
	case "month":
		first := time.Date(y, m+time.Month(every), 1, 0, 0, 0, 0, time.UTC)
		if anchor <= 0 {
			anchor = d
		}
		day := min(anchor, daysIn(first.Year(), first.Month()))
		return time.Date(first.Year(), first.Month(), day, hh, mm, ss, 0, loc)
	}
	return t
}

// nextAfter steps from scheduled until the occurrence is after now.
func nextAfter(scheduled time.Time, unit string, every, anchor int, now time.Time) time.Time {
	t := step(scheduled, unit, every, anchor)
	for i := 0; !t.After(now) && i < 100000; i++ {
		t = step(t, unit, every, anchor)
	}
	return t
}

// repeatLabel reads like "every 2 weeks"; "" for a one-off.
func repeatLabel(unit RepeatUnit, every int) string {
	switch {
	case unit == RepeatNone:
		return ""
	case every == 1:
		return "every " + string(unit)
	default:
		return fmt.Sprintf("every %d %ss", every, unit)
	}
}

// record is a validated ReminderInput, ready to write.
type record struct {
	ReminderInput
	due    time.Time
	anchor int
}

// Limits of a reminder's texts.
const (
	maxTitle = 300
	maxBody  = 5000
	maxOwner = 120 // a teammate's name is at most as long (team_devices.person)
)

// normalize trims and checks in, reading its due time in its zone (the
// clock's when none), and names every problem at once.
func (in ReminderInput) normalize(c clock) (record, error) {
	in.Title = strings.TrimSpace(in.Title)
	in.Body = strings.TrimSpace(in.Body)
	in.Kind = strings.TrimSpace(in.Kind)
	in.Channel = strings.TrimSpace(in.Channel)
	in.TimeZone = strings.TrimSpace(in.TimeZone)
	in.RepeatUnit = strings.TrimSpace(in.RepeatUnit)
	in.Owner = strings.TrimSpace(in.Owner)
	if in.Kind == "" {
		in.Kind = "custom"
	}
	if in.Channel == "" {
		in.Channel = "email"
	}
	var p valid.Problems
	p.Text("title", in.Title, maxTitle)
	p.MaxLen("body", in.Body, maxBody)
	p.MaxLen("owner", in.Owner, maxOwner)
	p.NoControl("owner", in.Owner)
	p.OneOf("kind", in.Kind, Kinds...)
	p.OneOf("channel", in.Channel, Channels...)
	if in.TemplateKey != "" && !slices.ContainsFunc(builtinTemplates, func(t Template) bool { return t.Key == in.TemplateKey }) {
		p.Add("templateKey", "templateKey %q is not a template", in.TemplateKey)
	}
	loc, zone := c.loc, c.zone
	if in.TimeZone != "" {
		l, err := zoneOf(in.TimeZone)
		if err != nil {
			p.Add("timeZone", "timeZone %q is not a known IANA zone (like Europe/Berlin)", in.TimeZone)
		} else {
			loc, zone = l, in.TimeZone
		}
	}
	in.TimeZone = zone
	var due time.Time
	if strings.TrimSpace(in.DueAt) == "" {
		p.Add("dueAt", "dueAt is required")
	} else if t, ok := parseWhen(in.DueAt, loc); !ok || t.Year() < 1900 || t.Year() > 2999 {
		p.Add("dueAt", "dueAt %q is not a date and time (like 2026-03-09T09:00)", in.DueAt)
	} else {
		due = t
	}
	p.OneOf("repeatUnit", in.RepeatUnit, RepeatUnits...)
	if in.RepeatUnit == "" && in.RepeatEvery != 0 {
		p.Add("repeatEvery", "repeatEvery needs a repeatUnit (day, week or month)")
	}
	if in.RepeatUnit != "" {
		p.Range("repeatEvery", in.RepeatEvery, 1, 999)
	}
	for _, id := range []struct {
		name string
		v    int64
	}{{"memberId", in.MemberID}, {"sessionId", in.SessionID}, {"assumptionId", in.AssumptionID}, {"decisionId", in.DecisionID}} {
		if id.v < 0 {
			p.Add(id.name, "%s %d is not an id", id.name, id.v)
		}
	}
	if in.Kind == "stay_in_touch" && in.MemberID == 0 {
		p.Add("memberId", "a stay-in-touch reminder needs a member")
	}
	if err := p.Err(); err != nil {
		return record{}, err
	}
	r := record{ReminderInput: in, due: due}
	if in.RepeatUnit == "month" {
		r.anchor = due.Day()
	}
	return r, nil
}

// invalid is shorthand for a one-problem validation error.
func invalid(format string, a ...any) error { return store.Invalid(format, a...) }
