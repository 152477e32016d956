package services_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"soundingboard/backend/board"
	"soundingboard/backend/services"
	"soundingboard/backend/store"
)

// SaveFile (every save dialog of the window, every -o of the command line)
// refuses the open database and its companions, and leaves an owner-only
// file also where it replaces one others could read.
func TestSaveFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	s, err := services.Open(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, p := range []string{db, db + "-wal", db + "-shm", db + ".lock"} {
		if err := s.SaveFile(p, []byte("oops")); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("SaveFile(%s) = %v, want a refusal", p, err)
		}
	}
	if err := s.DB.Ping(); err != nil {
		t.Fatalf("database after the refusals: %v", err)
	}
	out := filepath.Join(dir, "board.csv")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveFile(out, []byte("new")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	st, _ := os.Stat(out)
	if err != nil || string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("saved file: %q %v %v", b, st.Mode(), err)
	}
}

// A reader opens a current file read-only and leaves the writer lock free
// (defect 6: a reader holding it kept `serve` and the window from starting);
// a writer holds it until Close.
func TestReadersTakeNoWriterLock(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "sb.db")
	w, err := services.Open(ctx, db, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := services.Open(ctx, db, true); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second writer: %v, want ErrLocked", err)
	}
	r, err := services.Open(ctx, db, false)
	if err != nil {
		t.Fatalf("reader beside a writer: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lock, err := store.LockWriter(db)
	if err != nil {
		t.Fatalf("writer lock while a reader is open: %v", err)
	}
	defer lock.Release()
	if _, err := r.DB.Exec(`DELETE FROM members`); err == nil {
		t.Error("a reader could write")
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
}

// A browser-mode preview of a contact file works with its request's
// context: once the browser gives up, the reading stops.
func TestScopeGivesTheBoardTheRequestContext(t *testing.T) {
	s, err := services.Open(context.Background(), filepath.Join(t.TempDir(), "sb.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, giveUp := context.WithCancel(context.Background())
	giveUp()
	b, ok := services.Scope(ctx, s.Board).(*board.Service)
	if !ok {
		t.Fatalf("Scope(board) is %T", services.Scope(ctx, s.Board))
	}
	csv := []byte("name,email\n" + strings.Repeat("Zoë Adler,zoe@example.com\n", 50_000))
	if _, err := b.PreviewImport(board.ImportRequest{FileName: "big.csv", Content: csv}); !errors.Is(err, context.Canceled) {
		t.Fatalf("preview after the browser gave up: %v, want context.Canceled", err)
	}
	if _, err := s.Board.PreviewImport(board.ImportRequest{FileName: "small.csv", Content: []byte("name\nZoë\n")}); err != nil {
		t.Fatalf("the bound service itself still works: %v", err)
	}
	if got := services.Scope(ctx, s.Loop); got != s.Loop {
		t.Errorf("Scope changed another service")
	}
}
