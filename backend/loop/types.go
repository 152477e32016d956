// Package loop closes the loop with the people who took part: the tickler
// (reminders with snooze, recurrence and completion), the follow-up chain
// proposed after a session, "you said, we did" share-backs, stay-in-touch
// cadences, message drafts with mailto: links, loop-closure figures,
// notifications of due reminders and an iCalendar export.
//
// Rules the issue leaves open, decided here:
//
//   - Time. A reminder's due time is stored as RFC 3339 with the offset of
//     its time zone (an IANA name, kept too), plus the same instant in UTC
//     for ordering. Recurrence is computed on the wall clock of that zone,
//     so a 09:00 reminder stays at 09:00 across DST changes. A wall time
//     that does not exist (the spring-forward gap) moves forward by the gap.
//   - Months. A monthly reminder remembers the day of month it was set for
//     (its anchor). Each occurrence falls on that day, or on the last day of
//     a shorter month: Jan 31 → Feb 28 (29 in a leap year) → Mar 31 → Apr 30.
//   - Completing a recurring reminder records the occurrence as a done
//     reminder of its own (SeriesID = the recurring one) and moves the
//     recurring reminder to its next occurrence: the first scheduled time
//     after now, counted from the occurrence's scheduled (not snoozed) time,
//     so a reminder completed three months late does not pile up.
//   - Views use the local calendar day: overdue = due before today; today;
//     week = the next 7 days after today (a rolling week: a calendar week is
//     empty on Sundays); later = after that; done = completed, newest first.
//     The badge counts overdue + today. Asked for no view, the tickler opens
//     on overdue when anything is, else on today.
//   - Stay in touch is virtual: active, unarchived members with a cadence and
//     valid contact consent whose last contact (any touchpoint but a note;
//     else their join date, else when they were added) is at least cadence
//     days ago show as items with ID 0 and Virtual set, due at 09:00 on the
//     day the cadence ran out, in overdue or today (never earlier). Logging
//     any touchpoint makes them disappear; LogContact does that from the
//     tickler. Snoozing one (SnoozeStayInTouch) turns it into a real
//     reminder; while that is open the virtual item is hidden.
//   - Outreach. A reminder "reaches out" when it names a member and its kind
//     is not synthesis. Completing it logs a touchpoint (kind = the channel
//     chosen, default the reminder's; "none" logs nothing) whose summary is
//     "title — outcome"; reopening removes that touchpoint again. Members
//     without valid contact consent (board.CanContactSQL) are never proposed;
//     existing reminders for them carry NoConsent.
//   - Chains are de-duplicated: one reminder per session, step and person.
//     ProposeChain leaves out steps already accepted (Existing counts them)
//     and AcceptChain skips any it is given again, reporting them.
//   - Heard back: an attended participant of a session has heard back when a
//     thank-you or share-back reminder naming both that member and that
//     session is done. The rate is heard back / eligible, where eligible are
//     those who heard back plus those who have not but may be contacted;
//     people without contact consent are listed but not counted.
//   - Notifications: a reminder is notified once per due time. Snoozing or
//     rescheduling gives it a new due time (and so one new notification);
//     reopening does not. Virtual stay-in-touch items are not notified.
//     What falls due in one sweep is told as one summary (DueSummary), never
//     one notice per reminder.
//   - Snooze only moves a reminder later: every preset counts from the later
//     of now and its due time, and a time before the due time is refused.
package loop

import (
	"soundingboard/backend/session"
	"soundingboard/backend/valid"
)

// Kind is what a reminder is for.
type Kind string

// The reminder kinds.
const (
	KindCustom          Kind = "custom"
	KindThankYou        Kind = "thank_you"
	KindAfterthoughts   Kind = "afterthoughts"
	KindSessionFeedback Kind = "session_feedback"
	KindSynthesis       Kind = "synthesis"
	KindShareBack       Kind = "share_back"
	KindStayInTouch     Kind = "stay_in_touch"
)

// Channel is how a reminder reaches out; also the touchpoint kind logged.
type Channel string

// The channels.
const (
	ChannelEmail   Channel = "email"
	ChannelMessage Channel = "message"
	ChannelCall    Channel = "call"
	ChannelMeeting Channel = "meeting"
)

// View is a part of the tickler.
type View string

// The tickler's views.
const (
	ViewOverdue View = "overdue"
	ViewToday   View = "today"
	ViewWeek    View = "week"
	ViewLater   View = "later"
	ViewDone    View = "done"
)

// RepeatUnit is the unit a reminder repeats in; RepeatNone ("") is a one-off.
type RepeatUnit string

// The repeat units.
const (
	RepeatNone  RepeatUnit = ""
	RepeatDay   RepeatUnit = "day"
	RepeatWeek  RepeatUnit = "week"
	RepeatMonth RepeatUnit = "month"
)

// The closed sets in the order the UI offers them, for Wails' EnumBind
// (the frontend's lists derive from them) and for validation. The
// schema's CHECK constraints name the same values (enums_test.go).
var (
	AllKinds       = valid.Choices(KindCustom, KindThankYou, KindAfterthoughts, KindSessionFeedback, KindSynthesis, KindShareBack, KindStayInTouch)
	AllChannels    = valid.Choices(ChannelEmail, ChannelMessage, ChannelCall, ChannelMeeting)
	AllViews       = valid.Choices(ViewOverdue, ViewToday, ViewWeek, ViewLater, ViewDone)
	AllRepeatUnits = valid.Choices(RepeatNone, RepeatDay, RepeatWeek, RepeatMonth)
)

// The same sets as text.
var (
	Kinds       = valid.Strings(AllKinds)
	Channels    = valid.Strings(AllChannels)
	Views       = valid.Strings(AllViews)
	RepeatUnits = valid.Strings(AllRepeatUnits)
)

// SnoozePresets are the choices of how long to snooze a reminder.
var SnoozePresets = []string{"later_today", "tomorrow", "next_week", "until"}

// Reminder is one item of the tickler.
type Reminder struct {
	ID          int64      `json:"id" db:"id"` // 0 for a virtual stay-in-touch item
	Title       string     `json:"title" db:"title"`
	Body        string     `json:"body" db:"body"` // what to do
	Kind        Kind       `json:"kind" db:"kind"`
	Channel     Channel    `json:"channel" db:"channel"`
	TemplateKey string     `json:"templateKey" db:"template_key"` // "" = the kind's template
	Origin      string     `json:"origin" db:"origin"`            // manual, chain, share_back, stay_in_touch, demo
	DueAt       string     `json:"dueAt" db:"due_at"`             // RFC 3339 with the zone's offset
	ScheduledAt string     `json:"scheduledAt" db:"scheduled_at"` // as scheduled, before any snooze
	TimeZone    string     `json:"timeZone" db:"time_zone"`       // IANA name, "" = fixed offset
	Snoozed     bool       `json:"snoozed" db:"snoozed"`
	RepeatUnit  RepeatUnit `json:"repeatUnit" db:"repeat_unit"`
	RepeatEvery int        `json:"repeatEvery" db:"repeat_every"`
	Repeat      string     `json:"repeat" db:"-"`    // e.g. "every 2 weeks", "" for a one-off
	Owner       string     `json:"owner" db:"owner"` // the teammate who follows it up; "" = nobody in particular
	Mine        bool       `json:"mine" db:"mine"`   // the board is shared and the owner is this laptop's person

	MemberID     int64  `json:"memberId" db:"member_id"` // 0 = none
	Member       string `json:"member" db:"member"`
	MemberEmail  string `json:"memberEmail" db:"member_email"`
	SessionID    int64  `json:"sessionId" db:"session_id"`
	Session      string `json:"session" db:"session"`
	AssumptionID int64  `json:"assumptionId" db:"assumption_id"`
	Assumption   string `json:"assumption" db:"assumption"` // the behaviour, short
	DecisionID   int64  `json:"decisionId" db:"decision_id"`
	Decision     string `json:"decision" db:"decision"`

	Outreach  bool   `json:"outreach" db:"outreach"`    // names a member and is not a team task
	NoConsent bool   `json:"noConsent" db:"no_consent"` // outreach to a member who may not be contacted now
	Virtual   bool   `json:"virtual" db:"-"`            // a computed stay-in-touch item, not saved
	SeriesID  int64  `json:"seriesId" db:"series_id"`   // set on a done occurrence of a recurring reminder
	DoneAt    string `json:"doneAt" db:"done_at"`       // "" = open
	Outcome   string `json:"outcome" db:"outcome"`
	Notified  bool   `json:"notified" db:"notified"`
	CreatedAt string `json:"createdAt" db:"created_at"`
	UpdatedAt string `json:"updatedAt" db:"updated_at"`
}

// ReminderInput creates or edits a reminder (also an item of a proposed
// chain or share-back, which the facilitator may edit before accepting).
type ReminderInput struct {
	Title       string `json:"title"`
	Body        string `json:"body"`
	Kind        string `json:"kind"`        // "" = custom
	Channel     string `json:"channel"`     // "" = email
	TemplateKey string `json:"templateKey"` // "" = by kind
	// DueAt is RFC 3339 ("2026-03-09T09:00:00-04:00") or a wall time
	// "2026-03-09T09:00" (what <input type=datetime-local> gives), read in
	// TimeZone.
	DueAt        string `json:"dueAt"`
	TimeZone     string `json:"timeZone"`    // IANA name; "" = the app's zone
	RepeatUnit   string `json:"repeatUnit"`  // "", day, week, month
	RepeatEvery  int    `json:"repeatEvery"` // 1.. with a unit; 0 without
	MemberID     int64  `json:"memberId"`
	SessionID    int64  `json:"sessionId"`
	AssumptionID int64  `json:"assumptionId"`
	DecisionID   int64  `json:"decisionId"`
	// Owner is who follows it up: on a shared board a teammate's name
	// (team.Service.Teammates) or "" for nobody in particular; free text
	// on a board in no team.
	Owner string `json:"owner"`
}

// SnoozeInput puts a reminder off. Preset is later_today (+3 h), tomorrow
// (09:00), next_week (Monday 09:00) or until (Until, read like DueAt).
type SnoozeInput struct {
	Preset string `json:"preset"`
	Until  string `json:"until"`
}

// CompleteInput completes a reminder's current occurrence.
type CompleteInput struct {
	Outcome string `json:"outcome"` // what happened; goes into the touchpoint
	Via     string `json:"via"`     // email, message, call, meeting, none; "" = the reminder's channel
}

// CompleteResult is the done occurrence and, for a recurring reminder, the
// reminder moved to its next occurrence (nil for a one-off).
type CompleteResult struct {
	Done         Reminder  `json:"done"`
	Next         *Reminder `json:"next"`
	TouchpointID int64     `json:"touchpointId"` // 0 = none logged
}

// TicklerQuery selects a view and pages it.
type TicklerQuery struct {
	View   string `json:"view"`  // overdue, today, week, later, done; "" = overdue if any, else today
	Limit  int    `json:"limit"` // 0 = all
	Offset int    `json:"offset"`
}

// Counts are how many items each view holds.
type Counts struct {
	Overdue int `json:"overdue"`
	Today   int `json:"today"`
	Week    int `json:"week"`
	Later   int `json:"later"`
	Done    int `json:"done"`
	Badge   int `json:"badge"` // overdue + today
}

// Tickler is the counts of every view and the items of the selected one.
type Tickler struct {
	View   View         `json:"view"`
	Counts Counts       `json:"counts"`
	Items  []Reminder   `json:"items"`
	Total  int          `json:"total"`  // items in the view (before paging)
	Today  string       `json:"today"`  // YYYY-MM-DD the views were cut on
	Chains []ChainCount `json:"chains"` // the chains of the sessions among Items
}

// Proposal is a reminder the app suggests; nothing is saved until accepted.
type Proposal struct {
	Reminder ReminderInput `json:"reminder"`
	Member   string        `json:"member"` // "" for a team task
	Step     string        `json:"step"`   // e.g. "Thank-you within 24 hours"
	Draft    string        `json:"draft"`  // the drafted message (share-backs), else ""
}

// Skipped is a person left out of a proposal, and why.
type Skipped struct {
	MemberID int64  `json:"memberId"`
	Member   string `json:"member"`
	Reason   string `json:"reason"`
}

// ChainProposal is the follow-up chain proposed for a finished session.
type ChainProposal struct {
	SessionID int64      `json:"sessionId"`
	Session   string     `json:"session"`
	EndedAt   string     `json:"endedAt"` // the offsets count from here (RFC 3339)
	Items     []Proposal `json:"items"`   // steps not accepted yet
	Existing  int        `json:"existing"`
	Skipped   []Skipped  `json:"skipped"` // attended, but no contact consent
}

// AcceptResult reports what accepting saved.
type AcceptResult struct {
	Created    []Reminder `json:"created"`
	Duplicates int        `json:"duplicates"` // already accepted before, skipped
}

// ShareBackProposal is "you said, we did" for an assumption or a decision.
type ShareBackProposal struct {
	Kind        string       `json:"kind"` // assumption or decision
	ID          int64        `json:"id"`
	Title       string       `json:"title"`
	WhatChanged string       `json:"whatChanged"` // Tell.Line: what participants are told
	Tell        session.Tell `json:"tell"`        // the line, to rewrite with session.Decisions.SetTell
	Items       []Proposal   `json:"items"`
	Skipped     []Skipped    `json:"skipped"`
}

// Settings are the follow-up offsets and the names drafts use.
type Settings struct {
	ThankYouHours     int    `json:"thankYouHours"`     // after the session ends (24)
	AfterthoughtsDays int    `json:"afterthoughtsDays"` // ask for afterthoughts (3)
	FeedbackDays      int    `json:"feedbackDays"`      // ask for feedback on the session (2)
	SynthesisDays     int    `json:"synthesisDays"`     // team synthesis (7)
	ShareBackDays     int    `json:"shareBackDays"`     // share back what changed (30)
	DueHour           int    `json:"dueHour"`           // day offsets fall due at this hour (9)
	TeamName          string `json:"teamName"`          // {{team}} in drafts
	TimeZone          string `json:"timeZone"`          // IANA; "" = the system's
}

// Template is a message template with {{member}}, {{first_name}},
// {{session}}, {{you_said}}, {{what_changed}} and {{team}} placeholders.
type Template struct {
	Key     string `json:"key"` // thank_you, share_back, afterthoughts, session_feedback, stay_in_touch
	Name    string `json:"name"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Edited  bool   `json:"edited"` // differs from the built-in text
}

// TemplateInput saves a template's text.
type TemplateInput struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// Draft is a rendered message, ready to copy or open in a mail client.
type Draft struct {
	To      string `json:"to"` // the member's email, "" when unknown
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Mailto  string `json:"mailto"` // mailto: URL, RFC 6068 encoded
}

// Closure is the loop-closure figure of one session or the whole board.
type Closure struct {
	SessionID  int64     `json:"sessionId"` // 0 = the whole board
	Title      string    `json:"title"`
	Attended   int       `json:"attended"`   // attended participants (person × session)
	HeardBack  int       `json:"heardBack"`  // of which heard back
	Eligible   int       `json:"eligible"`   // heard back + may be contacted
	Rate       float64   `json:"rate"`       // HeardBack / Eligible, 0 when none eligible
	NotYet     []Pending `json:"notYet"`     // who has not heard back
	BySession  []Closure `json:"bySession"`  // board only: finished sessions, newest first
	Definition string    `json:"definition"` // the rule, for a tooltip
}

// Pending is a participant who has not heard back yet.
type Pending struct {
	SessionID  int64  `json:"sessionId"`
	Session    string `json:"session"`
	MemberID   int64  `json:"memberId"`
	Member     string `json:"member"`
	CanContact bool   `json:"canContact"`
	Planned    bool   `json:"planned"` // an open thank-you or share-back exists
}

// Notification is a due reminder to raise once.
type Notification struct {
	ReminderID int64  `json:"reminderId" db:"reminder_id"`
	Title      string `json:"title" db:"title"`
	Body       string `json:"body" db:"body"`
	DueAt      string `json:"dueAt" db:"due_at"`
}

// ExportFile is a generated file for the user to save.
type ExportFile struct {
	FileName string `json:"fileName"`
	MimeType string `json:"mimeType"`
	Content  string `json:"content"`
}

// ContactInput logs contact with a member from a stay-in-touch item.
type ContactInput struct {
	Via     string `json:"via"` // email, message, call, meeting; "" = email
	Outcome string `json:"outcome"`
}

// DemoResult reports what the sample follow-ups added.
type DemoResult struct {
	Reminders int `json:"reminders"`
	Sessions  int `json:"sessions"` // finished sessions given a chain
}

// ReminderFilter lists reminders (for a member page, a session page or a
// script). Zero values mean "any".
type ReminderFilter struct {
	MemberID     int64  `json:"memberId"`
	SessionID    int64  `json:"sessionId"`
	AssumptionID int64  `json:"assumptionId"`
	DecisionID   int64  `json:"decisionId"`
	Status       string `json:"status"`  // open, done, "" = both
	DueOnly      bool   `json:"dueOnly"` // open and due by the end of today
}

// Contact is a touchpoint logged from the tickler.
type Contact struct {
	TouchpointID int64  `json:"touchpointId"`
	MemberID     int64  `json:"memberId"`
	Kind         string `json:"kind"`
	HappenedOn   string `json:"happenedOn"`
	Summary      string `json:"summary"`
}
