// Package cli is Sounding Board's command line: it parses the arguments,
// opens the database as the command needs (writers take the writer lock,
// readers open it read-only) and runs the command. Package main calls Run
// with what only it has: the embedded frontend, the version and the window.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"soundingboard/backend/services"
	"soundingboard/backend/store"
)

const usage = `usage: soundingboard [--db PATH] [command]

  (no command)                             open the window
  serve [--addr 127.0.0.1:7420] [--allow-remote]
                                           the same app in a browser (loopback unless --allow-remote)
  demo                                     load a sample board into an empty database
  members import FILE [--dry-run] [--existing skip|update] [--skip-invalid] [--map 'Column=field' ...]
                                           import a CSV (.csv) or vCard (.vcf) file; people already on
                                           the board (same email) are refused unless --existing says
                                           skip or update; --skip-invalid leaves out rows with problems
  members export [--format csv|json|vcf] [-o FILE] [--search Q]
  members list [--search Q] [--status S] [--archived] [--json]
  members export-person ID -o FILE.json    everything stored about one person, as JSON
  members erase ID --confirm "Full Name"   erase one person for good (archive is the everyday way)
  reminders list [--due] [--json]           open reminders (--due: overdue and today)
  reminders ics -o FILE.ics                export open reminders as an iCalendar file
  sessions list [--json]                   id, title, format, status, date
  sessions ics ID [-o FILE.ics]            the session's calendar invitation (participants as attendees)
  room open SESSION [--addr HOST:PORT] [--cert F --key F] [--qr FILE.png] [--insist]
                                           open the session's room: participants join from their phones
                                           (prints the join address and its QR code; confirm each claim
                                           on standard input; runs until Ctrl+C)
  backup [-o FILE]                         back up the data (default: into the backups folder next to it)
  restore FILE                             replace the data with a backup (the current data is backed up first)
  report session ID|letters ID|board|assumptions [--decision ID] [-o FILE.pdf|.md|.csv]
                                           a report as PDF (Markdown and CSV: session, assumptions)
  report letters ID -o DIR                 one letter PDF per participant into DIR (a folder, or no .pdf ending)
  team create --folder DIR [--person NAME] [--label LAPTOP]
                                           make this board the team's, kept in DIR (a folder your
                                           team's sync service shares: Dropbox, OneDrive, Syncthing…)
  team invite [--hours 72]                 print a single-use invite code for one new laptop
  team join --folder DIR [--code CODE]     join with an invite code (default: read from standard input);
                                           the board must be empty
  team sync                                one sync pass (the window and serve sync by themselves)
  team status [--json]                     teammates, last sync, pending and held changes, problems
  team leave                               take this laptop out of the team; the board stays here
  team remove DEVICE                       take a teammate's laptop out of the team (a device id, or a
                                           teammate's name for all their laptops); the key is changed
  version

--db defaults to $SOUNDINGBOARD_DB, else the user data dir.`

// Env is what the command line needs from package main.
type Env struct {
	Assets  fs.FS  // the built frontend, which `serve` serves
	Version string // as `soundingboard version` prints it
	// Bound lists everything browser mode serves over s: s.Bound() and
	// what package main binds itself (the window binds the same list).
	Bound func(s *services.Set) []any
	// Window opens the desktop window on the database at dbPath; it runs
	// when no command is given.
	Window func(dbPath string) error
}

// command is one entry of the command table.
type command struct {
	name string // as typed: "members export"
	// writes says whether the command may change the database: a writer
	// takes the writer lock, a reader opens the file read-only and runs
	// beside the window or `serve`.
	writes bool
	// readOnlyIf names a bool flag that, when set, makes a writing command
	// change nothing (members import --dry-run).
	readOnlyIf string
	// whenOpen, if set, is what to say when the window or `serve` holds the
	// database (instead of the general "open in another Sounding Board").
	whenOpen string
	// parse defines the command's flags on fs, parses args with them and
	// returns what to run.
	parse func(fs *flag.FlagSet, args []string, env Env) (runFunc, error)
}

// runFunc runs a parsed command over the open services.
type runFunc func(s *services.Set, out io.Writer) error

// commands is the command table (a function, so there is no package
// state).
func commands() []command {
	return []command{
		{name: "serve", writes: true, parse: parseServe},
		{name: "demo", writes: true, parse: parseDemo},
		{name: "members import", writes: true, readOnlyIf: "dry-run", parse: parseImport},
		{name: "members export", writes: false, parse: parseExport},
		{name: "members list", writes: false, parse: parseList},
		{name: "members export-person", writes: false, parse: parseExportPerson},
		{name: "members erase", writes: true, parse: parseErase},
		{name: "reminders list", writes: false, parse: parseRemindersList},
		{name: "reminders ics", writes: false, parse: parseICS},
		{name: "sessions list", writes: false, parse: parseSessionsList},
		{name: "sessions ics", writes: false, parse: parseSessionICS},
		{name: "room open", writes: true, parse: parseRoomOpen,
			whenOpen: "Sounding Board is open on this board (the window or serve): open the room from the session's run view there"},
		{name: "backup", writes: false, parse: parseBackup},
		{name: "restore", writes: true, parse: parseRestore},
		{name: "report session", writes: false, parse: parseReport},
		{name: "report letters", writes: false, parse: parseReport},
		{name: "report board", writes: false, parse: parseReport},
		{name: "report assumptions", writes: false, parse: parseReport},
		{name: "team create", writes: true, parse: parseTeamCreate},
		{name: "team invite", writes: true, parse: parseTeamInvite},
		{name: "team join", writes: true, parse: parseTeamJoin},
		{name: "team sync", writes: true, parse: parseTeamSync,
			whenOpen: "Sounding Board is open on this board (the window or serve) and syncs it every few seconds itself; see `team status`"},
		{name: "team status", writes: false, parse: parseTeamStatus},
		{name: "team leave", writes: true, parse: parseTeamLeave},
		{name: "team remove", writes: true, parse: parseTeamRemove},
	}
}

// groups are the commands' first words that need a second: what to say
// when it is missing, and when it is unknown.
func groups() map[string]struct{ missing, unknown string } {
	return map[string]struct{ missing, unknown string }{
		"members":   {"say import, export or list (or export-person, erase)", "unknown subcommand %q (import, export or list; export-person, erase)"},
		"reminders": {"say list or ics", "unknown subcommand %q (list or ics)"},
		"sessions":  {"say list or ics ID", "unknown subcommand %q (list or ics)"},
		"report":    {"say session ID, letters ID, board or assumptions", "unknown report %q (session, letters, board or assumptions)"},
		"room":      {"say open SESSION", "unknown subcommand %q (open)"},
		"team":      {"say create, invite, join, sync, status, leave or remove", "unknown subcommand %q (create, invite, join, sync, status, leave or remove)"},
	}
}

// Run runs the command line args and returns the exit status.
func Run(args []string, stdout, stderr io.Writer, env Env) int {
	exec, err := parse(args, env)
	if err == nil {
		err = exec(stdout)
	}
	if err != nil {
		// Classify turns SQLite's codes ("disk I/O error (4874)") into what to do;
		// the command line keeps the whole chain, unlike the window.
		_, _ = fmt.Fprintln(stderr, "soundingboard:", store.Classify(err))
		return 1
	}
	return 0
}

// parse parses args into what to run.
func parse(args []string, env Env) (func(out io.Writer) error, error) {
	global := newFlagSet("soundingboard")
	dbPath := global.String("db", defaultDBPath(), "database file")
	if err := global.Parse(args); err != nil {
		return nil, fmt.Errorf("%w\n%s", err, usage)
	}
	rest := global.Args()
	if len(rest) == 0 {
		return func(io.Writer) error { return env.Window(*dbPath) }, nil
	}
	switch rest[0] {
	case "version", "--version":
		return func(out io.Writer) error {
			_, err := fmt.Fprintln(out, "soundingboard", env.Version)
			return err
		}, nil
	case "help", "-h", "--help":
		return func(out io.Writer) error { _, err := fmt.Fprintln(out, usage); return err }, nil
	}
	c, args, err := lookup(rest)
	if err != nil {
		return nil, err
	}
	fs := newFlagSet(c.name)
	run, err := c.parse(fs, args, env)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.name, err)
	}
	writes := c.writesAs(fs)
	return func(out io.Writer) error {
		s, err := services.Open(context.Background(), *dbPath, writes)
		if err != nil && c.whenOpen != "" && errors.Is(err, store.ErrLocked) {
			return errors.New(c.whenOpen)
		}
		if err != nil {
			return err
		}
		return errors.Join(run(s, out), s.Close())
	}, nil
}

// lookup finds the command named by the first one or two words of args
// and returns it with the arguments after its name.
func lookup(args []string) (*command, []string, error) {
	g, isGroup := groups()[args[0]]
	name, n := args[0], 1
	if isGroup {
		if len(args) < 2 {
			return nil, nil, fmt.Errorf("%s: %s", args[0], g.missing)
		}
		name, n = args[0]+" "+args[1], 2
	}
	for _, c := range commands() {
		if c.name == name {
			return &c, args[n:], nil
		}
	}
	if isGroup {
		return nil, nil, fmt.Errorf("%s: "+g.unknown, args[0], args[1])
	}
	return nil, nil, fmt.Errorf("unknown command %q\n%s", name, usage)
}

// writesAs reports whether c, its flags parsed into fs, may change the
// database. It reads the parsed value, so --dry-run, --dry-run=1 and
// --dry-run=true all count.
func (c *command) writesAs(fs *flag.FlagSet) bool {
	if !c.writes || c.readOnlyIf == "" {
		return c.writes
	}
	f := fs.Lookup(c.readOnlyIf)
	if f == nil {
		panic("command table: " + c.name + " has no flag " + c.readOnlyIf) // a programming error
	}
	readOnly, _ := f.Value.(flag.Getter).Get().(bool)
	return !readOnly
}

// defaultDBPath is where each OS keeps an app's data: %AppData% on Windows,
// ~/Library/Application Support on macOS, the XDG data dir elsewhere
// ($XDG_DATA_HOME, else ~/.local/share).
func defaultDBPath() string {
	if p := os.Getenv("SOUNDINGBOARD_DB"); p != "" {
		return p
	}
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin":
		dir, _ = os.UserConfigDir()
	default:
		if dir = os.Getenv("XDG_DATA_HOME"); !filepath.IsAbs(dir) { // the spec says ignore a relative one
			dir = ""
			if home, err := os.UserHomeDir(); err == nil {
				dir = filepath.Join(home, ".local", "share")
			}
		}
	}
	return filepath.Join(dir, "soundingboard", "soundingboard.db")
}

// parseFlags parses fs from args, allowing flags after positional
// arguments, and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// noArgs parses flags and refuses positional arguments.
func noArgs(fs *flag.FlagSet, args []string) error {
	pos, err := parseFlags(fs, args)
	if err == nil && len(pos) > 0 {
		err = fmt.Errorf("unexpected argument %q", pos[0])
	}
	return err
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// output writes a command's file output: to out when path is "", else to
// the file at path (see services.Set.SaveFile). It reports whether it
// wrote a file.
func output(s *services.Set, out io.Writer, path string, data []byte) (wrote bool, err error) {
	if path == "" {
		_, err := out.Write(data)
		return false, err
	}
	return true, s.SaveFile(path, data)
}

// printTable prints a header and rows as aligned columns. Every cell goes
// through printable, so data cannot steer the terminal.
func printTable(out io.Writer, header []string, rows [][]string) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	_, _ = fmt.Fprintln(tw, strings.Join(header, "\t")) // tabwriter buffers; Flush reports a failed write
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = printable(c)
		}
		_, _ = fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// printable escapes control characters (Unicode Cc: NUL, BEL, ESC, tab,
// newline, C1) as Go writes them in a quoted string (\x00, \a, \x1b, \t),
// so text from the database cannot move the cursor, recolour or clear a
// terminal, or break a table's columns. Everything else, including the
// format characters scripts need (ZWJ, direction marks), is left as is.
func printable(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
