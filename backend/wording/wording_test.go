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

func TestFirstNameAcrossScripts(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Zoë Durand", "Zoë"},
		{"  Jörg   Müller ", "Jörg"},
		{"Ελένη Παπαδοπούλου", "Ελένη"},
		{"Olga Ivanova", "Olga"},
		{"ليلى حداد", "ليلى"},
		{"שרה כהן", "שרה"},
		{"अनन्या शर्मा", "अनन्या"},
		{"ศิริพร วงศ์สวัสดิ์", "ศิริพร"},
		{"李雷", "李雷"},
		{"山田 花子", "山田 花子"},
		{"山田　花子", "山田 花子"}, // ideographic space
		{"やまだ はなこ", "やまだ はなこ"},
		{"박서준", "박서준"},
		{"박 서준", "박 서준"},
		{"𠮷野 太郎", "𠮷野 太郎"},
		{"李雷 (Li Lei)", "李雷 (Li Lei)"},
		{"Madonna", "Madonna"},
		{"👩‍🔬 Ada", "👩‍🔬"},
		{"", ""},
		{" \t", ""},
	} {
		if got := wording.FirstName(c.name); got != c.want {
			t.Errorf("FirstName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// Line ends become "\n"; every other control character goes (C0, DEL,
// C1), tabs and letters of every script stay.
func TestPlainText(t *testing.T) {
	got := wording.PlainText("a\r\nb\rc\nd\te\x00\x1b[1m\x7f\u0085雷🙂")
	if want := "a\nb\nc\nd\te[1m雷🙂"; got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
}
