package main

import (
	"fmt"
	"os/exec"
	goruntime "runtime"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// SaveReport renders a report (see report.Service.Render), asks where to
// save it, writes it there and, when open is true, opens it in the
// system's viewer. It returns the chosen path, or "" when the user
// cancelled.
func (a *App) SaveReport(kind string, id int64, format string, open bool) (string, error) {
	f, err := a.report.Render(kind, id, format)
	if err != nil {
		return "", err
	}
	path, err := a.saveFile("Save report", f.FileName, f.Data)
	if err != nil || path == "" {
		return "", err
	}
	if open {
		if err := openFile(path); err != nil {
			return path, fmt.Errorf("saved %s, but could not open it: %w", path, err)
		}
	}
	return path, nil
}

// SaveLetters asks for a folder, then writes the "You said, we did"
// letters of a session into it, one PDF per participant (see
// services.Set.SaveLetters); open true opens the folder. It returns the
// folder, or "" when the user cancelled.
func (a *App) SaveLetters(sessionID int64, open bool) (string, error) {
	dir, err := runtime.OpenDirectoryDialog(a.ctx, runtime.OpenDialogOptions{Title: "Save the letters into a folder",
		CanCreateDirectories: true})
	if err != nil || dir == "" {
		return "", err
	}
	if _, err := a.svc.SaveLetters(dir, sessionID); err != nil {
		return "", err
	}
	if open {
		if err := openFile(dir); err != nil {
			return dir, fmt.Errorf("saved the letters in %s, but could not open it: %w", dir, err)
		}
	}
	return dir, nil
}

// openFile opens a file with the desktop's default application.
func openFile(path string) error {
	var cmd *exec.Cmd
	switch goruntime.GOOS {
	case "darwin":
		cmd = exec.Command("open", path)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reap the opener; the viewer outlives it, and its exit status says nothing
	return nil
}
