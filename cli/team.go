package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"strconv"
	"strings"

	"soundingboard/backend/services"
	"soundingboard/backend/team"
)

// parseTeamCreate parses `team create --folder DIR [--person NAME] [--label LABEL]`.
func parseTeamCreate(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	folder := fs.String("folder", "", "the folder your team's sync service shares")
	person, label := personFlags(fs)
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		st, err := s.Team.Create(team.CreateInput{Folder: *folder, Person: *person, Label: *label})
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(out, "This board is now the team's, kept in %s.\nInvite a teammate's laptop with: soundingboard team invite\n", st.Folder)
		return err
	}, nil
}

// personFlags are the names a laptop takes in its team: the person's, by
// default the account's full name, and the laptop's, by default its host
// name.
func personFlags(fs *flag.FlagSet) (person, label *string) {
	name := ""
	if u, err := user.Current(); err == nil {
		name = strings.TrimSpace(strings.Split(u.Name, ",")[0])
		if name == "" {
			name = u.Username
		}
	}
	host, _ := os.Hostname()
	return fs.String("person", name, "your name, as teammates see it on your changes"),
		fs.String("label", host, "this laptop's name in the team (readable by anyone with the folder)")
}

// parseTeamInvite parses `team invite [--hours N]`: it prints the code alone.
func parseTeamInvite(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	hours := fs.Int("hours", team.DefaultInviteHours, "how long the code is good for")
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		inv, err := s.Team.Invite(team.InviteInput{Hours: *hours})
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(out, inv.Code)
		return err
	}, nil
}

// parseTeamJoin parses `team join --folder DIR [--code CODE]`; without
// --code the code is read from standard input, so it stays out of the
// shell's history and the process list.
func parseTeamJoin(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	folder := fs.String("folder", "", "the team's folder, as your sync service keeps it on this laptop")
	code := fs.String("code", "", "the invite code (default: read from standard input)")
	person, label := personFlags(fs)
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	if *code == "" {
		line, err := bufio.NewReader(io.LimitReader(os.Stdin, 1024)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read the invite code from standard input: %w", err)
		}
		if *code = strings.TrimSpace(line); *code == "" {
			return nil, errors.New("give the invite code with --code, or on standard input")
		}
	}
	return func(s *services.Set, out io.Writer) error {
		st, err := s.Team.Join(team.JoinInput{Folder: *folder, Code: *code, Person: *person, Label: *label})
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(out, "Joined the team in %s (%d teammates' devices).\n", st.Folder, len(st.Teammates))
		return err
	}, nil
}

// parseTeamSync parses `team sync`: one pass, then exit.
func parseTeamSync(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		rep, err := s.Team.Sync()
		if err != nil {
			return err
		}
		var b strings.Builder
		fmt.Fprintf(&b, "wrote %d changes; applied %d files (%d changes)", rep.Written, rep.Files, rep.Applied)
		if rep.Held > 0 {
			fmt.Fprintf(&b, "; %d held back", rep.Held)
		}
		b.WriteString("\n")
		for _, p := range rep.Joined {
			fmt.Fprintf(&b, "let in: %s\n", p)
		}
		for _, p := range rep.Problems {
			fmt.Fprintf(&b, "problem: %s\n", p)
		}
		_, err = io.WriteString(out, b.String())
		return err
	}, nil
}

// parseTeamStatus parses `team status [--json]`.
func parseTeamStatus(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	asJSON := fs.Bool("json", false, "print JSON")
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		st, err := s.Team.Status()
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(out, st)
		}
		if !st.InTeam {
			_, err := fmt.Fprintln(out, "This board is not in a team.")
			return err
		}
		last := st.LastSync
		if last == "" {
			last = "never"
		}
		if _, err := fmt.Fprintf(out, "folder: %s\nlast sync: %s\npending: %d   held: %d   waiting: %d\n\n",
			st.Folder, last, st.Pending, st.Held, st.Waiting); err != nil {
			return err
		}
		rows := make([][]string, len(st.Teammates))
		for i, m := range st.Teammates {
			note := ""
			switch {
			case m.Me:
				note = "this laptop"
			case m.Removed:
				note = "removed"
			}
			rows[i] = []string{m.Person, m.Label, strconv.Itoa(m.Files), m.LastFile, note}
		}
		if err := printTable(out, []string{"PERSON", "LAPTOP", "FILES", "LAST APPLIED", ""}, rows); err != nil {
			return err
		}
		for _, p := range st.Problems {
			if _, err := fmt.Fprintf(out, "problem: %s\n", p); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

// parseTeamLeave parses `team leave`.
func parseTeamLeave(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		if err := s.Team.Leave(); err != nil {
			return err
		}
		_, err := fmt.Fprintln(out, "This laptop left the team; the board stays here as your own.")
		return err
	}, nil
}

// parseTeamRemove parses `team remove DEVICE`: a device id or a teammate's
// name, as `team status` shows them.
func parseTeamRemove(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != 1 {
		return nil, errors.New("give exactly one laptop: its device id or the teammate's name, as `team status` shows them")
	}
	return func(s *services.Set, out io.Writer) error {
		st, err := s.Team.Remove(team.RemoveInput{Device: pos[0]})
		if err != nil {
			return err
		}
		var gone []string
		for _, m := range st.Teammates {
			if m.Removed && (strings.EqualFold(m.Device, pos[0]) || strings.EqualFold(m.Person, pos[0])) {
				gone = append(gone, m.Person+" ("+m.Device+")")
			}
		}
		_, err = fmt.Fprintf(out, "Removed %s from the team. The team's key was changed: that laptop cannot read what the team writes from now on, and its files are deleted from the shared folder.\n", strings.Join(gone, ", "))
		return err
	}, nil
}
