package services

import (
	"fmt"
	"os"
	"path/filepath"

	"soundingboard/backend/store"
)

// SaveLetters writes the "You said, we did" letters of a session into dir,
// one PDF per participant named after them (report.Service.Letters),
// creating dir when it is missing. Each file is written as SaveFile writes
// it. It returns the paths written.
func (s *Set) SaveLetters(dir string, sessionID int64) ([]string, error) {
	files, err := s.Report.Letters(sessionID)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, store.Invalid("session %d: nobody is marked as having taken part, so there are no letters to write", sessionID)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("letters folder: %w", err)
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, f.FileName)
		if err := s.SaveFile(paths[i], f.Data); err != nil {
			return nil, fmt.Errorf("letter %s: %w", f.FileName, err)
		}
	}
	return paths, nil
}
