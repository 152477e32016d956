package contacts

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/emersion/go-vcard"
)

// WriteCSV writes records as UTF-8 CSV (no BOM) with ExportHeaders as the
// header line; tags are joined with "; ", which ReadCSV splits again.
func WriteCSV(w io.Writer, recs []Record) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ExportHeaders); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	row := make([]string, len(ExportHeaders))
	for _, r := range recs {
		for i, h := range ExportHeaders {
			if h == Tags {
				row[i] = strings.Join(r.Tags, "; ")
			} else {
				row[i] = r.Fields[h]
			}
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write CSV: line %d: %w", r.Line, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// WriteVCard writes records as vCard 4.0. Tags become CATEGORIES, one
// property per tag (go-vcard escapes commas inside a value, so a single
// comma-joined CATEGORIES would read as one tag elsewhere). Board fields
// vCard lacks go into X-SOUNDINGBOARD-* properties, which ReadVCard reads back.
func WriteVCard(w io.Writer, recs []Record) error {
	enc := vcard.NewEncoder(w)
	for _, r := range recs {
		card := vcard.Card{}
		card.SetValue(vcard.FieldVersion, "4.0")
		card.SetValue(vcard.FieldFormattedName, r.Fields[Name])
		set := func(prop, v string) {
			if v != "" {
				card.SetValue(prop, v)
			}
		}
		set(vcard.FieldEmail, r.Fields[Email])
		set(vcard.FieldTelephone, r.Fields[Phone])
		set(vcard.FieldOrganization, r.Fields[Company])
		set(vcard.FieldTitle, r.Fields[Role])
		set(vcard.FieldNote, r.Fields[Notes])
		set(vcard.FieldTimezone, r.Fields[Timezone])
		for _, t := range r.Tags {
			card.AddValue(vcard.FieldCategories, t)
		}
		for _, f := range xFields {
			set(xProp(f), r.Fields[f])
		}
		if err := enc.Encode(card); err != nil {
			return fmt.Errorf("write vCard: card %d: %w", r.Line, err)
		}
	}
	return nil
}
