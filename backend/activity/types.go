// Package activity keeps a session's agenda: its activities (assumption
// check, journey board, idea round, prototype test, open question,
// rating), their items, and the entries participants contribute, all in
// one shape (see migration 0010_activities.sql), plus each kind's results.
//
// The assumption check's own flow (stances, verdicts, the synthesis of its
// responses) stays in package session, which reads and writes the same
// tables; this package never imports session.
package activity

import "soundingboard/backend/valid"

// Kind is the kind of an activity.
type Kind string

// The activity kinds.
const (
	KindAssumptionCheck Kind = "assumption_check"
	KindJourneyBoard    Kind = "journey_board"
	KindIdeaRound       Kind = "idea_round"
	KindPrototypeTest   Kind = "prototype_test"
	KindOpenQuestion    Kind = "open_question"
	KindRating          Kind = "rating"
)

// AllKinds lists the activity kinds, in the order the agenda editor offers them.
var AllKinds = []struct {
	Value  Kind
	TSName string
}{
	{KindAssumptionCheck, "AssumptionCheck"}, {KindJourneyBoard, "JourneyBoard"}, {KindIdeaRound, "IdeaRound"},
	{KindPrototypeTest, "PrototypeTest"}, {KindOpenQuestion, "OpenQuestion"}, {KindRating, "Rating"},
}

// Role is what an item of an activity is.
type Role string

// The item roles; which roles a kind has is in roles.
const (
	RoleAssumption Role = "assumption" // assumption check
	RoleStage      Role = "stage"      // journey board: a column
	RolePrompt     Role = "prompt"     // idea round: "How might we …"
	RoleVariant    Role = "variant"    // prototype test
	RoleTask       Role = "task"       // prototype test
	RoleQuestion   Role = "question"   // open question, rating
)

// AllRoles lists the item roles, in the order of the kinds that hold them.
var AllRoles = valid.Choices(RoleAssumption, RoleStage, RolePrompt, RoleVariant, RoleTask, RoleQuestion)

// roles are the item roles each kind holds.
var roles = map[Kind][]Role{
	KindAssumptionCheck: {RoleAssumption},
	KindJourneyBoard:    {RoleStage},
	KindIdeaRound:       {RolePrompt},
	KindPrototypeTest:   {RoleVariant, RoleTask},
	KindOpenQuestion:    {RoleQuestion},
	KindRating:          {RoleQuestion},
}

// EntryKind is what an entry holds; see 0010_activities.sql for which
// fields each kind uses.
type EntryKind string

// The entry kinds.
const (
	EntryStance      EntryKind = "stance"
	EntryNeeds       EntryKind = "needs"
	EntryNote        EntryKind = "note"
	EntryReaction    EntryKind = "reaction"
	EntryIdea        EntryKind = "idea"
	EntryVote        EntryKind = "vote"
	EntryPitch       EntryKind = "pitch"
	EntryResult      EntryKind = "result"
	EntrySeconds     EntryKind = "seconds"
	EntryEase        EntryKind = "ease"
	EntryObservation EntryKind = "observation"
	EntryPreference  EntryKind = "preference"
	EntryAnswer      EntryKind = "answer"
	EntryRating      EntryKind = "rating"
	EntryQuote       EntryKind = "quote"
)

// AllEntryKinds lists the entry kinds, in the schema's order.
var AllEntryKinds = valid.Choices(EntryStance, EntryNeeds, EntryNote, EntryReaction, EntryIdea, EntryVote, EntryPitch,
	EntryResult, EntrySeconds, EntryEase, EntryObservation, EntryPreference, EntryAnswer, EntryRating, EntryQuote)

// Reaction is an emotional reaction noted during an activity: the text of
// a reaction entry.
type Reaction string

// The reactions.
const (
	ReactionConfusion   Reaction = "confusion"
	ReactionExcitement  Reaction = "excitement"
	ReactionFrustration Reaction = "frustration"
	ReactionOther       Reaction = "other"
)

// AllReactions lists the reactions in the order the run view offers them;
// ReactionKinds are their codes, what validation accepts.
var (
	AllReactions  = valid.Choices(ReactionConfusion, ReactionExcitement, ReactionFrustration, ReactionOther)
	ReactionKinds = valid.Strings(AllReactions)
)

// TaskOutcome is how a participant did a prototype task: the text of a
// result entry.
type TaskOutcome string

// The task outcomes.
const (
	TaskSuccess TaskOutcome = "success"
	TaskPartial TaskOutcome = "partial"
	TaskFail    TaskOutcome = "fail"
)

// AllTaskOutcomes lists the outcomes of a task, best first; TaskOutcomes
// are their codes, what validation accepts.
var (
	AllTaskOutcomes = valid.Choices(TaskSuccess, TaskPartial, TaskFail)
	TaskOutcomes    = valid.Strings(AllTaskOutcomes)
)

// Activity is one step of a session's agenda, with its items.
type Activity struct {
	ID           int64  `json:"id" db:"id"`
	SessionID    int64  `json:"sessionId" db:"session_id"`
	Position     int    `json:"position" db:"position"`
	Kind         Kind   `json:"kind" db:"kind"`
	Title        string `json:"title" db:"title"`
	Prompt       string `json:"prompt" db:"prompt"`   // what the facilitator asks
	Minutes      int    `json:"minutes" db:"minutes"` // planned; 0 = not planned
	SecondsSpent int    `json:"secondsSpent" db:"seconds_spent"`
	Scale        int    `json:"scale" db:"scale"` // rating: 5 or 7; else 0
	Dots         int    `json:"dots" db:"dots"`   // dot votes per person (journey board, idea round); 0 = no voting
	Removed      bool   `json:"removed" db:"removed"`
	Revealed     bool   `json:"revealed" db:"revealed"` // results shown to the room and on the projector
	Locked       bool   `json:"locked" db:"locked"`     // the room takes no more entries
	Entries      int    `json:"entries" db:"entries"`   // how many entries it holds
	Items        []Item `json:"items"`
}

// Item is what an activity walks through: an assumption, a journey stage,
// a "How might we" prompt, a prototype variant or task, a question.
type Item struct {
	ID           int64  `json:"id" db:"id"`
	ActivityID   int64  `json:"activityId" db:"activity_id"`
	Role         Role   `json:"role" db:"role"`
	Position     int    `json:"position" db:"position"`
	AssumptionID int64  `json:"assumptionId" db:"assumption_id"` // role assumption; else 0
	Text         string `json:"text" db:"text"`                  // for an assumption: its sentence, read-only
	SecondsSpent int    `json:"secondsSpent" db:"seconds_spent"`
	// Entries counts the entries the item holds (as their item, or as the
	// variant they were made on): an item holding any cannot be removed,
	// and the agenda editor says so before the save is tried.
	Entries int `json:"entries" db:"entries"`
}

// Entry is one thing a participant contributed. Ids of 0 mean none; a
// Value of 0 means none.
type Entry struct {
	ID         int64     `json:"id" db:"id"`
	SessionID  int64     `json:"sessionId" db:"session_id"`
	ActivityID int64     `json:"activityId" db:"activity_id"`
	ItemID     int64     `json:"itemId" db:"item_id"`
	VariantID  int64     `json:"variantId" db:"variant_id"`
	TargetID   int64     `json:"targetId" db:"target_id"`
	MemberID   int64     `json:"memberId" db:"member_id"`
	Member     string    `json:"member" db:"member"` // name; "Former board member" when erased
	Kind       EntryKind `json:"kind" db:"kind"`
	Text       string    `json:"text" db:"text"`
	Value      int       `json:"value" db:"value"`
	Hidden     bool      `json:"hidden" db:"hidden"` // never shown to participants or on the projector
	Themes     []string  `json:"themes"`
	CreatedAt  string    `json:"createdAt" db:"created_at"`
	UpdatedAt  string    `json:"updatedAt" db:"updated_at"`
}

// Agenda is a session's activities in order, and those removed (which can
// be restored).
type Agenda struct {
	SessionID  int64      `json:"sessionId"`
	Format     string     `json:"format"`
	Current    int        `json:"current"` // index into Activities shown by the run view
	Activities []Activity `json:"activities"`
	Removed    []Activity `json:"removed"`
}

// ItemInput is an item as the agenda editor saves it. ID 0 = new.
type ItemInput struct {
	ID           int64  `json:"id"`
	Role         Role   `json:"role"`
	AssumptionID int64  `json:"assumptionId"`
	Text         string `json:"text"`
}

// ActivityInput adds (ID 0, at the end of the agenda) or edits an
// activity. Items is the whole list in order; an item that holds entries
// cannot be left out.
type ActivityInput struct {
	ID        int64       `json:"id"`
	SessionID int64       `json:"sessionId"`
	Kind      Kind        `json:"kind"`
	Title     string      `json:"title"`
	Prompt    string      `json:"prompt"`
	Minutes   int         `json:"minutes"`
	Scale     int         `json:"scale"`
	Dots      int         `json:"dots"`
	Items     []ItemInput `json:"items"`
}

// EntryInput saves one entry. For a kind with one slot per (activity,
// item, variant, target, member) the slot is found and overwritten, and an
// empty text with a 0 value clears it; for the others (journey notes,
// ideas, quotes) ID 0 adds and an ID edits. A reaction is added once per
// text; DeleteEntry takes it back.
type EntryInput struct {
	ID         int64     `json:"id"`
	SessionID  int64     `json:"sessionId"`
	ActivityID int64     `json:"activityId"`
	ItemID     int64     `json:"itemId"`
	VariantID  int64     `json:"variantId"`
	TargetID   int64     `json:"targetId"`
	MemberID   int64     `json:"memberId"` // 0 = unattributed (quotes, reactions)
	Kind       EntryKind `json:"kind"`
	Text       string    `json:"text"`
	Value      int       `json:"value"`
}

// Template is a workshop format as a ready agenda, with its recommended
// group size.
type Template struct {
	Format     string          `json:"format"`
	Label      string          `json:"label"`
	Min        int             `json:"min"`
	Max        int             `json:"max"`
	Activities []ActivityInput `json:"activities"` // SessionID 0
}
