package activity

// ActivityRun is one activity as the run view and the synthesis show it.
type ActivityRun struct {
	Activity  Activity  `json:"activity"`
	Entries   []Entry   `json:"entries"`   // oldest first
	Reactions Reactions `json:"reactions"` // counted over the activity
	Results   Results   `json:"results"`
}

// Reactions counts the emotional reactions noted during an activity.
type Reactions struct {
	Confusion   int `json:"confusion"`
	Excitement  int `json:"excitement"`
	Frustration int `json:"frustration"`
	Other       int `json:"other"`
}

// Results is what an activity produced, by kind; the fields of other kinds
// are empty.
type Results struct {
	Notes   []Ranked      `json:"notes"`   // journey board: pain points, most dots first, then severity (ItemID is the stage)
	Ideas   []Ranked      `json:"ideas"`   // idea round: most dots first, then pitch score
	Tasks   []TaskResult  `json:"tasks"`   // prototype test: per variant and task
	Prefers []Preference  `json:"prefers"` // prototype test: who preferred which variant
	Ratings []RatingStat  `json:"ratings"` // rating: per question
	Answers []AnswerCount `json:"answers"` // open question: per question
}

// Ranked is a note or idea with its votes.
type Ranked struct {
	EntryID  int64   `json:"entryId"`
	ItemID   int64   `json:"itemId"` // the stage or prompt
	Text     string  `json:"text"`
	Member   string  `json:"member"`
	Severity int     `json:"severity"` // journey notes: 1–3; 0 = none
	Dots     int     `json:"dots"`
	Pitch    float64 `json:"pitch"` // ideas: mean pitch score; 0 = none
}

// TaskResult is how one task went on one variant.
type TaskResult struct {
	VariantID     int64   `json:"variantId"`
	TaskID        int64   `json:"taskId"`
	Success       int     `json:"success"`
	Partial       int     `json:"partial"`
	Fail          int     `json:"fail"`
	MedianSeconds int     `json:"medianSeconds"` // 0 = none timed
	MeanEase      float64 `json:"meanEase"`      // 1–7; 0 = none given
}

// Preference counts who preferred a variant.
type Preference struct {
	VariantID int64 `json:"variantId"`
	Count     int   `json:"count"`
}

// RatingStat is the spread of one rating question.
type RatingStat struct {
	ItemID int64   `json:"itemId"`
	Count  int     `json:"count"`
	Mean   float64 `json:"mean"`
	Counts []int   `json:"counts"` // Counts[v-1] people gave v
}

// AnswerCount is how many answered an open question.
type AnswerCount struct {
	ItemID int64 `json:"itemId"`
	Count  int   `json:"count"`
}

// AgendaRun is a session's agenda with every activity's entries and
// results: what the run view needs in one call.
type AgendaRun struct {
	Agenda Agenda        `json:"agenda"`
	Runs   []ActivityRun `json:"runs"`   // one per Agenda.Activities, same order
	Quotes []Entry       `json:"quotes"` // quotes about the session as a whole (no activity), oldest first
}
