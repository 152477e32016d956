// Command mkfonts makes the fonts that reports embed (backend/report/fonts)
// from the Debian font packages, once, by hand:
//
//	apt-get install fonts-dejavu-core fonts-wqy-microhei fonts-noto-core
//	go run ./backend/report/fonts/mkfonts -out backend/report/fonts
//
// fpdf reads only a font's 16-bit (format 4) character map and cannot
// draw a glyph that no code point below U+FFFF reaches. So every glyph
// that only a shaper reaches (Thai and Devanagari conjuncts, Arabic forms
// without a presentation code point) and every glyph of a character
// beyond U+FFFF gets a free Private Use code point in a rewritten format 4
// map; a format 12 map keeps the real characters for the shaper. The CJK
// face is pulled out of its collection and cut to the characters of
// GB 2312, JIS X 0208 and KS X 1001 plus all Hangul syllables. The
// results are gzipped.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	out := flag.String("out", "backend/report/fonts", "folder to write the .ttf.gz files to")
	dejavu := flag.String("dejavu", "/usr/share/fonts/truetype/dejavu", "DejaVu folder")
	noto := flag.String("noto", "/usr/share/fonts/truetype/noto", "Noto folder")
	wqy := flag.String("wqy", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYi Micro Hei collection")
	flag.Parse()
	jobs := []struct{ src, dst string }{
		{filepath.Join(*dejavu, "DejaVuSans.ttf"), "DejaVuSans.ttf.gz"},
		{filepath.Join(*dejavu, "DejaVuSans-Bold.ttf"), "DejaVuSans-Bold.ttf.gz"},
		{filepath.Join(*noto, "NotoSansThai-Regular.ttf"), "NotoSansThai-Regular.ttf.gz"},
		{filepath.Join(*noto, "NotoSansDevanagari-Regular.ttf"), "NotoSansDevanagari-Regular.ttf.gz"},
	}
	for _, j := range jobs {
		data, err := os.ReadFile(j.src)
		check(err)
		lds, err := ot.NewLoaders(bytes.NewReader(data))
		check(err)
		ttf, err := remapped(lds[0])
		check(err)
		check(writeGz(filepath.Join(*out, j.dst), ttf))
	}
	data, err := os.ReadFile(*wqy)
	check(err)
	lds, err := ot.NewLoaders(bytes.NewReader(data))
	check(err)
	face0, err := copyTables(lds[0], nil)
	check(err)
	cut := fpdf.UTF8CutFont(face0, cjkCutset())
	if len(cut) == 0 {
		log.Fatal("cutting the CJK face failed")
	}
	check(writeGz(filepath.Join(*out, "WenQuanYiMicroHei-cut.ttf.gz"), cut))
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func writeGz(path string, data []byte) error {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes, %d gzipped\n", filepath.Base(path), len(data), b.Len())
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// remapped copies a font with a cmap in which every glyph is reachable
// from a code point below U+FFFF.
func remapped(ld *ot.Loader) ([]byte, error) {
	ft, err := font.NewFont(ld)
	if err != nil {
		return nil, err
	}
	m := map[rune]font.GID{}
	bmp := map[font.GID]bool{}
	for it := ft.Cmap.Iter(); it.Next(); {
		r, g := it.Char()
		m[r] = g
		if r <= 0xFFFF {
			bmp[g] = true
		}
	}
	maxp, err := ld.RawTable(ot.MustNewTag("maxp"))
	if err != nil {
		return nil, fmt.Errorf("maxp table: %w", err)
	}
	if len(maxp) < 6 {
		return nil, fmt.Errorf("maxp table of %d bytes", len(maxp))
	}
	numGlyphs := font.GID(binary.BigEndian.Uint16(maxp[4:]))
	next := rune(0xE000)
	for g := font.GID(1); g < numGlyphs; g++ {
		if bmp[g] {
			continue
		}
		for m[next] != 0 {
			next++
		}
		if next > 0xF8FF {
			return nil, fmt.Errorf("too many glyphs for the Private Use Area")
		}
		m[next] = g
		next++
	}
	var cmap []byte
	if cmap, err = encodeCmap(m); err != nil {
		return nil, err
	}
	return copyTables(ld, cmap)
}

// copyTables writes the loader's tables as a .ttf, with cmap replaced
// when given.
func copyTables(ld *ot.Loader, cmap []byte) ([]byte, error) {
	tags := ld.Tables()
	slices.Sort(tags)
	type table struct {
		tag  ot.Tag
		data []byte
	}
	var ts []table
	for _, t := range tags {
		if t == ot.MustNewTag("DSIG") {
			continue // a signature no longer matches
		}
		data, err := ld.RawTable(t)
		if err != nil {
			return nil, err
		}
		if t == ot.MustNewTag("cmap") && cmap != nil {
			data = cmap
		}
		ts = append(ts, table{t, data})
	}
	head := make([]byte, 12+16*len(ts))
	binary.BigEndian.PutUint32(head, 0x00010000)
	n := len(ts)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	binary.BigEndian.PutUint16(head[4:], uint16(n))
	binary.BigEndian.PutUint16(head[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(head[8:], uint16(es))
	binary.BigEndian.PutUint16(head[10:], uint16(16*n-16<<es))
	body := []byte{}
	for i, t := range ts {
		off := len(head) + len(body)
		e := head[12+16*i:]
		binary.BigEndian.PutUint32(e, uint32(t.tag))
		binary.BigEndian.PutUint32(e[4:], checksum(t.data))
		binary.BigEndian.PutUint32(e[8:], uint32(off))
		binary.BigEndian.PutUint32(e[12:], uint32(len(t.data)))
		body = append(body, t.data...)
		for len(body)%4 != 0 { // tables start on 4-byte boundaries
			body = append(body, 0)
		}
	}
	return append(head, body...), nil
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// encodeCmap writes a cmap table with a Windows BMP subtable (format 4,
// what fpdf reads) and a Windows full-repertoire subtable (format 12).
func encodeCmap(m map[rune]font.GID) ([]byte, error) {
	rs := make([]rune, 0, len(m))
	for r := range m {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	f4, err := format4(rs, m)
	if err != nil {
		return nil, err
	}
	f12 := format12(rs, m)
	b := []byte{0, 0, 0, 2}
	b = binary.BigEndian.AppendUint16(b, 3)
	b = binary.BigEndian.AppendUint16(b, 1)
	b = binary.BigEndian.AppendUint32(b, 20)
	b = binary.BigEndian.AppendUint16(b, 3)
	b = binary.BigEndian.AppendUint16(b, 10)
	b = binary.BigEndian.AppendUint32(b, uint32(20+len(f4)))
	b = append(b, f4...)
	return append(b, f12...), nil
}

func format4(all []rune, m map[rune]font.GID) ([]byte, error) {
	type seg struct {
		start, end rune
		glyphs     []uint16 // nil: idDelta
	}
	var segs []seg
	var rs []rune
	for _, r := range all {
		if r <= 0xFFFE {
			rs = append(rs, r)
		}
	}
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j] == rs[j-1]+1 {
			j++
		}
		s := seg{start: rs[i], end: rs[j-1]}
		for k := i + 1; k < j; k++ {
			if int(m[rs[k]])-int(rs[k]) != int(m[rs[i]])-int(rs[i]) {
				for l := i; l < j; l++ {
					s.glyphs = append(s.glyphs, uint16(m[rs[l]]))
				}
				break
			}
		}
		segs = append(segs, s)
		i = j
	}
	segs = append(segs, seg{start: 0xFFFF, end: 0xFFFF})
	n := len(segs)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	var ends, starts, deltas, offsets, glyphs []byte
	arr := 0
	for i, s := range segs {
		ends = binary.BigEndian.AppendUint16(ends, uint16(s.end))
		starts = binary.BigEndian.AppendUint16(starts, uint16(s.start))
		switch {
		case s.start == 0xFFFF:
			deltas = binary.BigEndian.AppendUint16(deltas, 1)
			offsets = binary.BigEndian.AppendUint16(offsets, 0)
		case s.glyphs == nil:
			deltas = binary.BigEndian.AppendUint16(deltas, uint16(int(m[s.start])-int(s.start)))
			offsets = binary.BigEndian.AppendUint16(offsets, 0)
		default:
			deltas = binary.BigEndian.AppendUint16(deltas, 0)
			off := 2*(n-i) + 2*arr
			if off > 0xFFFF {
				return nil, fmt.Errorf("cmap too large for format 4")
			}
			offsets = binary.BigEndian.AppendUint16(offsets, uint16(off))
			for _, g := range s.glyphs {
				glyphs = binary.BigEndian.AppendUint16(glyphs, g)
			}
			arr += len(s.glyphs)
		}
	}
	length := 16 + 8*n + len(glyphs)
	if length > 0xFFFF {
		return nil, fmt.Errorf("cmap too large for format 4")
	}
	b := binary.BigEndian.AppendUint16(nil, 4)
	b = binary.BigEndian.AppendUint16(b, uint16(length))
	b = binary.BigEndian.AppendUint16(b, 0)
	b = binary.BigEndian.AppendUint16(b, uint16(2*n))
	b = binary.BigEndian.AppendUint16(b, uint16(2<<es))
	b = binary.BigEndian.AppendUint16(b, uint16(es))
	b = binary.BigEndian.AppendUint16(b, uint16(2*n-2<<es))
	b = append(b, ends...)
	b = append(b, 0, 0)
	b = append(b, starts...)
	b = append(b, deltas...)
	b = append(b, offsets...)
	return append(b, glyphs...), nil
}

func format12(rs []rune, m map[rune]font.GID) []byte {
	var groups []byte
	n := 0
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j] == rs[j-1]+1 && m[rs[j]] == m[rs[j-1]]+1 {
			j++
		}
		groups = binary.BigEndian.AppendUint32(groups, uint32(rs[i]))
		groups = binary.BigEndian.AppendUint32(groups, uint32(rs[j-1]))
		groups = binary.BigEndian.AppendUint32(groups, uint32(m[rs[i]]))
		n++
		i = j
	}
	b := binary.BigEndian.AppendUint16(nil, 12)
	b = binary.BigEndian.AppendUint16(b, 0)
	b = binary.BigEndian.AppendUint32(b, uint32(16+len(groups)))
	b = binary.BigEndian.AppendUint32(b, 0)
	b = binary.BigEndian.AppendUint32(b, uint32(n))
	return append(b, groups...)
}

// cjkCutset is what the CJK face keeps: the characters of the national
// standards (GB 2312, JIS X 0208, KS X 1001), all Hangul syllables, kana,
// CJK punctuation and the full-width forms.
func cjkCutset() string {
	var b bytes.Buffer
	add := func(enc encoding.Encoding) {
		dec := enc.NewDecoder()
		for hi := 0xA1; hi <= 0xFE; hi++ {
			for lo := 0xA1; lo <= 0xFE; lo++ {
				out, err := dec.Bytes([]byte{byte(hi), byte(lo)})
				r := []rune(string(out))
				if err == nil && len(r) == 1 && r[0] != '\uFFFD' && (r[0] < 0xE000 || r[0] > 0xF8FF) {
					b.Write(out)
				}
			}
		}
	}
	add(simplifiedchinese.GBK)
	add(japanese.EUCJP)
	add(korean.EUCKR)
	for _, rg := range [][2]rune{{0x3000, 0x30FF}, {0x3130, 0x318F}, {0xAC00, 0xD7A3}, {0xFF00, 0xFFEF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			b.WriteRune(r)
		}
	}
	return b.String()
}
