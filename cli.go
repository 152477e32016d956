package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"text/tabwriter"

	"soundingboard/backend/backup"
	"soundingboard/backend/board"
	"soundingboard/backend/demo"
	"soundingboard/backend/loop"
	"soundingboard/backend/privacy"
	"soundingboard/backend/report"
	"soundingboard/backend/rpc"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
)

const usage = `usage: soundingboard [--db PATH] [command]

  (no command)                             open the window
  serve [--addr 127.0.0.1:7420] [--allow-remote]
                                           the same app in a browser (loopback unless --allow-remote)
  demo                                     load a sample board into an empty database
  members import FILE [--dry-run] [--map 'Column=field' ...]
                                           import a CSV (.csv) or vCard (.vcf) file
  members export [--format csv|json|vcf] [-o FILE] [--search Q]
  members list [--search Q] [--status S] [--archived] [--json]
  members export-person ID -o FILE.json    everything stored about one person, as JSON
  members erase ID --confirm "Full Name"   erase one person for good (archive is the everyday way)
  reminders list [--due] [--json]           open reminders (--due: overdue and today)
  reminders ics -o FILE.ics                export open reminders as an iCalendar file
  backup [-o FILE]                         back up the data (default: into the backups folder next to it)
  restore FILE                             replace the data with a backup (the current data is backed up first)
  report session ID|letters ID|board|assumptions [--decision ID] [-o FILE.pdf|.md|.csv]
                                           a report as PDF (Markdown and CSV: session, assumptions)
  version

--db defaults to $SOUNDINGBOARD_DB, else the user data dir.`

// services are the backend services over one open database.
type services struct {
	db      *store.DB
	board   *board.Service
	session *session.Service
	loop    *loop.Service
	demo    *demo.Service
	report  *report.Service
	privacy *privacy.Service
	about   *About
	backup  *backup.Service
	path    string            // the database file
	lock    *store.WriterLock // held by writers (the window, serve, commands that write)
}

// bound lists the services the window binds and browser mode serves.
func (s *services) bound() []any {
	return []any{s.board, s.session, s.loop, s.demo, s.report, s.privacy, s.about, s.backup}
}

// command is a parsed invocation, ready to run.
type command struct {
	exec func(stdout io.Writer) error
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

func versionString() string {
	v := version
	c, d := commit, date
	if info, ok := debug.ReadBuildInfo(); ok && c == "" {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				c = s.Value
			case "vcs.time":
				d = s.Value
			}
		}
	}
	if len(c) > 12 {
		c = c[:12]
	}
	if c != "" {
		v += " (" + c
		if d != "" {
			v += ", " + d
		}
		v += ")"
	}
	return v
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

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func parseCommand(args []string) (*command, error) {
	global := newFlagSet("soundingboard")
	dbPath := global.String("db", defaultDBPath(), "database file")
	if err := global.Parse(args); err != nil {
		return nil, fmt.Errorf("%v\n%s", err, usage)
	}
	rest := global.Args()
	if len(rest) == 0 {
		return &command{exec: func(io.Writer) error { return runWindow(*dbPath) }}, nil
	}
	name, rest := rest[0], rest[1:]
	withServices := func(fn func(s *services, out io.Writer) error) *command {
		return &command{exec: func(out io.Writer) error {
			s, err := openServicesFor(context.Background(), *dbPath, writes(name, rest))
			if err != nil {
				return err
			}
			defer s.close()
			return fn(s, out)
		}}
	}
	switch name {
	case "version", "--version":
		return &command{exec: func(out io.Writer) error {
			_, err := fmt.Fprintln(out, "soundingboard", versionString())
			return err
		}}, nil
	case "help", "-h", "--help":
		return &command{exec: func(out io.Writer) error { _, err := fmt.Fprintln(out, usage); return err }}, nil
	case "serve":
		fs := newFlagSet("serve")
		addr := fs.String("addr", "127.0.0.1:7420", "address to listen on (loopback only)")
		remote := fs.Bool("allow-remote", false, "allow a non-loopback --addr")
		if _, err := parseFlags(fs, rest); err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		return withServices(func(s *services, out io.Writer) error { return serve(s, *addr, *remote, out) }), nil
	case "demo":
		return withServices(func(s *services, out io.Writer) error {
			r, err := s.demo.Load()
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(out, "loaded a sample board: %d members in %d segments, %d decisions, %d sessions, %d reminders\n",
				r.Members, r.Segments, r.Decisions, r.Sessions, r.Reminders)
			return err
		}), nil
	case "members":
		return parseMembers(rest, withServices)
	case "reminders":
		return parseReminders(rest, withServices)
	case "report":
		return parseReport(rest, withServices)
	case "backup", "restore":
		return parseBackup(name, rest, withServices)
	}
	return nil, fmt.Errorf("unknown command %q\n%s", name, usage)
}

func parseMembers(args []string, withServices func(func(*services, io.Writer) error) *command) (*command, error) {
	if len(args) == 0 {
		return nil, errors.New("members: say import, export or list (or export-person, erase)")
	}
	sub, args := args[0], args[1:]
	fs := newFlagSet("members " + sub)
	switch sub {
	case "import":
		dry := fs.Bool("dry-run", false, "check the file, write nothing")
		var maps multi
		fs.Var(&maps, "map", "Column=field, repeatable; field empty to ignore the column")
		pos, err := parseFlags(fs, args)
		if err != nil {
			return nil, fmt.Errorf("members import: %w", err)
		}
		if len(pos) != 1 {
			return nil, errors.New("members import: give exactly one FILE (.csv or .vcf)")
		}
		return withServices(func(s *services, out io.Writer) error {
			return importMembers(s.board, pos[0], maps, *dry, out)
		}), nil
	case "export":
		format := fs.String("format", "", "csv, json or vcf (default: from -o, else csv)")
		outPath := fs.String("o", "", "file to write (default: stdout)")
		search := fs.String("search", "", "only members matching")
		if _, err := parseFlags(fs, args); err != nil {
			return nil, fmt.Errorf("members export: %w", err)
		}
		f := *format
		if f == "" {
			f = strings.TrimPrefix(filepath.Ext(*outPath), ".")
			if f == "" {
				f = "csv"
			}
		}
		return withServices(func(s *services, out io.Writer) error {
			file, err := s.board.Export(f, board.MemberQuery{Search: *search})
			if err != nil {
				return err
			}
			if *outPath == "" {
				_, err = io.WriteString(out, file.Content)
				return err
			}
			return os.WriteFile(*outPath, []byte(file.Content), 0o600)
		}), nil
	case "export-person", "erase":
		return parsePrivacy(sub, fs, args, withServices)
	case "list":
		search := fs.String("search", "", "full-text search")
		status := fs.String("status", "", "only this status")
		archived := fs.Bool("archived", false, "list archived members instead")
		asJSON := fs.Bool("json", false, "print a JSON array")
		if _, err := parseFlags(fs, args); err != nil {
			return nil, fmt.Errorf("members list: %w", err)
		}
		q := board.MemberQuery{Search: *search, Status: *status}
		if *archived {
			q.Archived = "only"
		}
		return withServices(func(s *services, out io.Writer) error {
			page, err := s.board.ListMembers(q)
			if err != nil {
				return err
			}
			if *asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if page.Members == nil {
					page.Members = []board.Member{}
				}
				return enc.Encode(page.Members)
			}
			return printMembers(out, page.Members)
		}), nil
	}
	return nil, fmt.Errorf("members: unknown subcommand %q (import, export or list; export-person, erase)", sub)
}

func printMembers(out io.Writer, ms []board.Member) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tEMAIL\tCOMPANY\tSEGMENT\tSTATUS\tLAST CONTACTED")
	for _, m := range ms {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", m.ID, m.Name, m.Email, m.Company, m.Segment, m.Status, m.LastContacted)
	}
	return tw.Flush()
}

func importMembers(b *board.Service, path string, maps []string, dry bool, out io.Writer) error {
	content, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("members import: %w", err)
	}
	req := board.ImportRequest{FileName: filepath.Base(path), Content: content}
	if len(maps) > 0 {
		req.Mapping = map[string]string{}
		for _, m := range maps {
			col, field, ok := strings.Cut(m, "=")
			if !ok {
				return fmt.Errorf("members import: --map %q: write it as Column=field", m)
			}
			req.Mapping[col] = field
		}
	}
	p, err := b.PreviewImport(req)
	if err != nil {
		return fmt.Errorf("members import: %w", err)
	}
	if len(p.Unmapped) > 0 && req.Mapping == nil {
		return fmt.Errorf("members import: %s: columns not understood: %s; map them with --map 'Column=field' (fields: %s) or --map 'Column=' to ignore",
			filepath.Base(path), strings.Join(p.Unmapped, ", "), strings.Join(p.Fields, ", "))
	}
	if dry {
		unit := map[string]string{"vcard": "card", "json": "entry"}[p.Format]
		if unit == "" {
			unit = "line"
		}
		for _, r := range p.Rows {
			for _, prob := range r.Problems {
				fmt.Fprintf(out, "%s %d: %s\n", unit, r.Line, prob)
			}
		}
		fmt.Fprintf(out, "%d rows ready, %d with problems (%s, %s); nothing written\n", p.Valid, p.Invalid, p.Format, p.Encoding)
		if p.Invalid > 0 {
			return fmt.Errorf("members import: %d rows have problems", p.Invalid)
		}
		return nil
	}
	r, err := b.Import(req)
	if err != nil {
		return fmt.Errorf("members import: %w", err)
	}
	_, err = fmt.Fprintf(out, "imported %d members (%d new segments, %d new tags)\n", r.Created, r.Segments, r.Tags)
	return err
}

// serve runs browser mode until interrupted.
func serve(s *services, addr string, allowRemote bool, out io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := rpc.Listen(addr, rpc.Config{Assets: assets(), Services: s.bound(), AllowRemote: allowRemote})
	if err != nil {
		return err
	}
	go s.keepDaily(ctx)
	if allowRemote {
		fmt.Fprintf(os.Stderr, "soundingboard: WARNING: --allow-remote: listening on %s; anyone on the network who gets the token "+
			"can read and change the board. Traffic is not encrypted.\n", addr)
	}
	fmt.Fprintf(out, "Sounding Board is running. Open this address in your browser:\n%s\n", srv.URL())
	if f, ok := out.(*os.File); ok {
		f.Sync()
	}
	return srv.Serve(ctx)
}
