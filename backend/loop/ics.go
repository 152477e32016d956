package loop

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/wording"
)

// icsRow is an open reminder as the calendar needs it.
type icsRow struct {
	ID          int64  `db:"id"`
	Title       string `db:"title"`
	Body        string `db:"body"`
	Kind        string `db:"kind"`
	DueAt       string `db:"due_at"`
	ScheduledAt string `db:"scheduled_at"`
	TimeZone    string `db:"time_zone"`
	RepeatUnit  string `db:"repeat_unit"`
	RepeatEvery int    `db:"repeat_every"`
	AnchorDay   int    `db:"anchor_day"`
	Revision    int    `db:"revision"`
	UpdatedAt   string `db:"updated_at"`
	Member      string `db:"member"`
	Session     string `db:"session"`
}

// icsLocal is the iCalendar form of a wall time (with a TZID parameter).
const icsLocal = "20060102T150405"

// ExportICS exports the open reminders as an iCalendar file that Google
// Calendar, Outlook and Apple Calendar import: one VEVENT per reminder
// with a stable UID (reminder-<id>@soundingboard, so importing again
// updates rather than duplicates), SEQUENCE, DTSTAMP, a display alarm at
// the due time, an RRULE for recurring ones, and DTSTART in the reminder's
// zone (TZID plus a VTIMEZONE) or in UTC when it has no zone name. A
// recurring reminder starts at its scheduled occurrence (a snooze of the
// current occurrence is not exported).
func (s *Service) ExportICS() (ExportFile, error) {
	content, err := s.exportICS(s.ctx, s.db)
	if err != nil {
		return ExportFile{}, fmt.Errorf("export calendar: %w", err)
	}
	return ExportFile{FileName: "soundingboard-reminders.ics", MimeType: "text/calendar", Content: content}, nil
}

func (s *Service) exportICS(ctx context.Context, q store.Queryer) (string, error) {
	var rows []icsRow
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT r.id, r.title, r.body, r.kind, r.due_at, r.scheduled_at,
		r.time_zone, r.repeat_unit, r.repeat_every, r.anchor_day, r.revision, r.updated_at,
		coalesce(m.name, '') AS member, coalesce(se.title, '') AS session
		FROM reminders r LEFT JOIN members m ON m.id = r.member_id LEFT JOIN sessions se ON se.id = r.session_id
		WHERE r.done_at IS NULL ORDER BY r.due_utc, r.id`)
	if err != nil {
		return "", err
	}
	now := s.now().UTC()
	cal := newCalendar("Reminders", ics.MethodPublish)
	cal.SetXWRCalName("Sounding Board reminders")
	var zones []string
	var events []*ics.VEvent
	for _, r := range rows {
		e, zone, err := event(r, now)
		if err != nil {
			return "", fmt.Errorf("reminder %d: %w", r.ID, err)
		}
		zones = append(zones, zone)
		events = append(events, e)
	}
	return writeCalendar(cal, zones, events, now.Year())
}

// newCalendar starts an iCalendar file as Sounding Board writes them; what
// names its purpose in the product id.
func newCalendar(what string, method ics.Method) *ics.Calendar {
	cal := ics.NewCalendar()
	cal.SetProductId("-//Sounding Board//" + what + "//EN")
	cal.SetMethod(method)
	cal.SetCalscale("GREGORIAN")
	return cal
}

// writeCalendar adds a VTIMEZONE for each zone named (once, before the
// events that use them, as RFC 5545 clients expect; "" = UTC needs none),
// then the events, and serialises the calendar with CRLF line ends.
func writeCalendar(cal *ics.Calendar, zones []string, events []*ics.VEvent, year int) (string, error) {
	seen := map[string]bool{"": true}
	for _, z := range zones {
		if seen[z] {
			continue
		}
		seen[z] = true
		loc, err := time.LoadLocation(z)
		if err != nil {
			return "", fmt.Errorf("time zone %s: %w", z, err)
		}
		cal.AddVTimezone(vtimezone(z, loc, year))
	}
	for _, e := range events {
		cal.AddVEvent(e)
	}
	return cal.Serialize(ics.WithNewLine("\r\n")), nil // RFC 5545 lines end in CRLF
}

// setWhen sets an event's DTSTART and DTEND: wall times with a TZID in
// zone, or UTC when zone is "".
func setWhen(e *ics.VEvent, start, end time.Time, zone string) {
	if zone == "" {
		e.SetStartAt(start)
		e.SetEndAt(end)
		return
	}
	loc, err := time.LoadLocation(zone)
	if err == nil {
		start, end = start.In(loc), end.In(loc)
	}
	e.SetProperty(ics.ComponentPropertyDtStart, start.Format(icsLocal), ics.WithTZID(zone))
	e.SetProperty(ics.ComponentPropertyDtEnd, end.Format(icsLocal), ics.WithTZID(zone))
}

// event builds one reminder's VEVENT and names the zone it uses ("" = UTC).
func event(r icsRow, stamp time.Time) (*ics.VEvent, string, error) {
	startText := r.DueAt
	if r.RepeatUnit != "" {
		startText = r.ScheduledAt
	}
	start, err := time.Parse(time.RFC3339, startText)
	if err != nil {
		return nil, "", fmt.Errorf("stored time %q: %w", startText, err)
	}
	zone := r.TimeZone
	if zone != "" {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			zone = ""
		} else {
			start = start.In(loc)
		}
	}
	e := ics.NewEvent(fmt.Sprintf("reminder-%d@soundingboard", r.ID))
	e.SetDtStampTime(stamp)
	if t, err := time.Parse(time.RFC3339, r.UpdatedAt); err == nil {
		e.SetLastModifiedAt(t)
	}
	e.SetSequence(r.Revision)
	setWhen(e, start, start.Add(30*time.Minute), zone)
	e.SetSummary(wording.PlainText(r.Title))
	desc := r.Body
	for _, extra := range []struct{ label, v string }{{"Member", r.Member}, {"Session", r.Session}} {
		if extra.v != "" {
			desc = strings.TrimSpace(desc + "\n" + extra.label + ": " + extra.v)
		}
	}
	if desc != "" {
		e.SetDescription(wording.PlainText(desc))
	}
	e.AddProperty(ics.ComponentPropertyCategories, strings.ReplaceAll(r.Kind, "_", "-"))
	e.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT") // a reminder does not make anyone busy
	if rule := rrule(r.RepeatUnit, r.RepeatEvery, r.AnchorDay); rule != "" {
		e.AddRrule(rule)
	}
	a := e.AddAlarm()
	a.SetAction(ics.ActionDisplay)
	a.SetTrigger("PT0S")
	a.SetProperty(ics.ComponentPropertyDescription, wording.PlainText(r.Title))
	return e, zone, nil
}

// rrule is the RFC 5545 rule of a repeat. Monthly ones keep the anchor
// day, falling back to the month's last day exactly as step does:
// BYMONTHDAY=28,29,30 with BYSETPOS=-1 is "the 30th, or the last day of a
// shorter month".
func rrule(unit string, every, anchor int) string {
	interval := ";INTERVAL=" + strconv.Itoa(every)
	switch unit {
	case "day":
		return "FREQ=DAILY" + interval
	case "week":
		return "FREQ=WEEKLY" + interval
	case "month":
		switch {
		case anchor >= 31:
			return "FREQ=MONTHLY" + interval + ";BYMONTHDAY=-1"
		case anchor >= 29:
			days := []string{}
			for d := 28; d <= anchor; d++ {
				days = append(days, strconv.Itoa(d))
			}
			return "FREQ=MONTHLY" + interval + ";BYMONTHDAY=" + strings.Join(days, ",") + ";BYSETPOS=-1"
		case anchor >= 1:
			return "FREQ=MONTHLY" + interval + ";BYMONTHDAY=" + strconv.Itoa(anchor)
		}
		return "FREQ=MONTHLY" + interval
	}
	return ""
}

// transition is a change of a zone's offset.
type transition struct {
	at         time.Time // the instant
	from, to   int       // offsets in seconds east of UTC
	name       string    // abbreviation after the change
	isDaylight bool
}

// transitions finds the offset changes of loc in [from, to), probing
// daily (from a whole second) and then bisecting to the second.
func transitions(loc *time.Location, from, to time.Time) []transition {
	var out []transition
	_, prev := from.In(loc).Zone()
	for t := from; t.Before(to); t = t.Add(24 * time.Hour) {
		next := t.Add(24 * time.Hour)
		_, off := next.In(loc).Zone()
		if off == prev {
			continue
		}
		lo, hi := t.Unix(), next.Unix() // whole seconds: offsets change on the second
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if _, o := time.Unix(mid, 0).In(loc).Zone(); o == prev {
				lo = mid
			} else {
				hi = mid
			}
		}
		at := time.Unix(hi, 0).UTC()
		name, _ := at.In(loc).Zone()
		out = append(out, transition{at: at, from: prev, to: off, name: name, isDaylight: at.In(loc).IsDST()})
		prev = off
	}
	return out
}

// offset formats seconds east of UTC as +HHMM.
func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	return fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
}

// yearlyRule describes a transition as "the nth (or last) weekday of a
// month", and whether that rule holds in the given years.
func yearlyRule(tr transition) (month time.Month, n int, wd time.Weekday) {
	local := tr.at.Add(time.Duration(tr.from) * time.Second).UTC() // wall clock before the change
	month, wd = local.Month(), local.Weekday()
	n = (local.Day()-1)/7 + 1
	if local.Day()+7 > daysIn(local.Year(), month) {
		n = -1
	}
	return month, n, wd
}

// nthWeekday is the day of month of the nth (-1 = last) weekday.
func nthWeekday(year int, month time.Month, n int, wd time.Weekday) int {
	if n == -1 {
		last := daysIn(year, month)
		lwd := time.Date(year, month, last, 0, 0, 0, 0, time.UTC).Weekday()
		return last - (int(lwd)-int(wd)+7)%7
	}
	fwd := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC).Weekday()
	return 1 + (int(wd)-int(fwd)+7)%7 + 7*(n-1)
}

var byDay = map[time.Weekday]string{time.Sunday: "SU", time.Monday: "MO", time.Tuesday: "TU",
	time.Wednesday: "WE", time.Thursday: "TH", time.Friday: "FR", time.Saturday: "SA"}

// vtimezone describes zone for calendar clients. A zone with yearly rules
// ("second Sunday of March") gets STANDARD and DAYLIGHT observances with
// yearly RRULEs from 1970, as Outlook expects; a zone without DST gets one
// STANDARD; a zone whose changes follow no weekday rule gets each change
// from the year before to ten years on listed on its own.
func vtimezone(zone string, loc *time.Location, year int) *ics.VTimezone {
	tz := ics.NewTimezone(zone)
	tz.SetProperty(ics.ComponentProperty("X-LIC-LOCATION"), zone)
	from := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	trs := transitions(loc, from, from.AddDate(1, 0, 0))
	observance := func(daylight bool, start string, tr transition, rule string) {
		var c *ics.ComponentBase
		if daylight {
			d := &ics.Daylight{}
			tz.Components = append(tz.Components, d)
			c = &d.ComponentBase
		} else {
			s := tz.AddStandard()
			c = &s.ComponentBase
		}
		c.SetProperty(ics.ComponentPropertyDtStart, start)
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), offset(tr.from))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(tr.to))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzname), tr.name)
		if rule != "" {
			c.SetProperty(ics.ComponentPropertyRrule, rule)
		}
	}
	if len(trs) == 0 {
		name, off := from.In(loc).Zone()
		observance(false, "19700101T000000", transition{from: off, to: off, name: name}, "")
		return tz
	}
	if rulesHold(loc, trs, year) {
		for _, tr := range trs {
			month, n, wd := yearlyRule(tr)
			local := tr.at.Add(time.Duration(tr.from) * time.Second).UTC()
			start := time.Date(1970, month, nthWeekday(1970, month, n, wd), local.Hour(), local.Minute(), local.Second(), 0, time.UTC)
			observance(tr.isDaylight, start.Format(icsLocal), tr,
				fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", int(month), n, byDay[wd]))
		}
		return tz
	}
	all := transitions(loc, from.AddDate(-1, 0, 0), from.AddDate(11, 0, 0))
	for _, tr := range all {
		observance(tr.isDaylight, tr.at.Add(time.Duration(tr.from)*time.Second).UTC().Format(icsLocal), tr, "")
	}
	return tz
}

// rulesHold checks that the weekday rules read off year's transitions
// predict the next ten years' transitions to the second.
func rulesHold(loc *time.Location, trs []transition, year int) bool {
	if len(trs) != 2 {
		return false
	}
	for y := year + 1; y <= year+10; y++ {
		from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		got := transitions(loc, from, from.AddDate(1, 0, 0))
		if len(got) != len(trs) {
			return false
		}
		for i, tr := range trs {
			month, n, wd := yearlyRule(tr)
			want := tr.at.Add(time.Duration(tr.from) * time.Second).UTC()
			wantLocal := time.Date(y, month, nthWeekday(y, month, n, wd), want.Hour(), want.Minute(), want.Second(), 0, time.UTC)
			gotLocal := got[i].at.Add(time.Duration(got[i].from) * time.Second).UTC()
			if !gotLocal.Equal(wantLocal) || got[i].from != tr.from || got[i].to != tr.to {
				return false
			}
		}
	}
	return true
}
