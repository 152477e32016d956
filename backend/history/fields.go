package history

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// format is how a column's value reads to a person.
type format int

const (
	text      format = iota // as written, long text cut short
	code                    // a closed set of codes: "opted_out" reads "Opted out"
	when                    // a stored time: "2026-12-03 14:02 UTC"
	list                    // a JSON array of strings or of {text}
	cents                   // an amount in cents: "12.50"
	reference               // the id of another record, read as its name
)

// field is a column a person reads in a record's history.
type field struct {
	label  string
	format format
	ref    ref // for reference: where the name is
}

// ref is where a referenced record's name is.
type ref struct{ table, col string }

// record is a kind of record whose history the window shows.
type record struct {
	table  string
	fields map[string]field
}

// bookkeeping columns never read as edits: every table's key and stamps.
var bookkeeping = map[string]bool{"id": true, "created_at": true, "updated_at": true}

// records are the kinds RecordHistory answers for. A column not listed in
// a kind's fields reads under its name made plain ("customer_title" reads
// "Customer title"), so a column a later migration adds shows up; a column
// of ids or bookkeeping a person never edits is listed with an empty label.
var records = map[string]record{
	"member": {table: "members", fields: map[string]field{
		"segment_id": {label: "Segment", format: reference, ref: ref{"segments", "name"}},
		"timezone":   {label: "Time zone"}, "status": {label: "Status", format: code},
		"usage_frequency": {label: "Usage frequency", format: code},
		"tone":            {label: "Tone", format: code}, "contact_cadence_days": {label: "Contact cadence (days)"},
		"archived_at": {label: "Archived", format: when},
	}},
	"reminder": {table: "reminders", fields: map[string]field{
		"body": {label: "What to do"}, "kind": {label: "Kind", format: code}, "channel": {label: "Channel", format: code},
		"due_at": {label: "Due", format: when}, "repeat_unit": {label: "Repeats", format: code},
		"member_id":     {label: "Member", format: reference, ref: ref{"members", "name"}},
		"session_id":    {label: "Session", format: reference, ref: ref{"sessions", "title"}},
		"assumption_id": {label: "Assumption", format: reference, ref: ref{"assumptions", "behavior"}},
		"decision_id":   {label: "Decision", format: reference, ref: ref{"decisions", "title"}},
		"done_at":       {label: "Done", format: when}, "origin": {label: "Origin", format: code},
		"template_key": {}, "due_utc": {}, "scheduled_at": {}, "anchor_day": {}, "series_id": {},
		"touchpoint_id": {}, "notified_at": {}, "revision": {},
	}},
	"session": {table: "sessions", fields: map[string]field{
		"decision_id": {label: "Decision", format: reference, ref: ref{"decisions", "title"}},
		"format":      {label: "Format", format: code}, "scheduled_on": {label: "Date"},
		"duration_minutes": {label: "Length (minutes)"}, "prompts": {label: "Prompts", format: list},
		"opener": {label: "Opener", format: list}, "status": {label: "Status", format: code},
		"started_at": {label: "Started", format: when}, "finished_at": {label: "Finished", format: when},
		"customer_title": {label: "Title for customers"}, "reward_budget_cents": {label: "Reward budget", format: cents},
		"current_position": {}, "current_activity": {},
	}},
	"assumption": {table: "assumptions", fields: map[string]field{
		"decision_id": {label: "Decision", format: reference, ref: ref{"decisions", "title"}},
		"category":    {label: "Category", format: code},
	}},
	"decision": {table: "decisions", fields: map[string]field{}},
}

// kinds lists the record kinds, for the message that refuses another.
const kinds = "member, reminder, session, assumption, decision"

// field is how col of the record reads; ok is false for a column a
// person never edits.
func (r record) field(col string) (field, bool) {
	if bookkeeping[col] {
		return field{}, false
	}
	f, listed := r.fields[col]
	if !listed {
		if strings.HasSuffix(col, "_id") {
			return field{}, false
		}
		return field{label: plain(col)}, true
	}
	return f, f.label != ""
}

// plain makes a code or column name read as words: "opted_out" → "Opted out".
func plain(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

// longest is how much of a long text an edit shows.
const longest = 280

// show is value as the person reads it under f; names resolves
// references. A value that does not parse as f expects reads as written.
func (f field) show(value any, names func(ref, int64) string) string {
	if value == nil {
		return ""
	}
	switch v := value.(type) {
	case int64:
		switch f.format {
		case reference:
			return names(f.ref, v)
		case cents:
			return fmt.Sprintf("%d.%02d", v/100, v%100)
		}
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case []byte:
		return cut(string(v))
	case string:
		switch f.format {
		case code:
			if v == "" {
				return ""
			}
			return plain(v)
		case when:
			for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04"} {
				if t, err := time.Parse(layout, v); err == nil {
					if layout == time.RFC3339Nano {
						return t.Format("2006-01-02 15:04 MST") // in its own zone: "… 09:00 -0400", "… UTC"
					}
					return t.Format("2006-01-02 15:04")
				}
			}
		case list:
			if items, ok := listItems(v); ok {
				return cut(strings.Join(items, "; "))
			}
		}
		return cut(v)
	}
	return fmt.Sprint(value)
}

// listItems reads a JSON array of strings or of objects with a text.
func listItems(v string) ([]string, bool) {
	var raw []json.RawMessage
	if json.Unmarshal([]byte(v), &raw) != nil {
		return nil, false
	}
	out := make([]string, 0, len(raw))
	for _, r := range raw {
		var s string
		var o struct {
			Text string `json:"text"`
		}
		switch {
		case json.Unmarshal(r, &s) == nil:
			out = append(out, s)
		case json.Unmarshal(r, &o) == nil:
			out = append(out, o.Text)
		default:
			return nil, false
		}
	}
	return out, true
}

// cut shortens a long text to what a line of history shows.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= longest {
		return s
	}
	return string([]rune(s)[:longest]) + "…"
}
