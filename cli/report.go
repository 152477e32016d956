package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"soundingboard/backend/report"
	"soundingboard/backend/services"
)

// parseReport parses `report session ID | letters ID | board |
// assumptions [--decision ID]` with -o FILE (.pdf, .md or .csv; default:
// the report's own name as PDF in the current directory; "-" = stdout).
// Letters go one PDF per participant into -o DIR when DIR is a folder or
// has no .pdf (or .zip) ending; -o FILE.pdf keeps them in one file, -o
// FILE.zip packs the one-per-participant PDFs.
func parseReport(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	kind := strings.TrimPrefix(fs.Name(), "report ")
	outPath := fs.String("o", "", "file to write: .pdf, .md or .csv, letters also .zip or a folder (default: a PDF named after the report; - for stdout)")
	format := fs.String("format", "", "pdf, md or csv (default: from -o)")
	decision := fs.Int64("decision", 0, "assumptions: only this decision's")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	var id int64
	switch kind {
	case report.KindSession, report.KindLetters:
		if len(pos) != 1 {
			return nil, errors.New("give exactly one session ID")
		}
		if id, err = strconv.ParseInt(pos[0], 10, 64); err != nil || id <= 0 {
			return nil, fmt.Errorf("%q is not a session ID", pos[0])
		}
	default: // board, assumptions
		if len(pos) != 0 {
			return nil, fmt.Errorf("unexpected %q", strings.Join(pos, " "))
		}
		if kind == report.KindAssumptions {
			id = *decision
		}
	}
	f := strings.ToLower(*format)
	if f == "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(*outPath)), ".")
		if f == "" || *outPath == "-" {
			f = "pdf"
		}
	}
	if kind == report.KindLetters && lettersFolder(*outPath, *format) {
		return func(s *services.Set, out io.Writer) error {
			paths, err := s.SaveLetters(*outPath, id)
			for _, p := range paths {
				if _, werr := fmt.Fprintf(out, "wrote %s\n", p); werr != nil {
					return werr
				}
			}
			return err
		}, nil
	}
	return func(s *services.Set, out io.Writer) error {
		file, err := s.Report.Render(kind, id, f)
		if err != nil {
			return err
		}
		path := *outPath
		switch path {
		case "-":
			path = "" // stdout
		case "":
			path = file.FileName
		}
		if wrote, err := output(s, out, path, file.Data); err != nil || !wrote {
			return err
		}
		pages := ""
		if file.Pages > 0 {
			pages = fmt.Sprintf("%d pages, ", file.Pages)
		}
		_, err = fmt.Fprintf(out, "wrote %s (%s%.1f KB)\n", path, pages, float64(file.Size)/1024)
		return err
	}, nil
}

// lettersFolder reports whether -o names a folder for the letters: one
// that exists, or a path without a .pdf or .zip ending (and no --format).
func lettersFolder(path, format string) bool {
	if path == "" || path == "-" || format != "" {
		return false
	}
	if st, err := os.Stat(path); err == nil {
		return st.IsDir()
	}
	ext := strings.ToLower(filepath.Ext(path))
	return ext != ".pdf" && ext != ".zip"
}
