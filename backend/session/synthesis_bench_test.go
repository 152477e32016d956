package session

import "testing"

// BenchmarkSynthesis reads the synthesis of BenchmarkGetRun's session:
// 2,000 responses (10,000 entries), 500 quotes, every text entry read
// with its activity, item and author's segment, plus the agenda's results.
func BenchmarkSynthesis(b *testing.B) {
	f := newRunFx(b)
	session := fillGetRun(b, f)
	syn, err := f.s.Syntheses.Synthesis(session)
	if err != nil {
		b.Fatal(err)
	}
	// 500 quotes, 2,000 needs and 2,000 notes, none tagged.
	if len(syn.Untagged) != 4500 || len(syn.Activities) != 1 || syn.Activities[0].Reactions.Confusion != 2000 {
		b.Fatalf("synthesis has %d untagged, %+v", len(syn.Untagged), syn.Activities)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := f.s.Syntheses.Synthesis(session); err != nil {
			b.Fatal(err)
		}
	}
}
