package room

// The participant page: room.html from the frontend's built files, and
// only the assets it names. Nothing else of the frontend is served, so
// the board app never reaches a participant's phone.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"golang.org/x/net/html"

	"soundingboard/backend/webassets"
)

// page is room.html and the assets it references, read when the room
// opens.
type page struct {
	html   []byte
	files  *webassets.FS   // the build, scripts and styles stored gzipped
	assets map[string]bool // the URL paths room.html names, /assets/…
}

// readPage reads room.html and every /assets/ file its script and link
// tags name. A build without room.html cannot open a room.
func readPage(dist fs.FS) (page, error) {
	files := webassets.New(dist)
	doc, err := fs.ReadFile(files, "room.html")
	if errors.Is(err, fs.ErrNotExist) {
		return page{}, errors.New("the participant page (room.html) is missing from this build; rebuild the frontend")
	}
	if err != nil {
		return page{}, fmt.Errorf("read room.html: %w", err)
	}
	p := page{html: doc, files: files, assets: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for _, a := range z.Token().Attr {
			if (a.Key != "src" && a.Key != "href") || !strings.HasPrefix(a.Val, "/assets/") {
				continue
			}
			name := path.Clean(a.Val)
			if _, err := fs.Stat(files, strings.TrimPrefix(name, "/")); err != nil {
				return page{}, fmt.Errorf("room.html names %s: %w", a.Val, err)
			}
			p.assets[name] = true
		}
	}
	return p, nil
}

// serveAsset answers GET of an asset room.html names, cached for good
// (its name changes with its content), gzipped as stored to a phone that
// takes it (most of the page's weight on a slow network); anything else
// is 404.
func (p page) serveAsset(w http.ResponseWriter, r *http.Request) {
	if !p.assets[r.URL.Path] || r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.NotFound(w, r)
		return
	}
	p.files.Serve(w, r, strings.TrimPrefix(r.URL.Path, "/"))
}

// serveHTML answers the join URL with the page, never cached: it is the
// only way in, and it changes with each build.
func (p page) serveHTML(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(p.html)
}
