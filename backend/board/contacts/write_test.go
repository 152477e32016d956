package contacts

import "testing"

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+1":                "'+1",
		"-2":                "'-2",
		"@SUM(A1)":          "'@SUM(A1)",
		"\t=1+1":            "'\t=1+1",
		"\r=1+1":            "'\r=1+1",
		"":                  "",
		"Ann":               "Ann",
		"'quoted":           "'quoted",
		"1+1":               "1+1",
		"＝full width":       "＝full width",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
		if got := unguard(SafeCell(in)); got != in {
			t.Errorf("unguard(SafeCell(%q)) = %q", in, got)
		}
	}
}
