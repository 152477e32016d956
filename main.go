// Command soundingboard keeps a customer advisory board, runs
// assumption-testing sessions and reminds the team to close the loop.
// Without arguments it opens the desktop window; subcommands work headless
// (package cli).
package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"soundingboard/backend/room"
	"soundingboard/backend/services"
	"soundingboard/backend/store"
	"soundingboard/backend/webassets"
	"soundingboard/cli"
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
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr,
		cli.Env{Assets: assets(), Version: versionString(), Bound: bound, Window: runWindow}))
}

func assets() fs.FS {
	sub, err := fs.Sub(embedded, "frontend/dist")
	if err != nil {
		panic(err) // the path is a compile-time constant
	}
	return webassets.New(sub)
}

// bound lists the services the window binds and browser mode serves: the
// backend's and About, which lives here because the frontend's bindings
// name it main.About.
func bound(s *services.Set) []any {
	return append(s.Bound(), &About{AboutInfo{Version: versionString(), DBPath: s.Path}})
}

func versionString() string {
	v := version
	c, d := commit, date
	if info, ok := debug.ReadBuildInfo(); ok && c == "" {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				c = s.Value
			case "vcs.time":
				d = s.Value
			}
		}
	}
	if len(c) > 12 {
		c = c[:12]
	}
	if c != "" {
		v += " (" + c
		if d != "" {
			v += ", " + d
		}
		v += ")"
	}
	return v
}

// runWindow opens the desktop window.
func runWindow(dbPath string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	svc, err := services.Open(ctx, dbPath, true)
	if errors.Is(err, store.ErrLocked) {
		return runLockedWindow(dbPath, err)
	}
	if err != nil {
		return err
	}
	defer svc.Close() //nolint:errcheck // the window's shutdown closes it first and reports its error; this is the second close
	go svc.KeepDaily(ctx)
	go svc.KeepSynced(ctx)
	room.WithAssets(svc.Rooms, assets()) // the room serves its page from the same build as the window
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
		Bind:             append([]any{app}, bound(svc)...),
		EnumBind:         enums(),
		ErrorFormatter:   formatError,
		// A second launch on the same file brings this window to the front.
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instanceID(dbPath),
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		Linux: &linux.Options{ProgramName: "soundingboard"},
	})
}

// instanceID names the window's single-instance lock: one window per
// database file.
func instanceID(dbPath string) string {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		abs = dbPath
	}
	h := fnv.New64a()
	h.Write([]byte(abs))
	return fmt.Sprintf("soundingboard-%016x", h.Sum64())
}
