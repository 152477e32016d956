package transcript

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// twoHours is a transcript of a two-hour call: 2,400 cues of four
// speakers, three of them participants.
func twoHours() []byte {
	var b strings.Builder
	b.WriteString("WEBVTT\n\n")
	who := []string{"Priya Shah", "Ana Lima", "Bruno", "Chris Mendel"}
	for i := range 2400 {
		start := time.Duration(i) * 3 * time.Second
		fmt.Fprintf(&b, "%d\n%s --> %s\n<v %s>Line %d: the supplier list is where I always get stuck, every Monday.</v>\n\n",
			i+1, vttClock(start), vttClock(start+2500*time.Millisecond), who[i%len(who)], i)
	}
	return []byte(b.String())
}

func vttClock(d time.Duration) string { return strings.Replace(srtClock(d), ",", ".", 1) }

// Importing a two-hour transcript: parse, match speakers, write 2,400 lines.
func BenchmarkImport(b *testing.B) {
	f := newFx(b)
	content := twoHours()
	b.ResetTimer()
	for b.Loop() {
		if _, err := f.s.Import(ImportInput{SessionID: f.session, FileName: "call.vtt", Content: content}); err != nil {
			b.Fatal(err)
		}
	}
}

// Opening it on the transcript page.
func BenchmarkGet(b *testing.B) {
	f := newFx(b)
	tr, err := f.s.Import(ImportInput{SessionID: f.session, FileName: "call.vtt", Content: twoHours()})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := f.s.Get(tr.ID); err != nil {
			b.Fatal(err)
		}
	}
}
