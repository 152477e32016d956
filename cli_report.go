package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"soundingboard/backend/report"
)

// parseReport parses `report session ID | letters ID | board |
// assumptions [--decision ID]` with -o FILE (.pdf, .md or .csv; default:
// the report's own name as PDF in the current directory; "-" = stdout).
func parseReport(args []string, withServices func(func(*services, io.Writer) error) *command) (*command, error) {
	if len(args) == 0 {
		return nil, errors.New("report: say session ID, letters ID, board or assumptions")
	}
	kind, args := args[0], args[1:]
	fs := newFlagSet("report " + kind)
	outPath := fs.String("o", "", "file to write: .pdf, .md or .csv (default: a PDF named after the report; - for stdout)")
	format := fs.String("format", "", "pdf, md or csv (default: from -o)")
	decision := fs.Int64("decision", 0, "assumptions: only this decision's")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, fmt.Errorf("report %s: %w", kind, err)
	}
	var id int64
	switch kind {
	case report.KindSession, report.KindLetters:
		if len(pos) != 1 {
			return nil, fmt.Errorf("report %s: give exactly one session ID", kind)
		}
		if id, err = strconv.ParseInt(pos[0], 10, 64); err != nil || id <= 0 {
			return nil, fmt.Errorf("report %s: %q is not a session ID", kind, pos[0])
		}
	case report.KindAssumptions, report.KindBoard:
		if len(pos) != 0 {
			return nil, fmt.Errorf("report %s: unexpected %q", kind, strings.Join(pos, " "))
		}
		if kind == report.KindAssumptions {
			id = *decision
		}
	default:
		return nil, fmt.Errorf("report: unknown report %q (session, letters, board or assumptions)", kind)
	}
	f := strings.ToLower(*format)
	if f == "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(*outPath)), ".")
		if f == "" || *outPath == "-" {
			f = "pdf"
		}
	}
	return withServices(func(s *services, out io.Writer) error {
		file, err := s.report.Render(kind, id, f)
		if err != nil {
			return err
		}
		path := *outPath
		switch path {
		case "-":
			_, err = out.Write(file.Data)
			return err
		case "":
			path = file.FileName
		}
		if err := os.WriteFile(path, file.Data, 0o600); err != nil {
			return fmt.Errorf("report %s: %w", kind, err)
		}
		pages := ""
		if file.Pages > 0 {
			pages = fmt.Sprintf("%d pages, ", file.Pages)
		}
		_, err = fmt.Fprintf(out, "wrote %s (%s%.1f KB)\n", path, pages, float64(file.Size)/1024)
		return err
	}), nil
}
