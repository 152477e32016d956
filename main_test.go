package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"soundingboard/backend/store"
)

func TestInstanceIDIsPerDatabase(t *testing.T) {
	a, b := instanceID("/x/a.db"), instanceID("/x/b.db")
	if a == b || a != instanceID("/x/a.db") || !strings.HasPrefix(a, "soundingboard-") {
		t.Fatalf("ids %q %q", a, b)
	}
}

// The window rejects a failed call with the same JSON as browser mode, as
// text the frontend parses: the code and each field's problem survive, and
// the context the message gained on the way up stays out of it.
func TestFormatErrorSendsCodeAndFields(t *testing.T) {
	err := fmt.Errorf("update session 12: %w", store.InvalidFields([]store.Problem{{Field: "title", Message: "title is required"}}))
	text, ok := formatError(err).(string)
	if !ok {
		t.Fatalf("formatError gave %T, want JSON text", formatError(err))
	}
	var p store.Payload
	if err := json.Unmarshal([]byte(text), &p); err != nil {
		t.Fatal(err)
	}
	want := store.Payload{Message: "Title is required.", Code: store.CodeInvalid,
		Fields: []store.Problem{{Field: "title", Message: "Title is required."}}}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("got %+v, want %+v", p, want)
	}
}
