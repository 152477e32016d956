package atomicfile_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"soundingboard/backend/atomicfile"
)

func TestWriteReplacesOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Write(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Fatalf("content %q mode %v, want new 0600", b, st.Mode().Perm())
	}
	assertOnly(t, dir, "export.csv")
}

func TestFailedWriteKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := atomicfile.WriteWith(path, func(w io.Writer) error {
		if _, err := w.Write([]byte("half")); err != nil {
			return err
		}
		return errors.New("out of ink")
	})
	if err == nil {
		t.Fatal("a failed writer reported success")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("old file became %q", b)
	}
	assertOnly(t, dir, "report.pdf")
}

func TestTempPathAndPlace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.db")
	tmp, err := atomicfile.TempPath(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Fatalf("TempPath exists: %v", err)
	}
	if !atomicfile.IsTemp(filepath.Base(tmp)) || atomicfile.IsTemp("b.db") {
		t.Fatalf("IsTemp(%q) wrong", tmp)
	}
	if err := os.WriteFile(tmp, []byte("db"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Place(tmp, path); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode().Perm())
	}
	assertOnly(t, dir, "b.db")
}

func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "segment-1-1.sb")
	if err := atomicfile.WriteNew(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	err := atomicfile.WriteNew(path, []byte("second"))
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second write: %v, want fs.ErrExist", err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(b) != "first" || st.Mode().Perm() != 0o600 {
		t.Fatalf("content %q mode %v, want first 0600", b, st.Mode().Perm())
	}
	assertOnly(t, dir, "segment-1-1.sb")
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	if len(es) != len(names) {
		var got []string
		for _, e := range es {
			got = append(got, e.Name())
		}
		t.Fatalf("folder holds %v, want %v", got, names)
	}
}
