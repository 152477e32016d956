package valid_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

func TestProblems(t *testing.T) {
	var ok valid.Problems
	ok.Text("title", "Pricing", 10)
	ok.OneOf("format", "a", "a", "b")
	ok.Range("importance", 3, 1, 5)
	ok.Date("deadline", "2026-02-28")
	ok.Date("deadline", "")
	ok.Clock("start", "09:30")
	if err := ok.Err(); err != nil {
		t.Fatalf("valid input refused: %v", err)
	}

	var p valid.Problems
	p.Text("title", "  ", 10)
	p.MaxLen("notes", "Zoë Zoë Zoë", 5)
	p.OneOf("format", "party", "a", "b")
	p.Range("importance", 9, 1, 5)
	p.Date("deadline", "2026-02-30")
	p.Clock("start", "25:00")
	err := p.Err()
	if !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	for _, want := range []string{
		"title is required", "notes is longer than 5 characters", `format "party" is not one of a, b`,
		"importance 9 is out of range (1 to 5)", `deadline "2026-02-30" is not a date`, `start "25:00" is not a time of day`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q missing from %q", want, err)
		}
	}
}

// Every problem names its field for the frontend, which puts it beside that
// field; the prefix that wraps the message ("update session 12: …") stays out.
func TestProblemsCarryTheirFields(t *testing.T) {
	var p valid.Problems
	p.Text("title", "", 10)
	p.Date("deadline", "2026-02-30")
	p.Add("", "3 themes is more than 2")
	err := fmt.Errorf("update session 12: %w", p.Err())
	var de *store.Error
	if !errors.As(err, &de) {
		t.Fatalf("%v is not a store.Error", err)
	}
	got := store.Describe(err)
	want := []store.Problem{
		{Field: "title", Message: "Title is required."},
		{Field: "deadline", Message: `Deadline "2026-02-30" is not a date (YYYY-MM-DD).`},
		{Message: "3 themes is more than 2."},
	}
	if got.Code != store.CodeInvalid || !reflect.DeepEqual(got.Fields, want) {
		t.Fatalf("Describe = %+v, want fields %+v", got, want)
	}
	if !strings.HasPrefix(got.Message, "Title is required. ") {
		t.Errorf("message %q is not the problems alone", got.Message)
	}
}
