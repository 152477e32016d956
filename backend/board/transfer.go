package board

// ImportRequest carries a contact file from the user. Content is the raw
// bytes (base64 in JSON) so non-UTF-8 files reach the decoder intact.
type ImportRequest struct {
	FileName string            `json:"fileName"`
	Content  []byte            `json:"content"`
	Mapping  map[string]string `json:"mapping"`  // source column -> field name ("" = ignore); nil = automatic
	Encoding string            `json:"encoding"` // "" = detect, "utf-8", "windows-1252"
}

// ImportColumn is one source column and the field it maps to.
type ImportColumn struct {
	Header string `json:"header"`
	Field  string `json:"field"` // "" = ignored / not understood
	Sample string `json:"sample"`
}

// ImportRow is one parsed record and what is wrong with it.
type ImportRow struct {
	Line     int         `json:"line"` // 1-based line (CSV) or card number (vCard)
	Member   MemberInput `json:"member"`
	Problems []string    `json:"problems"`
}

// ImportPreview shows what an import would do, before anything is written.
type ImportPreview struct {
	Format   string         `json:"format"`   // csv or vcard
	Encoding string         `json:"encoding"` // as detected or chosen
	Columns  []ImportColumn `json:"columns"`  // CSV only
	Fields   []string       `json:"fields"`   // fields a column can map to
	Unmapped []string       `json:"unmapped"` // headers that map to nothing
	Rows     []ImportRow    `json:"rows"`
	Valid    int            `json:"valid"`
	Invalid  int            `json:"invalid"`
}

// ImportResult reports a completed import.
type ImportResult struct {
	Created  int `json:"created"`
	Segments int `json:"segments"` // segments created on the way
	Tags     int `json:"tags"`     // tags created on the way
}

// ExportFile is a generated file for the user to save.
type ExportFile struct {
	FileName string `json:"fileName"`
	MimeType string `json:"mimeType"`
	Content  string `json:"content"`
}

// DemoResult reports what the sample board added.
type DemoResult struct {
	Members  int `json:"members"`
	Segments int `json:"segments"`
}
