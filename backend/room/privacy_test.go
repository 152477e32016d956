package room

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	qr "github.com/piglig/go-qr"

	"bytes"
	"image/png"

	"soundingboard/backend/activity"
	"soundingboard/backend/storetest"
)

// raw is the body of a GET of the API as the phone sees it.
func (p *phone) raw(path string) string {
	p.t.Helper()
	req, _ := http.NewRequest("GET", p.f.status.URL+"/api/"+path, nil)
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// A participant sees only their own entries, no names, no member data,
// no other session, nothing hidden and nothing unrevealed.
func TestParticipantSeesOnlyTheirs(t *testing.T) {
	f := newFx(t, activity.KindJourneyBoard)
	storetest.Exec(t, f.db, `UPDATE members SET email = 'bob@example.com', company = 'Acme' WHERE id = ?`, f.bob)
	other := storetest.Session(t, f.db, "Secret other session", map[int64]string{f.ann: "invited"})
	storetest.Entry(t, f.db, other, f.ann, "idea", "other session idea")
	a, b := f.join("Ann"), f.join("Bob")
	s := a.state()
	stage := itemOf(s, activity.RoleStage)
	a.must(entryPost{Key: "a1", ActivityID: s.Activity.ID, Kind: "note", ItemID: stage, Text: "Ann's visible note"})
	hide := b.must(entryPost{Key: "b1", ActivityID: s.Activity.ID, Kind: "note", ItemID: stage, Text: "Bob's hidden note"})
	b.must(entryPost{Key: "b2", ActivityID: s.Activity.ID, Kind: "note", ItemID: stage, Text: "Bob's shown note"})
	if _, err := f.agendas.HideEntry(hide.Entry.ID, true); err != nil {
		t.Fatal(err)
	}
	before := a.raw("state")
	for _, leak := range []string{"Bob", "hidden", "shown note", "other session", "Stone", "Lee", "example.com", "Acme"} {
		if strings.Contains(before, leak) {
			t.Errorf("Ann's state before reveal holds %q: %s", leak, before)
		}
	}
	if _, err := f.agendas.SetRevealed(s.Activity.ID, true); err != nil {
		t.Fatal(err)
	}
	after := a.raw("state")
	if !strings.Contains(after, "Bob's shown note") {
		t.Errorf("revealed notes missing: %s", after)
	}
	for _, leak := range []string{"Bob's hidden note", "other session", "Stone", "Lee", "example.com", "Acme", `"member`} {
		if strings.Contains(after, leak) {
			t.Errorf("Ann's state after reveal holds %q: %s", leak, after)
		}
	}
	if code, _ := a.post(entryPost{Key: "v", ActivityID: s.Activity.ID, Kind: "vote", TargetID: hide.Entry.ID, Value: 1}); code != 404 {
		t.Errorf("a vote on a hidden note: %d, want 404", code)
	}
	// Ann cannot take back Bob's note, by his key or its id.
	for _, key := range []string{"b2", "e" + itoa(hide.Entry.ID)} {
		if code := a.do("DELETE", "entry/"+key, nil, nil); code != 404 {
			t.Errorf("Ann deletes Bob's %s: %d, want 404", key, code)
		}
	}
	room := a.raw("room")
	for _, leak := range []string{"Lee", "Stone", "Ng", "example.com"} {
		if strings.Contains(room, leak) {
			t.Errorf("the room lists %q: %s", leak, room)
		}
	}
}

// Hostile text is stored and returned as the same text, never touched.
func TestHostileTextRoundTrips(t *testing.T) {
	f := newFx(t, activity.KindIdeaRound)
	p := f.join("Ann")
	s := p.state()
	prompt := itemOf(s, activity.RolePrompt)
	for i, text := range []string{`<script>alert(1)</script>`, `"; DROP TABLE entries; --`, `=cmd|' /C calc'!A0`,
		"tab\tand\nnewline", "bell\x07 escape\x1b[31m red\x1b[0m del\x7f", "<img src=x onerror=alert(1)>&amp;", strings.Repeat("Ω", 19999)} {
		ans := p.must(entryPost{Key: "h" + itoa(int64(i)), ActivityID: s.Activity.ID, Kind: "idea", ItemID: prompt, Text: text})
		var stored string
		if err := f.db.Get(&stored, `SELECT text FROM entries WHERE id = ?`, ans.Entry.ID); err != nil || stored != text || ans.Entry.Text != text {
			t.Errorf("text %d stored as %.40q (%v), answered %.40q", i, stored, err, ans.Entry.Text)
		}
	}
	if code, ans := p.post(entryPost{Key: "big", ActivityID: s.Activity.ID, Kind: "idea", ItemID: prompt, Text: strings.Repeat("x", 20001)}); code != 400 || ans.Field != "text" {
		t.Errorf("20,001 characters: %d %+v", code, ans)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// With a certificate and key the room is HTTPS, its cookie Secure, and a
// public address is allowed.
func TestTLS(t *testing.T) {
	f := newFx(t, activity.KindRating)
	if _, err := f.rooms.Close(f.session); err != nil {
		t.Fatal(err)
	}
	cert, key, pool := selfSigned(t)
	if _, err := f.rooms.Open(OpenInput{SessionID: f.session, Addr: "127.0.0.1:0", CertFile: cert}); err == nil {
		t.Error("a certificate without its key was accepted")
	}
	st, err := f.rooms.Open(OpenInput{SessionID: f.session, Addr: "127.0.0.1:0", CertFile: cert, KeyFile: key})
	if err != nil || !strings.HasPrefix(st.URL, "https://127.0.0.1:") || !strings.Contains(st.Warning, "encrypted") {
		t.Fatalf("open with TLS: %+v %v", st, err)
	}
	f.status = st
	p := f.phone()
	p.c.Transport = &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
	var m me
	req, _ := http.NewRequest("POST", st.URL+"/api/claim", strings.NewReader(`{"nameId":"`+p.nameID("Ann")+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", f.base())
	res, err := p.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || len(res.Cookies()) != 1 || !res.Cookies()[0].Secure || !res.Cookies()[0].HttpOnly ||
		res.Cookies()[0].SameSite != http.SameSiteStrictMode {
		t.Errorf("claim over TLS: %d %+v %+v", res.StatusCode, res.Cookies(), m)
	}
	// Plain HTTP to the TLS port gets net/http's 400, never the page.
	if res, err := http.Get(strings.Replace(st.URL, "https:", "http:", 1)); err == nil {
		_ = res.Body.Close()
		if res.StatusCode == 200 {
			t.Error("plain HTTP served the page on the TLS port")
		}
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key; returns
// their paths and a pool trusting it.
func selfSigned(t *testing.T) (string, string, *x509.CertPool) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "room"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cert, key := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
		t.Fatal(err)
	}
	parsed, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(parsed)
	return cert, key, pool
}

// The status's QR code decodes to the join URL; the terminal drawing has
// the code's size.
func TestQRCode(t *testing.T) {
	f := newFx(t, activity.KindRating)
	b64, ok := strings.CutPrefix(f.status.QR, "data:image/png;base64,")
	if !ok {
		t.Fatalf("QR %.40q is not a PNG data URL", f.status.QR)
	}
	raw, err := decodeBase64(b64)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := qr.Decode(img); err != nil || got != f.status.URL {
		t.Errorf("the QR code reads %q (%v), want %q", got, err, f.status.URL)
	}
	text, err := Text(f.status.URL)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	q, _ := encode(f.status.URL)
	if len(lines) != (q.Size()+4+1)/2 || len([]rune(lines[0])) != q.Size()+4 {
		t.Errorf("terminal drawing %d lines of %d, for a code of %d", len(lines), len([]rune(lines[0])), q.Size())
	}
}
