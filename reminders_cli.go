package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"soundingboard/backend/loop"
)

// parseReminders parses `reminders list` and `reminders ics`.
func parseReminders(args []string, withServices func(func(*services, io.Writer) error) *command) (*command, error) {
	if len(args) == 0 {
		return nil, errors.New("reminders: say list or ics")
	}
	sub, args := args[0], args[1:]
	fs := newFlagSet("reminders " + sub)
	switch sub {
	case "list":
		due := fs.Bool("due", false, "only what is due: overdue and today")
		asJSON := fs.Bool("json", false, "print a JSON array")
		if err := noArgs(fs, args); err != nil {
			return nil, fmt.Errorf("reminders list: %w", err)
		}
		return withServices(func(s *services, out io.Writer) error {
			rs, err := s.loop.ListReminders(loop.ReminderFilter{Status: "open", DueOnly: *due})
			if err != nil {
				return err
			}
			if *asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(rs)
			}
			return printReminders(out, rs)
		}), nil
	case "ics":
		outPath := fs.String("o", "", "file to write (default: stdout)")
		if err := noArgs(fs, args); err != nil {
			return nil, fmt.Errorf("reminders ics: %w", err)
		}
		return withServices(func(s *services, out io.Writer) error {
			f, err := s.loop.ExportICS()
			if err != nil {
				return err
			}
			if *outPath == "" {
				_, err = io.WriteString(out, f.Content)
				return err
			}
			if err := os.WriteFile(*outPath, []byte(f.Content), 0o600); err != nil {
				return fmt.Errorf("reminders ics: %w", err)
			}
			return nil
		}), nil
	}
	return nil, fmt.Errorf("reminders: unknown subcommand %q (list or ics)", sub)
}

// noArgs parses flags and refuses positional arguments.
func noArgs(fs *flag.FlagSet, args []string) error {
	pos, err := parseFlags(fs, args)
	if err == nil && len(pos) > 0 {
		err = fmt.Errorf("unexpected argument %q", pos[0])
	}
	return err
}

func printReminders(out io.Writer, rs []loop.Reminder) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDUE\tKIND\tTITLE\tMEMBER\tREPEAT")
	for _, r := range rs {
		due := r.DueAt
		if t, err := time.Parse(time.RFC3339, r.DueAt); err == nil {
			due = t.Format("2006-01-02 15:04")
		}
		member := r.Member
		if r.NoConsent {
			member += " (no consent)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.ID, due, r.Kind, r.Title, member, r.Repeat)
	}
	return tw.Flush()
}
