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

var (
	usageFrequencies = []string{"", "daily", "weekly", "monthly", "rarely", "never"}
	tones            = []string{"", "too_agreeable", "balanced", "too_negative"}
	touchpointKinds  = []string{"session", "call", "email", "meeting", "message", "note"}
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
	return valid.Problems(in.problems()).Err()
}

func (in *MemberInput) normalize() {
	for _, f := range []*string{&in.Name, &in.Email, &in.Phone, &in.Company, &in.Role, &in.Segment,
		&in.Persona, &in.Timezone, &in.Status, &in.JoinedOn, &in.Source, &in.Notes,
		&in.UsageFrequency, &in.Tone} {
		*f = strings.TrimSpace(*f)
	}
	in.Email = strings.ToLower(in.Email)
	in.Status = strings.ToLower(in.Status)
	if in.Status == "" {
		in.Status = "prospect"
	}
	in.UsageFrequency = strings.ToLower(in.UsageFrequency)
	in.Tone = strings.ToLower(in.Tone)
	in.Tags = normalizeTags(in.Tags)
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
func (in *MemberInput) problems() []string {
	var p valid.Problems
	add := p.Add

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
	if in.Email != "" {
		if utf8.RuneCountInString(in.Email) > maxEmail {
			add("email is longer than %d characters", maxEmail)
		} else if !validEmail(in.Email) {
			add("email %q is not a valid address", in.Email)
		}
	}
	p.OneOf("status", in.Status, Statuses...)
	if in.JoinedOn != "" {
		if d, err := time.Parse(time.DateOnly, in.JoinedOn); err != nil || d.Year() < 1900 {
			add("joinedOn %q is not a date (YYYY-MM-DD)", in.JoinedOn)
		} else if d.After(time.Now().AddDate(1, 0, 0)) {
			add("joinedOn %s is too far in the future", in.JoinedOn)
		}
	}
	if !slices.Contains(usageFrequencies, in.UsageFrequency) {
		add("usageFrequency %q is not one of daily, weekly, monthly, rarely, never (or empty)", in.UsageFrequency)
	}
	if in.Articulation < 0 || in.Articulation > 5 {
		add("articulation %d is out of range (1 to 5, 0 = not rated)", in.Articulation)
	}
	if !slices.Contains(tones, in.Tone) {
		add("tone %q is not one of too_agreeable, balanced, too_negative (or empty)", in.Tone)
	}
	if in.CadenceDays < 0 {
		add("cadenceDays %d cannot be negative (0 = no cadence)", in.CadenceDays)
	}
	if in.Timezone != "" && utf8.RuneCountInString(in.Timezone) <= maxShort {
		if _, err := time.LoadLocation(in.Timezone); err != nil || in.Timezone == "Local" {
			add("timezone %q is not a known time zone (for example Europe/Berlin)", in.Timezone)
		}
	}
	if len(in.Tags) > maxTags {
		add("tags: at most %d allowed, got %d", maxTags, len(in.Tags))
	}
	for _, t := range in.Tags {
		if utf8.RuneCountInString(t) > maxTag {
			add("tag %q is longer than %d characters", t, maxTag)
		}
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
		p.Add("%s %s is in the future", field, v)
		return v, false
	}
	return v, true
}

// Validate normalises a segment (trims name and description) and checks it.
func (in *SegmentInput) Validate() error {
	in.Name = strings.TrimSpace(in.Name)
	in.Description = strings.TrimSpace(in.Description)
	var p valid.Problems
	p.Required("name", in.Name)
	p.MaxLen("name", in.Name, maxSegment)
	p.MaxLen("description", in.Description, maxDesc)
	if math.IsNaN(in.TargetShare) || in.TargetShare < 0 || in.TargetShare > 1 {
		p.Add("targetShare %v is out of range (0 to 1, 0 = no target)", in.TargetShare)
	}
	return p.Err()
}
