package teamfile_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"soundingboard/backend/teamfile"
)

// FuzzOpen feeds Open any bytes as A's segment 1: it must never panic, and
// it must open nothing but the one file A really wrote there (the fuzzer
// cannot forge A's signature).
func FuzzOpen(f *testing.F) {
	tm := newTeam(f)
	path := tm.write(f, tm.a, segment(tm.a, 1), []byte("seed body"))
	valid := read(f, path)
	f.Add(valid)
	f.Add(valid[:50])
	f.Add([]byte("SBtf"))
	f.Add([]byte{})
	dev, _ := tm.a.Device().MarshalBinary()
	f.Add(read(f, tm.write(f, tm.a, teamfile.Header{Kind: teamfile.KindDevice, Device: tm.a.ID, Seq: 1, Schema: schema}, dev)))
	// Each fuzzing process runs the setup and its inputs one at a time, so
	// one path serves them all.
	p := filepath.Join(f.TempDir(), "devices", tm.a.ID.String(), "segment-1-1.sb")
	f.Fuzz(func(t *testing.T, data []byte) {
		place(t, p, data)
		h, body, err := tm.open(p)
		if err == nil && (!bytes.Equal(data, valid) || h != segment(tm.a, 1) || string(body) != "seed body") {
			t.Fatalf("opened %d forged bytes: %+v %q", len(data), h, body)
		}
		if err != nil && teamfile.ActionOf(err) == 0 {
			t.Fatalf("error without an action: %v", err)
		}
	})
}

// benchSealOpen seals a body of n bytes and opens it from the disk, as one
// device writes a file and another reads it.
func benchSealOpen(b *testing.B, n int) {
	tm := newTeam(b)
	body := bytes.Repeat([]byte("response "), n/9+1)[:n]
	h := segment(tm.a, 1)
	path := filepath.Join(teamfile.Dir(tm.folder, tm.a.ID), h.Name())
	b.SetBytes(int64(n))
	for b.Loop() {
		data, err := teamfile.Seal(tm.a, h, body, tm.keys[1])
		if err != nil {
			b.Fatal(err)
		}
		place(b, path, data)
		if _, _, err := tm.open(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSealOpen64KiB(b *testing.B) { benchSealOpen(b, 64<<10) }

func BenchmarkSealOpen4MiB(b *testing.B) { benchSealOpen(b, 4<<20) }
