package contacts

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func addSeeds(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
}

// checkFile holds for anything Read accepts: text is valid UTF-8 and the
// records can be written out again.
func checkFile(t *testing.T, file *File) {
	for _, r := range file.Records {
		for k, v := range r.Fields {
			if !utf8.ValidString(v) {
				t.Fatalf("line %d: %s is not UTF-8: %q", r.Line, k, v)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, file.Records); err != nil {
		t.Fatalf("write CSV: %v", err)
	}
	if err := WriteVCard(&buf, file.Records); err != nil {
		t.Fatalf("write vCard: %v", err)
	}
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, "*.csv")
	f.Add([]byte("name;email\n\"a\"\"b\";x@y\n"))
	f.Add([]byte("sep=\t\nname\tnotes\n\"multi\nline\"\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(t.Context(), "fuzz.csv", data, Options{})
		if err != nil {
			return
		}
		checkFile(t, file)
	})
}

func FuzzVCard(f *testing.F) {
	addSeeds(f, "*.vcf")
	f.Add([]byte("BEGIN:VCARD\nVERSION:2.1\nNOTE;QUOTED-PRINTABLE:a=\n=\n"))
	f.Add([]byte("BEGIN:VCARD\nN;CHARSET=shift_jis;ENCODING=QUOTED-PRINTABLE:=82=A0\nEND:VCARD\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(t.Context(), "fuzz.vcf", data, Options{})
		if err != nil {
			return
		}
		checkFile(t, file)
	})
}
