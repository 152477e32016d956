package cli

import (
	"flag"
	"io"
	"strconv"
	"time"

	"soundingboard/backend/loop"
	"soundingboard/backend/services"
)

// parseRemindersList parses `reminders list [--due] [--json]`.
func parseRemindersList(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	due := fs.Bool("due", false, "only what is due: overdue and today")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		rs, err := s.Loop.ListReminders(loop.ReminderFilter{Status: "open", DueOnly: *due})
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(out, rs)
		}
		return printReminders(out, rs)
	}, nil
}

// parseICS parses `reminders ics -o FILE.ics`.
func parseICS(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	outPath := fs.String("o", "", "file to write (default: stdout)")
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		f, err := s.Loop.ExportICS()
		if err != nil {
			return err
		}
		_, err = output(s, out, *outPath, []byte(f.Content))
		return err
	}, nil
}

func printReminders(out io.Writer, rs []loop.Reminder) error {
	rows := make([][]string, len(rs))
	for i, r := range rs {
		due := r.DueAt
		if t, err := time.Parse(time.RFC3339, r.DueAt); err == nil {
			due = t.Format("2006-01-02 15:04")
		}
		member := r.Member
		if r.NoConsent {
			member += " (no consent)"
		}
		rows[i] = []string{strconv.FormatInt(r.ID, 10), due, string(r.Kind), r.Title, member, r.Repeat}
	}
	return printTable(out, []string{"ID", "DUE", "KIND", "TITLE", "MEMBER", "REPEAT"}, rows)
}
