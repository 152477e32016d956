package wording_test

import (
	"testing"

	"soundingboard/backend/wording"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 entries"}, {1, "1 entry"}, {2, "2 entries"}, {-1, "-1 entries"}} {
		if got := wording.Count(c.n, "entry", "entries"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestQuoteNeverQuotesTwice(t *testing.T) {
	for in, want := range map[string]string{
		"I reorder by phone.":    "“I reorder by phone.”",
		" “Already quoted.” ":    "“Already quoted.”",
		`"Straight quotes"`:      `"Straight quotes"`,
		"«Guillemets»":           "«Guillemets»",
		"„Deutsch“":              "„Deutsch“",
		"“Only an opening mark":  "“Only an opening mark”",
		`"Cases" became bottles`: `“"Cases" became bottles”`,
		`"`:                      `“"”`,
		"":                       "“”",
	} {
		if got := wording.Quote(in); got != want {
			t.Errorf("Quote(%q) = %q, want %q", in, got, want)
		}
	}
}
