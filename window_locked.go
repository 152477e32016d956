package main

import (
	"html"
	"io"
	"net/http"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

// runLockedWindow runs when another Sounding Board holds the database.
// If that is a window, Wails' single-instance lock hands it this launch
// (it comes to the front) and exits this process. Otherwise (`serve` or a
// command holds the file, or there is no session bus) it shows a small
// window that says so, and returns why.
func runLockedWindow(dbPath string, locked error) error {
	page := `<!doctype html><meta charset="utf-8"><title>Sounding Board</title>
<body style="font:15px system-ui,sans-serif;margin:2em;color:#222">
<h1 style="font-size:18px">Sounding Board is already open</h1>
<p>` + html.EscapeString(locked.Error()) + `</p>
<p>Close the other Sounding Board (a window, or <code>soundingboard serve</code> in a terminal), then open this one again.</p>`
	err := wails.Run(&options.App{
		Title:  "Sounding Board",
		Width:  560,
		Height: 260,
		AssetServer: &assetserver.Options{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, page) // a page for a window that may already be closing
		})},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instanceID(dbPath),
			OnSecondInstanceLaunch: func(options.SecondInstanceData) {},
		},
		Linux: &linux.Options{ProgramName: "soundingboard"},
	})
	if err != nil {
		return err
	}
	return locked
}
