package board

// Importing contact files.
//
// PreviewImport and Import share one analysis: parse the file (CSV or
// vCard through package contacts, or our own JSON export), map columns,
// build a MemberInput per row, validate it and flag duplicates within the
// file, then match every row against the board (importplan.go). Import
// writes in one transaction, and only when that analysis leaves nothing
// to settle: bad or refused rows refuse the whole file unless the request
// deliberately skips them, and rows matched by name alone need a decision.

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
	"soundingboard/backend/wording"
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
	today := s.today()
	p, err := parseImport(ctx, req, today)
	if err != nil {
		return ImportPreview{}, err
	}
	// One snapshot, as Import sees the board inside its transaction.
	err = s.db.ReadTx(ctx, func(tx *sqlx.Tx) error { return planImport(ctx, tx, &p, req, today) })
	if err != nil {
		return ImportPreview{}, fmt.Errorf("preview import: %w", err)
	}
	return p, nil
}

// Import writes a contact file: new people are added, people already on
// the board are skipped or updated as req.Existing says. A file with bad
// or refused rows is refused as a whole unless req.SkipInvalid is set.
func (s *Service) Import(req ImportRequest) (ImportResult, error) {
	done, err := s.startAnalysis()
	if err != nil {
		return ImportResult{}, err
	}
	defer done()
	today := s.today()
	p, err := parseImport(s.ctx, req, today)
	if err != nil {
		return ImportResult{}, err
	}
	if len(p.Unmapped) > 0 {
		return ImportResult{}, store.Invalid("import refused: %s not understood; map each to a field, or to \"\" to leave it out",
			quoteList("column", p.Unmapped))
	}
	var res ImportResult
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		// Matched inside the transaction so no one takes an email between
		// the check and the write.
		if err := planImport(s.ctx, tx, &p, req, today); err != nil {
			return err
		}
		if err := refusal(p, req); err != nil {
			return err
		}
		var err error
		res, err = writeImport(s.ctx, tx, p, req.FileName, s.stamp())
		return err
	})
	if err != nil {
		if isDomain(err) {
			return ImportResult{}, err
		}
		return ImportResult{}, fmt.Errorf("import members: %w", err)
	}
	return res, nil
}

// writeImport writes the rows planImport marked new or update.
func writeImport(ctx context.Context, tx *sqlx.Tx, p ImportPreview, fileName, now string) (ImportResult, error) {
	w := newMemberWriter(tx, now)
	cw := consentWriter{tx: tx}
	var res ImportResult
	created := 0
	for _, row := range p.Rows {
		if row.Status == RowNew {
			created++
		}
	}
	if err := w.reserve(ctx, created); err != nil {
		return ImportResult{}, err
	}
	var links [][2]int64 // member id, tag id
	link := func(id int64, tags []string) error {
		for _, t := range tags {
			tid, err := w.tagID(ctx, t)
			if err != nil {
				return err
			}
			links = append(links, [2]int64{id, tid})
		}
		return nil
	}
	for _, row := range p.Rows {
		var id int64
		var tags []string
		var err error
		switch row.Status {
		case RowNew:
			in := row.Member
			tags, in.Tags = in.Tags, nil
			id, err = w.insert(ctx, in)
			res.Created++
		case RowUpdate:
			id, tags = row.Match.MemberID, row.update.addTags
			err = w.update(ctx, id, row.update.merged)
			res.Updated++
		case RowUnchanged:
			res.Unchanged++
		case RowSkip:
			res.Skipped++
		default: // invalid or refused, left out on purpose (refusal let them through)
			res.LeftOut++
		}
		if err == nil && id != 0 {
			err = link(id, tags)
		}
		if err == nil && len(row.consentOps) > 0 {
			err = cw.apply(ctx, id, row.consentOps, fmt.Sprintf("From the import of %s (%s)", fileName, rowLabel(p.Format, row.Line)))
			res.Consents += len(row.consentOps)
		}
		if err != nil {
			return ImportResult{}, fmt.Errorf("%s: %w", rowLabel(p.Format, row.Line), err)
		}
	}
	if err := linkTags(ctx, tx, links); err != nil {
		return ImportResult{}, err
	}
	res.Segments, res.Tags = w.segmentsCreated, w.tagsCreated
	return res, nil
}

// isDomain reports whether err is itself a store.Error (a refusal), which
// already speaks to a person and needs no prefix.
func isDomain(err error) bool {
	_, ok := err.(*store.Error) //nolint:errorlint // err itself only: one wrapped with a row's context still gets the prefix
	return ok
}

// refusal summarises why an analysed file cannot be imported as asked, or nil.
func refusal(p ImportPreview, req ImportRequest) error {
	if len(p.Rows) == 0 {
		return store.Invalid("import refused: the file holds no contacts")
	}
	if p.Review > 0 {
		return store.Invalid("import refused: %s the name and company of someone on the board but another email; say for each whether it is the same person: %s",
			wording.Count(p.Review, "row has", "rows have"), rowList(p, func(r ImportRow) string {
				if r.Status != RowReview {
					return ""
				}
				return r.Match.Name + " at " + r.Match.Company
			}))
	}
	bad := p.Invalid + p.Refused
	if bad == 0 {
		return nil
	}
	if req.SkipInvalid {
		if bad == len(p.Rows) {
			return store.Invalid("import refused: none of the %d rows can be imported; %s", len(p.Rows), rowList(p, rowProblems))
		}
		return nil
	}
	rows := "rows have"
	if bad == 1 {
		rows = "row has"
	}
	return store.Invalid("import refused: %d of %d %s problems; %s", bad, len(p.Rows), rows, rowList(p, rowProblems))
}

// rowProblems is a row's problems in one line, "" when it has none.
func rowProblems(r ImportRow) string { return strings.Join(r.Problems, ", ") }

// rowList names the first maxRefusalLines rows for which what says
// something, and how many more there are.
func rowList(p ImportPreview, what func(ImportRow) string) string {
	var lines []string
	more := 0
	for _, r := range p.Rows {
		text := what(r)
		if text == "" {
			continue
		}
		if len(lines) == maxRefusalLines {
			more++
			continue
		}
		lines = append(lines, rowLabel(p.Format, r.Line)+": "+text)
	}
	if more > 0 {
		lines = append(lines, fmt.Sprintf("and %d more", more))
	}
	return strings.Join(lines, "; ")
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
// after (planImport), since Import runs them inside its transaction.
func parseImport(ctx context.Context, req ImportRequest, today string) (ImportPreview, error) {
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
			p.Rows = append(p.Rows, ImportRow{Line: i + 1, Member: in, Consents: []ImportConsent{}, Problems: []string{}})
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
		p.Rows = make([]ImportRow, 0, len(f.Records))
		for _, r := range f.Records {
			p.Rows = append(p.Rows, ImportRow{Line: r.Line, Member: memberInput(r), Consents: importConsents(r),
				Problems: r.Problems, raw: r.Raw})
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
		row.statusGiven = strings.TrimSpace(row.Member.Status) != ""
		row.Member.normalize()
		row.Problems = append(row.Problems, row.Member.problems().Messages()...)
		for _, c := range row.Consents {
			if c.On > today {
				row.Problems = append(row.Problems, fmt.Sprintf("%s consent date %s is in the future", c.Kind, c.On))
			}
		}
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

// importConsents reads a record's consent columns (package contacts has
// checked them: "yes" always comes with a date).
func importConsents(r contacts.Record) []ImportConsent {
	out := []ImportConsent{}
	for _, c := range contacts.ConsentFields {
		if v := r.Get(c.Value); v != "" {
			out = append(out, ImportConsent{Kind: c.Kind, Given: v == "yes", On: r.Get(c.Date)})
		}
	}
	return out
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

// RowsToFix is a CSV of the rows of a contact file that have problems, so
// they can be fixed and imported on their own: a first column "Import
// problems" (which an import ignores), then the cells as the file had
// them (a vCard or JSON file's rows in the export layout).
func (s *Service) RowsToFix(req ImportRequest) (ExportFile, error) {
	p, err := s.previewImport(s.ctx, req)
	if err != nil {
		return ExportFile{}, err
	}
	header := []string{"Import problems"}
	if p.Format == "csv" {
		for _, c := range p.Columns {
			header = append(header, c.Header)
		}
	} else {
		header = append(header, contacts.ExportHeaders...)
	}
	var rows [][]string
	for _, r := range p.Rows {
		if r.Status != RowInvalid {
			continue
		}
		cells := r.raw
		if p.Format != "csv" {
			rec := memberRecords([]Member{r.Member.asMember()})[0]
			cells = rec.Cells(contacts.ExportHeaders)
		}
		rows = append(rows, append([]string{strings.Join(r.Problems, "; ")}, cells...))
	}
	var buf bytes.Buffer
	if err := contacts.WriteTable(&buf, header, rows); err != nil {
		return ExportFile{}, fmt.Errorf("rows to fix: %w", err)
	}
	base := strings.TrimSuffix(filepath.Base(req.FileName), filepath.Ext(req.FileName))
	if base == "" || base == "." {
		base = "contacts"
	}
	return ExportFile{FileName: base + "-to-fix.csv", MimeType: "text/csv; charset=utf-8", Content: buf.String()}, nil
}

// asMember is the input as the export writers take a member.
func (in MemberInput) asMember() Member {
	return Member{Name: in.Name, Email: in.Email, Phone: in.Phone, Company: in.Company, Role: in.Role,
		Segment: in.Segment, Persona: in.Persona, Timezone: in.Timezone, Status: MemberStatus(in.Status),
		JoinedOn: in.JoinedOn, Source: in.Source, Notes: in.Notes, UsageFrequency: UsageFrequency(in.UsageFrequency),
		Articulation: in.Articulation, Tone: Tone(in.Tone), CadenceDays: in.CadenceDays, Tags: in.Tags}
}
