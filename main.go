// Command soundingboard keeps a customer advisory board, runs
// assumption-testing sessions and reminds the team to close the loop.
// Without arguments it opens the desktop window; subcommands work headless.
package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"soundingboard/backend/backup"
	"soundingboard/backend/board"
	"soundingboard/backend/demo"
	"soundingboard/backend/loop"
	"soundingboard/backend/privacy"
	"soundingboard/backend/report"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
)

//go:embed all:frontend/dist
var embedded embed.FS

// Stamped at build time with -ldflags "-X main.version=… -X main.commit=… -X main.date=…".
var (
	version = "dev"
	commit  = ""
	date    = ""
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	c, err := parseCommand(args)
	if err == nil {
		err = c.exec(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "soundingboard:", err)
		return 1
	}
	return 0
}

func assets() fs.FS {
	sub, err := fs.Sub(embedded, "frontend/dist")
	if err != nil {
		panic(err) // the path is a compile-time constant
	}
	return sub
}

// openServices opens the database and builds the services over it.
func openServices(ctx context.Context, dbPath string) (*services, error) {
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		return nil, err
	}
	b, ss := board.NewService(ctx, db), session.NewService(ctx, db)
	l := loop.NewService(ctx, db)
	r := report.NewService(ctx, db, b, ss, l)
	return &services{db: db, board: b, session: ss, loop: l, demo: demo.NewService(b, ss, l), report: r,
		privacy: privacy.NewService(ctx, db), about: &About{AboutInfo{Version: versionString(), DBPath: dbPath}},
		backup: backup.NewService(ctx, db, dbPath), path: dbPath}, nil
}

// runWindow opens the desktop window.
func runWindow(dbPath string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	svc, err := openServicesFor(ctx, dbPath, true)
	if errors.Is(err, store.ErrLocked) {
		return runLockedWindow(dbPath, err)
	}
	if err != nil {
		return err
	}
	defer svc.lock.Release() // the window's shutdown closes the database
	go svc.keepDaily(ctx)
	app := newApp(AppInfo{Version: versionString(), DBPath: dbPath, Desktop: true}, svc)
	return wails.Run(&options.App{
		Title:            "Sounding Board " + version,
		Width:            1280,
		Height:           820,
		MinWidth:         900,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets()},
		BackgroundColour: &options.RGBA{R: 250, G: 250, B: 248, A: 255},
		OnStartup:        app.startup,
		OnDomReady:       app.domReady,
		OnShutdown:       app.shutdown,
		Bind:             append([]any{app}, svc.bound()...),
		// A second launch on the same file brings this window to the front.
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instanceID(dbPath),
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		Linux: &linux.Options{ProgramName: "soundingboard"},
	})
}
