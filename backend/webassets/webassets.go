// Package webassets gives the built frontend to the window and the
// servers. The build keeps its scripts and styles gzipped (name.js.gz):
// in the binary they take a third of the room, which keeps the binary
// under its size target. The window and the board's server read them as
// plain files; the room, whose phones may be on a slow network, sends
// them as they are stored to a browser that accepts gzip.
package webassets

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// FS reads a built frontend whose files may be stored as name.gz.
type FS struct {
	stored fs.FS
}

// New wraps the built frontend stored in fsys (fsys itself when it is
// one already).
func New(fsys fs.FS) *FS {
	if f, ok := fsys.(*FS); ok {
		return f
	}
	return &FS{stored: fsys}
}

// Open opens name, decompressing name.gz when only that is stored.
func (f *FS) Open(name string) (fs.File, error) {
	file, err := f.stored.Open(name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) || strings.HasSuffix(name, ".gz") {
		return file, err
	}
	body, info, gerr := f.gunzip(name)
	if gerr != nil {
		if errors.Is(gerr, fs.ErrNotExist) {
			return nil, err
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: gerr}
	}
	return &memFile{Reader: bytes.NewReader(body), info: memInfo{name: path.Base(name), size: int64(len(body)), mode: info.Mode()}}, nil
}

// gunzip reads name.gz and returns what it holds.
func (f *FS) gunzip(name string) ([]byte, fs.FileInfo, error) {
	gz, err := f.stored.Open(name + ".gz")
	if err != nil {
		return nil, nil, err
	}
	defer gz.Close() //nolint:errcheck // read-only
	info, err := gz.Stat()
	if err != nil {
		return nil, nil, err
	}
	zr, err := gzip.NewReader(gz)
	if err != nil {
		return nil, nil, fmt.Errorf("%s.gz: %w", name, err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		return nil, nil, fmt.Errorf("%s.gz: %w", name, err)
	}
	return body, info, nil
}

// Serve answers r with the file name: the stored name.gz as it is, with
// Content-Encoding gzip, when the client accepts gzip; otherwise as Open
// reads it. Scripts and styles under assets/ carry a content hash in their
// names, so they are cached for good.
func (f *FS) Serve(w http.ResponseWriter, r *http.Request, name string) {
	h := w.Header()
	if strings.HasPrefix(name, "assets/") {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	h.Add("Vary", "Accept-Encoding")
	if acceptsGzip(r) {
		if gz, err := fs.ReadFile(f.stored, name+".gz"); err == nil {
			if ct := contentType(name); ct != "" {
				h.Set("Content-Type", ct)
			}
			h.Set("Content-Encoding", "gzip")
			http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(gz))
			return
		}
	}
	http.ServeFileFS(w, r, f, name)
}

// acceptsGzip reports whether r's Accept-Encoding names gzip (without a
// zero quality).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q = strings.ReplaceAll(q, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// contentType is the type of the files the build makes, by extension;
// ServeContent would otherwise sniff the compressed bytes.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	case ".html":
		return "text/html; charset=utf-8"
	}
	return ""
}

// memFile is a decompressed file.
type memFile struct {
	*bytes.Reader
	info memInfo
}

func (m *memFile) Stat() (fs.FileInfo, error) { return m.info, nil }
func (m *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
	mode fs.FileMode
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return i.mode }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
