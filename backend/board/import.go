package board

// Importing contact files.
//
// PreviewImport and Import share one analysis: parse the file (CSV or
// vCard through package contacts, or our own JSON export), map columns,
// build a MemberInput per row, validate it and flag duplicates within the
// file and against the board. Import writes only when that analysis finds
// nothing wrong, and then writes every row in one transaction.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board/contacts"
	"soundingboard/backend/store"
)

// maxRefusalLines is how many problem rows an import refusal spells out.
const maxRefusalLines = 5

// MaxImportRows bounds one import. The request body is bounded too (in
// browser mode), but a small file of empty lines can still hold many rows.
const MaxImportRows = 100_000

// maxAnalyses bounds the contact files read at once: reading a 45 MB file
// peaks near 450 MB, so a few browser tabs (or a script) previewing big
// files must not add up to gigabytes.
const maxAnalyses = 2

// startAnalysis takes one of the maxAnalyses slots for reading a contact
// file, or refuses at once with a busy error: a waiting request would
// hold its file in memory all the same. done gives the slot back.
func (s *Service) startAnalysis() (done func(), err error) {
	select {
	case s.analyses <- struct{}{}:
		return func() { <-s.analyses }, nil
	default:
		return nil, &store.Error{Kind: store.ErrBusy,
			Msg: fmt.Sprintf("%d contact files are being read already; try again when one of them is done", maxAnalyses)}
	}
}

// PreviewImport parses a contact file and reports every row's problems,
// writing nothing.
//
// Wails v2 gives bound methods no context, and /rpc mirrors Wails, so the
// reading stops when the service's context ends (shutdown), not when a
// browser gives up; reading is linear, so such a preview ends soon anyway.
// The work below takes its context as a parameter, ready for a transport
// that has a request context to pass.
func (s *Service) PreviewImport(req ImportRequest) (ImportPreview, error) {
	return s.previewImport(s.ctx, req)
}

func (s *Service) previewImport(ctx context.Context, req ImportRequest) (ImportPreview, error) {
	done, err := s.startAnalysis()
	if err != nil {
		return ImportPreview{}, err
	}
	defer done()
	p, err := parseImport(ctx, req)
	if err != nil {
		return ImportPreview{}, err
	}
	if err := checkAgainstBoard(ctx, s.db, &p); err != nil {
		return ImportPreview{}, fmt.Errorf("preview import: %w", err)
	}
	return p, nil
}

// Import writes every row of a contact file, or nothing if any row has a problem.
func (s *Service) Import(req ImportRequest) (ImportResult, error) {
	done, err := s.startAnalysis()
	if err != nil {
		return ImportResult{}, err
	}
	defer done()
	p, err := parseImport(s.ctx, req)
	if err != nil {
		return ImportResult{}, err
	}
	if len(p.Unmapped) > 0 {
		return ImportResult{}, store.Invalid("import refused: %s not understood; map each to a field, or to \"\" to leave it out",
			quoteList("column", p.Unmapped))
	}
	var res ImportResult
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		// Checked inside the transaction so no one takes an email between
		// the check and the insert.
		if err := checkAgainstBoard(s.ctx, tx, &p); err != nil {
			return err
		}
		if err := refusal(p); err != nil {
			return err
		}
		w := newMemberWriter(tx, s.stamp())
		var links [][2]int64 // member id, tag id
		for _, row := range p.Rows {
			in := row.Member
			tags := in.Tags
			in.Tags = nil
			id, err := w.insert(s.ctx, in)
			if err != nil {
				return fmt.Errorf("%s: %w", rowLabel(p.Format, row.Line), err)
			}
			for _, t := range tags {
				tid, err := w.tagID(s.ctx, t)
				if err != nil {
					return fmt.Errorf("%s: %w", rowLabel(p.Format, row.Line), err)
				}
				links = append(links, [2]int64{id, tid})
			}
		}
		if err := linkTags(s.ctx, tx, links); err != nil {
			return err
		}
		res = ImportResult{Created: len(p.Rows), Segments: w.segmentsCreated, Tags: w.tagsCreated}
		return nil
	})
	if err != nil {
		if isDomain(err) {
			return ImportResult{}, err
		}
		return ImportResult{}, fmt.Errorf("import members: %w", err)
	}
	return res, nil
}

// isDomain reports whether err is itself a store.Error (a refusal), which
// already speaks to a person and needs no prefix.
func isDomain(err error) bool {
	_, ok := err.(*store.Error) //nolint:errorlint // err itself only: one wrapped with a row's context still gets the prefix
	return ok
}

// refusal summarises why an analysed file cannot be imported, or nil.
func refusal(p ImportPreview) error {
	if len(p.Rows) == 0 {
		return store.Invalid("import refused: the file holds no contacts")
	}
	if p.Invalid == 0 {
		return nil
	}
	var lines []string
	for _, r := range p.Rows {
		if len(r.Problems) == 0 {
			continue
		}
		if len(lines) == maxRefusalLines {
			lines = append(lines, fmt.Sprintf("and %d more", p.Invalid-maxRefusalLines))
			break
		}
		lines = append(lines, rowLabel(p.Format, r.Line)+": "+strings.Join(r.Problems, ", "))
	}
	rows := "rows have"
	if p.Invalid == 1 {
		rows = "row has"
	}
	return store.Invalid("import refused: %d of %d %s problems; %s", p.Invalid, len(p.Rows), rows, strings.Join(lines, "; "))
}

func rowLabel(format string, n int) string {
	switch format {
	case "vcard":
		return "card " + strconv.Itoa(n)
	case "json":
		return "entry " + strconv.Itoa(n)
	}
	return "line " + strconv.Itoa(n)
}

func rowNoun(format string) string {
	switch format {
	case "vcard":
		return "cards"
	case "json":
		return "entries"
	}
	return "lines"
}

func quoteList(noun string, items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = strconv.Quote(it)
	}
	if len(q) == 1 {
		return "the " + noun + " " + q[0] + " is"
	}
	return "the " + noun + "s " + strings.Join(q, ", ") + " are"
}

// parseImport reads the file into rows, each validated on its own and
// checked for duplicate emails within the file. Board-level checks come
// after (checkAgainstBoard), since Import runs them inside its transaction.
func parseImport(ctx context.Context, req ImportRequest) (ImportPreview, error) {
	p := ImportPreview{
		Columns:  []ImportColumn{},
		Fields:   slices.Clone(contacts.Fields),
		Unmapped: []string{},
		Rows:     []ImportRow{},
	}
	name := req.FileName
	if name == "" {
		name = "the file"
	}
	if len(req.Content) == 0 {
		return p, store.Invalid("%s is empty", name)
	}
	if isJSON(req) {
		text, enc, err := contacts.Decode(req.Content, req.Encoding)
		if err != nil {
			return p, store.Invalid("%s: %v", name, err)
		}
		ins, err := decodeJSONMembers(text)
		if err != nil {
			return p, store.Invalid("%s: %v", name, err)
		}
		p.Format, p.Encoding = "json", enc
		for i, in := range ins {
			p.Rows = append(p.Rows, ImportRow{Line: i + 1, Member: in, Problems: []string{}})
		}
	} else {
		f, err := contacts.Read(ctx, req.FileName, req.Content, contacts.Options{Encoding: req.Encoding, Mapping: req.Mapping})
		if err != nil {
			if ctx.Err() != nil {
				return p, fmt.Errorf("read %s: %w", name, err)
			}
			return p, store.Invalid("%s: %v", name, err)
		}
		// Without a name column every row fails; say so once, unless the
		// person can still fix it by mapping an unrecognised column.
		if !f.HasNameSource() && len(f.Unmapped) == 0 {
			return p, store.Invalid("%s: %v", name, f.NameError())
		}
		p.Format, p.Encoding, p.Unmapped = f.Format, f.Encoding, f.Unmapped
		for _, c := range f.Columns {
			p.Columns = append(p.Columns, ImportColumn{Header: c.Header, Field: c.Field, Sample: c.Sample})
		}
		for _, r := range f.Records {
			p.Rows = append(p.Rows, ImportRow{Line: r.Line, Member: memberInput(r), Problems: r.Problems})
		}
	}
	if len(p.Rows) > MaxImportRows {
		return p, store.Invalid("%s holds %d contacts; one import takes at most %d, so split the file", name, len(p.Rows), MaxImportRows)
	}
	firstLine := map[string]int{}
	for i := range p.Rows {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return p, fmt.Errorf("check %s: %w", name, err)
			}
		}
		row := &p.Rows[i]
		row.Member.normalize()
		row.Problems = append(row.Problems, row.Member.problems().Messages()...)
		if e := row.Member.Email; e != "" {
			if first, dup := firstLine[e]; dup {
				row.Problems = append(row.Problems, fmt.Sprintf("email %q appears twice in the file (%s %d and %d)",
					e, rowNoun(p.Format), first, row.Line))
			} else {
				firstLine[e] = row.Line
			}
		}
	}
	return p, nil
}

// checkAgainstBoard flags rows whose email a member already has, archived
// members included, and recounts valid and invalid rows.
func checkAgainstBoard(ctx context.Context, q store.Queryer, p *ImportPreview) error {
	var have []struct {
		Email    string `db:"email"`
		Name     string `db:"name"`
		Archived bool   `db:"archived"`
	}
	err := sqlx.SelectContext(ctx, q, &have,
		`SELECT email, name, archived_at IS NOT NULL AS archived FROM members WHERE email IS NOT NULL`)
	if err != nil {
		return fmt.Errorf("read existing emails: %w", err)
	}
	holders := make(map[string]string, len(have))
	for _, h := range have {
		who := h.Name
		if h.Archived {
			who += " (archived)"
		}
		holders[strings.ToLower(h.Email)] = who
	}
	p.Valid, p.Invalid = 0, 0
	for i := range p.Rows {
		row := &p.Rows[i]
		if who, ok := holders[row.Member.Email]; ok && row.Member.Email != "" {
			row.Problems = append(row.Problems, fmt.Sprintf("email %q already belongs to %s on the board", row.Member.Email, who))
		}
		if len(row.Problems) == 0 {
			p.Valid++
		} else {
			p.Invalid++
		}
	}
	return nil
}

// memberInput turns a contact record into what a person would have typed.
// Numbers were checked by package contacts; a value it dropped stays 0.
func memberInput(r contacts.Record) MemberInput {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	return MemberInput{
		Name:           r.Get(contacts.Name),
		Email:          r.Get(contacts.Email),
		Phone:          r.Get(contacts.Phone),
		Company:        r.Get(contacts.Company),
		Role:           r.Get(contacts.Role),
		Segment:        r.Get(contacts.Segment),
		Persona:        r.Get(contacts.Persona),
		Timezone:       r.Get(contacts.Timezone),
		Status:         r.Get(contacts.Status),
		JoinedOn:       r.Get(contacts.JoinedOn),
		Source:         r.Get(contacts.Source),
		Notes:          r.Get(contacts.Notes),
		UsageFrequency: r.Get(contacts.UsageFrequency),
		Articulation:   atoi(r.Get(contacts.Articulation)),
		Tone:           r.Get(contacts.Tone),
		CadenceDays:    atoi(r.Get(contacts.CadenceDays)),
		Tags:           r.Tags,
	}
}

// isJSON tells our JSON export from CSV and vCard: by name, or by a first
// character no contact file starts with.
func isJSON(req ImportRequest) bool {
	switch strings.ToLower(filepath.Ext(req.FileName)) {
	case ".json":
		return true
	case ".csv", ".vcf", ".vcard", ".tsv", ".txt":
		return false
	}
	b := bytes.TrimLeft(bytes.TrimPrefix(req.Content, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(b) > 0 && (b[0] == '[' || b[0] == '{')
}

// decodeJSONMembers reads a JSON array of members as Export writes it (or
// a {"members": [...]} page); fields a member input lacks (id, dates) are ignored.
func decodeJSONMembers(text string) ([]MemberInput, error) {
	text = strings.TrimSpace(text)
	var ins []MemberInput
	var err error
	if strings.HasPrefix(text, "{") {
		var page struct {
			Members *[]MemberInput `json:"members"`
		}
		if err = json.Unmarshal([]byte(text), &page); err == nil {
			if page.Members == nil {
				return nil, fmt.Errorf(`the JSON has no "members" list; expected an array of members as Sounding Board exports them`)
			}
			ins = *page.Members
		}
	} else {
		err = json.Unmarshal([]byte(text), &ins)
	}
	if err != nil {
		return nil, fmt.Errorf("the JSON is not a list of members: %w", err)
	}
	return ins, nil
}

// linkTags tags members in one statement. Each member_tags insert updates
// the full-text index through a trigger, and SQLite flushes FTS5 at the end
// of every statement: one statement instead of one per tag roughly halves
// the time of a large import.
func linkTags(ctx context.Context, tx *sqlx.Tx, links [][2]int64) error {
	if len(links) == 0 {
		return nil
	}
	b, err := json.Marshal(links)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO member_tags (member_id, tag_id)
		SELECT value ->> 0, value ->> 1 FROM json_each(?)`, string(b))
	if err != nil {
		return fmt.Errorf("tag members: %w", err)
	}
	return nil
}
