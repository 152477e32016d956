package changelog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// imageCol is the col of a change that holds several fields of a row,
// all under one clock value and device, as a JSON object (see the
// change_fields view). Only logTheirs writes them, for teammates' rows
// new to the log; everything else the log holds is one field a change.
const imageCol = "*"

// imageable reports whether v goes into an image and comes back from
// SQLite's JSON as the very value: NULL, an integer, or valid UTF-8 text
// without NUL. (A real or a blob stays a change of its own.)
func imageable(v any) bool {
	switch v := v.(type) {
	case nil, int64:
		return true
	case string:
		return utf8.ValidString(v) && !strings.ContainsRune(v, 0)
	}
	return false
}

// encodeImage writes fields (all imageable) as a JSON object; keys holds
// the columns' names as JSON, made once for a batch.
func encodeImage(cols []string, values []any, keys map[string][]byte) (string, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range cols {
		if i > 0 {
			b.WriteByte(',')
		}
		k, ok := keys[c]
		if !ok {
			var err error
			if k, err = json.Marshal(c); err != nil {
				return "", err
			}
			keys[c] = k
		}
		b.Write(k)
		b.WriteByte(':')
		switch v := values[i].(type) {
		case nil:
			b.WriteString("null")
		case int64:
			b.Write(strconv.AppendInt(b.AvailableBuffer(), v, 10))
		default:
			j, err := json.Marshal(v)
			if err != nil {
				return "", err
			}
			b.Write(j)
		}
	}
	b.WriteByte('}')
	return b.String(), nil
}

// decodeImage calls field for each field of an image, with the value as
// SQLite would give it back.
func decodeImage(image any, field func(col string, v any)) error {
	s, ok := image.(string)
	if !ok {
		return fmt.Errorf("a row's image is %T, not JSON text", image)
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var fields map[string]any
	if err := d.Decode(&fields); err != nil {
		return fmt.Errorf("a row's image: %w", err)
	}
	for col, v := range fields {
		if n, ok := v.(json.Number); ok {
			i, err := n.Int64()
			if err != nil {
				return fmt.Errorf("a row's image, field %s: %w", col, err)
			}
			v = i
		}
		field(col, v)
	}
	return nil
}

// fieldWinners gathers a row's fields from its changes, in any order: a
// field's value is the one with the greatest (hlc, device), and of two
// changes with the same, the first. The merge reads winners from the log
// (winners, readTableWinners) and from a batch (readFresh) with it.
type fieldWinners struct {
	values map[string]any
	stamps map[string]stampOf
}

// stampOf is the clock value and device of a field's winning change.
type stampOf struct {
	hlc    int64
	device string
}

func newFieldWinners() *fieldWinners {
	return &fieldWinners{values: map[string]any{}, stamps: map[string]stampOf{}}
}

// offer takes a logged change (a field or an image) into account.
func (w *fieldWinners) offer(col string, hlc int64, device string, v any) error {
	if col == imageCol {
		return decodeImage(v, func(c string, v any) { w.offerField(c, hlc, device, v) })
	}
	w.offerField(col, hlc, device, v)
	return nil
}

func (w *fieldWinners) offerField(col string, hlc int64, device string, v any) {
	s, seen := w.stamps[col]
	if seen && (hlc < s.hlc || (hlc == s.hlc && device <= s.device)) {
		return
	}
	w.stamps[col] = stampOf{hlc, device}
	w.values[col] = v
}

// imagesOf parts a batch into the changes of rows new to the log (fresh)
// and the others (old). Of a fresh row, the fields a teammate wrote
// under one clock value go into one image, bar the row's existence and
// values an image cannot hold; a change the batch repeats goes in once.
// folded is how many changes the images stand for beyond one each.
func imagesOf(cs []Change, fresh map[rowRef]bool, self string) (news, old []Change, folded int, err error) {
	type groupKey struct {
		row    rowRef
		hlc    int64
		device string
	}
	type group struct {
		first  Change
		cols   []string
		values []any
	}
	index := map[groupKey]int{}
	var groups []group
	keys := map[string][]byte{}
	for _, c := range cs {
		r := rowRef{c.Table, c.Key}
		switch {
		case !fresh[r]:
			old = append(old, c)
		case c.Device == self || c.Col == "" || !imageable(c.Value):
			news = append(news, c)
		default:
			k := groupKey{r, c.HLC, c.Device}
			i, ok := index[k]
			if !ok {
				i = len(groups)
				index[k] = i
				groups = append(groups, group{first: c})
			}
			g := &groups[i]
			if !slices.Contains(g.cols, c.Col) {
				g.cols = append(g.cols, c.Col)
				g.values = append(g.values, c.Value)
			}
		}
	}
	for _, g := range groups {
		if len(g.cols) == 1 {
			news = append(news, g.first)
			continue
		}
		image, err := encodeImage(g.cols, g.values, keys)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("image of %s %s: %w", g.first.Table, g.first.Key, err)
		}
		c := g.first
		c.Col, c.Value = imageCol, image
		news = append(news, c)
		folded += len(g.cols) - 1
	}
	return news, old, folded, nil
}
