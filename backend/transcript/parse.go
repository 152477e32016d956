package transcript

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/asticode/go-astisub"

	"soundingboard/backend/valid"
)

// Limits of a transcript file: two hours of talk is about 200 KB and
// 2,000 cues, so these leave room for a long day and refuse a wrong file
// (a video, a database) before it is parsed.
const (
	maxFileBytes = 10 << 20
	maxLines     = 50000
	maxLineText  = 5000
	maxFileName  = 255
	maxLabel     = 80
)

// Format is the subtitle format of a transcript file.
type Format string

// The formats Zoom, Teams and Meet export transcripts and captions in.
const (
	FormatVTT Format = "vtt" // WebVTT
	FormatSRT Format = "srt" // SubRip
)

// AllFormats lists the transcript formats, as the schema's CHECK does.
var AllFormats = valid.Choices(FormatVTT, FormatSRT)

// parsedLine is one line of a transcript as read from its file: what one
// speaker said in one cue.
type parsedLine struct {
	Speaker string
	Start   time.Duration
	End     time.Duration
	Text    string
}

// formatOf tells a file's format from its name, and from its first line
// (a WebVTT file starts with "WEBVTT", whatever it is called).
func formatOf(fileName string, content []byte) (Format, error) {
	head := bytes.TrimPrefix(content, []byte("\uFEFF"))
	if bytes.HasPrefix(head, []byte("WEBVTT")) {
		return FormatVTT, nil
	}
	switch strings.ToLower(filepath.Ext(fileName)) {
	case ".vtt":
		return FormatVTT, nil
	case ".srt":
		return FormatSRT, nil
	}
	return "", fmt.Errorf("%s is not a .vtt or .srt file: export the transcript from Zoom, Teams or Meet as "+
		"WebVTT (.vtt) or SubRip (.srt)", fileName)
}

// parse reads a transcript file into its lines, with the speaker each cue
// names: a WebVTT voice (<v Ana Lima>, as Teams writes), or a "Name: "
// before the text (as Zoom and most caption exports write). A cue whose
// text changes speaker becomes one line per speaker; the wrapped lines of
// one speaker become one line.
func parse(fileName string, content []byte) (Format, []parsedLine, error) {
	f, err := formatOf(fileName, content)
	if err != nil {
		return "", nil, err
	}
	if !utf8.Valid(content) {
		return "", nil, fmt.Errorf("%s is not UTF-8 text: save it as UTF-8 and import it again", fileName)
	}
	read, name := astisub.ReadFromSRT, "SubRip (.srt)"
	if f == FormatVTT {
		read, name = astisub.ReadFromWebVTT, "WebVTT (.vtt)"
	}
	subs, err := read(bytes.NewReader(bytes.TrimPrefix(content, []byte("\uFEFF"))))
	if err != nil {
		return "", nil, fmt.Errorf("%s cannot be read as %s: %w", fileName, name, err)
	}
	var lines []parsedLine
	for _, it := range subs.Items {
		if it.EndAt < it.StartAt || it.StartAt < 0 {
			return "", nil, fmt.Errorf("%s: the cue at %s ends before it starts", fileName, clock(it.StartAt))
		}
		speaker := ""
		for i, l := range it.Lines {
			text := strings.Join(strings.Fields(l.String()), " ")
			who := l.VoiceName
			if who == "" {
				who, text = speakerPrefix(text)
			}
			switch {
			case who != "":
				speaker = strings.Join(strings.Fields(who), " ")
			case i == 0:
				speaker = ""
			}
			if text == "" {
				continue
			}
			if n := len(lines); n > 0 && i > 0 && lines[n-1].Speaker == speaker && lines[n-1].Start == it.StartAt {
				lines[n-1].Text += " " + text
				continue
			}
			lines = append(lines, parsedLine{Speaker: speaker, Start: it.StartAt, End: it.EndAt, Text: text})
		}
	}
	if len(lines) == 0 {
		return "", nil, fmt.Errorf("%s holds no subtitle lines: is it a %s transcript?", fileName, name)
	}
	return f, lines, nil
}

// speakerPrefix splits "Ana Lima: I'd set it up myself" into the speaker
// and the text. A prefix counts as a name when it is one to four words,
// the first starting with a capital letter (or a letter of a script
// without case; "Ana de Souza" has a particle), holding no sentence
// punctuation or digits: "Note: …" would pass, which the facilitator sees
// in the speaker list and can leave unmatched.
func speakerPrefix(text string) (string, string) {
	name, rest, ok := strings.Cut(text, ": ")
	if !ok || name == "" || utf8.RuneCountInString(name) > maxLabel {
		return "", text
	}
	words := strings.Fields(name)
	if len(words) > 4 {
		return "", text
	}
	if first, _ := utf8.DecodeRuneInString(name); !unicode.IsLetter(first) || unicode.IsLower(first) {
		return "", text
	}
	if strings.ContainsFunc(name, func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune(".,;!?:()[]\"", r) }) {
		return "", text
	}
	return name, strings.TrimSpace(rest)
}

// clock prints a time in a recording as h:mm:ss.
func clock(d time.Duration) string {
	s := int(d / time.Second)
	return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
}
