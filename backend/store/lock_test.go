package store_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"soundingboard/backend/store"
)

func TestWriterLockIsExclusiveInProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sb.db")
	first, err := store.LockWriter(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.LockWriter(path)
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second lock: %v, want ErrLocked", err)
	}
	want := fmt.Sprintf("%s is open in another Sounding Board (pid %d); close it first", path, os.Getpid())
	if !strings.Contains(err.Error(), want) {
		t.Fatalf("message %q, want it to say %q", err, want)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	if err := first.Release(); err != nil {
		t.Fatalf("second release: %v", err)
	}
	again, err := store.LockWriter(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again.Release()
	// Another database in the same folder has its own lock.
	other, err := store.LockWriter(filepath.Join(filepath.Dir(path), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	other.Release()
}

// A lock held by another process refuses this one, names that process,
// and is freed when the process dies, even by SIGKILL.
func TestWriterLockAcrossProcesses(t *testing.T) {
	if os.Getenv("SB_LOCK_HOLDER") != "" {
		l, err := store.LockWriter(os.Getenv("SB_LOCK_HOLDER"))
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		fmt.Println("locked")
		time.Sleep(time.Minute)
		l.Release()
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "sb.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriterLockAcrossProcesses$")
	cmd.Env = append(os.Environ(), "SB_LOCK_HOLDER="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "locked" {
		t.Fatalf("holder said %q, %v", line, err)
	}
	_, err = store.LockWriter(path)
	if !errors.Is(err, store.ErrLocked) || !strings.Contains(err.Error(), fmt.Sprintf("(pid %d)", cmd.Process.Pid)) {
		t.Fatalf("lock held by pid %d: %v", cmd.Process.Pid, err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	l, err := store.LockWriter(path)
	if err != nil {
		t.Fatalf("lock after the holder died: %v", err)
	}
	l.Release()
}
