package searchtext

import (
	"strings"
	"testing"
)

func TestQuery(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{`"*()`, ""},
		{"\u0308", ""},
		{"ana silva", `"ana"* AND "silva"*`},
		{"ana@x.com", `"ana"* AND "x"* AND "com"*`},
		{`Zoë "OR" NOT`, `"zoe"* AND "or"* AND "not"*`},
		{"O'Brien-Smith 42", `"o"* AND "brien"* AND "smith"* AND "42"*`},
		{"ÅNGSTRÖM", `("angstrom"* OR "angstroem"*)`},
		{"Müller", `("muller"* OR "mueller"*)`},
		{"mueller", `"mueller"*`},
		{"Straße STRASSE ẞ", `"strasse"* AND "strasse"* AND "ss"*`},
		{"Łukasz Søren", `"lukasz"* AND "soren"*`},
		{"ｍｕｅｌｌｅｒ", `"mueller"*`},
		{"李雷 韩梅梅", `"李 雷"* AND "韩 梅 梅"*`},
		{"雷", `"雷"*`},
		{"李雷lee", `"李 雷 lee"*`},
		{"山田花子", `"山 田 花 子"*`},
		{"김민준", `"김 민 준"*`},
		{"ラーメン", `"ラ ー メ ン"*`},
		{"𠮷野", `"𠮷 野"*`},
		{"กินข้าว", `"กิ น ข้ า ว"*`},
		{"नमस्ते", `"नमस्ते"*`},
		{"مُحَمَّد", `"محمد"*`},
		{"a b c d e f g h i j k l m n o p q r", `"a"* AND "b"* AND "c"* AND "d"* AND "e"* AND "f"* AND "g"* AND "h"* AND "i"* AND "j"* AND "k"* AND "l"* AND "m"* AND "n"* AND "o"* AND "p"*`},
		{strings.Repeat("雷", 40), `"` + strings.TrimSpace(strings.Repeat("雷 ", 16)) + `"*`},
		{"ab " + strings.Repeat("雷", 40), `"ab"* AND "` + strings.TrimSpace(strings.Repeat("雷 ", 15)) + `"*`},
	} {
		if got := Query(c.in, 16); got != c.want {
			t.Errorf("Query(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestIndex(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Ana O'Brien, ana@x.com", "Ana O'Brien, ana@x.com"}, // ASCII: FTS5 splits and folds it alike
		{"Jörg Müller", "jorg joerg muller mueller"},
		{"Große Straße", "grosse strasse"},
		{"Zoë Ålund", "zoe alund"},
		{"李雷", "李 雷"},
		{"北京科技 Ltd.", "北 京 科 技 ltd"},
		{"สมชาย ใจดี", "ส ม ช า ย ใ จ ดี"},
	} {
		if got := Index(c.in); got != c.want {
			t.Errorf("Index(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
