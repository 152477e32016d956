package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"soundingboard/backend/services"
)

// roomChildEnv carries the arguments of `room open` run as a process of
// its own (it runs until a signal, and reads standard input).
const roomChildEnv = "SB_ROOM_CHILD_ARGS"

// roomEnv is testEnv with a participant page.
var roomEnv = Env{
	Assets: fstest.MapFS{
		"index.html":       {Data: []byte("<!doctype html><title>Sounding Board</title>")},
		"room.html":        {Data: []byte(`<!doctype html><script type="module" src="/assets/room-t.js"></script>`)},
		"assets/room-t.js": {Data: []byte(`1`)},
	},
	Version: "test",
	Bound:   func(s *services.Set) []any { return s.Bound() },
	Window:  testEnv.Window,
}

func TestRoomChild(t *testing.T) {
	raw := os.Getenv(roomChildEnv)
	if raw == "" {
		t.Skip("helper process for TestRoomOpen")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		fmt.Fprintln(os.Stderr, "room child:", err)
		os.Exit(2)
	}
	os.Exit(Run(args, os.Stdout, os.Stderr, roomEnv))
}

// openSession is the id of a sample session that is not finished.
func openSession(t *testing.T, db string) string {
	t.Helper()
	return queryID(t, db, `SELECT min(s.id) FROM sessions s WHERE s.status <> 'finished'
		AND EXISTS (SELECT 1 FROM participants p WHERE p.session_id = s.id)`)
}

// `room open` prints the join URL and the QR code, writes the PNG (which
// zbarimg reads back as the URL), prints a claim as it arrives, confirms
// it from standard input, and closes the room on SIGTERM.
func TestRoomOpen(t *testing.T) {
	dir, db := demoBoard(t)
	session := openSession(t, db)
	qrFile := filepath.Join(dir, "room.png")
	b, _ := json.Marshal([]string{"--db", db, "room", "open", session, "--addr", "127.0.0.1:0", "--qr", qrFile})
	cmd := exec.Command(os.Args[0], "-test.run=^TestRoomChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), roomChildEnv+"="+string(b))
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill() //nolint:errcheck // ended already when the test passes
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var printed []string
	until := func(what func(string) bool) string {
		t.Helper()
		deadline := time.After(20 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("room open ended: %s\n%s", strings.Join(printed, "\n"), stderr.String())
				}
				printed = append(printed, l)
				if what(l) {
					return l
				}
			case <-deadline:
				t.Fatalf("room open did not print what was expected: %s\n%s", strings.Join(printed, "\n"), stderr.String())
			}
		}
	}
	url := until(func(l string) bool { return strings.HasPrefix(l, "http://127.0.0.1:") })
	until(func(l string) bool { return strings.Contains(l, "y 2") }) // the instructions, after the QR code
	if !strings.Contains(strings.Join(printed, "\n"), "█") {
		t.Error("no QR code drawn in the terminal")
	}
	if info, err := os.Stat(qrFile); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the PNG: %v %v", info, err)
	}
	if zbar, err := exec.LookPath("zbarimg"); err == nil {
		got, err := exec.Command(zbar, "--raw", "-q", qrFile).Output()
		if err != nil || strings.TrimSpace(string(got)) != url {
			t.Errorf("zbarimg read %q (%v), want %q", got, err, url)
		}
	} else if os.Getenv("SB_REQUIRE_ZBAR") != "" {
		t.Fatal("zbarimg is missing and SB_REQUIRE_ZBAR is set: install zbar-tools")
	} else {
		t.Log("zbarimg is missing: the PNG was not decoded")
	}

	// A phone claims the first name; the claim is printed with its number.
	jar, _ := cookiejar.New(nil)
	phone := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	call := func(phone *http.Client, method, path, body string, out any) int {
		t.Helper()
		req, _ := http.NewRequest(method, url+"/api/"+path, strings.NewReader(body))
		req.Header.Set("Origin", url[:strings.Index(url, "/j/")])
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		res, err := phone.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		if out != nil {
			_ = json.Unmarshal(raw, out)
		}
		return res.StatusCode
	}
	var view struct {
		Names []struct{ ID, Name string }
	}
	if code := call(phone, "GET", "room", "", &view); code != 200 || len(view.Names) == 0 {
		t.Fatalf("room: %d %+v", code, view)
	}
	if code := call(phone, "POST", "claim", `{"nameId":"`+view.Names[0].ID+`"}`, nil); code != 200 {
		t.Fatalf("claim: %d", code)
	}
	until(func(l string) bool { return strings.HasPrefix(l, "[1] ") && strings.Contains(l, "y 1 to confirm") })
	_, _ = fmt.Fprintln(stdin, "maybe")
	until(func(l string) bool { return strings.HasPrefix(l, "Type y and") })
	_, _ = fmt.Fprintln(stdin, "y 1")
	until(func(l string) bool { return strings.HasPrefix(l, "[1] ") && strings.HasSuffix(l, ": confirmed") })
	var me struct{ State string }
	if code := call(phone, "GET", "me", "", &me); code != 200 || me.State != "confirmed" {
		t.Errorf("me after y 1: %d %+v", code, me)
	}
	// A guest is printed as such, and confirmed the same way.
	guestJar, _ := cookiejar.New(nil)
	guest := &http.Client{Jar: guestJar, Timeout: 10 * time.Second}
	if code := call(guest, "POST", "claim", `{"guestName":"Sam"}`, nil); code != 200 {
		t.Fatalf("guest claim: %d", code)
	}
	until(func(l string) bool { return l == "[2] Sam (guest) joins as a guest: y 2 to confirm, n 2 to reject" })
	_, _ = fmt.Fprintln(stdin, "y 2")
	until(func(l string) bool { return l == "[2] Sam (guest): confirmed" })
	if code := call(guest, "GET", "me", "", &me); code != 200 || me.State != "confirmed" {
		t.Errorf("the guest's me after y 2: %d %+v", code, me)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	until(func(l string) bool { return l == "The room is closed." })
	if err := cmd.Wait(); err != nil {
		t.Errorf("room open after SIGTERM: %v\n%s", err, stderr.String())
	}
	if res, err := phone.Get(url); err == nil {
		_ = res.Body.Close()
		t.Error("the room still answers after room open ended")
	}
}

// Bad arguments are refused before anything opens.
func TestRoomOpenArguments(t *testing.T) {
	_, db := demoBoard(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"room"}, "say open SESSION"},
		{[]string{"room", "shut"}, `unknown subcommand "shut"`},
		{[]string{"room", "open"}, "give exactly one session ID"},
		{[]string{"room", "open", "x"}, `"x" is not a session ID`},
		{[]string{"room", "open", "999999999", "--addr", "127.0.0.1:0"}, "not found"},
		{[]string{"room", "open", openSession(t, db), "--addr", "8.8.8.8:7421"}, "not a private network address"},
		{[]string{"room", "open", openSession(t, db), "--addr", "127.0.0.1:0", "--cert", "c.pem"}, "both a certificate and its key"},
	} {
		var out, errb bytes.Buffer
		code := Run(append([]string{"--db", db}, c.args...), &out, &errb, roomEnv)
		if code == 0 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: %d %q, want %q", c.args, code, errb.String(), c.want)
		}
	}
}
