package board

import (
	"math"
	"net/mail"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // time zones validate the same on machines without a zoneinfo database (Windows)
	"unicode/utf8"

	"soundingboard/backend/valid"
)

// Limits on what a person can type; the schema enforces the ones it can.
const (
	maxName     = 200
	maxEmail    = 254
	maxShort    = 200 // phone, company, role, persona, source, reward what
	maxSegment  = 80
	maxLongText = 20000 // notes, summaries
	maxTag      = 60
	maxTags     = 50
	maxDesc     = 2000 // segment description
)

// The values each field accepts.
var (
	usageFrequencies = valid.Strings(AllUsageFrequencies)
	tones            = valid.Strings(AllTones)
	touchpointKinds  = valid.Strings(AllTouchpointKinds)
	rewardStatuses   = valid.Strings(AllRewardStatuses)
)

// fold is the case-insensitive key for segment and tag names. SQLite's
// NOCASE only folds ASCII, so "Ärger" and "ärger" are matched here.
func fold(s string) string { return strings.ToLower(s) }

// Validate normalises the input in place (trims text, lower-cases email and
// enumerations, defaults status to prospect, trims and de-duplicates tags
// case-insensitively, dropping empty ones) and then checks every field. It
// reports all problems at once, each naming its field, as one store.Invalid.
func (in *MemberInput) Validate() error {
	in.normalize()
	return in.problems().Err()
}

func (in *MemberInput) normalize() {
	for _, f := range []*string{&in.Name, &in.Email, &in.Phone, &in.Company, &in.Role, &in.Segment,
		&in.Persona, &in.Timezone, &in.Status, &in.JoinedOn, &in.Source, &in.Notes,
		&in.UsageFrequency, &in.Tone} {
		*f = strings.TrimSpace(*f)
	}
	in.Notes = lineFeeds(in.Notes)
	in.Email = strings.ToLower(in.Email)
	in.Status = strings.ToLower(in.Status)
	if in.Status == "" {
		in.Status = "prospect"
	}
	in.UsageFrequency = strings.ToLower(in.UsageFrequency)
	in.Tone = strings.ToLower(in.Tone)
	in.Tags = normalizeTags(in.Tags)
}

// lineFeeds writes the line breaks of multi-line text as "\n": Windows
// and old Mac line ends are not refused as control characters.
func lineFeeds(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// normalizeTags trims tags, drops empty ones and keeps the first spelling
// of tags that differ only in case. It never returns nil.
func normalizeTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" || seen[fold(t)] {
			continue
		}
		seen[fold(t)] = true
		out = append(out, t)
	}
	return out
}

// problems lists what is wrong with a normalised input, one sentence per
// field. The importer shows them per row.
func (in *MemberInput) problems() valid.Problems {
	var p valid.Problems

	p.Required("name", in.Name)
	for _, f := range []struct {
		name, v string
		max     int
	}{
		{"name", in.Name, maxName}, {"phone", in.Phone, maxShort}, {"company", in.Company, maxShort},
		{"role", in.Role, maxShort}, {"segment", in.Segment, maxSegment}, {"persona", in.Persona, maxShort},
		{"timezone", in.Timezone, maxShort}, {"source", in.Source, maxShort}, {"notes", in.Notes, maxLongText},
	} {
		p.MaxLen(f.name, f.v, f.max)
	}
	// One rule for every way in (typed, JSON, CSV, vCard): no control
	// characters, so none reach exports, reports or a terminal. Notes keep
	// line feeds and tabs; email, timezone, status, joinedOn and the
	// enumerations are refused by their own format checks below.
	for _, f := range [][2]string{{"name", in.Name}, {"phone", in.Phone}, {"company", in.Company},
		{"role", in.Role}, {"segment", in.Segment}, {"persona", in.Persona}, {"source", in.Source}} {
		p.NoControl(f[0], f[1])
	}
	p.NoControlLines("notes", in.Notes)
	if in.Email != "" {
		if utf8.RuneCountInString(in.Email) > maxEmail {
			p.Add("email", "email is longer than %d characters", maxEmail)
		} else if !validEmail(in.Email) {
			p.Add("email", "email %q is not a valid address", in.Email)
		}
	}
	p.OneOf("status", in.Status, Statuses...)
	if in.JoinedOn != "" {
		if d, err := time.Parse(time.DateOnly, in.JoinedOn); err != nil || d.Year() < 1900 {
			p.Add("joinedOn", "joinedOn %q is not a date (YYYY-MM-DD)", in.JoinedOn)
		} else if d.After(time.Now().AddDate(1, 0, 0)) {
			p.Add("joinedOn", "joinedOn %s is too far in the future", in.JoinedOn)
		}
	}
	if !slices.Contains(usageFrequencies, in.UsageFrequency) {
		p.Add("usageFrequency", "usageFrequency %q is not one of daily, weekly, monthly, rarely, never (or empty)", in.UsageFrequency)
	}
	if in.Articulation < 0 || in.Articulation > 5 {
		p.Add("articulation", "articulation %d is out of range (1 to 5, 0 = not rated)", in.Articulation)
	}
	if !slices.Contains(tones, in.Tone) {
		p.Add("tone", "tone %q is not one of too_agreeable, balanced, too_negative (or empty)", in.Tone)
	}
	if in.CadenceDays < 0 {
		p.Add("cadenceDays", "cadenceDays %d cannot be negative (0 = no cadence)", in.CadenceDays)
	}
	if in.Timezone != "" && utf8.RuneCountInString(in.Timezone) <= maxShort {
		if _, err := time.LoadLocation(in.Timezone); err != nil || in.Timezone == "Local" {
			p.Add("timezone", "timezone %q is not a known time zone (for example Europe/Berlin)", in.Timezone)
		}
	}
	if len(in.Tags) > maxTags {
		p.Add("tags", "tags: at most %d allowed, got %d", maxTags, len(in.Tags))
	}
	for _, t := range in.Tags {
		if utf8.RuneCountInString(t) > maxTag {
			p.Add("tags", "tag %q is longer than %d characters", t, maxTag)
		}
		p.NoControl("tags", t)
	}
	return p
}

// validEmail accepts a bare address (no display name, no angle brackets)
// that net/mail can parse.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Name == "" && a.Address == s
}

// pastDate returns v, or today when v is empty, recording a problem unless
// it is a real calendar date no later than today; ok is false then.
func pastDate(p *valid.Problems, field, v, today string) (date string, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return today, true
	}
	n := len(*p)
	if p.Date(field, v); len(*p) > n {
		return v, false
	}
	if v > today {
		p.Add(field, "%s %s is in the future", field, v)
		return v, false
	}
	return v, true
}

// Validate normalises a segment (trims name and description) and checks it.
func (in *SegmentInput) Validate() error {
	in.Name = strings.TrimSpace(in.Name)
	in.Description = lineFeeds(strings.TrimSpace(in.Description))
	var p valid.Problems
	p.Required("name", in.Name)
	p.MaxLen("name", in.Name, maxSegment)
	p.NoControl("name", in.Name)
	p.MaxLen("description", in.Description, maxDesc)
	p.NoControlLines("description", in.Description)
	if math.IsNaN(in.TargetShare) || in.TargetShare < 0 || in.TargetShare > 1 {
		p.Add("targetShare", "targetShare %v is out of range (0 to 1, 0 = no target)", in.TargetShare)
	}
	return p.Err()
}
