// Package contacts reads and writes contact files (CSV and vCard) as
// board-agnostic records: a map of field name to value per contact. It
// knows the exports of Google Contacts, Outlook and common CRMs, detects
// text encodings and never guesses silently: what it cannot read it
// refuses or reports per record.
package contacts

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names reported by Decode.
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1252 = "windows-1252"
)

// Encodings lists the choices a person can make instead of detection.
var Encodings = []string{UTF8, Windows1252, UTF16LE, UTF16BE}

// Decode turns raw file bytes into text. choice "" detects: a UTF-8 BOM is
// stripped, a UTF-16 BOM (or the zero-byte pattern of BOM-less UTF-16)
// selects UTF-16, valid UTF-8 is UTF-8 and anything else is read as
// Windows-1252 (which covers Latin-1). An explicit choice overrides
// detection. Bytes that make no sense as text in the chosen or detected
// encoding are refused rather than turned into garbage.
func Decode(raw []byte, choice string) (text, encoding string, err error) {
	choice = canonicalEncoding(choice)
	switch choice {
	case "":
		return detect(raw)
	case UTF8:
		raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		if i := invalidUTF8(raw); i >= 0 {
			return "", "", fmt.Errorf("the file is not valid UTF-8 (byte 0x%02x at offset %d); choose %s if it came from Excel or Outlook on Windows", raw[i], i, Windows1252)
		}
		return checkText(string(raw), UTF8)
	case Windows1252:
		return decodeWindows1252(raw)
	case UTF16LE, UTF16BE:
		return decodeUTF16(raw, choice == UTF16BE)
	}
	return "", "", fmt.Errorf("encoding %q is not supported; choose one of %s", choice, strings.Join(Encodings, ", "))
}

func canonicalEncoding(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "", "auto", "detect":
		return ""
	case "utf8", "utf-8", "utf_8":
		return UTF8
	case "windows-1252", "windows1252", "cp1252", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "ansi":
		return Windows1252
	case "utf-16", "utf16", "utf-16le", "utf16le":
		return UTF16LE
	case "utf-16be", "utf16be":
		return UTF16BE
	}
	return s
}

func detect(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		raw = raw[3:]
		if i := invalidUTF8(raw); i >= 0 {
			return "", "", fmt.Errorf("the file starts with a UTF-8 marker but byte 0x%02x at offset %d is not UTF-8; the file looks damaged", raw[i], i+3)
		}
		return checkText(string(raw), UTF8)
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		return decodeUTF16(raw[2:], false)
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		return decodeUTF16(raw[2:], true)
	}
	if le, be := looksUTF16(raw); le || be {
		return decodeUTF16(raw, be)
	}
	if utf8.Valid(raw) {
		return checkText(string(raw), UTF8)
	}
	return decodeWindows1252(raw)
}

// looksUTF16 spots BOM-less UTF-16 by its zero bytes: mostly-ASCII text
// has a zero in every other byte.
func looksUTF16(raw []byte) (le, be bool) {
	n := min(len(raw), 1024) &^ 1
	if n < 4 {
		return false, false
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			evenZero++
		}
		if raw[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	return oddZero*10 >= pairs*7 && evenZero*10 < pairs, evenZero*10 >= pairs*7 && oddZero*10 < pairs
}

func decodeUTF16(raw []byte, bigEndian bool) (string, string, error) {
	name := UTF16LE
	if bigEndian {
		name = UTF16BE
	}
	if len(raw)%2 != 0 {
		return "", "", fmt.Errorf("the file is not valid %s: it has an odd number of bytes", strings.ToUpper(name))
	}
	// Tolerate a BOM when the encoding was chosen explicitly.
	if len(raw) >= 2 && ((!bigEndian && raw[0] == 0xff && raw[1] == 0xfe) || (bigEndian && raw[0] == 0xfe && raw[1] == 0xff)) {
		raw = raw[2:]
	}
	units := make([]uint16, len(raw)/2)
	for i := range units {
		a, b := uint16(raw[2*i]), uint16(raw[2*i+1])
		if bigEndian {
			units[i] = a<<8 | b
		} else {
			units[i] = b<<8 | a
		}
	}
	for i, u := range units {
		// A lone surrogate means the bytes are not UTF-16 at all.
		if u >= 0xd800 && u < 0xdc00 {
			if i+1 >= len(units) || units[i+1] < 0xdc00 || units[i+1] >= 0xe000 {
				return "", "", fmt.Errorf("the file is not valid %s (broken character at offset %d)", strings.ToUpper(name), 2*i)
			}
		} else if u >= 0xdc00 && u < 0xe000 && (i == 0 || units[i-1] < 0xd800 || units[i-1] >= 0xdc00) {
			return "", "", fmt.Errorf("the file is not valid %s (broken character at offset %d)", strings.ToUpper(name), 2*i)
		}
	}
	return checkText(string(utf16.Decode(units)), name)
}

// decodeWindows1252 refuses the five bytes Windows-1252 leaves undefined:
// a file holding them is in some other encoding.
func decodeWindows1252(raw []byte) (string, string, error) {
	for i, b := range raw {
		switch b {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return "", "", fmt.Errorf("the file is neither UTF-8 nor Windows-1252 (byte 0x%02x at offset %d means nothing in either); save it as CSV UTF-8 and try again", b, i)
		}
	}
	return checkText(decode1252(raw), Windows1252)
}

func decode1252(raw []byte) string {
	// charmap decoding of a single-byte code page cannot fail.
	out, _ := charmap.Windows1252.NewDecoder().Bytes(raw)
	return string(out)
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// errBinary is returned for files that are no text: a spreadsheet
// (.xlsx), an image, or text read in the wrong encoding.
var errBinary = errors.New("the file does not look like text")

// checkText refuses decoded text that is not text at all: a zip archive,
// or one whose first characters are largely control characters (binary
// data, or UTF-16 read as UTF-8). A few control characters in a value are
// left for the board's input validation to refuse, naming the field, so a
// typed, JSON, CSV or vCard name meets the same rule.
func checkText(s, encoding string) (string, string, error) {
	if strings.HasPrefix(s, "PK\x03\x04") {
		return "", "", fmt.Errorf("%w: it is a zip archive, perhaps an Excel workbook; save it as CSV first", errBinary)
	}
	const sample = 1024
	n, controls := 0, 0
	for _, r := range s {
		if n == sample {
			break
		}
		n++
		if unicode.Is(unicode.Cc, r) && !strings.ContainsRune("\t\n\r\f", r) {
			controls++
		}
	}
	if controls*4 > n {
		return "", "", fmt.Errorf("%w in %s (%d of its first %d characters are control characters); save it as CSV (UTF-8) or vCard, or choose another encoding", errBinary, encoding, controls, n)
	}
	return s, encoding, nil
}
