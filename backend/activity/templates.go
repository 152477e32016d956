package activity

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// templates are the four workshop formats as agendas, in the order the
// plan page offers them. Group sizes follow the method: problem mapping
// 5–8, ideation sprint 6–10, prototype testing 3–5 per concept, assumption
// testing 4–6. Item texts are starting points the facilitator rewrites.
var templates = []Template{
	{Format: "assumption_testing", Label: "Assumption testing", Min: 4, Max: 6, Activities: []ActivityInput{
		{Kind: KindAssumptionCheck, Title: "Assumption check", Minutes: 60,
			Prompt: "Does this match your reality? What would need to be true for this to work for you?"},
		{Kind: KindOpenQuestion, Title: "Afterthoughts", Minutes: 10,
			Items: []ItemInput{{Role: RoleQuestion, Text: "What did we not ask that we should have?"}}},
	}},
	{Format: "problem_mapping", Label: "Problem mapping", Min: 5, Max: 8, Activities: []ActivityInput{
		{Kind: KindJourneyBoard, Title: "Walk the journey", Minutes: 45, Dots: 3,
			Prompt: "Stage by stage: where does it hurt? Write one pain point per note, then put your red dots on the worst.",
			Items: []ItemInput{{Role: RoleStage, Text: "Discover"}, {Role: RoleStage, Text: "Evaluate"},
				{Role: RoleStage, Text: "Buy"}, {Role: RoleStage, Text: "Set up"}, {Role: RoleStage, Text: "Use"},
				{Role: RoleStage, Text: "Renew"}}},
		{Kind: KindRating, Title: "How much it matters", Minutes: 10, Scale: 5,
			Items: []ItemInput{{Role: RoleQuestion, Text: "How much time does this process cost you today?"},
				{Role: RoleQuestion, Text: "How urgent is fixing it for your team?"}}},
		{Kind: KindOpenQuestion, Title: "One thing to fix", Minutes: 10,
			Items: []ItemInput{{Role: RoleQuestion, Text: "If we could fix one thing by next month, what should it be?"}}},
	}},
	{Format: "ideation_sprint", Label: "Ideation sprint", Min: 6, Max: 10, Activities: []ActivityInput{
		{Kind: KindIdeaRound, Title: "Ideas", Minutes: 40, Dots: 3,
			Prompt: "Write one idea per note, as many as you like. Then walk the gallery, put your dots on the best, and pitch the winners in a minute.",
			Items: []ItemInput{{Role: RolePrompt, Text: "How might we make this faster?"},
				{Role: RolePrompt, Text: "How might we make this need no training?"}}},
		{Kind: KindOpenQuestion, Title: "First to use", Minutes: 10,
			Items: []ItemInput{{Role: RoleQuestion, Text: "Which idea would you use first, and why?"}}},
	}},
	{Format: "prototype_testing", Label: "Prototype testing", Min: 3, Max: 5, Activities: []ActivityInput{
		{Kind: KindPrototypeTest, Title: "Try the prototypes", Minutes: 45,
			Prompt: "Think aloud as you go. There are no wrong answers: we are testing the prototype, not you.",
			Items: []ItemInput{{Role: RoleVariant, Text: "Variant A"}, {Role: RoleVariant, Text: "Variant B"},
				{Role: RoleTask, Text: "Find where to start"}, {Role: RoleTask, Text: "Complete the main task"}}},
		{Kind: KindRating, Title: "Would you use it", Minutes: 5, Scale: 7,
			Items: []ItemInput{{Role: RoleQuestion, Text: "How likely would you be to use this every week?"}}},
		{Kind: KindOpenQuestion, Title: "What would stop you", Minutes: 10,
			Items: []ItemInput{{Role: RoleQuestion, Text: "What would stop you from using it?"}}},
	}},
}

// templateOf returns the template of a format.
func templateOf(format string) (Template, bool) {
	for _, t := range templates {
		if t.Format == format {
			return t, true
		}
	}
	return Template{}, false
}

// Seed writes the agenda of format's template for a new session, in the
// session's creating transaction. An assumption check is created with no
// items: the plan's assumptions fill it (package session).
func Seed(ctx context.Context, tx *sqlx.Tx, sessionID int64, format, now string) error {
	t, ok := templateOf(format)
	if !ok {
		return fmt.Errorf("seed agenda: format %q has no template", format)
	}
	for pos, a := range t.Activities {
		id, err := store.NewID(ctx, tx)
		if err != nil {
			return fmt.Errorf("seed agenda: %w", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO activities
			(id, session_id, position, kind, title, prompt, minutes, scale, dots, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, sessionID, pos, a.Kind, a.Title, a.Prompt, a.Minutes, a.Scale, a.Dots, now, now)
		if err != nil {
			return fmt.Errorf("seed agenda: %s: %w", a.Title, err)
		}
		if err := writeItems(ctx, tx, id, nil, a.Items); err != nil {
			return fmt.Errorf("seed agenda: %s: %w", a.Title, err)
		}
	}
	return nil
}
