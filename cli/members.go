package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"soundingboard/backend/board"
	"soundingboard/backend/services"
	"soundingboard/backend/wording"
)

// parseImport parses `members import FILE [--dry-run] [--existing skip|update]
// [--skip-invalid] [--map 'Column=field' ...]`.
func parseImport(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	dry := fs.Bool("dry-run", false, "check the file, write nothing")
	existing := fs.String("existing", "", "people already on the board: skip or update (default: refuse the file)")
	skipInvalid := fs.Bool("skip-invalid", false, "import the valid rows, leave out rows with problems")
	var maps multi
	fs.Var(&maps, "map", "Column=field, repeatable; field empty to ignore the column")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != 1 {
		return nil, errors.New("give exactly one FILE (.csv or .vcf)")
	}
	if *existing != board.ExistingSkip && *existing != board.ExistingUpdate && *existing != "" {
		return nil, fmt.Errorf("--existing %q: use skip or update", *existing)
	}
	opts := importOptions{existing: *existing, skipInvalid: *skipInvalid, dry: *dry}
	return func(s *services.Set, out io.Writer) error {
		return importMembers(s.Board, pos[0], maps, opts, out)
	}, nil
}

// parseExport parses `members export [--format csv|json|vcf] [-o FILE] [--search Q]`.
func parseExport(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	format := fs.String("format", "", "csv, json or vcf (default: from -o, else csv)")
	outPath := fs.String("o", "", "file to write (default: stdout)")
	search := fs.String("search", "", "only members matching")
	if _, err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	f := *format
	if f == "" {
		f = strings.TrimPrefix(filepath.Ext(*outPath), ".")
		if f == "" {
			f = "csv"
		}
	}
	return func(s *services.Set, out io.Writer) error {
		file, err := s.Board.Export(f, board.MemberQuery{Search: *search})
		if err != nil {
			return err
		}
		_, err = output(s, out, *outPath, []byte(file.Content))
		return err
	}, nil
}

// parseList parses `members list [--search Q] [--status S] [--archived] [--json]`.
func parseList(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	search := fs.String("search", "", "full-text search")
	status := fs.String("status", "", "only this status")
	archived := fs.Bool("archived", false, "list archived members instead")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if _, err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	q := board.MemberQuery{Search: *search, Status: *status}
	if *archived {
		q.Archived = "only"
	}
	return func(s *services.Set, out io.Writer) error {
		page, err := s.Board.ListMembers(q)
		if err != nil {
			return err
		}
		if *asJSON {
			if page.Members == nil {
				page.Members = []board.Member{}
			}
			return printJSON(out, page.Members)
		}
		return printMembers(out, page.Members)
	}, nil
}

// printJSON prints v as indented JSON (which escapes control characters).
func printJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printMembers(out io.Writer, ms []board.Member) error {
	rows := make([][]string, len(ms))
	for i, m := range ms {
		rows[i] = []string{strconv.FormatInt(m.ID, 10), m.Name, m.Email, m.Company, m.Segment, string(m.Status), m.LastContacted}
	}
	return printTable(out, []string{"ID", "NAME", "EMAIL", "COMPANY", "SEGMENT", "STATUS", "LAST CONTACTED"}, rows)
}

// importOptions are the flags of members import.
type importOptions struct {
	existing    string // "", skip or update
	skipInvalid bool
	dry         bool
}

func importMembers(b *board.Service, path string, maps []string, o importOptions, out io.Writer) error {
	content, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("members import: %w", err)
	}
	// On the command line nobody is asked about a row matched by name and
	// company alone: it becomes a new person.
	req := board.ImportRequest{FileName: filepath.Base(path), Content: content, Existing: o.existing,
		SkipInvalid: o.skipInvalid, NameMatches: board.RowNew}
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
	if o.dry {
		if err := printRowProblems(out, p); err != nil {
			return err
		}
		if _, err := fmt.Fprintf(out, "%d new, %d updated, %d unchanged, %d skipped, %d refused, %d with problems (%s, %s); nothing written\n",
			p.New, p.Updated, p.Unchanged, p.Skipped, p.Refused, p.Invalid, p.Format, p.Encoding); err != nil {
			return err
		}
		if bad := p.Invalid + p.Refused; bad > 0 && !o.skipInvalid {
			return fmt.Errorf("members import: %d rows have problems%s", bad, existingHint(p, o))
		}
		return nil
	}
	r, err := b.Import(req)
	if err != nil {
		return fmt.Errorf("members import: %w%s", err, existingHint(p, o))
	}
	if r.LeftOut > 0 {
		if err := printRowProblems(out, p); err != nil {
			return err
		}
	}
	_, err = fmt.Fprintf(out, "imported %s, updated %d, %d unchanged, %d skipped, %d left out (%d consents, %d new segments, %d new tags)\n",
		wording.Count(r.Created, "new member", "new members"), r.Updated, r.Unchanged, r.Skipped, r.LeftOut, r.Consents, r.Segments, r.Tags)
	return err
}

// printRowProblems prints one line per problem of each row.
func printRowProblems(out io.Writer, p board.ImportPreview) error {
	unit := map[string]string{"vcard": "card", "json": "entry"}[p.Format]
	if unit == "" {
		unit = "line"
	}
	for _, r := range p.Rows {
		for _, prob := range r.Problems {
			if _, err := fmt.Fprintf(out, "%s %d: %s\n", unit, r.Line, printable(prob)); err != nil {
				return err
			}
		}
	}
	return nil
}

// existingHint names the flags that settle a refusal, when they would.
func existingHint(p board.ImportPreview, o importOptions) string {
	var hints []string
	if o.existing == "" {
		for _, r := range p.Rows {
			if r.Match.By == "email" {
				hints = append(hints, "--existing skip or --existing update for people already on the board")
				break
			}
		}
	}
	if !o.skipInvalid && p.Invalid+p.Refused > 0 {
		hints = append(hints, "--skip-invalid to import the other rows")
	}
	if len(hints) == 0 {
		return ""
	}
	return "; use " + strings.Join(hints, ", or ")
}

// parseExportPerson parses `members export-person ID -o FILE.json`.
func parseExportPerson(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	outPath := fs.String("o", "", "file to write (default: stdout)")
	id, err := memberArg(fs, args)
	if err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		f, err := s.Privacy.ExportPerson(id)
		if err != nil {
			return err
		}
		if wrote, err := output(s, out, *outPath, []byte(f.Content)); err != nil || !wrote {
			return err
		}
		_, err = fmt.Fprintf(out, "wrote everything stored about member %d to %s\n", id, *outPath)
		return err
	}, nil
}

// parseErase parses `members erase ID --confirm "Full Name"`.
func parseErase(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	confirm := fs.String("confirm", "", "the member's full name, typed out")
	id, err := memberArg(fs, args)
	if err != nil {
		return nil, err
	}
	if *confirm == "" {
		return nil, errors.New(`add --confirm "Full Name" (the member's name) to confirm; this cannot be undone`)
	}
	return func(s *services.Set, out io.Writer) error {
		e, err := s.Privacy.ErasePerson(id, *confirm)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(out, "erased member %d (reference %s): %d consents, %d touchpoints, %d rewards, "+
			"%d reminders, %d session places removed; %d responses and %d quotes kept as anonymous text\n",
			id, e.Reference, e.Consents, e.Touchpoints, e.Rewards, e.Reminders, e.Participants, e.Responses, e.Quotes)
		return err
	}, nil
}

// memberArg parses the flags and the one positional member id.
func memberArg(fs *flag.FlagSet, args []string) (int64, error) {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		return 0, errors.New("give exactly one member ID")
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%q is not a member ID (a positive number, see members list)", pos[0])
	}
	return id, nil
}
