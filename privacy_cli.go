package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
)

// parsePrivacy parses `members export-person ID -o FILE.json` and
// `members erase ID --confirm "Full Name"`.
func parsePrivacy(sub string, fs *flag.FlagSet, args []string, withServices func(func(*services, io.Writer) error) *command) (*command, error) {
	switch sub {
	case "export-person":
		outPath := fs.String("o", "", "file to write (default: stdout)")
		pos, err := parseFlags(fs, args)
		if err != nil {
			return nil, fmt.Errorf("members export-person: %w", err)
		}
		id, err := memberArg("members export-person", pos)
		if err != nil {
			return nil, err
		}
		return withServices(func(s *services, out io.Writer) error {
			f, err := s.privacy.ExportPerson(id)
			if err != nil {
				return err
			}
			if *outPath == "" {
				_, err = io.WriteString(out, f.Content)
				return err
			}
			// Personal data: readable by the user only.
			if err := os.WriteFile(*outPath, []byte(f.Content), 0o600); err != nil {
				return fmt.Errorf("members export-person: %w", err)
			}
			_, err = fmt.Fprintf(out, "wrote everything stored about member %d to %s\n", id, *outPath)
			return err
		}), nil
	case "erase":
		confirm := fs.String("confirm", "", "the member's full name, typed out")
		pos, err := parseFlags(fs, args)
		if err != nil {
			return nil, fmt.Errorf("members erase: %w", err)
		}
		id, err := memberArg("members erase", pos)
		if err != nil {
			return nil, err
		}
		if *confirm == "" {
			return nil, errors.New(`members erase: add --confirm "Full Name" (the member's name) to confirm; this cannot be undone`)
		}
		return withServices(func(s *services, out io.Writer) error {
			e, err := s.privacy.ErasePerson(id, *confirm)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(out, "erased member %d (reference %s): %d consents, %d touchpoints, %d rewards, "+
				"%d reminders, %d session places removed; %d responses and %d quotes kept as anonymous text\n",
				id, e.Reference, e.Consents, e.Touchpoints, e.Rewards, e.Reminders, e.Participants, e.Responses, e.Quotes)
			return err
		}), nil
	}
	return nil, fmt.Errorf("members: unknown subcommand %q", sub)
}

// memberArg reads the one positional member id.
func memberArg(what string, pos []string) (int64, error) {
	if len(pos) != 1 {
		return 0, fmt.Errorf("%s: give exactly one member ID", what)
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%s: %q is not a member ID (a positive number, see members list)", what, pos[0])
	}
	return id, nil
}
