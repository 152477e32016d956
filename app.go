package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"soundingboard/backend/board"
	"soundingboard/backend/loop"
	"soundingboard/backend/privacy"
	"soundingboard/backend/report"
	"soundingboard/backend/services"
	"soundingboard/backend/store"
)

// App is the desktop glue: it owns the window's lifetime and the few things
// only a desktop can do (native file dialogs). Business logic lives in the
// services under backend/.
type App struct {
	ctx     context.Context // Wails runtime context, set on startup
	info    AppInfo
	svc     *services.Set // closed on shutdown
	board   *board.Service
	loop    *loop.Service
	report  *report.Service
	privacy *privacy.Service
	onReady string // file to write the render report to (tests), or ""
}

// AppInfo tells the frontend what it is running in.
type AppInfo struct {
	Version string `json:"version"`
	DBPath  string `json:"dbPath"`
	Desktop bool   `json:"desktop"`
}

// RenderReport is what the frontend says once it has rendered real data.
type RenderReport struct {
	View    string `json:"view"`
	Members int    `json:"members"`
	Rows    int    `json:"rows"` // rows actually drawn in the list
}

func newApp(info AppInfo, svc *services.Set) *App {
	return &App{info: info, svc: svc, board: svc.Board, loop: svc.Loop, report: svc.Report,
		privacy: svc.Privacy, onReady: os.Getenv("SOUNDINGBOARD_READY_FILE")}
}

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

// domReady starts the reminder sweep once the page is there to hear it.
func (a *App) domReady(ctx context.Context) { go a.notifyDue(ctx) }

func (a *App) shutdown(ctx context.Context) {
	runtime.CleanupNotifications(ctx)
	if err := a.svc.Close(); err != nil {
		log.Printf("close: %v", err)
	}
}

// onSecondInstance runs when Sounding Board is launched again on the same
// database: that launch exits and this window comes to the front.
func (a *App) onSecondInstance(options.SecondInstanceData) {
	if a.ctx == nil {
		return
	}
	runtime.WindowUnminimise(a.ctx)
	runtime.WindowShow(a.ctx)
}

// notifyDue hands out due reminders at startup and then every minute,
// until the window closes, as one summary per sweep (not one notice per
// reminder): it goes to the page (event "reminders:due") and, where the
// desktop has a notification service, to the OS as well. Without one (no
// D-Bus session bus, say) the page alone shows it.
func (a *App) notifyDue(ctx context.Context) {
	osNotify := true
	if err := runtime.InitializeNotifications(ctx); err != nil {
		log.Printf("desktop notifications are off, reminders show in the window only: %v", err)
		osNotify = false
	}
	warned := false
	warn := func(what string, err error) {
		if err != nil && ctx.Err() == nil && !warned {
			log.Printf("%s: %v (further errors are not logged)", what, err)
			warned = true
		}
	}
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for {
		sum, err := a.loop.DueSummary()
		warn("due reminders", err)
		if sum.New > 0 {
			runtime.EventsEmit(ctx, "reminders:due", sum)
			if osNotify {
				// One ID, so a newer summary replaces the last where the desktop allows.
				title, body := sum.Desktop() // the body is read as markup
				warn("desktop notification", runtime.SendNotification(ctx, runtime.NotificationOptions{
					ID: "reminders-due", Title: title, Body: body,
				}))
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// Info returns the version and database in use.
func (a *App) Info() (AppInfo, error) { return a.info, nil }

// Rendered is called by the frontend after it has drawn the board. It lets
// the window test prove the WebKit + IPC path end to end.
func (a *App) Rendered(r RenderReport) error {
	if a.onReady == "" {
		return nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return os.WriteFile(a.onReady, b, 0o600)
}

// SaveMembersExport asks where to save, then writes the export there.
// It returns the chosen path, or "" when the user cancelled.
func (a *App) SaveMembersExport(format string, q board.MemberQuery) (string, error) {
	f, err := a.board.Export(format, q)
	if err != nil {
		return "", err
	}
	return a.saveFile("Export members", f.FileName, []byte(f.Content))
}

// SaveRowsToFix asks where to save the rows of a contact file that have
// problems (board.Service.RowsToFix), then writes them there. It returns
// the chosen path, or "" when the user cancelled.
func (a *App) SaveRowsToFix(req board.ImportRequest) (string, error) {
	f, err := a.board.RowsToFix(req)
	if err != nil {
		return "", err
	}
	return a.saveFile("Save the rows to fix", f.FileName, []byte(f.Content))
}

// SavePersonExport asks where to save everything about one member (JSON),
// then writes it there, readable by the user only.
func (a *App) SavePersonExport(memberID int64) (string, error) {
	f, err := a.privacy.ExportPerson(memberID)
	if err != nil {
		return "", err
	}
	return a.saveFile("Export this person's data", f.FileName, []byte(f.Content))
}

// SaveCalendar asks where to save, then writes the open reminders as an
// iCalendar file. It returns the chosen path, or "" when cancelled.
func (a *App) SaveCalendar() (string, error) {
	f, err := a.loop.ExportICS()
	if err != nil {
		return "", err
	}
	return a.saveFile("Export calendar", f.FileName, []byte(f.Content))
}

// SaveSessionCalendar asks where to save session id's calendar invitation
// (.ics), then writes it there. It returns the chosen path, or "" when
// cancelled.
func (a *App) SaveSessionCalendar(id int64) (string, error) {
	f, err := a.loop.SessionICS(id)
	if err != nil {
		return "", err
	}
	return a.saveFile("Save calendar invitation", f.FileName, []byte(f.Content))
}

// saveFile shows the native save dialog, offering files of name's type,
// and writes data to the chosen path (see services.Set.SaveFile).
func (a *App) saveFile(title, name string, data []byte) (string, error) {
	opts := runtime.SaveDialogOptions{Title: title, DefaultFilename: name}
	if ext := strings.TrimPrefix(filepath.Ext(name), "."); ext != "" {
		opts.Filters = []runtime.FileFilter{{DisplayName: strings.ToUpper(ext) + " files (*." + ext + ")", Pattern: "*." + ext}}
	}
	path, err := runtime.SaveFileDialog(a.ctx, opts)
	if err != nil || path == "" {
		return "", err
	}
	if err := a.svc.SaveFile(path, data); err != nil {
		return "", fmt.Errorf("save %s: %w", name, err)
	}
	return path, nil
}

// formatError is the window's ErrorFormatter: a failed call rejects with the
// same JSON as in browser mode (store.Payload: message, code, field
// problems). It is sent as text because the Wails v2.13 runtime wraps the
// value in new Error(…), which would print an object as "[object Object]";
// frontend/src/api/errors.ts reads it back.
//
// Only the log gets the wrapped chain, and only of an unexpected error: a
// refusal (invalid, not found, conflict) is part of normal use.
func formatError(err error) any {
	p := store.Describe(err)
	if !p.Refusal() {
		log.Printf("call: %s: %v", p.Code, err)
	}
	b, jerr := json.Marshal(p)
	if jerr != nil {
		return p.Message
	}
	return string(b)
}
