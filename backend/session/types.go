// Package session plans and runs assumption-testing sessions with board
// members: decisions and their assumptions, sessions and participants,
// live responses, quotes and verdicts, and the synthesis afterwards
// (themes, opportunities, actions, decision log, assumption ledger).
package session

import (
	"soundingboard/backend/activity"
	"soundingboard/backend/board"
	"soundingboard/backend/valid"
)

// Formats of a session and their recommended group sizes.
var Formats = []FormatInfo{
	{Key: "assumption_testing", Label: "Assumption testing", Min: 4, Max: 6},
	{Key: "problem_mapping", Label: "Problem mapping", Min: 5, Max: 8},
	{Key: "ideation_sprint", Label: "Ideation sprint", Min: 6, Max: 10},
	{Key: "prototype_testing", Label: "Prototype testing", Min: 3, Max: 5}, // per concept
}

// Category is what kind of risk an assumption carries.
type Category string

// The assumption categories.
const (
	CategoryDesirability Category = "desirability"
	CategoryViability    Category = "viability"
	CategoryFeasibility  Category = "feasibility"
)

// Stance is how a participant's reality matches an assumption.
type Stance string

// The stances.
const (
	StanceNone         Stance = "" // no answer yet
	StanceMatches      Stance = "matches"
	StancePartly       Stance = "partly"
	StanceDoesNotMatch Stance = "does_not_match"
	StanceUnsure       Stance = "unsure"
)

// VerdictKind is how a session rated an assumption; "" = untested.
type VerdictKind string

// The verdicts.
const (
	VerdictValidated     VerdictKind = "validated"
	VerdictInvalidated   VerdictKind = "invalidated"
	VerdictNeedsResearch VerdictKind = "needs_research"
)

// Outcome is what the team decided, in the decision log.
type Outcome string

// The outcomes.
const (
	OutcomePersevere   Outcome = "persevere"
	OutcomePivot       Outcome = "pivot"
	OutcomeDrop        Outcome = "drop"
	OutcomeTestFurther Outcome = "test_further"
)

// ParticipantState is where a participant stands with a session.
type ParticipantState string

// The participant states.
const (
	StateInvited   ParticipantState = "invited"
	StateConfirmed ParticipantState = "confirmed"
	StateAttended  ParticipantState = "attended"
	StateNoShow    ParticipantState = "no_show"
)

// Status is where a session is: planned, running (live) or finished.
type Status string

// The session statuses.
const (
	StatusPlanned  Status = "planned"
	StatusRunning  Status = "running"
	StatusFinished Status = "finished"
)

// The closed sets in the order the UI offers them, for Wails' EnumBind
// (the frontend's lists derive from them) and for validation. The
// schema's CHECK constraints name the same values (enums_test.go).
var (
	AllCategories = valid.Choices(CategoryDesirability, CategoryViability, CategoryFeasibility)
	AllStances    = valid.Choices(StanceNone, StanceMatches, StancePartly, StanceDoesNotMatch, StanceUnsure)
	AllVerdicts   = valid.Choices(VerdictValidated, VerdictInvalidated, VerdictNeedsResearch)
	AllOutcomes   = valid.Choices(OutcomePersevere, OutcomePivot, OutcomeDrop, OutcomeTestFurther)
	AllStates     = valid.Choices(StateInvited, StateConfirmed, StateAttended, StateNoShow)
	AllStatuses   = valid.Choices(StatusPlanned, StatusRunning, StatusFinished)
)

// The same sets as text, and other closed sets.
var (
	Categories     = valid.Strings(AllCategories)
	Stances        = valid.Strings(AllStances[1:]) // the answers, without StanceNone
	VerdictKinds   = valid.Strings(AllVerdicts)
	Outcomes       = valid.Strings(AllOutcomes)
	States         = valid.Strings(AllStates)
	DefaultOpener  = []string{"There are no wrong answers.", "We want your honest reactions.", "Criticism helps us most.", "You are the expert on your needs."}
	RunPrompts     = []string{"Does this match your reality?", "What would need to be true for this to work for you?"}
	TopAssumptions = 5 // the number a session should focus on
)

// FormatInfo is a workshop format and its recommended group size.
type FormatInfo struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Min   int    `json:"min"`
	Max   int    `json:"max"`
}

// Decision is the product question a team must answer.
type Decision struct {
	ID          int64   `json:"id" db:"id"`
	Title       string  `json:"title" db:"title"`
	Question    string  `json:"question" db:"question"`
	Owner       string  `json:"owner" db:"owner"`
	Deadline    string  `json:"deadline" db:"deadline"` // YYYY-MM-DD or ""
	Assumptions int     `json:"assumptions" db:"assumptions"`
	Sessions    int     `json:"sessions" db:"sessions"`
	LastOutcome Outcome `json:"lastOutcome" db:"last_outcome"` // latest decision-log outcome or ""
	CreatedAt   string  `json:"createdAt" db:"created_at"`
	UpdatedAt   string  `json:"updatedAt" db:"updated_at"`
}

// DecisionInput creates (ID 0) or edits a decision.
type DecisionInput struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Question string `json:"question"`
	Owner    string `json:"owner"`
	Deadline string `json:"deadline"`
}

// DecisionDetail is a decision with its assumptions, sessions and log.
type DecisionDetail struct {
	Decision    Decision      `json:"decision"`
	Assumptions []Assumption  `json:"assumptions"`
	Sessions    []SessionItem `json:"sessions"`
	Log         []LogEntry    `json:"log"`
}

// LogEntry is one entry of the decision log.
type LogEntry struct {
	ID         int64   `json:"id" db:"id"`
	DecisionID int64   `json:"decisionId" db:"decision_id"`
	Outcome    Outcome `json:"outcome" db:"outcome"`
	Rationale  string  `json:"rationale" db:"rationale"`
	DecidedOn  string  `json:"decidedOn" db:"decided_on"`
	CreatedAt  string  `json:"createdAt" db:"created_at"`
	Tell       *string `json:"-" db:"tell"` // what we tell participants (TellOfEntry); nil = not written
}

// LogInput records what the team decided and why.
type LogInput struct {
	Outcome   string `json:"outcome"`
	Rationale string `json:"rationale"`
	DecidedOn string `json:"decidedOn"` // "" = today
}

// Assumption is a hypothesis behind a decision.
type Assumption struct {
	ID         int64       `json:"id" db:"id"`
	DecisionID int64       `json:"decisionId" db:"decision_id"`
	Customers  string      `json:"customers" db:"customers"`
	Behavior   string      `json:"behavior" db:"behavior"`
	Reason     string      `json:"reason" db:"reason"`
	Sentence   string      `json:"sentence" db:"-"` // "We believe … will … because …"
	Category   Category    `json:"category" db:"category"`
	Importance int         `json:"importance" db:"importance"` // 1-5
	Evidence   int         `json:"evidence" db:"evidence"`     // 1-5
	Risk       int         `json:"risk" db:"-"`                // importance × (6 − evidence): high = important with little evidence
	Verdict    VerdictKind `json:"verdict" db:"verdict"`       // latest verdict across sessions, "" = untested
	Top        bool        `json:"top" db:"-"`                 // one of the "top 5" to test first, in a decision's or the ledger's list (markTop)
	// FromOpportunity is the opportunity it was turned from, in a
	// decision's or the ledger's list; nil = written directly.
	FromOpportunity *OpportunityRef `json:"fromOpportunity" db:"-"`
	CreatedAt       string          `json:"createdAt" db:"created_at"`
	UpdatedAt       string          `json:"updatedAt" db:"updated_at"`
}

// AssumptionInput creates (ID 0) or edits an assumption.
type AssumptionInput struct {
	ID         int64  `json:"id"`
	DecisionID int64  `json:"decisionId"`
	Customers  string `json:"customers"`
	Behavior   string `json:"behavior"`
	Reason     string `json:"reason"`
	Category   string `json:"category"`
	Importance int    `json:"importance"`
	Evidence   int    `json:"evidence"`
}

// SessionItem is one row of the sessions list.
type SessionItem struct {
	ID           int64  `json:"id" db:"id"`
	Title        string `json:"title" db:"title"`
	DecisionID   int64  `json:"decisionId" db:"decision_id"`
	Decision     string `json:"decision" db:"decision"`
	Format       string `json:"format" db:"format"`
	ScheduledOn  string `json:"scheduledOn" db:"scheduled_on"`
	StartTime    string `json:"startTime" db:"start_time"`
	Status       Status `json:"status" db:"status"`
	Participants int    `json:"participants" db:"participants"`
	Assumptions  int    `json:"assumptions" db:"assumptions"`
	Rated        int    `json:"rated" db:"rated"` // assumptions with a verdict
}

// Session is everything about one session's plan.
type Session struct {
	ID              int64         `json:"id" db:"id"`
	DecisionID      int64         `json:"decisionId" db:"decision_id"`
	Decision        string        `json:"decision" db:"decision"`
	Title           string        `json:"title" db:"title"`                  // the team's working title
	CustomerTitle   string        `json:"customerTitle" db:"customer_title"` // what participants read, "" = none given
	Format          string        `json:"format" db:"format"`
	ScheduledOn     string        `json:"scheduledOn" db:"scheduled_on"`
	StartTime       string        `json:"startTime" db:"start_time"`
	DurationMinutes int           `json:"durationMinutes" db:"duration_minutes"`
	Place           string        `json:"place" db:"place"`
	Facilitator     string        `json:"facilitator" db:"facilitator"`
	NoteTaker       string        `json:"noteTaker" db:"note_taker"`
	Agenda          string        `json:"agenda" db:"agenda"`
	Prompts         []string      `json:"prompts" db:"-"` // "How might we …"
	Opener          []OpenerItem  `json:"opener" db:"-"`
	Status          Status        `json:"status" db:"status"`
	CurrentPosition int           `json:"currentPosition" db:"current_position"`
	StartedAt       string        `json:"startedAt" db:"started_at"`
	FinishedAt      string        `json:"finishedAt" db:"finished_at"`
	UpdatedAt       string        `json:"updatedAt" db:"updated_at"` // RFC 3339; a calendar invitation's SEQUENCE follows it
	Assumptions     []Assumption  `json:"assumptions" db:"-"`        // in session order
	Participants    []Participant `json:"participants" db:"-"`
	SizeAdvice      string        `json:"sizeAdvice" db:"-"` // e.g. "Assumption testing works best with 4–6 people; 3 invited." and/or "Focus on the top 5 assumptions; this session has 7.", or ""
}

// OpenerItem is one line of the psychological-safety opener checklist.
type OpenerItem struct {
	Text string `json:"text"`
	Done bool   `json:"done"`
}

// SessionInput creates (ID 0) or edits a session's plan.
type SessionInput struct {
	ID              int64        `json:"id"`
	DecisionID      int64        `json:"decisionId"`
	Title           string       `json:"title"`
	CustomerTitle   string       `json:"customerTitle"` // what the invitation calls it
	Format          string       `json:"format"`        // "" = assumption_testing
	ScheduledOn     string       `json:"scheduledOn"`
	StartTime       string       `json:"startTime"`
	DurationMinutes int          `json:"durationMinutes"`
	Place           string       `json:"place"`
	Facilitator     string       `json:"facilitator"`
	NoteTaker       string       `json:"noteTaker"`
	Agenda          string       `json:"agenda"`
	Prompts         []string     `json:"prompts"`
	Opener          []OpenerItem `json:"opener"`        // nil on create = DefaultOpener
	AssumptionIDs   []int64      `json:"assumptionIds"` // in order; must belong to the decision
}

// Participant is a board member taking part in a session.
type Participant struct {
	MemberID   int64            `json:"memberId" db:"member_id"`
	Name       string           `json:"name" db:"name"`
	Company    string           `json:"company" db:"company"`
	Segment    string           `json:"segment" db:"segment"`
	Email      string           `json:"email" db:"email"` // "" when unknown
	State      ParticipantState `json:"state" db:"state"`
	Note       string           `json:"note" db:"note"` // on the attendance, e.g. "came late"
	CanContact bool             `json:"canContact" db:"can_contact"`
	CanQuote   bool             `json:"canQuote" db:"can_quote"`
}

// Candidate is a board member as the participant picker shows them.
type Candidate struct {
	MemberID      int64                `json:"memberId" db:"member_id"`
	Name          string               `json:"name" db:"name"`
	Company       string               `json:"company" db:"company"`
	Segment       string               `json:"segment" db:"segment"`
	Status        board.MemberStatus   `json:"status" db:"status"`
	Tone          board.Tone           `json:"tone" db:"tone"`
	Usage         board.UsageFrequency `json:"usage" db:"usage_frequency"`     // how often they use the product, "" = unknown
	Articulation  int                  `json:"articulation" db:"articulation"` // 1-5, 0 = unknown
	CanContact    bool                 `json:"canContact" db:"can_contact"`
	LastSession   string               `json:"lastSession" db:"last_session"` // date of the latest session attended, "" = never
	SessionsCount int                  `json:"sessionsCount" db:"sessions_count"`
	Selected      bool                 `json:"selected" db:"selected"`
	Warning       string               `json:"warning" db:"-"` // e.g. "took part 12 days ago; too agreeable"
}

// Picker is the participant picker for one session.
type Picker struct {
	Candidates []Candidate    `json:"candidates"`
	Segments   []SegmentCount `json:"segments"` // selected people by segment
	Min        int            `json:"min"`
	Max        int            `json:"max"`
	Advice     string         `json:"advice"` // size and balance advice in a sentence, or ""
}

// SegmentCount is how many selected participants come from a segment.
type SegmentCount struct {
	Segment  string `json:"segment"`
	Selected int    `json:"selected"`
	Board    int    `json:"board"` // active members of that segment on the board
}

// ResponseKey names one participant's answer to one assumption.
type ResponseKey struct {
	SessionID    int64 `json:"sessionId"`
	AssumptionID int64 `json:"assumptionId"`
	MemberID     int64 `json:"memberId"`
}

// FieldEdit saves one field of a response as it is typed. Field is one of
// stance, needs, reactions (comma list), notes.
type FieldEdit struct {
	ResponseKey
	Field string `json:"field"`
	Value string `json:"value"`
}

// Response is one participant's answer to one assumption, put together
// from their entries on the assumption's item of the assumption check
// (one per field, one per reaction).
type Response struct {
	ID           int64               `json:"id" db:"id"` // its first entry's id (what TagResponse takes); 0 = nothing recorded
	SessionID    int64               `json:"sessionId" db:"session_id"`
	AssumptionID int64               `json:"assumptionId" db:"assumption_id"`
	MemberID     int64               `json:"memberId" db:"member_id"`
	Stance       Stance              `json:"stance" db:"stance"`
	Needs        string              `json:"needs" db:"needs"`
	Reactions    []activity.Reaction `json:"reactions" db:"-"` // in the order of activity.AllReactions
	Notes        string              `json:"notes" db:"notes"`
	Themes       []string            `json:"themes" db:"-"`
	UpdatedAt    string              `json:"updatedAt" db:"updated_at"`
}

// Quote is a verbatim quote attributed to a member: an entry of kind quote.
type Quote struct {
	ID           int64    `json:"id" db:"id"` // the entry's id
	SessionID    int64    `json:"sessionId" db:"session_id"`
	AssumptionID int64    `json:"assumptionId" db:"assumption_id"` // 0 = general
	MemberID     int64    `json:"memberId" db:"member_id"`         // 0 = unattributed
	Member       string   `json:"member" db:"member"`
	Segment      string   `json:"segment" db:"segment"`
	Text         string   `json:"text" db:"text"`
	Themes       []string `json:"themes" db:"-"`
	CreatedAt    string   `json:"createdAt" db:"created_at"`
	UpdatedAt    string   `json:"updatedAt" db:"updated_at"`
}

// QuoteInput adds (ID 0) or edits a quote; edits are saved as typed.
type QuoteInput struct {
	ID           int64  `json:"id"`
	SessionID    int64  `json:"sessionId"`
	AssumptionID int64  `json:"assumptionId"`
	MemberID     int64  `json:"memberId"`
	Text         string `json:"text"`
}

// Tally counts the stances a verdict rests on.
type Tally struct {
	Matches      int `json:"matches"`
	Partly       int `json:"partly"`
	DoesNotMatch int `json:"doesNotMatch"`
	Unsure       int `json:"unsure"`
	NoAnswer     int `json:"noAnswer"` // attending participants without a stance
}

// Verdict is the rating of one assumption in one session.
type Verdict struct {
	SessionID    int64       `json:"sessionId" db:"session_id"`
	AssumptionID int64       `json:"assumptionId" db:"assumption_id"`
	Verdict      VerdictKind `json:"verdict" db:"verdict"`
	Rationale    string      `json:"rationale" db:"rationale"`
	Confidence   int         `json:"confidence" db:"confidence"` // 1-5
	DecidedAt    string      `json:"decidedAt" db:"decided_at"`
	Tell         *string     `json:"-" db:"tell"` // what we tell participants (TellOfVerdict); nil = not written
}

// VerdictInput rates an assumption in a session.
type VerdictInput struct {
	SessionID    int64  `json:"sessionId"`
	AssumptionID int64  `json:"assumptionId"`
	Verdict      string `json:"verdict"`
	Rationale    string `json:"rationale"`
	Confidence   int    `json:"confidence"`
}

// RunItem is one assumption as the run view shows it.
type RunItem struct {
	Assumption   Assumption `json:"assumption"`
	SecondsSpent int        `json:"secondsSpent"` // the item's timer (AddTime)
	Responses    []Response `json:"responses"`    // one per participant (empty ones included), in participant order
	Quotes       []Quote    `json:"quotes"`
	Tally        Tally      `json:"tally"`
	Verdict      *Verdict   `json:"verdict"`  // nil = not rated yet
	NextTest     *NextTest  `json:"nextTest"` // the proposed next session when the verdict is "needs more research"; else nil
}

// Run is everything the live run view needs, in one call.
type Run struct {
	Session Session   `json:"session"`
	Items   []RunItem `json:"items"`
	General []Quote   `json:"general"` // quotes not about any one assumption
	Prompts []string  `json:"prompts"` // RunPrompts
}

// Theme is a synthesis theme with what was tagged with it, from every
// activity of the session.
type Theme struct {
	Name      string         `json:"name"`
	Quotes    []Quote        `json:"quotes"`
	Notes     []Response     `json:"notes"`     // assumption-check responses whose notes carry the theme
	Entries   []SynthEntry   `json:"entries"`   // every tagged text entry, quotes and response notes included, attributed
	BySegment map[string]int `json:"bySegment"` // tagged entries by their author's segment
}

// SynthEntry is a text entry as the synthesis shows it: what was said or
// written, by whom (name and segment) and in which activity.
type SynthEntry struct {
	ID           int64              `json:"id" db:"id"`
	ActivityID   int64              `json:"activityId" db:"activity_id"`     // 0 = about the session as a whole
	Activity     string             `json:"activity" db:"activity"`          // the activity's title; "" for a general quote
	ActivityKind activity.Kind      `json:"activityKind" db:"activity_kind"` // "" for a general quote
	ItemID       int64              `json:"itemId" db:"item_id"`             // 0 = none
	Item         string             `json:"item" db:"-"`                     // the stage, prompt, task, question or assumption it is about; "" = none
	Kind         activity.EntryKind `json:"kind" db:"kind"`                  // quote, note, needs, idea, observation, answer, preference
	MemberID     int64              `json:"memberId" db:"member_id"`         // 0 = unattributed
	Member       string             `json:"member" db:"member"`
	Segment      string             `json:"segment" db:"segment"`
	Text         string             `json:"text" db:"text"`
	Themes       []string           `json:"themes" db:"-"`
}

// RankedEntry is a voted journey note or idea with where it came from.
type RankedEntry struct {
	Ranked     activity.Ranked `json:"ranked"`
	ActivityID int64           `json:"activityId"`
	Activity   string          `json:"activity"`
	Item       string          `json:"item"` // the stage or prompt
	Segment    string          `json:"segment"`
}

// TaskFact is how one task went on one variant of a prototype test.
type TaskFact struct {
	Result     activity.TaskResult `json:"result"`
	ActivityID int64               `json:"activityId"`
	Activity   string              `json:"activity"`
	Variant    string              `json:"variant"`
	Task       string              `json:"task"`
}

// RatingFact is the mean of one rating question.
type RatingFact struct {
	Stat       activity.RatingStat `json:"stat"`
	ActivityID int64               `json:"activityId"`
	Activity   string              `json:"activity"`
	Question   string              `json:"question"`
	Scale      int                 `json:"scale"`
}

// ActivityFacts is one activity of the session with the emotional
// reactions noted during it, shown next to its facts.
type ActivityFacts struct {
	ID        int64              `json:"id"`
	Kind      activity.Kind      `json:"kind"`
	Title     string             `json:"title"`
	Entries   int                `json:"entries"`
	Reactions activity.Reactions `json:"reactions"`
}

// NextTest is the session the method proposes after a "needs more
// research" verdict: its format and a one-line test card.
type NextTest struct {
	AssumptionID int64  `json:"assumptionId"`
	Sentence     string `json:"sentence"`
	DecisionID   int64  `json:"decisionId"`
	Format       string `json:"format"`
	FormatLabel  string `json:"formatLabel"`
	Card         string `json:"card"` // "To learn whether … we will … with … and look for …"
	Why          string `json:"why"`  // the rule that chose the format
}

// OpportunityStatus is where an opportunity stands after the session.
type OpportunityStatus string

// The opportunity statuses.
const (
	OpportunityExploring   OpportunityStatus = "exploring"
	OpportunityPrototyping OpportunityStatus = "prototyping"
	OpportunityRoadmap     OpportunityStatus = "roadmap"
	OpportunityDropped     OpportunityStatus = "dropped"
)

// AllOpportunityStatuses lists the statuses in the order the synthesis
// offers them; OpportunityStatuses are their codes.
var (
	AllOpportunityStatuses = valid.Choices(OpportunityExploring, OpportunityPrototyping, OpportunityRoadmap, OpportunityDropped)
	OpportunityStatuses    = valid.Strings(AllOpportunityStatuses)
)

// Opportunity is a "How might we" picked from the synthesis.
type Opportunity struct {
	ID            int64             `json:"id" db:"id"`
	SessionID     int64             `json:"sessionId" db:"session_id"`
	HMW           string            `json:"hmw" db:"hmw"`
	Effort        int               `json:"effort" db:"effort"` // 1-5
	Impact        int               `json:"impact" db:"impact"` // 1-5
	Picked        bool              `json:"picked" db:"picked"`
	Status        OpportunityStatus `json:"status" db:"status"`
	AssumptionID  int64             `json:"assumptionId" db:"assumption_id"`    // the hypothesis it became; 0 = none
	Assumption    string            `json:"assumption" db:"assumption"`         // that hypothesis's sentence; "" = none
	SourceEntryID int64             `json:"sourceEntryId" db:"source_entry_id"` // the entry it came from; 0 = none
	Source        string            `json:"source" db:"source"`                 // that entry's text; "" = none
	CreatedAt     string            `json:"createdAt" db:"created_at"`
}

// OpportunityInput adds (ID 0) or edits an opportunity. Its status and
// hypothesis are set by SetOpportunityStatus and OpportunityToAssumption.
type OpportunityInput struct {
	ID            int64  `json:"id"`
	SessionID     int64  `json:"sessionId"`
	HMW           string `json:"hmw"`
	Effort        int    `json:"effort"`
	Impact        int    `json:"impact"`
	Picked        bool   `json:"picked"`
	SourceEntryID int64  `json:"sourceEntryId"` // optional: an entry of the same session
}

// OpportunityRef is the opportunity an assumption came from, and its session.
type OpportunityRef struct {
	ID           int64  `json:"id" db:"id"`
	HMW          string `json:"hmw" db:"hmw"`
	SessionID    int64  `json:"sessionId" db:"session_id"`
	SessionTitle string `json:"sessionTitle" db:"session_title"`
}

// Action is a follow-up task from a session.
type Action struct {
	ID        int64  `json:"id" db:"id"`
	SessionID int64  `json:"sessionId" db:"session_id"`
	Title     string `json:"title" db:"title"`
	Owner     string `json:"owner" db:"owner"`
	DueOn     string `json:"dueOn" db:"due_on"`
	DoneOn    string `json:"doneOn" db:"done_on"`
	CreatedAt string `json:"createdAt" db:"created_at"`
}

// ActionInput adds (ID 0) or edits an action.
type ActionInput struct {
	ID        int64  `json:"id"`
	SessionID int64  `json:"sessionId"`
	Title     string `json:"title"`
	Owner     string `json:"owner"`
	DueOn     string `json:"dueOn"`
	Done      bool   `json:"done"`
}

// Synthesis is the after-session view, across all the session's
// activities: themes, the facts (votes, task success, ratings) next to
// the reactions noted, proposals for the next test, opportunities and
// actions.
type Synthesis struct {
	SessionID     int64           `json:"sessionId"`
	DecisionID    int64           `json:"decisionId"`
	Themes        []Theme         `json:"themes"`     // clustered by theme
	Untagged      []SynthEntry    `json:"untagged"`   // text entries not yet tagged: quotes first, then the others in agenda order
	Activities    []ActivityFacts `json:"activities"` // in agenda order, with their reactions
	PainPoints    []RankedEntry   `json:"painPoints"` // journey notes of every journey board, most dots first
	Ideas         []RankedEntry   `json:"ideas"`      // ideas of every idea round, most dots first
	Tasks         []TaskFact      `json:"tasks"`      // per prototype test, variant and task
	Ratings       []RatingFact    `json:"ratings"`    // per rating question
	NextTests     []NextTest      `json:"nextTests"`  // one per "needs more research" verdict of the session
	Opportunities []Opportunity   `json:"opportunities"`
	Actions       []Action        `json:"actions"`
	Advice        string          `json:"advice"` // e.g. "pick 3–5 top opportunities (2 picked)"
}

// LedgerQuery filters the assumption ledger.
type LedgerQuery struct {
	DecisionID int64  `json:"decisionId"` // 0 = all
	Verdict    string `json:"verdict"`    // "" = any, "untested"
	Category   string `json:"category"`
}

// Evidence is how one segment's responses bore on an assumption.
type Evidence struct {
	Segment string `json:"segment"`
	For     int    `json:"for"`     // matches (+ partly counted half in Score)
	Against int    `json:"against"` // does_not_match
	Partly  int    `json:"partly"`
	Unsure  int    `json:"unsure"`
}

// Move is one position of an assumption on the map over time.
type Move struct {
	Importance int    `json:"importance" db:"importance"`
	Evidence   int    `json:"evidence" db:"evidence"`
	MovedAt    string `json:"movedAt" db:"moved_at"`
	Note       string `json:"note" db:"note"`
}

// LedgerEntry is one assumption across all sessions.
type LedgerEntry struct {
	Assumption Assumption `json:"assumption"`
	Decision   string     `json:"decision"`
	Verdicts   []Verdict  `json:"verdicts"` // oldest first; the last is current
	Sessions   []string   `json:"sessions"` // titles of sessions that tested it
	Tally      Tally      `json:"tally"`    // over all sessions
	Evidence   []Evidence `json:"evidence"` // by segment
	Placed     *Move      `json:"placed"`   // first position on the map, nil if not recorded
	Moves      []Move     `json:"moves"`    // later positions, oldest first; the placement is not a move
	Quotes     []Quote    `json:"quotes"`
	// Reactions counts the emotional reactions participants showed on the
	// assumption in the sessions that tested it: how it landed, beside
	// what they answered.
	Reactions activity.Reactions `json:"reactions"`
}

// Ledger is every assumption with its current standing.
type Ledger struct {
	Entries []LedgerEntry  `json:"entries"`
	Counts  map[string]int `json:"counts"` // by current verdict ("untested" for none)
}

// MemberSession is a session a member took part in, for their timeline.
type MemberSession struct {
	SessionID   int64            `json:"sessionId" db:"session_id"`
	Title       string           `json:"title" db:"title"`
	ScheduledOn string           `json:"scheduledOn" db:"scheduled_on"`
	State       ParticipantState `json:"state" db:"state"`
	Quotes      []Quote          `json:"quotes" db:"-"`
}

// DemoResult reports the sample sessions added.
type DemoResult struct {
	Decisions int `json:"decisions"`
	Sessions  int `json:"sessions"`
}
