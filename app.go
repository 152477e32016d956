package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"soundingboard/backend/board"
	"soundingboard/backend/loop"
	"soundingboard/backend/report"
)

// App is the desktop glue: it owns the window's lifetime and the few things
// only a desktop can do (native file dialogs). Business logic lives in the
// services under backend/.
type App struct {
	ctx     context.Context // Wails runtime context, set on startup
	info    AppInfo
	db      *sqlx.DB
	board   *board.Service
	loop    *loop.Service
	report  *report.Service
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

func newApp(info AppInfo, db *sqlx.DB, b *board.Service, l *loop.Service) *App {
	return &App{info: info, db: db, board: b, loop: l, onReady: os.Getenv("SOUNDINGBOARD_READY_FILE")}
}

func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	go a.notifyDue(ctx)
}

func (a *App) shutdown(ctx context.Context) {
	runtime.CleanupNotifications(ctx)
	a.db.Close()
}

// notifyDue raises a desktop notification for each reminder that falls
// due, at startup and then every minute, until the window closes, and
// tells the page too (event "reminders:due"). Without a notification
// service (no D-Bus session bus, say) it logs that once and leaves the due
// reminders to the page, which polls DueNotifications as in browser mode.
func (a *App) notifyDue(ctx context.Context) {
	if err := runtime.InitializeNotifications(ctx); err != nil {
		log.Printf("desktop notifications are off: %v", err)
		return
	}
	warned := false
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for {
		due, err := a.loop.DueNotifications()
		if err != nil && ctx.Err() == nil && !warned {
			log.Printf("due reminders: %v (further errors are not logged)", err)
			warned = true
		}
		if len(due) > 0 {
			runtime.EventsEmit(ctx, "reminders:due", due)
		}
		for _, n := range due {
			err := runtime.SendNotification(ctx, runtime.NotificationOptions{
				ID: fmt.Sprintf("reminder-%d", n.ReminderID), Title: n.Title, Body: n.Body,
				Data: map[string]any{"reminderId": n.ReminderID},
			})
			if err != nil && !warned {
				log.Printf("desktop notification: %v (further errors are not logged)", err)
				warned = true
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
	path, err := runtime.SaveFileDialog(a.ctx, runtime.SaveDialogOptions{
		Title:           "Export members",
		DefaultFilename: f.FileName,
	})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, []byte(f.Content), 0o644); err != nil {
		return "", fmt.Errorf("save export: %w", err)
	}
	return path, nil
}
