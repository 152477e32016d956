package contacts

import (
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Record is one contact read from a file: field name -> value (only
// non-empty values; first/middle/last already combined into name) and
// tags. Problems lists what could not be read; the offending value is left
// out of Fields, so a record with problems is still safe to show.
type Record struct {
	Line     int // first line of the row (CSV) or card number (vCard), 1-based
	Fields   map[string]string
	Tags     []string
	Problems []string
	Raw      []string // CSV only: the cells as read, to hand a row back to fix

	// While reading: notes gathered for finish to join, and the folded
	// tags seen, so a card with many notes or tags reads in linear time.
	notes   []string
	tagSeen map[string]bool
}

// Get returns the value of field f, or "".
func (r *Record) Get(f string) string { return r.Fields[f] }

func newRecord(line int) *Record {
	return &Record{Line: line, Fields: map[string]string{}, Tags: []string{}, Problems: []string{}}
}

func (r *Record) problemf(format string, a ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, a...))
}

// add puts one raw value into the record. Several columns may feed the same
// field: email and phone take the first non-empty value, notes and tags
// collect all (notes are joined by finish), everything else keeps the first.
func (r *Record) add(field, value string) {
	value = strings.TrimSpace(value)
	if value == "" || field == "" || field == Ignore {
		return
	}
	switch field {
	case Tags:
		r.addTags(splitTags(value))
		return
	case Notes:
		r.notes = append(r.notes, strings.ReplaceAll(value, "\r\n", "\n"))
		return
	case Email:
		value = cleanEmail(value)
	case Phone:
		value = firstOf(value, ":::")
	}
	if value != "" && r.Fields[field] == "" {
		r.Fields[field] = value
	}
}

// addTags adds the tags not yet there, ignoring case.
func (r *Record) addTags(tags []string) {
	if r.tagSeen == nil {
		r.tagSeen = map[string]bool{}
	}
	for _, t := range tags {
		if k := strings.ToLower(t); !r.tagSeen[k] {
			r.tagSeen[k] = true
			r.Tags = append(r.Tags, t)
		}
	}
}

// finish combines name parts and normalises values, recording a problem
// (and dropping the value) for anything it cannot read.
func (r *Record) finish() {
	if len(r.notes) > 0 {
		r.Fields[Notes] = strings.Join(r.notes, "\n\n")
	}
	r.notes, r.tagSeen = nil, nil
	first, middle, last := r.Fields[FirstName], r.Fields[MiddleName], r.Fields[LastName]
	delete(r.Fields, FirstName)
	delete(r.Fields, MiddleName)
	delete(r.Fields, LastName)
	if r.Fields[Name] == "" {
		if n := JoinName(first, middle, last); n != "" {
			r.Fields[Name] = n
		}
	}
	for _, f := range []string{Name, Email, Phone, Company, Role, Notes} {
		if strings.ContainsRune(r.Fields[f], '\uFFFD') {
			r.problemf("%s %q has unreadable characters (�); the file may use another encoding", label(f), shorten(r.Fields[f]))
		}
	}
	if v, ok := r.Fields[Status]; ok {
		if s, known := NormalizeStatus(v); known {
			r.Fields[Status] = s
		} else {
			delete(r.Fields, Status)
			r.problemf("status %q is not one of %s", v, strings.Join(Statuses, ", "))
		}
	}
	r.normalizeDate(JoinedOn, "joined date")
	if v, ok := r.Fields[UsageFrequency]; ok {
		if u, known := normalizeUsage(v); known {
			r.Fields[UsageFrequency] = u
		} else {
			delete(r.Fields, UsageFrequency)
			r.problemf("usage frequency %q is not one of %s", v, strings.Join(UsageFrequencies, ", "))
		}
	}
	if v, ok := r.Fields[Tone]; ok {
		if t, known := normalizeTone(v); known {
			r.Fields[Tone] = t
		} else {
			delete(r.Fields, Tone)
			r.problemf("tone %q is not one of %s", v, strings.Join(Tones, ", "))
		}
	}
	if v, ok := r.Fields[Articulation]; ok {
		if n, ok := parseInt(v); ok && n >= 1 && n <= 5 {
			r.Fields[Articulation] = strconv.Itoa(n)
		} else {
			delete(r.Fields, Articulation)
			r.problemf("articulation %q is not a number from 1 to 5", v)
		}
	}
	r.finishConsents()
	if v, ok := r.Fields[CadenceDays]; ok {
		if n, ok := parseInt(v); ok && n > 0 && n <= 3650 {
			r.Fields[CadenceDays] = strconv.Itoa(n)
		} else {
			delete(r.Fields, CadenceDays)
			r.problemf("cadence %q is not a number of days", v)
		}
	}
}

// finishConsents reads each consent cell as "yes" or "no" and each consent
// date as YYYY-MM-DD. A yes needs a date (its own or the shared consent
// date): consent is evidence, and an update compares dates to decide
// whether the file is newer than what the board holds.
func (r *Record) finishConsents() {
	r.normalizeDate(ConsentDate, "consent date")
	for _, c := range ConsentFields {
		if !r.normalizeDate(c.Date, c.Kind+" consent date") {
			if d := r.Fields[ConsentDate]; d != "" && r.Fields[c.Value] != "" {
				r.Fields[c.Date] = d
			}
		}
		v, ok := r.Fields[c.Value]
		if !ok {
			continue
		}
		yes, known := yesNo(v)
		switch {
		case !known:
			delete(r.Fields, c.Value)
			r.problemf("%s consent %q is not yes or no", c.Kind, v)
		case yes && r.Fields[c.Date] == "":
			delete(r.Fields, c.Value)
			r.problemf("%s consent is yes but has no date; add the date it was given (YYYY-MM-DD)", c.Kind)
		case yes:
			r.Fields[c.Value] = "yes"
		default:
			r.Fields[c.Value] = "no"
		}
	}
}

// normalizeDate rewrites field, when the row has it, as YYYY-MM-DD, or
// drops it with a problem naming what it is ("joined date"). It reports
// whether the row had the field.
func (r *Record) normalizeDate(field, what string) bool {
	v, ok := r.Fields[field]
	if !ok {
		return false
	}
	if d, ok := ParseDate(v); ok {
		r.Fields[field] = d
	} else {
		delete(r.Fields, field)
		r.problemf("%s %q is not a date (write it as YYYY-MM-DD)", what, v)
	}
	return true
}

// yesNo reads a consent cell the ways spreadsheets and CRMs write it.
func yesNo(v string) (yes, known bool) {
	switch word(v) {
	case "yes", "y", "true", "1", "x", "✓", "✔", "granted", "given", "opted_in", "opt_in", "optin", "ok", "agreed":
		return true, true
	case "no", "n", "false", "0", "revoked", "withdrawn", "declined", "refused", "opted_out", "opt_out", "optout":
		return false, true
	}
	return false, false
}

func label(field string) string { return strings.ReplaceAll(field, "_", " ") }

func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func parseInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, ".0"), ".00") // spreadsheets write 4 as 4.0
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// firstOf returns the first non-empty part of v split by sep (Google puts
// several values in one cell separated by " ::: ").
func firstOf(v, sep string) string {
	for _, p := range strings.Split(v, sep) {
		if p = strings.TrimSpace(p); p != "" {
			return p
		}
	}
	return ""
}

// cleanEmail takes the first address of a cell: "a@x ::: b@y",
// "a@x; b@y", "Ann <a@x>" and "mailto:a@x" all give a@x. A value that is
// no address at all is returned as is, for validation to name.
func cleanEmail(v string) string {
	v = firstOf(v, ":::")
	v = firstOf(v, ";")
	if strings.Count(v, "@") > 1 {
		v = firstOf(v, ",")
	}
	if strings.Contains(v, "<") {
		if a, err := mail.ParseAddress(v); err == nil {
			v = a.Address
		}
	}
	if len(v) > 7 && strings.EqualFold(v[:7], "mailto:") {
		v = v[7:]
	}
	return strings.TrimSpace(v)
}

// splitTags splits a tag cell: Google labels use " ::: ", Outlook
// categories and our export use ";", others ",". Google's system label
// "myContacts" is dropped and the "* " of its other system labels removed.
func splitTags(v string) []string {
	var parts []string
	switch {
	case strings.Contains(v, ":::"):
		parts = strings.Split(v, ":::")
	case strings.Contains(v, ";"):
		parts = strings.Split(v, ";")
	default:
		parts = strings.Split(v, ",")
	}
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "* "))
		if p == "" || strings.EqualFold(p, "myContacts") {
			continue
		}
		out = append(out, p)
	}
	return out
}

// JoinName builds a display name from its parts. Names written in Chinese,
// Japanese or Korean script put the family name first, without spaces.
func JoinName(first, middle, last string) string {
	first, middle, last = strings.TrimSpace(first), strings.TrimSpace(middle), strings.TrimSpace(last)
	if first != "" && last != "" && middle == "" && isCJK(first) && isCJK(last) {
		return last + first
	}
	var parts []string
	for _, p := range []string{first, middle, last} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

func isCJK(s string) bool {
	for _, r := range s {
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return false
		}
	}
	return s != ""
}

// Statuses, UsageFrequencies and Tones are the values the board accepts.
var (
	Statuses         = []string{"prospect", "invited", "active", "paused", "alumni", "declined", "opted_out"}
	UsageFrequencies = []string{"daily", "weekly", "monthly", "rarely", "never"}
	Tones            = []string{"too_agreeable", "balanced", "too_negative"}
)

// word lower-cases v and joins its words with underscores:
// "Opted-Out " -> "opted_out".
func word(v string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t'
	}), "_")
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

// NormalizeStatus reads a status case-insensitively, with the synonyms
// people write. It reports false for a value that is no board status
// (sales stages such as "customer" are not).
func NormalizeStatus(v string) (string, bool) {
	w := word(v)
	if oneOf(w, Statuses) {
		return w, true
	}
	switch w {
	case "optedout", "opt_out", "optout", "unsubscribed", "do_not_contact":
		return "opted_out", true
	case "invite_sent", "invitation_sent":
		return "invited", true
	case "on_hold", "onhold":
		return "paused", true
	case "alumnus", "alumna", "former", "former_member":
		return "alumni", true
	case "refused", "rejected":
		return "declined", true
	}
	return v, false
}

func normalizeUsage(v string) (string, bool) {
	w := word(v)
	if oneOf(w, UsageFrequencies) {
		return w, true
	}
	switch w {
	case "every_day", "day":
		return "daily", true
	case "every_week", "week":
		return "weekly", true
	case "every_month", "month":
		return "monthly", true
	case "seldom", "occasionally", "rare":
		return "rarely", true
	}
	return v, false
}

func normalizeTone(v string) (string, bool) {
	w := word(v)
	if oneOf(w, Tones) {
		return w, true
	}
	switch w {
	case "agreeable", "too_positive", "positive":
		return "too_agreeable", true
	case "neutral":
		return "balanced", true
	case "negative", "critical", "too_critical":
		return "too_negative", true
	}
	return v, false
}

// dateLayouts are the calendar forms accepted, each optionally followed by
// a time of day. Slashes with the month first follow Outlook and HubSpot
// (US); dots with the day first follow German-speaking Europe.
var dateLayouts = []string{"2006-1-2", "2006/1/2", "2.1.2006", "1/2/2006", "20060102"}
var timeLayouts = []string{"", " 15:04", " 15:04:05", "T15:04", "T15:04:05", " 3:04 PM", " 3:04:05 PM", " 3:04PM"}

// ParseDate reads a date in the accepted forms and returns it as YYYY-MM-DD.
func ParseDate(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.Format(time.DateOnly), true
	}
	for _, d := range dateLayouts {
		for _, tl := range timeLayouts {
			if t, err := time.Parse(d+tl, v); err == nil {
				return t.Format(time.DateOnly), true
			}
		}
	}
	return "", false
}
