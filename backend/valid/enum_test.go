package valid_test

import (
	"slices"
	"testing"

	"soundingboard/backend/valid"
)

type color string

// Choices names each value for TypeScript by its upper-cased code and the
// empty code NONE (a TypeScript enum member needs a name); Strings gives
// the codes back in order.
func TestChoices(t *testing.T) {
	cs := valid.Choices[color]("", "red", "dark_blue")
	want := []valid.Choice[color]{{"", "NONE"}, {"red", "RED"}, {"dark_blue", "DARK_BLUE"}}
	if !slices.Equal(cs, want) {
		t.Errorf("Choices = %v, want %v", cs, want)
	}
	if got := valid.Strings(cs); !slices.Equal(got, []string{"", "red", "dark_blue"}) {
		t.Errorf("Strings = %q", got)
	}
}
