package board

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"soundingboard/backend/board/contacts"
	"soundingboard/backend/store"
)

// Export renders the members matching q as csv, json or vcf. Paging is
// ignored: the export holds every member the filters match.
func (s *Service) Export(format string, q MemberQuery) (ExportFile, error) {
	format = strings.ToLower(strings.TrimSpace(format))
	if format == "vcard" {
		format = "vcf"
	}
	mime := map[string]string{
		"csv":  "text/csv; charset=utf-8",
		"json": "application/json",
		"vcf":  "text/vcard; charset=utf-8",
	}[format]
	if mime == "" {
		return ExportFile{}, store.Invalid("export format %q is not one of csv, json, vcf", format)
	}
	q.Limit, q.Offset = 0, 0
	page, err := s.ListMembers(q)
	if err != nil {
		return ExportFile{}, fmt.Errorf("export members: %w", err)
	}
	var buf bytes.Buffer
	switch format {
	case "csv":
		err = contacts.WriteCSV(&buf, memberRecords(page.Members))
	case "vcf":
		err = contacts.WriteVCard(&buf, memberRecords(page.Members))
	case "json":
		ms := page.Members
		if ms == nil {
			ms = []Member{}
		}
		var b []byte
		if b, err = json.MarshalIndent(ms, "", "  "); err == nil {
			buf.Write(b)
			buf.WriteByte('\n')
		}
	}
	if err != nil {
		return ExportFile{}, fmt.Errorf("export members as %s: %w", format, err)
	}
	return ExportFile{
		FileName: "soundingboard-members-" + s.today() + "." + format,
		MimeType: mime,
		Content:  buf.String(),
	}, nil
}

// memberRecords turns members into contact records for the writers.
func memberRecords(ms []Member) []contacts.Record {
	recs := make([]contacts.Record, len(ms))
	for i, m := range ms {
		f := map[string]string{
			contacts.Name:           m.Name,
			contacts.Email:          m.Email,
			contacts.Phone:          m.Phone,
			contacts.Company:        m.Company,
			contacts.Role:           m.Role,
			contacts.Segment:        m.Segment,
			contacts.Persona:        m.Persona,
			contacts.Timezone:       m.Timezone,
			contacts.Status:         string(m.Status),
			contacts.JoinedOn:       m.JoinedOn,
			contacts.Source:         m.Source,
			contacts.Notes:          m.Notes,
			contacts.UsageFrequency: string(m.UsageFrequency),
			contacts.Tone:           string(m.Tone),
		}
		if m.Articulation > 0 {
			f[contacts.Articulation] = strconv.Itoa(m.Articulation)
		}
		if m.CadenceDays > 0 {
			f[contacts.CadenceDays] = strconv.Itoa(m.CadenceDays)
		}
		for k, v := range f {
			if v == "" {
				delete(f, k)
			}
		}
		tags := m.Tags
		if tags == nil {
			tags = []string{}
		}
		recs[i] = contacts.Record{Line: i + 1, Fields: f, Tags: tags}
	}
	return recs
}
