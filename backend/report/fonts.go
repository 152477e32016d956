package report

import (
	"embed"
	"fmt"
	"io/fs"

	"soundingboard/backend/report/typeset"
)

// The PDF fonts, gzipped: DejaVu Sans regular and bold (Bitstream Vera
// licence), then for what it lacks WenQuanYi Micro Hei cut to the common
// Chinese, Japanese and Korean characters (Apache-2.0), Noto Sans Thai and
// Noto Sans Devanagari (OFL); licences in fonts/. They are embedded so
// reports print the same on every machine; fpdf embeds only the glyphs a
// report uses. fonts/mkfonts makes them from the Debian packages.
//
//go:embed fonts/*.ttf.gz
var fontFiles embed.FS

// loadFonts parses the embedded fonts (once per process: see Service).
func loadFonts() (*typeset.Library, error) {
	sub, err := fs.Sub(fontFiles, "fonts")
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	return typeset.Load(sub)
}
