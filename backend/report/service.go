package report

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"soundingboard/backend/activity"
	"strings"
	"sync"
	"time"

	"soundingboard/backend/board"
	"soundingboard/backend/filename"
	"soundingboard/backend/loop"
	"soundingboard/backend/report/typeset"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
)

// Service builds reports; bound to the window and served in browser mode.
// Its methods use the context given at construction, which the app
// cancels on shutdown.
type Service struct {
	ctx     context.Context
	db      *store.DB
	board   *board.Service
	session *session.Services
	agendas *activity.Agendas
	loop    *loop.Service
	now     func() time.Time

	mu    sync.Mutex
	fonts *typeset.Library // parsed on first use: it costs tens of milliseconds
}

// NewService returns a report service reading through the board, session,
// agenda and loop services.
func NewService(ctx context.Context, db *store.DB, b *board.Service, s *session.Services, a *activity.Agendas, l *loop.Service) *Service {
	return &Service{ctx: ctx, db: db, board: b, session: s, agendas: a, loop: l, now: time.Now}
}

func (s *Service) fontSet() (*typeset.Library, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fonts == nil {
		fs, err := loadFonts()
		if err != nil {
			return nil, err
		}
		s.fonts = fs
	}
	return s.fonts, nil
}

// built is a report ready to write in any of its formats.
type built struct {
	title, subtitle string
	fileBase        string
	sections        []Section
	warnings        []string
	pdf             func(d *doc)
	plain           bool                    // letters: PDF pages without report furniture
	md, csv, zip    func(w io.Writer) error // nil = not offered
}

func (b *built) formats() []string {
	out := []string{"pdf"}
	if b.md != nil {
		out = append(out, "md")
	}
	if b.csv != nil {
		out = append(out, "csv")
	}
	if b.zip != nil {
		out = append(out, "zip")
	}
	return out
}

// Preview describes a report before export: its sections with item
// counts and the exact number of PDF pages (rendering is fast enough to
// just do it).
func (s *Service) Preview(kind string, id int64) (Preview, error) {
	b, team, err := s.build(kind, id)
	if err != nil {
		return Preview{}, fmt.Errorf("preview %s report: %w", kind, err)
	}
	pages, err := s.writePDF(io.Discard, b, team)
	if err != nil {
		return Preview{}, fmt.Errorf("preview %s report: %w", kind, err)
	}
	warnings := b.warnings
	if warnings == nil {
		warnings = []string{}
	}
	return Preview{Kind: kind, ID: id, Title: b.title, Subtitle: b.subtitle, TeamName: team,
		Sections: b.sections, Pages: pages, Formats: b.formats(), Warnings: warnings}, nil
}

// Render produces a report as a file: format is pdf, md or csv (md and
// csv for the session and assumptions reports), or zip (the letters, one
// PDF per participant).
func (s *Service) Render(kind string, id int64, format string) (File, error) {
	format = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(format)), ".")
	b, team, err := s.build(kind, id)
	if err != nil {
		return File{}, fmt.Errorf("render %s report: %w", kind, err)
	}
	var buf bytes.Buffer
	out := File{FileName: b.fileBase + "." + format}
	switch {
	case format == "pdf":
		out.MimeType = "application/pdf"
		out.Pages, err = s.writePDF(&buf, b, team)
	case format == "md" && b.md != nil:
		out.MimeType = "text/markdown; charset=utf-8"
		err = b.md(&buf)
	case format == "csv" && b.csv != nil:
		out.MimeType = "text/csv; charset=utf-8"
		err = b.csv(&buf)
	case format == "zip" && b.zip != nil:
		out.MimeType = "application/zip"
		err = b.zip(&buf)
	default:
		return File{}, store.Invalid("render %s report: format %q is not one of %s", kind, format, strings.Join(b.formats(), ", "))
	}
	if err != nil {
		return File{}, fmt.Errorf("render %s report: %w", kind, err)
	}
	out.Data = buf.Bytes()
	out.Size = len(out.Data)
	out.ContentBase64 = base64.StdEncoding.EncodeToString(out.Data)
	return out, nil
}

// writePDF draws b and writes it to w; it returns the page count.
func (s *Service) writePDF(w io.Writer, b *built, team string) (int, error) {
	fonts, err := s.fontSet()
	if err != nil {
		return 0, err
	}
	d := newDoc(fonts, docMeta{team: team, title: b.title, subject: b.subtitle, now: s.now(), plain: b.plain})
	b.pdf(d)
	if err := d.output(w); err != nil {
		return 0, err
	}
	return d.pages(), nil
}

// build gathers the data of a report.
func (s *Service) build(kind string, id int64) (*built, string, error) {
	team, err := s.teamName()
	if err != nil {
		return nil, "", err
	}
	var b *built
	switch strings.ToLower(strings.TrimSpace(kind)) {
	case KindSession:
		b, err = s.buildSession(id, team)
	case KindAssumptions:
		b, err = s.buildLedger(id, team)
	case KindBoard:
		b, err = s.buildBoard(team)
	case KindLetters:
		b, err = s.buildLetters(id, team)
	default:
		return nil, "", store.Invalid("report kind %q is not one of %s", kind, strings.Join(Kinds, ", "))
	}
	if err != nil {
		return nil, "", err
	}
	return b, team, nil
}

// teamName is the team or product name for the cover line, read through
// its owner, the loop settings; "" when never set.
func (s *Service) teamName() (string, error) {
	st, err := s.loop.GetSettings()
	if err != nil {
		return "", fmt.Errorf("read team name: %w", err)
	}
	return strings.TrimSpace(st.TeamName), nil
}

func (s *Service) today() string { return s.now().Format(time.DateOnly) }

// slug makes a file-name part from a title, in its own script
// (filename.Slug), or "report".
func slug(parts ...string) string {
	if s := filename.Slug(72, parts...); s != "" {
		return s
	}
	return "report"
}
