package contacts

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

func readFile(t *testing.T, name string, opt Options) *File {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(t.Context(), name, raw, opt)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return f
}

func noProblems(t *testing.T, f *File) {
	t.Helper()
	for _, r := range f.Records {
		if len(r.Problems) > 0 {
			t.Errorf("line %d: unexpected problems %q", r.Line, r.Problems)
		}
	}
}

func want(t *testing.T, r Record, fields map[string]string, tags ...string) {
	t.Helper()
	for k, v := range fields {
		if got := r.Fields[k]; got != v {
			t.Errorf("line %d: %s = %q, want %q", r.Line, k, got, v)
		}
	}
	if tags == nil {
		tags = []string{}
	}
	if !reflect.DeepEqual(r.Tags, tags) {
		t.Errorf("line %d: tags = %q, want %q", r.Line, r.Tags, tags)
	}
}

func TestGoogleContactsCSV(t *testing.T) {
	f := readFile(t, "google.csv", Options{})
	if f.Format != "csv" || f.Encoding != UTF8 {
		t.Errorf("format/encoding = %s/%s", f.Format, f.Encoding)
	}
	if len(f.Unmapped) != 0 {
		t.Errorf("unmapped = %q; Google's columns should all be known", f.Unmapped)
	}
	noProblems(t, f)
	if len(f.Records) != 3 {
		t.Fatalf("records = %d, want 3", len(f.Records))
	}
	want(t, f.Records[0], map[string]string{
		Name: "Zoë Durand", Email: "zoe@atelier-durand.fr", Phone: "+33 6 12 34 56 78",
		Company: "Atelier Durand", Role: "Head of Operations", Notes: "Prefers mornings.",
	}, "Pilot customers")
	want(t, f.Records[1], map[string]string{Name: "Ελένη Παπαδοπούλου", Email: "eleni@ktima.gr"}, "Europe", "Finance")
	// Family name first for Chinese; a multi-line note survives; the first
	// of several addresses in one cell wins; "* starred" loses its star.
	want(t, f.Records[2], map[string]string{
		Name: "李雷", Email: "li.lei@example.cn", Notes: "Two offices:\nShanghai and Shenzhen",
	}, "starred", "Asia")
	if f.Records[2].Line != 4 {
		t.Errorf("line of third record = %d, want 4", f.Records[2].Line)
	}

	legacy := readFile(t, "google_legacy.csv", Options{})
	noProblems(t, legacy)
	if len(legacy.Unmapped) != 0 {
		t.Errorf("legacy unmapped = %q", legacy.Unmapped)
	}
	want(t, legacy.Records[0], map[string]string{
		Name: "Łukasz Nowak", Email: "lukasz@nowak.pl", Company: "Nowak Software", Role: "CTO",
		Phone: "+48 600 100 200", Notes: "Met at the Kraków meetup",
	}, "Beta testers")
}

// outlookCSV is an Outlook export as Outlook writes it on Windows: ANSI.
const outlookCSV = "\"Title\",\"First Name\",\"Middle Name\",\"Last Name\",\"Suffix\",\"Company\",\"Department\",\"Job Title\"," +
	"\"Business Street\",\"Business City\",\"Business Phone\",\"Mobile Phone\",\"E-mail Address\",\"E-mail Type\",\"E-mail Display Name\"," +
	"\"E-mail 2 Address\",\"Categories\",\"Notes\",\"Birthday\",\"Keywords\"\r\n" +
	"\"Dr.\",\"Renée\",\"Ü.\",\"Strauß\",\"\",\"Café Größe\",\"\",\"Inhaberin\",\"Hauptstraße 1\",\"Wien\",\"\",\"+43 660 1234567\"," +
	"\"renee@cafe-groesse.at\",\"SMTP\",\"Renée Strauß (renee@cafe-groesse.at)\",\"\",\"Gastro;VIP\",\"Mag Äpfel.\",\"0/0/00\",\"\"\r\n" +
	"\"\",\"José\",\"\",\"Núñez\",\"\",\"\",\"\",\"\",\"\",\"\",\"+34 91 555 0000\",\"\",\"\",\"\",\"\",\"jose@example.es\",\"Spain, Prospects\",\"\",\"\",\"\"\r\n"

func outlook1252(t testing.TB) []byte {
	raw, err := charmap.Windows1252.NewEncoder().Bytes([]byte(outlookCSV))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestOutlookWindows1252(t *testing.T) {
	raw := outlook1252(t)
	if utf8.Valid(raw) {
		t.Fatal("test file should not be valid UTF-8")
	}
	committed, err := os.ReadFile("testdata/outlook-1252.csv")
	if err != nil || !bytes.Equal(committed, raw) {
		t.Errorf("testdata/outlook-1252.csv differs from the encoder's output (err %v)", err)
	}
	f, err := Read(t.Context(), "contacts.csv", raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Encoding != Windows1252 {
		t.Errorf("encoding = %q, want %q", f.Encoding, Windows1252)
	}
	if len(f.Unmapped) != 0 {
		t.Errorf("unmapped = %q", f.Unmapped)
	}
	noProblems(t, f)
	// "Title" (Dr.) is a prefix next to "Job Title"; middle names join in.
	want(t, f.Records[0], map[string]string{
		Name: "Renée Ü. Strauß", Company: "Café Größe", Role: "Inhaberin", Phone: "+43 660 1234567",
		Email: "renee@cafe-groesse.at", Notes: "Mag Äpfel.",
	}, "Gastro", "VIP")
	want(t, f.Records[1], map[string]string{Name: "José Núñez", Email: "jose@example.es", Phone: "+34 91 555 0000"},
		"Spain", "Prospects")

	// Choosing UTF-8 explicitly refuses instead of garbling.
	if _, err := Read(t.Context(), "contacts.csv", raw, Options{Encoding: "utf-8"}); err == nil || !strings.Contains(err.Error(), "not valid UTF-8") {
		t.Errorf("explicit utf-8 on 1252 bytes: err = %v", err)
	}
	// Choosing Windows-1252 for a UTF-8 file is obeyed (and visibly wrong).
	f, err = Read(t.Context(), "c.csv", []byte("name\nZoë\n"), Options{Encoding: "windows-1252"})
	if err != nil || f.Records[0].Fields[Name] != "ZoÃ«" {
		t.Errorf("explicit windows-1252: %v %+v", err, f)
	}
}

func TestHubSpotCSV(t *testing.T) {
	f := readFile(t, "hubspot.csv", Options{})
	if len(f.Unmapped) != 0 {
		t.Errorf("unmapped = %q", f.Unmapped)
	}
	noProblems(t, f)
	want(t, f.Records[0], map[string]string{
		Name: "Priya Raman", Email: "priya@example.com", Phone: "+1 415 555 0100", Company: "Brightside",
		Role: "VP Product", JoinedOn: "2024-03-05", Source: "Organic Search", Persona: "Power User Priya",
	}, "Customer")
	want(t, f.Records[1], map[string]string{JoinedOn: "2023-11-23"}, "Lead")
	want(t, f.Records[2], map[string]string{Name: "محمد الفارسي", JoinedOn: "2023-01-15"}, "Marketing Qualified Lead")
	if _, ok := f.Records[0].Fields[Status]; ok {
		t.Error("lead status must not become a board status")
	}
}

func TestBOMDelimiterAndMultiline(t *testing.T) {
	f := readFile(t, "bom.csv", Options{})
	noProblems(t, f)
	if f.Encoding != UTF8 || f.Columns[0].Field != Name {
		t.Errorf("encoding %q, first column %+v", f.Encoding, f.Columns[0])
	}
	want(t, f.Records[0], map[string]string{Name: "Zoë Bom", Status: "opted_out", JoinedOn: "2025-11-23"})
	want(t, f.Records[1], map[string]string{Status: "active", JoinedOn: "2025-01-02"})

	f = readFile(t, "semicolon.csv", Options{})
	noProblems(t, f)
	want(t, f.Records[0], map[string]string{
		Name: "Jörg Müller", Company: "Müller GmbH", Notes: `Sagt: "zu teuer"; will Rabatt`,
	}, "Wholesale", "DACH")

	f = readFile(t, "multiline.csv", Options{})
	noProblems(t, f)
	want(t, f.Records[0], map[string]string{
		Name: `Ann "Annie" Lee`, Notes: "First line\nsecond line, with comma\n\nafter a blank line",
	})
	if f.Records[1].Line != 6 {
		t.Errorf("line after a multi-line field = %d, want 6", f.Records[1].Line)
	}

	f, err := ReadCSV(t.Context(), "name\tEmail\nAnn\tann@x.org\n", nil)
	if err != nil || f.Records[0].Fields[Email] != "ann@x.org" {
		t.Errorf("tab-delimited: %v %+v", err, f)
	}
	f, err = ReadCSV(t.Context(), "sep=;\r\nname;email\r\nAnn, Jr.;ann@x.org\r\n", nil)
	if err != nil || f.Records[0].Fields[Name] != "Ann, Jr." || f.Records[0].Line != 3 {
		t.Errorf("sep= line: %v %+v", err, f)
	}
}

func TestUnmappedAndMapping(t *testing.T) {
	f := readFile(t, "unmapped.csv", Options{})
	if !reflect.DeepEqual(f.Unmapped, []string{"Favourite Colour", "Shoe Size"}) {
		t.Errorf("unmapped = %q", f.Unmapped)
	}
	if f.Columns[2].Sample != "green" || f.Columns[2].Field != "" || f.Columns[2].Known {
		t.Errorf("column 3 = %+v", f.Columns[2])
	}
	f = readFile(t, "unmapped.csv", Options{Mapping: map[string]string{"Favourite Colour": "persona", "Shoe Size": ""}})
	if len(f.Unmapped) != 0 || f.Records[0].Fields[Persona] != "green" {
		t.Errorf("with mapping: unmapped %q, record %+v", f.Unmapped, f.Records[0])
	}
	// A mapping can also override a known column.
	f = readFile(t, "unmapped.csv", Options{Mapping: map[string]string{"Notes": "source", "Favourite Colour": "ignore", "Shoe Size": ""}})
	if f.Records[0].Fields[Source] != "likes tea" || f.Records[0].Fields[Notes] != "" {
		t.Errorf("override: %+v", f.Records[0])
	}
	raw, _ := os.ReadFile("testdata/unmapped.csv")
	for _, m := range []map[string]string{{"Shoe Size": "size"}, {"Nope": "name"}} {
		if _, err := Read(t.Context(), "u.csv", raw, Options{Mapping: m}); err == nil {
			t.Errorf("mapping %v accepted", m)
		}
	}
	f, err := ReadCSV(t.Context(), "Nom,Courriel\nAnn,ann@x.org\n", nil)
	if err != nil || f.HasNameSource() || !strings.Contains(f.NameError().Error(), `"Nom"`) {
		t.Errorf("no name column: %v %v", err, f.NameError())
	}
}

func TestRowProblems(t *testing.T) {
	f := readFile(t, "badrow.csv", Options{})
	got := map[int][]string{}
	for _, r := range f.Records {
		got[r.Line] = r.Problems
	}
	if len(got[2]) != 0 || len(got[3]) != 0 { // bad emails are the board's to judge
		t.Errorf("lines 2-3: %q %q", got[2], got[3])
	}
	if len(got[4]) != 1 || !strings.Contains(got[4][0], `status "customer" is not one of`) {
		t.Errorf("line 4: %q", got[4])
	}
	if len(got[5]) != 1 || !strings.HasPrefix(got[5][0], `joined date "31/31/2020" is not a date`) {
		t.Errorf("line 5: %q", got[5])
	}
	f, err := ReadCSV(t.Context(), "name,email\nAnn,a@x.org,extra\nBob,b@x.org,\nCy\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Records[0].Problems) != 1 || len(f.Records[1].Problems) != 0 || len(f.Records[2].Problems) != 0 {
		t.Errorf("ragged rows: %+v", f.Records)
	}
	f, _ = ReadCSV(t.Context(), "name,articulation,cadence_days,tone,usage\nAnn,4.0,30,Too agreeable,Every week\nBob,9,-1,grumpy,hourly\n", nil)
	want(t, f.Records[0], map[string]string{Articulation: "4", CadenceDays: "30", Tone: "too_agreeable", UsageFrequency: "weekly"})
	if len(f.Records[1].Problems) != 4 {
		t.Errorf("bad values: %q", f.Records[1].Problems)
	}
	_, err = ReadCSV(t.Context(), "name,email\n\"Ann,a@x.org\n", nil)
	if err == nil || !strings.Contains(err.Error(), "never closed") {
		t.Errorf("unclosed quote: %v", err)
	}
	_, err = ReadCSV(t.Context(), "name,email\nAn\"n,a@x.org\n", nil)
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bare quote: %v", err)
	}
}

func TestParseDate(t *testing.T) {
	for in, out := range map[string]string{
		"2024-03-05": "2024-03-05", "2024/3/5": "2024-03-05", "05.03.2024": "2024-03-05",
		"3/5/2024": "2024-03-05", "2024-03-05T10:00:00+02:00": "2024-03-05", "2024-03-05 14:22": "2024-03-05",
		"3/5/2024 2:22 PM": "2024-03-05", "2024-03-05 14:22:10.123": "2024-03-05",
		"31/31/2020": "", "31/12/2020": "", "yesterday": "", "2024-02-30": "",
	} {
		got, ok := ParseDate(in)
		if got != out || ok != (out != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, out)
		}
	}
}

func TestDecode(t *testing.T) {
	utf16le := func(s string, bom bool) []byte {
		var b []byte
		if bom {
			b = append(b, 0xff, 0xfe)
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	be := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune("name\nŁukasz 🙂\n")) {
		be = append(be, byte(u>>8), byte(u))
	}
	for _, tc := range []struct {
		name, choice, text, enc string
		raw                     []byte
	}{
		{"utf-8", "", "Zoë", UTF8, []byte("Zoë")},
		{"bom", "", "Zoë", UTF8, []byte("\xef\xbb\xbfZoë")},
		{"utf-16le bom", "", "name\n李雷\n", UTF16LE, utf16le("name\n李雷\n", true)},
		{"utf-16le no bom", "", "name,email\nAnn\n", UTF16LE, utf16le("name,email\nAnn\n", false)},
		{"utf-16be bom", "", "name\nŁukasz 🙂\n", UTF16BE, be},
		{"latin-1", "", "Müller", Windows1252, []byte("M\xfcller")},
		{"chosen latin1 alias", "ISO-8859-1", "Müller", Windows1252, []byte("M\xfcller")},
	} {
		text, enc, err := Decode(tc.raw, tc.choice)
		if err != nil || text != tc.text || enc != tc.enc {
			t.Errorf("%s: %q %q %v", tc.name, text, enc, err)
		}
	}
	for name, raw := range map[string][]byte{
		"zip":          []byte("PK\x03\x04\x14\x00\x00\x00"),
		"binary":       {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x00, 0x00, 0x00},
		"undefined c1": []byte("M\x81ller \x8d"),
	} {
		if _, _, err := Decode(raw, ""); err == nil {
			t.Errorf("%s: decoded without complaint", name)
		}
	}
	if _, _, err := Decode([]byte("x"), "ebcdic"); err == nil || !strings.Contains(err.Error(), "not supported") {
		t.Errorf("unknown encoding: %v", err)
	}
	f, err := Read(t.Context(), "x.csv", []byte("name,email\nZo\xef\xbf\xbd,z@x.org\n"), Options{})
	if err != nil || len(f.Records[0].Problems) != 1 || !strings.Contains(f.Records[0].Problems[0], "unreadable") {
		t.Errorf("replacement character: %v %+v", err, f)
	}
}

func TestVCard21(t *testing.T) {
	f := readFile(t, "vcard21.vcf", Options{})
	if f.Format != "vcard" || len(f.Records) != 2 {
		t.Fatalf("format %s, %d records", f.Format, len(f.Records))
	}
	noProblems(t, f)
	want(t, f.Records[0], map[string]string{
		Name: "Łukasz Nowak", Email: "lukasz@nowak.pl", Phone: "+48600100200", Company: "Nowak Software",
		Role: "CTO", Notes: "Met at the Kraków meetup.\nWants early access.",
	}, "Beta testers", "Europe")
	want(t, f.Records[1], map[string]string{Name: "Jörg Müller", Email: "joerg@example.de", Company: "Müller GmbH"})
	if f.Records[1].Line != 2 {
		t.Errorf("card number = %d", f.Records[1].Line)
	}
}

func TestVCard30And40(t *testing.T) {
	f := readFile(t, "vcard30.vcf", Options{})
	noProblems(t, f)
	if len(f.Records) != 2 {
		t.Fatalf("records = %d, want 2 (the group card is skipped)", len(f.Records))
	}
	want(t, f.Records[0], map[string]string{
		Name: "Ελένη Παπαδοπούλου", Email: "eleni@ktima.gr", Company: "Κτήμα Α.Ε.", Role: "CFO",
		Phone: "+30 210 555 0101", Notes: "Long note that is folded over two lines, with a comma\nand a newline.",
	}, "Europe", "Finance")
	want(t, f.Records[1], map[string]string{Name: "李雷", Email: "li.lei@example.cn"})

	f = readFile(t, "vcard40.vcf", Options{})
	noProblems(t, f)
	want(t, f.Records[0], map[string]string{
		Name: "محمد الفارسي", Email: "mohammed@example.ae", Phone: "+971-4-555-0199", Timezone: "Asia/Dubai",
	}, "Gulf", "Operations")

	if _, err := Read(t.Context(), "x.vcf", []byte("name,email\n"), Options{}); err == nil {
		t.Error("a .vcf that is CSV was accepted")
	}
	if _, err := ReadVCard(t.Context(), "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\n"); err == nil || !strings.Contains(err.Error(), "card 1") {
		t.Errorf("card without END: %v", err)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	recs := []Record{
		{Line: 1, Fields: map[string]string{
			Name: "Zoë Durand", Email: "zoe@example.fr", Phone: "+33 6", Company: "Atelier, Durand", Role: "Ops",
			Segment: "SMB", Persona: "Planner", Timezone: "Europe/Paris", Status: "active", JoinedOn: "2024-01-02",
			Source: "Referral", Notes: "Line one;\nline, two \\ backslash", UsageFrequency: "weekly", Articulation: "4",
			Tone: "balanced", CadenceDays: "30",
		}, Tags: []string{"Pilot", "Europe"}},
		{Line: 2, Fields: map[string]string{Name: "李雷"}, Tags: []string{}},
		{Line: 3, Fields: map[string]string{Name: "محمد", Email: "m@example.ae"}, Tags: []string{"Gulf"}},
	}
	var csvBuf, vcfBuf bytes.Buffer
	if err := WriteCSV(&csvBuf, recs); err != nil {
		t.Fatal(err)
	}
	if err := WriteVCard(&vcfBuf, recs); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(csvBuf.String(), strings.Join(ExportHeaders, ",")+"\n") {
		t.Errorf("CSV header: %q", strings.SplitN(csvBuf.String(), "\n", 2)[0])
	}
	for name, raw := range map[string][]byte{"out.csv": csvBuf.Bytes(), "out.vcf": vcfBuf.Bytes()} {
		f, err := Read(t.Context(), name, raw, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		noProblems(t, f)
		if len(f.Unmapped) != 0 || len(f.Records) != len(recs) {
			t.Fatalf("%s: unmapped %q, %d records", name, f.Unmapped, len(f.Records))
		}
		for i, r := range f.Records {
			if !reflect.DeepEqual(r.Fields, recs[i].Fields) || !reflect.DeepEqual(r.Tags, recs[i].Tags) {
				t.Errorf("%s record %d:\n got %q %q\nwant %q %q", name, i, r.Fields, r.Tags, recs[i].Fields, recs[i].Tags)
			}
		}
	}
}

func TestAutoField(t *testing.T) {
	for h, f := range map[string]string{
		"E-mail 1 - Value": Email, "Organization 1 - Name": Company, "Organization Title": Role,
		"Phone 3 - Value": Phone, "joined_on": JoinedOn, "Lifecycle Stage": Tags, "Lead Status": Ignore,
		"Address 1 - Formatted": Ignore, "TTY/TDD Phone": Ignore, "Title": Role, "Shoe size": "",
		"Usage Frequency": UsageFrequency, "cadence_days": CadenceDays, "First Name": FirstName,
	} {
		if got := AutoField(h); got != f {
			t.Errorf("AutoField(%q) = %q, want %q", h, got, f)
		}
	}
	for _, h := range ExportHeaders {
		if AutoField(h) != h {
			t.Errorf("our own header %q maps to %q", h, AutoField(h))
		}
	}
}

// TestDecodeControlCharacters: a control character in a value is left for
// the board's validation to name; a file of mostly control characters
// (UTF-16 chosen as UTF-8, binary data) is no text.
func TestDecodeControlCharacters(t *testing.T) {
	if text, _, err := Decode([]byte("name,email\nAnn\x1bLee,ann@x.org\n"), ""); err != nil || !strings.Contains(text, "\x1b") {
		t.Errorf("one ESC in a value: %q %v", text, err)
	}
	if _, _, err := Decode([]byte("n\x00a\x00m\x00e\x00\n\x00A\x00n\x00n\x00\n\x00"), UTF8); err == nil || !strings.Contains(err.Error(), "control characters") {
		t.Errorf("UTF-16 read as UTF-8: %v", err)
	}
}
