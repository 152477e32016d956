// Package scripttest holds one sample text in every script the board's
// members write their names and words in, for the round-trip tests of
// every format (CSV, JSON, vCard, .ics, Markdown, drafted messages): each
// value must come back byte for byte.
package scripttest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Sample is a text in one script, with a name short enough for a member.
type Sample struct {
	Script string // what the sample tests, for test names
	Name   string // a person's name in that script
	Text   string // a sentence in that script, with its own punctuation
}

// Samples covers Latin with diacritics, German ß and umlauts, Chinese,
// Japanese, Korean, Arabic, Hebrew, Thai, Devanagari, emoji joined with
// ZWJ, a character beyond the BMP (𠮷, U+20BB7) and a line that mixes
// directions (an English sentence quoting an Arabic name).
var Samples = []Sample{
	{"latin", "Élodie Ångström-Łódź", "Ça coûte 12 € à São Paulo, señor Núñez."},
	{"german", "Jörg Müller-Weiß", "Größere Äpfel für die Straße, übermorgen."},
	{"chinese", "李雷", "我们每周订货，价格表是PDF。"},
	{"japanese", "山田 花子", "仕入れ先の価格表は、ほとんどFAXで届きます。"},
	{"korean", "박서준", "처음엔 혼자 해 보고, 막히면 채팅으로 물어보고 싶어요."},
	{"arabic", "ليلى حداد", "إذا وصل أول طلب صحيحًا، سأبقى."},
	{"hebrew", "שרה כהן", "ההזמנה הראשונה הגיעה בזמן, תודה!"},
	{"thai", "ศิริพร วงศ์สวัสดิ์", "ราคาจากตลาดเปลี่ยนทุกเช้า ฉันต้องแก้เองได้ทันที"},
	{"devanagari", "अनन्या शर्मा", "पहला ऑर्डर सही आया तो भरोसा हो जाएगा।"},
	{"emoji", "Ada 👩‍🔬", "Family order 👨‍👩‍👧‍👦 for 🏳️‍🌈 week, thumbs 👍🏽."},
	{"beyond-bmp", "𠮷野 太郎", "𠮷野家の𠮷は土の吉です。"},
	{"mixed-direction", "Grace (ليلى) Okafor", "Like ليلى حداد said (twice): “the first order, #1, matters”."},
}

// Long repeats text until it is at least n bytes, so line folding (vCard,
// .ics: 75 octets a line) falls inside multi-byte characters somewhere.
func Long(text string, n int) string {
	if text == "" {
		return ""
	}
	return strings.TrimSpace(strings.Repeat(text+" ", n/len(text)+1))
}

// CheckFolded fails unless every line of a vCard or .ics file is at most
// 75 octets and valid UTF-8 on its own (a fold never splits a character),
// and some line was folded at all.
func CheckFolded(t testing.TB, content string) {
	t.Helper()
	folds := 0
	for i, line := range strings.Split(strings.TrimSuffix(content, "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) {
			t.Errorf("line %d: %d octets, valid UTF-8 %v: %q", i+1, len(line), utf8.ValidString(line), line)
		}
		if strings.HasPrefix(line, " ") {
			folds++
		}
	}
	if folds == 0 {
		t.Error("no line was folded; the long texts should have been")
	}
}
