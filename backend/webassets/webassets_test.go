package webassets

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const script = "console.log('the board');\n"

func built(t *testing.T) *FS {
	return New(fstest.MapFS{
		"index.html":          {Data: []byte("<!doctype html><script src=/assets/app-1.js></script>")},
		"assets/app-1.js.gz":  {Data: gz(t, script)},
		"assets/broken.js.gz": {Data: []byte("not gzip")},
		"favicon.svg":         {Data: []byte("<svg/>")},
	})
}

// The window and the board's server read a gzipped file as the plain one.
func TestOpenReadsTheGzippedFileAsPlain(t *testing.T) {
	f := built(t)
	got, err := fs.ReadFile(f, "assets/app-1.js")
	if err != nil || string(got) != script {
		t.Fatalf("read %q %v, want %q", got, err, script)
	}
	info, err := fs.Stat(f, "assets/app-1.js")
	if err != nil || info.Size() != int64(len(script)) || info.Name() != "app-1.js" || info.IsDir() {
		t.Fatalf("stat %+v %v", info, err)
	}
	if got, err := fs.ReadFile(f, "favicon.svg"); err != nil || string(got) != "<svg/>" {
		t.Fatalf("a plain file: %q %v", got, err)
	}
	if _, err := f.Open("assets/none.js"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a missing file: %v, want not exist", err)
	}
	if _, err := f.Open("assets/broken.js"); err == nil || !strings.Contains(err.Error(), "broken.js.gz") {
		t.Fatalf("a broken archive: %v, want an error naming it", err)
	}
	// A plain file server over it sends the plain script with its type.
	rec := httptest.NewRecorder()
	http.FileServerFS(f).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/assets/app-1.js", nil))
	if rec.Code != http.StatusOK || rec.Body.String() != script || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/javascript") {
		t.Fatalf("file server: %d %q %q", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
	}
}

// The room sends the stored bytes to a browser that takes gzip, and the
// plain file to one that does not.
func TestServeSendsGzipToWhoAcceptsIt(t *testing.T) {
	f := built(t)
	for _, tc := range []struct {
		accept string
		gzip   bool
	}{
		{"gzip, deflate, br", true},
		{"br;q=1.0, GZIP;q=0.5", true},
		{"gzip;q=0", false},
		{"", false},
		{"deflate", false},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/assets/app-1.js", nil)
		req.Header.Set("Accept-Encoding", tc.accept)
		f.Serve(rec, req, "assets/app-1.js")
		res := rec.Result()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") {
			t.Fatalf("%q: %d %q", tc.accept, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%q: Cache-Control %q, want immutable", tc.accept, res.Header.Get("Cache-Control"))
		}
		if tc.gzip {
			if res.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("%q: not gzip", tc.accept)
			}
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if plain, _ := io.ReadAll(zr); string(plain) != script {
				t.Fatalf("%q: %q", tc.accept, plain)
			}
			continue
		}
		if res.Header.Get("Content-Encoding") != "" || string(body) != script {
			t.Fatalf("%q: encoding %q body %q", tc.accept, res.Header.Get("Content-Encoding"), body)
		}
	}
	rec := httptest.NewRecorder()
	f.Serve(rec, httptest.NewRequest(http.MethodGet, "/assets/none.js", nil), "assets/none.js")
	if rec.Code != http.StatusNotFound {
		t.Fatalf("a missing file: %d", rec.Code)
	}
}
