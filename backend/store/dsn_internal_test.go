package store

import (
	"net/url"
	"testing"
)

// The URI forms SQLite accepts, also for Windows paths (checked here on
// any OS, as the conversion is plain string work).
func TestFileURI(t *testing.T) {
	q := url.Values{"mode": {"ro"}}
	for _, c := range []struct {
		path    string
		windows bool
		want    string
	}{
		{"/home/zoë/Team #1/b?.db", false, "file:///home/zo%C3%AB/Team%20%231/b%3F.db?mode=ro"},
		{"/tmp/100%/a%20b.db", false, "file:///tmp/100%25/a%2520b.db?mode=ro"},
		{"rel/dir/x.db", false, "file:rel/dir/x.db?mode=ro"},
		{"C:/x/b.db", false, "file:C:/x/b.db?mode=ro"}, // on unix a folder called "C:"
		{"C:/Users/Zoë/Team #1/b.db", true, "file:///C:/Users/Zo%C3%AB/Team%20%231/b.db?mode=ro"},
		{"//server/share/b.db", true, "file:////server/share/b.db?mode=ro"},
	} {
		if got := fileURI(c.path, c.windows, q); got != c.want {
			t.Errorf("fileURI(%q, windows=%v) = %s, want %s", c.path, c.windows, got, c.want)
		}
	}
}
