package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"

	"soundingboard/backend/services"
	"soundingboard/backend/session"
)

// sessionRow is a session as `sessions list --json` prints it.
type sessionRow struct {
	ID     int64          `json:"id"`
	Title  string         `json:"title"`
	Format string         `json:"format"`
	Status session.Status `json:"status"`
	Date   string         `json:"date"` // YYYY-MM-DD, "" when not set
}

// parseSessionsList parses `sessions list [--json]`.
func parseSessionsList(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	asJSON := fs.Bool("json", false, "print a JSON array")
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		items, err := s.Session.Plans.ListSessions()
		if err != nil {
			return err
		}
		rows := make([]sessionRow, len(items))
		cells := make([][]string, len(items))
		for i, it := range items {
			rows[i] = sessionRow{ID: it.ID, Title: it.Title, Format: it.Format, Status: it.Status, Date: it.ScheduledOn}
			cells[i] = []string{strconv.FormatInt(it.ID, 10), it.ScheduledOn, string(it.Status), it.Format, it.Title}
		}
		if *asJSON {
			return printJSON(out, rows)
		}
		return printTable(out, []string{"ID", "DATE", "STATUS", "FORMAT", "TITLE"}, cells)
	}, nil
}

// parseSessionICS parses `sessions ics ID [-o FILE.ics]`.
func parseSessionICS(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	outPath := fs.String("o", "", "file to write (default: stdout)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != 1 {
		return nil, errors.New("give exactly one session ID")
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return nil, fmt.Errorf("%q is not a session ID", pos[0])
	}
	return func(s *services.Set, out io.Writer) error {
		f, err := s.Loop.SessionICS(id)
		if err != nil {
			return err
		}
		_, err = output(s, out, *outPath, []byte(f.Content))
		return err
	}, nil
}
