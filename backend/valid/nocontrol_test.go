package valid_test

import (
	"strings"
	"testing"

	"soundingboard/backend/valid"
)

func TestNoControl(t *testing.T) {
	for _, tc := range []struct {
		v          string
		line, text string // the problems of NoControl and NoControlLines, "" = none
	}{
		{"Ann Lee", "", ""},
		{"👩\u200d💻 می\u200cخواهم \u200eA\u200f", "", ""}, // ZWJ, ZWNJ, LRM, RLM are format characters
		{"two\nlines\tand a tab", "U+000A at character 4", ""},
		{"Ann\x00", "U+0000 at character 4", "U+0000 at character 4"},
		{"Zoë\a", "U+0007 at character 4", "U+0007 at character 4"},
		{"x\x1b[31m", "U+001B", "U+001B"},
		{"x\x7f", "U+007F", "U+007F"},
		{"x\u0085", "U+0085", "U+0085"},
		{"x\r\n", "U+000D", "U+000D"},
	} {
		for _, check := range []struct {
			fn   func(*valid.Problems, string, string)
			want string
		}{{(*valid.Problems).NoControl, tc.line}, {(*valid.Problems).NoControlLines, tc.text}} {
			var p valid.Problems
			check.fn(&p, "name", tc.v)
			switch {
			case check.want == "" && len(p) > 0:
				t.Errorf("%q: %v", tc.v, p)
			case check.want != "" && (len(p) != 1 || p[0].Field != "name" ||
				!strings.HasPrefix(p[0].Message, "name contains the control character") || !strings.Contains(p[0].Message, check.want)):
				t.Errorf("%q: %v, want %s", tc.v, p, check.want)
			}
		}
	}
}
