package teamfile_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"soundingboard/backend/teamfile"
)

// schema is the app schema version the tests write and read with.
const schema = 7

// team is three devices, a folder and a data key: A and B are trusted,
// C is a device nobody has accepted.
type team struct {
	folder  string
	a, b, c *teamfile.Identity
	trust   teamfile.Trust
	keys    teamfile.Keys
}

func newTeam(t testing.TB) *team {
	t.Helper()
	tm := &team{folder: t.TempDir(), keys: teamfile.Keys{1: teamfile.NewDataKey()}}
	for _, p := range []**teamfile.Identity{&tm.a, &tm.b, &tm.c} {
		id, err := teamfile.NewIdentity()
		if err != nil {
			t.Fatal(err)
		}
		*p = id
	}
	tm.a.Name, tm.b.Name, tm.c.Name = "Ana's laptop", "Ben's laptop", "Cy's laptop"
	tm.trust = teamfile.Trust{Devices: map[teamfile.DeviceID]teamfile.Device{
		tm.a.ID: tm.a.Device(),
		tm.b.ID: tm.b.Device(),
	}}
	return tm
}

// segment is the header of a segment file of id.
func segment(id *teamfile.Identity, seq uint64) teamfile.Header {
	return teamfile.Header{Kind: teamfile.KindSegment, Device: id.ID, Epoch: 1, Seq: seq, Schema: schema}
}

// write writes a file of id into the team's folder.
func (tm *team) write(t testing.TB, id *teamfile.Identity, h teamfile.Header, body []byte) string {
	t.Helper()
	path, err := teamfile.Write(tm.folder, id, h, body, tm.keys[h.Epoch])
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// open opens path as the team's devices do.
func (tm *team) open(path string) (teamfile.Header, []byte, error) {
	return teamfile.Open(path, tm.trust, tm.keys, schema)
}

// wantReason fails unless err wraps reason, names path and has its action.
func wantReason(t *testing.T, err error, reason *teamfile.Reason, path string) {
	t.Helper()
	if !errors.Is(err, reason) {
		t.Fatalf("got %v, want %q", err, reason)
	}
	var fe *teamfile.FileError
	if !errors.As(err, &fe) || fe.Path != path {
		t.Fatalf("error %v does not name %s", err, path)
	}
	if teamfile.ActionOf(err) != reason.Action() {
		t.Fatalf("ActionOf(%v) = %v, want %v", err, teamfile.ActionOf(err), reason.Action())
	}
}

// refuses places data at path and checks that the team's devices refuse
// it for reason.
func (tm *team) refuses(t *testing.T, path string, data []byte, reason *teamfile.Reason) {
	t.Helper()
	place(t, path, data)
	_, _, err := tm.open(path)
	wantReason(t, err, reason, path)
}

// place writes data at path as the sync service (or an attacker) would:
// whatever is there is replaced.
func place(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEveryKindRoundTrips(t *testing.T) {
	tm := newTeam(t)
	dev, err := tm.a.Device().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	wrapped, err := teamfile.WrapKey(tm.keys[1], 1, []teamfile.Device{tm.a.Device(), tm.b.Device()})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		h    teamfile.Header
		body []byte
	}{
		{teamfile.Header{Kind: teamfile.KindDevice, Device: tm.a.ID, Seq: 1, Schema: schema}, dev},
		{teamfile.Header{Kind: teamfile.KindKeys, Device: tm.a.ID, Seq: 1, Schema: schema}, wrapped},
		{segment(tm.a, 1), []byte("member 12 email ana@example.org")},
		{teamfile.Header{Kind: teamfile.KindSnapshot, Device: tm.a.ID, Epoch: 1, Seq: 1, Schema: schema}, bytes.Repeat([]byte("snap"), 1000)},
		{segment(tm.a, 2), nil},
	} {
		path := tm.write(t, tm.a, c.h, c.body)
		if want := filepath.Join(tm.folder, "devices", tm.a.ID.String(), c.h.Name()); path != want {
			t.Fatalf("path %s, want %s", path, want)
		}
		h, body, err := tm.open(path)
		if err != nil {
			t.Fatalf("%s: %v", c.h.Kind, err)
		}
		if h != c.h || !bytes.Equal(body, c.body) {
			t.Fatalf("%s: got %+v %q, want %+v", c.h.Kind, h, body, c.h)
		}
		data := read(t, path)
		if c.h.Kind.Encrypted() && bytes.Contains(data, c.body[:min(len(c.body), 8)]) && len(c.body) > 0 {
			t.Fatalf("%s: the body stands in the file in clear", c.h.Kind)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: mode %v", path, st.Mode().Perm())
		}
		if n, ok := teamfile.ParseName(filepath.Base(path)); !ok || n.Kind != c.h.Kind || n.Epoch != c.h.Epoch || n.Seq != c.h.Seq {
			t.Fatalf("ParseName(%s) = %+v %v", filepath.Base(path), n, ok)
		}
	}
	names, _ := os.ReadDir(teamfile.Dir(tm.folder, tm.a.ID))
	if len(names) != 5 {
		t.Fatalf("%d files in the device folder, want 5 (no temporary files left)", len(names))
	}
}

func TestParseNameRefusesOtherNames(t *testing.T) {
	for _, name := range []string{
		"segment-1-1", "segment-1-01.sb", "segment-01-1.sb", "segment-1-1.sb.partial",
		".segment-1-1.sb.123.partial", "other-1-1.sb", "segment-1.sb", "segment-1-1-1.sb",
		"segment--1-1.sb", "Segment-1-1.sb", "segment-4294967296-1.sb", "segment-1-+1.sb",
	} {
		if h, ok := teamfile.ParseName(name); ok {
			t.Errorf("ParseName(%q) = %+v, want refused", name, h)
		}
	}
}

func TestEveryChangedByteIsRefused(t *testing.T) {
	tm := newTeam(t)
	path := tm.write(t, tm.a, segment(tm.a, 1), []byte("hi"))
	orig := read(t, path)
	for i := range orig {
		for _, flip := range []byte{0x01, 0x80} {
			data := bytes.Clone(orig)
			data[i] ^= flip
			place(t, path, data)
			_, body, err := tm.open(path)
			if err == nil || body != nil {
				t.Fatalf("byte %d ^ %#x: opened, body %q", i, flip, body)
			}
			// The version byte may claim a newer format (hold), the device
			// another folder (moved), the payload length a longer file still
			// arriving (retry); every other change is tampering. None is
			// ever applied.
			want := teamfile.ErrTampered
			switch {
			case i == 4 && orig[i]^flip > orig[i]:
				want = teamfile.ErrNewerSchema
			case i >= 6 && i < 22:
				want = teamfile.ErrMoved
			case i >= 38 && i < 42 && data[i] > orig[i]:
				want = teamfile.ErrPartial
			}
			if !errors.Is(err, want) {
				t.Fatalf("byte %d ^ %#x: %v, want %q", i, flip, err, want)
			}
		}
	}
}

func TestEveryTruncationIsPartial(t *testing.T) {
	tm := newTeam(t)
	path := tm.write(t, tm.a, segment(tm.a, 1), []byte("hello, team"))
	orig := read(t, path)
	for n := range len(orig) {
		tm.refuses(t, path, orig[:n], teamfile.ErrPartial)
	}
	tm.refuses(t, path, append(bytes.Clone(orig), 0), teamfile.ErrTampered)
}

func TestMovedFileIsRefused(t *testing.T) {
	tm := newTeam(t)
	path := tm.write(t, tm.a, segment(tm.a, 3), []byte("x"))
	data := read(t, path)
	snap := segment(tm.a, 3)
	snap.Kind = teamfile.KindSnapshot
	for _, moved := range []string{
		filepath.Join(teamfile.Dir(tm.folder, tm.b.ID), "segment-1-3.sb"), // into another device's folder
		filepath.Join(filepath.Dir(path), "segment-1-4.sb"),               // another seq
		filepath.Join(filepath.Dir(path), "segment-1-2.sb"),
		filepath.Join(filepath.Dir(path), "segment-2-3.sb"), // another epoch
		filepath.Join(filepath.Dir(path), snap.Name()),      // another kind
		filepath.Join(filepath.Dir(path), "segment-1-3.sbx"),
		filepath.Join(tm.folder, "elsewhere", tm.a.ID.String(), "segment-1-3.sb"), // out of devices/
	} {
		tm.refuses(t, moved, data, teamfile.ErrMoved)
	}
}

func TestResignedFileIsRefused(t *testing.T) {
	tm := newTeam(t)
	path := tm.write(t, tm.a, segment(tm.a, 1), []byte("rating 5"))
	data := read(t, path)

	// B signs A's file as it is: A's key does not check B's signature.
	tm.refuses(t, path, teamfile.Resign(tm.b, data), teamfile.ErrTampered)

	// B claims the file as its own and signs it: the header is bound into
	// the encryption, so the changed header does not decrypt.
	claimed := bytes.Clone(data)
	copy(claimed[6:22], tm.b.ID[:])
	claimed = teamfile.Resign(tm.b, claimed)
	inB := filepath.Join(teamfile.Dir(tm.folder, tm.b.ID), "segment-1-1.sb")
	tm.refuses(t, inB, claimed, teamfile.ErrTampered)

	// Left in A's folder, the same file is moved.
	tm.refuses(t, path, claimed, teamfile.ErrMoved)
}

func TestUnknownAndRemovedDevicesAreRefused(t *testing.T) {
	tm := newTeam(t)
	fromC := tm.write(t, tm.c, segment(tm.c, 1), []byte("c"))
	_, _, err := tm.open(fromC)
	wantReason(t, err, teamfile.ErrUnknownDevice, fromC)

	fromB := tm.write(t, tm.b, segment(tm.b, 1), []byte("b"))
	if _, _, err := tm.open(fromB); err != nil {
		t.Fatal(err)
	}
	tm.trust.Removed = map[teamfile.DeviceID]bool{tm.b.ID: true}
	_, _, err = tm.open(fromB)
	wantReason(t, err, teamfile.ErrRemovedDevice, fromB)
}

func TestUnknownEpochAndNewerSchemaAreHeld(t *testing.T) {
	tm := newTeam(t)
	tm.keys[2] = teamfile.NewDataKey()
	h := segment(tm.a, 1)
	h.Epoch = 2
	path := tm.write(t, tm.a, h, []byte("e2"))
	delete(tm.keys, 2)
	_, _, err := tm.open(path)
	wantReason(t, err, teamfile.ErrUnknownEpoch, path)

	tm.keys[2] = teamfile.NewDataKey() // another key under the same epoch
	_, _, err = tm.open(path)
	wantReason(t, err, teamfile.ErrTampered, path)

	newer := segment(tm.a, 2)
	newer.Schema = schema + 1
	path = tm.write(t, tm.a, newer, []byte("new"))
	_, _, err = tm.open(path)
	wantReason(t, err, teamfile.ErrNewerSchema, path)
	if h, body, err := teamfile.Open(path, tm.trust, tm.keys, schema+1); err != nil || h.Schema != schema+1 || string(body) != "new" {
		t.Fatalf("the updated app: %+v %q %v", h, body, err)
	}
}

func TestNewerFormatVersionIsHeld(t *testing.T) {
	tm := newTeam(t)
	path := tm.write(t, tm.a, segment(tm.a, 1), []byte("v"))
	data := read(t, path)
	data[4] = 2
	tm.refuses(t, path, data, teamfile.ErrNewerSchema)
}

func TestSignedButUnknownOrMalformedHeader(t *testing.T) {
	tm := newTeam(t)
	dev, _ := tm.a.Device().MarshalBinary()
	path := tm.write(t, tm.a, teamfile.Header{Kind: teamfile.KindDevice, Device: tm.a.ID, Seq: 1, Schema: schema}, dev)
	orig := read(t, path)

	// A kind this app does not know, signed by a trusted device: a newer
	// app wrote it.
	newKind := bytes.Clone(orig)
	newKind[5] = 9
	tm.refuses(t, filepath.Join(filepath.Dir(path), "kind9-0-1.sb"), teamfile.Resign(tm.a, newKind), teamfile.ErrNewerSchema)

	// Seq 0 or schema 0, signed by a trusted device: it breaks the format.
	for _, at := range []int{26 + 7, 34 + 3} {
		bad := bytes.Clone(orig)
		bad[at] = 0
		tm.refuses(t, path, teamfile.Resign(tm.a, bad), teamfile.ErrTampered)
	}
}

func TestCursorRefusesReplayAndReportsGap(t *testing.T) {
	a, b := teamfile.DeviceID{1}, teamfile.DeviceID{2}
	seg := func(d teamfile.DeviceID, seq uint64) teamfile.Header {
		return teamfile.Header{Kind: teamfile.KindSegment, Device: d, Epoch: 1, Seq: seq, Schema: 1}
	}
	c := teamfile.Cursor{}
	if err := c.Check(seg(a, 1)); err != nil {
		t.Fatalf("first file: %v", err)
	}
	if err := c.Check(seg(a, 2)); !errors.Is(err, teamfile.ErrGap) || teamfile.ActionOf(err) != teamfile.Hold {
		t.Fatalf("seq 2 before 1: %v, want a gap to hold", err)
	}
	c.Mark(seg(a, 1))
	c.Mark(seg(a, 2))
	for _, seq := range []uint64{1, 2} {
		if err := c.Check(seg(a, seq)); !errors.Is(err, teamfile.ErrReplay) || teamfile.ActionOf(err) != teamfile.Refuse {
			t.Fatalf("seq %d again: %v, want a replay", seq, err)
		}
	}
	if err := c.Check(seg(a, 3)); err != nil {
		t.Fatalf("seq 3: %v", err)
	}
	if err := c.Check(seg(a, 5)); !errors.Is(err, teamfile.ErrGap) {
		t.Fatalf("seq 5 after 2: %v, want a gap", err)
	}
	c.Mark(seg(a, 1)) // marking an old file does not move the cursor back
	if c[teamfile.Stream{Device: a, Kind: teamfile.KindSegment}] != 2 {
		t.Fatalf("cursor went back: %v", c)
	}
	// Each device and each kind is a stream of its own.
	if err := c.Check(seg(b, 1)); err != nil {
		t.Fatalf("device b: %v", err)
	}
	snap := seg(a, 1)
	snap.Kind = teamfile.KindSnapshot
	if err := c.Check(snap); err != nil {
		t.Fatalf("snapshot of a: %v", err)
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	tm := newTeam(t)
	path := tm.write(t, tm.a, segment(tm.a, 1), []byte("first"))
	before := read(t, path)
	_, err := teamfile.Write(tm.folder, tm.a, segment(tm.a, 1), []byte("second"), tm.keys[1])
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second write of seq 1: %v, want fs.ErrExist", err)
	}
	if !bytes.Equal(read(t, path), before) {
		t.Fatal("the first file changed")
	}
	if names, _ := os.ReadDir(filepath.Dir(path)); len(names) != 1 {
		t.Fatalf("%d files left, want 1", len(names))
	}
}

func TestBadInputWritesNothing(t *testing.T) {
	tm := newTeam(t)
	h := segment(tm.a, 1)
	for _, c := range []struct {
		name   string
		folder string
		h      func(teamfile.Header) teamfile.Header
		body   []byte
		key    []byte
		field  string
	}{
		{name: "another device", h: func(h teamfile.Header) teamfile.Header { h.Device = tm.b.ID; return h }, field: "device"},
		{name: "seq 0", h: func(h teamfile.Header) teamfile.Header { h.Seq = 0; return h }, field: "seq"},
		{name: "segment of epoch 0", h: func(h teamfile.Header) teamfile.Header { h.Epoch = 0; return h }, field: "epoch"},
		{name: "device file with an epoch", h: func(h teamfile.Header) teamfile.Header { h.Kind = teamfile.KindDevice; return h }, field: "epoch"},
		{name: "unknown kind", h: func(h teamfile.Header) teamfile.Header { h.Kind = 9; return h }, field: "kind"},
		{name: "schema 0", h: func(h teamfile.Header) teamfile.Header { h.Schema = 0; return h }, field: "schema"},
		{name: "short key", key: make([]byte, 16), field: "data key"},
		{name: "body too large", body: make([]byte, teamfile.MaxBody+1), field: "body"},
		{name: "no folder", folder: filepath.Join(tm.folder, "not-mounted"), field: "team folder"},
	} {
		t.Run(c.name, func(t *testing.T) {
			hh, key, folder := h, tm.keys[1], tm.folder
			if c.h != nil {
				hh = c.h(h)
			}
			if c.key != nil {
				key = c.key
			}
			if c.folder != "" {
				folder = c.folder
			}
			_, err := teamfile.Write(folder, tm.a, hh, c.body, key)
			if err == nil || !strings.Contains(err.Error(), c.field+":") {
				t.Fatalf("got %v, want an error naming %q", err, c.field)
			}
			if _, err := os.Stat(filepath.Join(tm.folder, "devices")); !errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("something was written: %v", err)
			}
		})
	}
}

func TestWrappedKeyOpensOnlyForItsRecipients(t *testing.T) {
	tm := newTeam(t)
	key := teamfile.NewDataKey()
	wrapped, err := teamfile.WrapKey(key, 4, []teamfile.Device{tm.a.Device(), tm.b.Device()})
	if err != nil {
		t.Fatal(err)
	}
	path := tm.write(t, tm.a, teamfile.Header{Kind: teamfile.KindKeys, Device: tm.a.ID, Seq: 1, Schema: schema}, wrapped)
	_, body, err := tm.open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []*teamfile.Identity{tm.a, tm.b} {
		epoch, got, err := teamfile.UnwrapKey(body, id)
		if err != nil || epoch != 4 || !bytes.Equal(got, key) {
			t.Fatalf("%s: epoch %d key equal %v, %v", id.Name, epoch, bytes.Equal(got, key), err)
		}
	}
	if _, _, err := teamfile.UnwrapKey(body, tm.c); !errors.Is(err, teamfile.ErrNotRecipient) {
		t.Fatalf("C unwrapped: %v", err)
	}
	broken := bytes.Clone(body)
	broken[len(broken)-1] ^= 1
	if _, _, err := teamfile.UnwrapKey(broken, tm.a); err == nil {
		t.Fatal("a changed wrapped key unwrapped")
	}
	for _, bad := range []struct {
		key   []byte
		epoch uint32
		to    []teamfile.Device
	}{
		{key[:31], 4, []teamfile.Device{tm.a.Device()}},
		{key, 0, []teamfile.Device{tm.a.Device()}},
		{key, 4, nil},
		{key, 4, []teamfile.Device{{ID: tm.c.ID, Recipient: "age1nope"}}},
	} {
		if _, err := teamfile.WrapKey(bad.key, bad.epoch, bad.to); err == nil {
			t.Fatalf("WrapKey(%d bytes, epoch %d, %d devices) wrapped", len(bad.key), bad.epoch, len(bad.to))
		}
	}
}

func TestIdentityMarshalRoundTrip(t *testing.T) {
	tm := newTeam(t)
	b, err := tm.a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back teamfile.Identity
	if err := back.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if d, want := back.Device(), tm.a.Device(); d.ID != want.ID || !d.SignKey.Equal(want.SignKey) || d.Recipient != want.Recipient || d.Name != want.Name {
		t.Fatalf("device %+v, want %+v", d, want)
	}
	// The restored identity signs files the team accepts and unwraps keys.
	path := tm.write(t, &back, segment(tm.a, 1), []byte("after restart"))
	if _, _, err := tm.open(path); err != nil {
		t.Fatal(err)
	}
	wrapped, _ := teamfile.WrapKey(tm.keys[1], 1, []teamfile.Device{tm.a.Device()})
	if _, _, err := teamfile.UnwrapKey(wrapped, &back); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"truncated": b[:len(b)-1],
		"trailing":  append(bytes.Clone(b), 0),
		"magic":     append([]byte("XXid"), b[4:]...),
		"version":   append(append([]byte("SBid"), 2), b[5:]...),
	} {
		if err := new(teamfile.Identity).UnmarshalBinary(bad); err == nil {
			t.Errorf("%s identity read", name)
		}
	}
}

func TestIdentityWithoutKeysIsRefused(t *testing.T) {
	var zero teamfile.Identity
	if _, err := zero.MarshalBinary(); err == nil {
		t.Fatal("an identity without keys marshalled")
	}
	if _, err := teamfile.Seal(&zero, teamfile.Header{Kind: teamfile.KindDevice, Seq: 1, Schema: 1}, nil, nil); err == nil {
		t.Fatal("an identity without keys sealed")
	}
	if _, _, err := teamfile.UnwrapKey([]byte("x"), nil); err == nil {
		t.Fatal("no identity unwrapped")
	}
	if d := zero.Device(); d.SignKey != nil || d.Recipient != "" {
		t.Fatalf("device of no keys: %+v", d)
	}
}

func TestDeviceIDText(t *testing.T) {
	tm := newTeam(t)
	s := tm.a.ID.String()
	if len(s) != 32 || tm.a.ID == tm.b.ID {
		t.Fatalf("ids %s %s", s, tm.b.ID)
	}
	if back, err := teamfile.ParseDeviceID(s); err != nil || back != tm.a.ID {
		t.Fatalf("ParseDeviceID(%s) = %s, %v", s, back, err)
	}
	for _, bad := range []string{"", s[:30], s + "00", "ABCDEF0123456789abcdef0123456789", "zz" + s[2:]} {
		if _, err := teamfile.ParseDeviceID(bad); err == nil {
			t.Errorf("ParseDeviceID(%q) read", bad)
		}
	}
}

func TestDeviceFileOfANewDevice(t *testing.T) {
	tm := newTeam(t)
	body, err := tm.c.Device().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	h := teamfile.Header{Kind: teamfile.KindDevice, Device: tm.c.ID, Seq: 1, Schema: schema}
	path := tm.write(t, tm.c, h, body)
	gotH, d, err := teamfile.OpenDevice(path, schema)
	if err != nil || gotH != h || d.ID != tm.c.ID || d.Recipient != tm.c.Device().Recipient || d.Name != "Cy's laptop" {
		t.Fatalf("OpenDevice: %+v %+v %v", gotH, d, err)
	}
	// A device file whose body names another device's keys, signed by
	// that other device, is refused.
	forged, _ := tm.b.Device().MarshalBinary()
	hb := h
	hb.Seq = 2
	hb.Device = tm.c.ID
	sealed, err := teamfile.Seal(tm.c, hb, forged, nil)
	if err != nil {
		t.Fatal(err)
	}
	fpath := filepath.Join(filepath.Dir(path), hb.Name())
	place(t, fpath, teamfile.Resign(tm.b, sealed))
	_, _, err = teamfile.OpenDevice(fpath, schema)
	wantReason(t, err, teamfile.ErrTampered, fpath)
	// Signed by another key than the one it carries.
	place(t, fpath, teamfile.Resign(tm.a, read(t, path)))
	_, _, err = teamfile.OpenDevice(fpath, schema)
	if !errors.Is(err, teamfile.ErrTampered) {
		t.Fatalf("device file signed by another key: %v", err)
	}
	seg := tm.write(t, tm.c, segment(tm.c, 1), []byte("s"))
	if _, _, err := teamfile.OpenDevice(seg, schema); err == nil {
		t.Fatal("a segment read as a device file")
	}
	bad := tm.c.Device()
	bad.Name = string(bytes.Repeat([]byte("n"), teamfile.MaxName+1))
	if _, err := bad.MarshalBinary(); err == nil {
		t.Fatal("a name over MaxName marshalled")
	}
	for name, b := range map[string][]byte{
		"truncated": body[:len(body)-1],
		"trailing":  append(bytes.Clone(body), 0),
		"recipient": bytes.Replace(body, []byte("age1"), []byte("age2"), 1),
		"sign key":  nil,
	} {
		if _, err := teamfile.ParseDevice(b); err == nil {
			t.Errorf("%s device body read", name)
		}
	}
}

func TestActionOf(t *testing.T) {
	if teamfile.ActionOf(nil) != 0 {
		t.Fatal("nil has an action")
	}
	path := filepath.Join(t.TempDir(), "devices", "x", "segment-1-1.sb")
	_, _, err := teamfile.Open(path, teamfile.Trust{}, nil, 1)
	if !errors.Is(err, fs.ErrNotExist) || teamfile.ActionOf(err) != teamfile.Retry || !strings.Contains(err.Error(), path) {
		t.Fatalf("missing file: %v, action %v", err, teamfile.ActionOf(err))
	}
	for a, want := range map[teamfile.Action]string{teamfile.Retry: "retry", teamfile.Hold: "hold", teamfile.Refuse: "refuse", 0: "unknown"} {
		if a.String() != want {
			t.Errorf("Action %d is %q, want %q", a, a.String(), want)
		}
	}
}
