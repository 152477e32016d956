package cli

import (
	"bufio"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkServeStart measures `soundingboard serve` from exec to the first
// answered request, on an existing database with the sample board, and
// reports the backend's resident memory once idle. It runs the binary named
// by SB_BIN (make bench sets it).
func BenchmarkServeStart(b *testing.B) {
	bin := os.Getenv("SB_BIN")
	if bin == "" {
		b.Skip("SB_BIN not set")
	}
	db := filepath.Join(b.TempDir(), "bench.db")
	if out, err := exec.Command(bin, "--db", db, "demo").CombinedOutput(); err != nil {
		b.Fatalf("demo: %v: %s", err, out)
	}
	var rssKB float64
	for b.Loop() {
		cmd := exec.Command(bin, "--db", db, "serve", "--addr", "127.0.0.1:0")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		var url string
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "http://") {
				url = sc.Text()
				break
			}
		}
		jar, _ := cookiejar.New(nil)
		resp, err := (&http.Client{Jar: jar}).Get(url)
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("first answer: %d", resp.StatusCode)
		}
		b.StopTimer()
		time.Sleep(200 * time.Millisecond)
		rssKB = readRSS(cmd.Process.Pid)
		cmd.Process.Kill()
		cmd.Wait()
		b.StartTimer()
	}
	b.ReportMetric(rssKB/1024, "MB-idle-rss")
}

func readRSS(pid int) float64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb
		}
	}
	return 0
}
