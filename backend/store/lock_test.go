package store_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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

// startChild runs the test called test again in a child process with the
// environment variable env set, and waits until it prints the line ready.
// The child is killed when t ends.
func startChild(t *testing.T, test, env, ready string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$")
	cmd.Env = append(os.Environ(), env)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || strings.TrimSpace(line) != ready {
		t.Fatalf("the child said %q, %v; want %q", line, err, ready)
	}
	return cmd
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
	cmd := startChild(t, "TestWriterLockAcrossProcesses", "SB_LOCK_HOLDER="+path, "locked")
	_, err := store.LockWriter(path)
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

// A killed restore leaves its staging copy (as big as the data, in the
// backups folder) and a killed backup or export its temporary file. The
// next writer removes them when it takes the lock; one that does not get
// the lock touches nothing, as its holder may be restoring right now. A
// fresh temporary file may be a backup a reader is writing: it stays.
func TestWriterLockRemovesWhatAKilledWriterLeft(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sb.db")
	bdir := store.BackupDir(path)
	hourAgo := time.Now().Add(-2 * time.Hour)
	file := func(p string, old bool) string {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
		if old {
			if err := os.Chtimes(p, hourAgo, hourAgo); err != nil {
				t.Fatal(err)
			}
		}
		return filepath.Base(p)
	}
	stale := []string{
		file(filepath.Join(bdir, ".restore-1764694500123456789.tmp"), false),
		file(filepath.Join(bdir, ".restore-1764694500123456789.tmp-journal"), false),
		file(filepath.Join(bdir, ".sb-20250301-091500-daily.db.123.partial"), true),
		file(filepath.Join(bdir, ".sb-20250301-091500-daily.db.123.partial-journal"), true),
		file(filepath.Join(dir, ".members.csv.456.partial"), true),
	}
	kept := []string{
		file(filepath.Join(bdir, "sb-20250301-091500-daily.db"), true),
		file(filepath.Join(bdir, ".sb-20250302-091500-manual.db.789.partial"), false),
		file(filepath.Join(bdir, "restore-notes.tmp"), true),
		file(filepath.Join(dir, "members.csv"), true),
	}

	holder, err := store.LockWriter(path)
	if err != nil {
		t.Fatal(err)
	}
	late := file(filepath.Join(bdir, ".restore-1764694600000000000.tmp"), false) // the holder is restoring
	if _, err := store.LockWriter(path); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second lock: %v", err)
	}
	if _, err := os.Stat(filepath.Join(bdir, late)); err != nil {
		t.Fatalf("a writer that did not get the lock removed the holder's staging file: %v", err)
	}
	holder.Release()

	l, err := store.LockWriter(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	left := append(names(t, dir), names(t, bdir)...)
	for _, name := range append(stale, late) {
		if slices.Contains(left, name) {
			t.Errorf("%s is still there", name)
		}
	}
	for _, name := range kept {
		if !slices.Contains(left, name) {
			t.Errorf("%s was removed", name)
		}
	}
}
