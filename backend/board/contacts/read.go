package contacts

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Options tune Read.
type Options struct {
	Encoding string            // "" = detect; see Encodings
	Mapping  map[string]string // CSV header -> field ("" or "ignore" = drop); nil = automatic
}

// Read decodes raw bytes and parses them as vCard (by content, or a .vcf
// or .vcard name) or CSV (anything else). Errors describe the file as a
// whole; per-record problems are in the records. It stops with ctx's error
// when ctx ends.
func Read(ctx context.Context, fileName string, raw []byte, opt Options) (*File, error) {
	if len(raw) == 0 {
		return nil, errors.New("the file is empty")
	}
	text, enc, err := Decode(joinSplitCharacters(raw), opt.Encoding)
	if err != nil {
		return nil, err
	}
	ext := strings.ToLower(filepath.Ext(fileName))
	var f *File
	switch {
	case LooksLikeVCard(text):
		f, err = ReadVCard(ctx, text)
	case ext == ".vcf" || ext == ".vcard":
		return nil, fmt.Errorf("%s is not a vCard file: it does not start with BEGIN:VCARD", filepath.Base(fileName))
	default:
		f, err = ReadCSV(ctx, text, opt.Mapping)
	}
	if err != nil {
		return nil, err
	}
	f.Encoding = enc
	return f, nil
}
