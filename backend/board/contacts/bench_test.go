package contacts

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// vCardShapes are vCards whose weight is in one card, in the shapes that
// made reading quadratic: a note folded every 75 octets as RFC 6350 writes
// it, a vCard 2.1 quoted-printable note broken by soft line breaks, and a
// card with many categories. A card is head, chunks up to a size, tail.
var vCardShapes = []struct {
	name, head, tail string
	chunk            func(n int) string
}{
	{"folded", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nNOTE:", "end\r\nEND:VCARD\r\n",
		func(int) string { return strings.Repeat("x", 73) + "\r\n " }},
	{"quoted-printable", "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Bo Chan\r\nNOTE;ENCODING=QUOTED-PRINTABLE:", "end\r\nEND:VCARD\r\n",
		func(int) string { return strings.Repeat("=C3=A9", 12) + "=\r\n" }},
	{"categories", "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cy Diaz\r\n", "END:VCARD\r\n",
		func(n int) string { return fmt.Sprintf("CATEGORIES:tag%d\r\n", n) }},
}

// buildVCard returns about size bytes of vCard in shape i.
func buildVCard(i, size int) string {
	shape := vCardShapes[i]
	var b strings.Builder
	b.WriteString(shape.head)
	for n := 0; b.Len() < size; n++ {
		b.WriteString(shape.chunk(n))
	}
	b.WriteString(shape.tail)
	return b.String()
}

// BenchmarkReadVCard reads 1.5 MB vCards of each heavy shape.
func BenchmarkReadVCard(b *testing.B) {
	for i, shape := range vCardShapes {
		text := buildVCard(i, 1500<<10)
		b.Run(shape.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadVCard(context.Background(), text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// allocated returns the bytes ReadVCard allocates reading text.
func allocated(t *testing.T, text string) uint64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f, err := ReadVCard(t.Context(), text)
	runtime.ReadMemStats(&after)
	if err != nil || len(f.Records) != 1 {
		t.Fatalf("read: %v", err)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestReadVCardLinear measures work, not time: reading ten times the text
// may allocate about ten times the bytes. Joining folded lines or soft
// line breaks by concatenation allocated a hundred times as much (15 GB
// for 1.5 MB).
func TestReadVCardLinear(t *testing.T) {
	for i, shape := range vCardShapes[:2] {
		small, large := allocated(t, buildVCard(i, 150<<10)), allocated(t, buildVCard(i, 1500<<10))
		if large > 20*small {
			t.Errorf("%s: 1.5 MB allocates %d MB, 150 KB %d MB: more than linear", shape.name, large>>20, small>>20)
		}
	}
	f, err := ReadVCard(t.Context(), buildVCard(0, 10<<10))
	if err != nil {
		t.Fatal(err)
	}
	if note := f.Records[0].Fields[Notes]; strings.Trim(note, "x") != "end" {
		t.Errorf("folded note not unfolded: %.80q…", note)
	}
	f, err = ReadVCard(t.Context(), buildVCard(1, 10<<10))
	if err != nil {
		t.Fatal(err)
	}
	if note := f.Records[0].Fields[Notes]; strings.Trim(note, "é") != "end" {
		t.Errorf("quoted-printable note not joined: %.80q…", note)
	}
}

// TestReadVCardStops checks a reader whose context has ended gives up.
func TestReadVCardStops(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for i, shape := range vCardShapes {
		if _, err := ReadVCard(ctx, buildVCard(i, 100<<10)); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v, want context.Canceled", shape.name, err)
		}
	}
	if _, err := Read(ctx, "x.csv", []byte("name\nAnn\n"), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("CSV: err = %v, want context.Canceled", err)
	}
}
