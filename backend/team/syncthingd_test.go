package team

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"text/template"
	"time"
)

// A syncthing daemon of a test: the team's sync service on one laptop,
// replicating that laptop's copy of the team folder with the other
// daemon's over loopback, and nothing else (no discovery, relays or NAT).
// The recipe is the shared notes' "Two Syncthing daemons on loopback".

// stFolderID is the id of the one folder both daemons share.
const stFolderID = "sb-team"

// stReady bounds each wait for a daemon (up, connected, idle); they take
// about 1.5 s together on a 2-core machine.
const stReady = 60 * time.Second

// stDaemon is one running syncthing.
type stDaemon struct {
	name    string // "ana", in messages
	home    string // its --home: keys, config, index, log
	folder  string // its copy of the team folder
	id      string // its device id
	gui     int    // port of its REST API
	listen  int    // port it takes connections on
	apiKey  string
	cmd     *exec.Cmd
	exited  chan struct{} // closed when cmd has exited, with exitErr
	exitErr error
}

// syncthingPair starts two daemons sharing one folder, ana's at
// <tmp>/A and bo's at <tmp>/B, and returns when they are connected and
// both folders idle. Bo's daemon dials ana's; both stop at the test's end.
// Without the syncthing binary the test is skipped, or fails when
// SB_REQUIRE_SYNCTHING=1 (as in `make test`).
func syncthingPair(t *testing.T) (ana, bo *stDaemon) {
	t.Helper()
	bin := syncthingBinary(t)
	root := t.TempDir()
	ports := freePorts(t, 4)
	ana = generate(t, bin, "ana", root, "A", ports[0], ports[1])
	bo = generate(t, bin, "bo", root, "B", ports[2], ports[3])
	ana.writeConfig(t, bo, false)
	bo.writeConfig(t, ana, true)
	// The side that is dialed starts first, so the first dial finds it.
	ana.start(t, bin)
	bo.start(t, bin)
	for _, d := range []*stDaemon{ana, bo} {
		peer := bo
		if d == bo {
			peer = ana
		}
		poll(t, d.name+"'s syncthing connected to "+peer.name+"'s", stReady, d.up(t, func() (bool, error) { return d.connected(peer) }))
		poll(t, d.name+"'s syncthing folder idle", stReady, d.up(t, d.idle))
	}
	return ana, bo
}

// syncthingBinary is the path of syncthing, or skips (fails under
// SB_REQUIRE_SYNCTHING=1) when it is not installed.
func syncthingBinary(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("syncthing")
	if err == nil {
		return bin
	}
	if os.Getenv("SB_REQUIRE_SYNCTHING") == "1" {
		t.Fatal("syncthing is not installed; make test-deps installs it")
	}
	t.Skip("syncthing is not installed (make test-deps installs it); SB_REQUIRE_SYNCTHING=1 makes this a failure")
	return ""
}

// freePorts picks n distinct free loopback ports, holding each until all
// are picked.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatalf("free port: %v", err)
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

var deviceIDLine = regexp.MustCompile(`Device ID: ([A-Z0-9-]+)`)

// generate makes a daemon's keys under root/<name>-home and reads its
// device id; its folder is root/<folder>, which syncthing makes.
func generate(t *testing.T, bin, name, root, folder string, gui, listen int) *stDaemon {
	t.Helper()
	d := &stDaemon{name: name, home: filepath.Join(root, name+"-home"), folder: filepath.Join(root, folder), gui: gui, listen: listen}
	out, err := exec.Command(bin, "generate", "--home", d.home, "--no-default-folder", "--skip-port-probing").CombinedOutput()
	if err != nil {
		t.Fatalf("syncthing generate for %s: %v\n%s", name, err, out)
	}
	m := deviceIDLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("syncthing generate for %s printed no device id:\n%s", name, out)
	}
	d.id = string(m[1])
	key := make([]byte, 16)
	_, _ = rand.Read(key)
	d.apiKey = hex.EncodeToString(key)
	return d
}

// stConfig is config.xml, written in full before the first start: the
// shared folder watched with a 1 s delay (the default 10 s makes every
// file take 10 s), loopback only, and no reporting or upgrades.
var stConfig = template.Must(template.New("config.xml").Parse(`<configuration version="36">
    <folder id="{{.Folder}}" label="team" path="{{.Path}}" type="sendreceive" rescanIntervalS="10" fsWatcherEnabled="true" fsWatcherDelayS="1">
        <device id="{{.Self.ID}}"></device>
        <device id="{{.Peer.ID}}"></device>
    </folder>
    <device id="{{.Self.ID}}" name="{{.Self.Name}}"><address>dynamic</address></device>
    <device id="{{.Peer.ID}}" name="{{.Peer.Name}}"><address>{{.Peer.Address}}</address></device>
    <gui enabled="true" tls="false">
        <address>127.0.0.1:{{.GUI}}</address>
        <apikey>{{.APIKey}}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{{.Listen}}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <crashReportingEnabled>false</crashReportingEnabled>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <reconnectionIntervalS>1</reconnectionIntervalS>
    </options>
</configuration>
`))

type stDevice struct{ ID, Name, Address string }

// writeConfig writes d's config.xml with peer as the other device. Only
// one side dials: when both do, a simultaneous open can stall the
// connection for about 20 s.
func (d *stDaemon) writeConfig(t *testing.T, peer *stDaemon, dial bool) {
	t.Helper()
	addr := "dynamic"
	if dial {
		addr = fmt.Sprintf("tcp://127.0.0.1:%d", peer.listen)
	}
	var b strings.Builder
	err := stConfig.Execute(&b, map[string]any{
		"Folder": stFolderID, "Path": d.folder, "GUI": d.gui, "APIKey": d.apiKey, "Listen": d.listen,
		"Self": stDevice{ID: d.id, Name: d.name},
		"Peer": stDevice{ID: peer.id, Name: peer.name, Address: addr},
	})
	if err == nil {
		err = os.WriteFile(filepath.Join(d.home, "config.xml"), []byte(b.String()), 0o600)
	}
	if err != nil {
		t.Fatalf("%s's syncthing config: %v", d.name, err)
	}
}

// start runs the daemon, its output in <home>/log.txt, and returns when
// its REST API answers. STMONITORED=yes keeps it one process, so SIGTERM
// to it stops it; the test's cleanup does that, and shows the log of a
// failed test. STHASHING=standard names the SHA-256 code to use, which
// spares the second a start spends timing the two it has.
func (d *stDaemon) start(t *testing.T, bin string) {
	t.Helper()
	logPath := filepath.Join(d.home, "log.txt")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	d.cmd = exec.CommandContext(ctx, bin, "serve", "--home", d.home, "--no-browser", "--no-restart", "--no-upgrade")
	d.cmd.Env = append(os.Environ(), "STMONITORED=yes", "STNOUPGRADE=1", "STHASHING=standard")
	d.cmd.Stdout, d.cmd.Stderr = logFile, logFile
	d.cmd.Cancel = func() error { return d.cmd.Process.Signal(syscall.SIGTERM) }
	d.cmd.WaitDelay = 10 * time.Second // then it is killed
	if err := d.cmd.Start(); err != nil {
		stop()
		logFile.Close()
		t.Fatalf("start %s's syncthing: %v", d.name, err)
	}
	d.exited = make(chan struct{})
	go func() {
		d.exitErr = d.cmd.Wait()
		close(d.exited)
	}()
	t.Cleanup(func() {
		stop()
		<-d.exited
		logFile.Close()
		if t.Failed() {
			out, _ := os.ReadFile(logPath)
			lines := strings.SplitAfter(string(out), "\n")
			t.Logf("%s's syncthing log, its end:\n%s", d.name, strings.Join(lines[max(0, len(lines)-40):], ""))
		}
	})
	poll(t, d.name+"'s syncthing answering", stReady, d.up(t, func() (bool, error) {
		var pong struct{ Ping string }
		err := d.get("/rest/system/ping", &pong)
		return pong.Ping == "pong", err
	}))
}

// up is cond, checked while d runs: when d has exited (a port taken, a
// bad config) the test fails at once rather than at the deadline.
func (d *stDaemon) up(t *testing.T, cond func() (bool, error)) func() (bool, error) {
	return func() (bool, error) {
		t.Helper()
		select {
		case <-d.exited:
			t.Fatalf("%s's syncthing exited: %v", d.name, d.exitErr)
		default:
		}
		return cond()
	}
}

// connected reports whether d is connected to peer.
func (d *stDaemon) connected(peer *stDaemon) (bool, error) {
	var conns struct {
		Connections map[string]struct{ Connected bool }
	}
	err := d.get("/rest/system/connections", &conns)
	return conns.Connections[peer.id].Connected, err
}

// idle reports whether d's copy of the folder is scanned and has nothing
// left to pull.
func (d *stDaemon) idle() (bool, error) {
	var st struct{ State string }
	err := d.get("/rest/db/status?folder="+stFolderID, &st)
	return st.State == "idle", err
}

var stClient = &http.Client{Timeout: 5 * time.Second}

// get reads a REST endpoint of d's into v.
func (d *stDaemon) get(path string, v any) error {
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("http://127.0.0.1:%d%s", d.gui, path), nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-API-Key", d.apiKey)
	res, err := stClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, res.Status)
	}
	return json.NewDecoder(res.Body).Decode(v)
}

// poll checks cond every 100 ms until it holds, and gives how long that
// took; after timeout it fails the test naming what did not happen, with
// cond's last error.
func poll(t *testing.T, what string, timeout time.Duration, cond func() (bool, error)) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ok, err := cond()
		if ok {
			return time.Since(start)
		}
		if time.Since(start) > timeout && err != nil {
			t.Fatalf("%s: not within %s (last error: %v)", what, timeout, err)
		}
		if time.Since(start) > timeout {
			t.Fatalf("%s: not within %s", what, timeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
