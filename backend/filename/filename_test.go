package filename_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"soundingboard/backend/filename"
	"soundingboard/backend/scripttest"
)

func TestSafe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"李雷", "李雷"},
		{"山田 花子", "山田 花子"},
		{"ليلى حداد", "ليلى حداد"},
		{"ศิริพร วงศ์สวัสดิ์", "ศิริพร วงศ์สวัสดิ์"},
		{"अनन्या शर्मा", "अनन्या शर्मा"},
		{"Ada 👩‍🔬", "Ada 👩‍🔬"},
		{"𠮷野 太郎", "𠮷野 太郎"},
		{"Anna Mu\u0308ller", "Anna Müller"}, // NFC
		{"../../etc/passwd", "etc passwd"},
		{`C:\Users\x`, "C Users x"},
		{"Zoë: CEO?", "Zoë CEO"},
		{"a\x00b\tc\u0085d", "a b c d"},
		{"evil\u202Efdp.exe", "evilfdp.exe"}, // a bidi override cannot disguise the extension
		{"\u200Fשרה\u200E כהן\uFEFF", "שרה כהן"},
		{"CON", "_CON"}, {"nul.txt", "_nul.txt"}, {"lpt1 ", "_lpt1"}, {"COM¹", "_COM¹"}, {"COM10", "COM10"}, {"Conny", "Conny"},
		{" . ", "fallback"}, {"", "fallback"}, {"\u202E", "fallback"},
	} {
		if got := filename.Safe(c.in, "fallback", 120); got != c.want {
			t.Errorf("Safe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Long names are cut to the byte limit between characters, in every
// script: never inside a UTF-8 sequence, a Thai vowel or an emoji.
func TestSafeCutsBetweenCharacters(t *testing.T) {
	for _, s := range scripttest.Samples {
		long := strings.Repeat(s.Name+"-", 40)
		for _, limit := range []int{7, 30, 31, 32, 33, 120} {
			got := filename.Safe(long, "x", limit)
			if len(got) > limit || !utf8.ValidString(got) || !strings.HasPrefix(long, got) {
				t.Errorf("%s, %d bytes: %q (%d bytes)", s.Script, limit, got, len(got))
			}
			if limit >= len(s.Name)+1 && !strings.HasPrefix(got, s.Name) {
				t.Errorf("%s, %d bytes: %q lost the first name", s.Script, limit, got)
			}
		}
	}
	// 👨‍👩‍👧‍👦 is 25 bytes: a 30-byte limit keeps one family, not one and a half.
	if got := filename.Safe(strings.Repeat("👨‍👩‍👧‍👦", 3), "x", 30); got != "👨‍👩‍👧‍👦" {
		t.Errorf("emoji cut to %q", got)
	}
	// ศิ is two code points, one character.
	if got := filename.Safe("ศิศิศิ", "x", 8); got != "ศิ" {
		t.Errorf("Thai cut to %q", got)
	}
}

func TestSlug(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{[]string{"session", "Supplier onboarding: beyond English", "2026-03-02"}, "session-supplier-onboarding-beyond-english-2026-03-02"},
		{[]string{"letters", "李雷 的会议"}, "letters-李雷-的会议"},
		{[]string{"ศิริพร วงศ์สวัสดิ์"}, "ศิริพร-วงศ์สวัสดิ์"},
		{[]string{"अनन्या शर्मा"}, "अनन्या-शर्मा"},
		{[]string{"ليلى حداد"}, "ليلى-حداد"},
		{[]string{"Ada 👩‍🔬 Lovelace"}, "ada-lovelace"},
		{[]string{"Mu\u0308ller"}, "müller"},
		{[]string{"!!!", "👍"}, ""},
	} {
		if got := filename.Slug(72, c.parts...); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
	if got := filename.Slug(10, "ศิริพร วงศ์สวัสดิ์"); got != "ศิ" || len(got) > 10 {
		t.Errorf("cut slug %q", got)
	}
}
