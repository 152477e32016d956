package loop

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/valid"
	"soundingboard/backend/wording"
)

// builtinTemplates are the messages the app ships; edits are saved in
// message_templates and deleting one restores the text here.
var builtinTemplates = []Template{
	{Key: "thank_you", Name: "Thank-you",
		Subject: "Thank you for joining {{session}}",
		Body: "Hi {{first_name}},\n\nThank you for taking part in {{session}}. What you told us helps far more than you might think, " +
			"and we will come back to you with what changes because of it.\n\nBest,\n{{team}}"},
	{Key: "afterthoughts", Name: "Afterthoughts",
		Subject: "Any afterthoughts on {{session}}?",
		Body: "Hi {{first_name}},\n\nA few days have passed since {{session}}. Has anything else come to mind since? " +
			"Even one sentence helps us.\n\nBest,\n{{team}}"},
	{Key: "session_feedback", Name: "Feedback on the session",
		Subject: "How was {{session}} for you?",
		Body: "Hi {{first_name}},\n\nWe want our sessions to be worth your time. What worked for you in {{session}}, " +
			"and what should we do differently next time?\n\nBest,\n{{team}}"},
	{Key: "share_back", Name: "Share-back: you said, we did",
		Subject: "You said, we did: what changed after {{session}}",
		Body: "Hi {{first_name}},\n\nIn {{session}} you told us {{you_said}}.\n\nHere is what changed because of it: {{what_changed}}\n\n" +
			"Thank you for helping us get this right.\n\nBest,\n{{team}}"},
	{Key: "stay_in_touch", Name: "Stay in touch",
		Subject: "Checking in from {{team}}",
		Body: "Hi {{first_name}},\n\nIt has been a while since we last spoke. How are things going? We would love to hear " +
			"what is working for you and what is not, and to tell you what we have been changing.\n\nBest,\n{{team}}"},
}

// Placeholders a template may use. {{session}} is how participants know
// the session ("our session on 2 March 2026"); {{session_title}} is the
// team's own title, used only where a template chooses it.
var Placeholders = []string{"{{member}}", "{{first_name}}", "{{session}}", "{{session_title}}", "{{you_said}}",
	"{{what_changed}}", "{{team}}"}

func builtin(key string) (Template, bool) {
	for _, t := range builtinTemplates {
		if t.Key == key {
			return t, true
		}
	}
	return Template{}, false
}

// templates returns the built-in templates with the team's edits applied.
func templates(ctx context.Context, q store.Queryer) ([]Template, error) {
	var edited []struct {
		Key     string `db:"key"`
		Subject string `db:"subject"`
		Body    string `db:"body"`
	}
	if err := sqlx.SelectContext(ctx, q, &edited, `SELECT key, subject, body FROM message_templates`); err != nil {
		return nil, err
	}
	out := make([]Template, len(builtinTemplates))
	copy(out, builtinTemplates)
	for i := range out {
		for _, e := range edited {
			if e.Key == out[i].Key && (e.Subject != out[i].Subject || e.Body != out[i].Body) {
				out[i].Subject, out[i].Body, out[i].Edited = e.Subject, e.Body, true
			}
		}
	}
	return out, nil
}

// Templates returns the message templates, edited where the team edited them.
func (s *Service) Templates() ([]Template, error) {
	ts, err := templates(s.ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("message templates: %w", err)
	}
	return ts, nil
}

// SaveTemplate stores the team's text for a built-in template.
func (s *Service) SaveTemplate(key string, in TemplateInput) (Template, error) {
	in.Subject = strings.TrimSpace(in.Subject)
	in.Body = strings.TrimSpace(in.Body)
	var p valid.Problems
	if _, ok := builtin(key); !ok {
		p.Add("template", "template %q is not one of thank_you, afterthoughts, session_feedback, share_back, stay_in_touch", key)
	}
	p.Text("subject", in.Subject, 300)
	p.Text("body", in.Body, 20000)
	if err := p.Err(); err != nil {
		return Template{}, fmt.Errorf("save template: %w", err)
	}
	_, err := s.db.ExecContext(s.ctx, `INSERT INTO message_templates (key, subject, body, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at`,
		key, in.Subject, in.Body, s.stamp())
	if err != nil {
		return Template{}, fmt.Errorf("save template %s: %w", key, store.Map(err, "template"))
	}
	return s.template(key)
}

// ResetTemplate restores a template's built-in text.
func (s *Service) ResetTemplate(key string) (Template, error) {
	if _, ok := builtin(key); !ok {
		return Template{}, fmt.Errorf("reset template: %w", invalid("template %q does not exist", key))
	}
	if _, err := s.db.ExecContext(s.ctx, `DELETE FROM message_templates WHERE key = ?`, key); err != nil {
		return Template{}, fmt.Errorf("reset template %s: %w", key, err)
	}
	return s.template(key)
}

func (s *Service) template(key string) (Template, error) {
	ts, err := templates(s.ctx, s.db)
	if err != nil {
		return Template{}, fmt.Errorf("template %s: %w", key, err)
	}
	for _, t := range ts {
		if t.Key == key {
			return t, nil
		}
	}
	return Template{}, store.NotFound("template %q not found", key)
}

// fields are the values of a draft's placeholders.
type fields struct {
	member, email, youSaid, whatChanged, team string
	session                                   sessionNames
}

// sessionNames are a session's names: as participants know it, and the
// team's own title.
type sessionNames struct{ told, title string }

// namesOf reads a session's names (none for id 0): participants hear of
// "our session on 2 March 2026", never the team's working title.
func namesOf(ctx context.Context, q store.Queryer, sessionID int64) (sessionNames, error) {
	if sessionID == 0 {
		return sessionNames{}, nil
	}
	var s struct {
		Title string `db:"title"`
		On    string `db:"scheduled_on"`
	}
	err := sqlx.GetContext(ctx, q, &s, `SELECT title, coalesce(scheduled_on, '') AS scheduled_on FROM sessions WHERE id = ?`, sessionID)
	if err != nil {
		return sessionNames{}, store.Map(err, fmt.Sprintf("session %d", sessionID))
	}
	n := sessionNames{told: "our recent session", title: s.Title}
	if t, err := time.Parse(time.DateOnly, s.On); err == nil {
		n.told = "our session on " + t.Format("2 January 2006")
	}
	return n, nil
}

// fill replaces the placeholders, with gentle fallbacks for empty values.
func fill(text string, f fields) string {
	or := func(v, fallback string) string {
		if strings.TrimSpace(v) == "" {
			return fallback
		}
		return v
	}
	return strings.NewReplacer(
		"{{member}}", or(f.member, "there"),
		"{{first_name}}", or(wording.FirstName(f.member), "there"),
		"{{session}}", or(f.session.told, "our recent session"),
		"{{session_title}}", or(f.session.title, "our recent session"),
		"{{you_said}}", or(f.youSaid, "what you thought"),
		"{{what_changed}}", or(f.whatChanged, "we are still working on it and will keep you posted."),
		"{{team}}", or(f.team, "The product team"),
	).Replace(text)
}

// tidy drops the full stop a template puts after a quote that already
// ends its sentence: “… every Monday.”. reads “… every Monday.”
var tidy = strings.NewReplacer(".”.", ".”", "!”.", "!”", "?”.", "?”", `.".`, `."`, `!".`, `!"`, `?".`, `?"`)

// greeted starts the paragraph after a greeting ("Hi Zoë,") with a
// capital, as a letter does, also in a template edited the old way.
func greeted(body string) string {
	greeting, rest, ok := strings.Cut(body, "\n\n")
	if !ok || rest == "" || !strings.HasSuffix(strings.TrimSpace(greeting), ",") || strings.Contains(greeting, "\n") {
		return body
	}
	r, n := utf8.DecodeRuneInString(rest)
	return greeting + "\n\n" + string(unicode.ToUpper(r)) + rest[n:]
}

// mailto builds a mailto: URL (RFC 6068): percent-encoded, spaces as %20
// (never "+", which mail clients show literally), line breaks as CRLF.
func mailto(to, subject, body string) string {
	enc := func(v string) string { return strings.ReplaceAll(url.QueryEscape(v), "+", "%20") }
	body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n")
	return "mailto:" + url.PathEscape(to) + "?subject=" + enc(subject) + "&body=" + enc(body)
}

func render(t Template, f fields) Draft {
	subject, body := oneLine(tidy.Replace(fill(t.Subject, f))), greeted(wording.PlainText(tidy.Replace(fill(t.Body, f))))
	return Draft{To: f.email, Subject: subject, Body: body, Mailto: mailto(f.email, subject, body)}
}

// templateFor picks the template of a kind when none is named.
func templateFor(key, kind string) (string, error) {
	if key != "" {
		if _, ok := builtin(key); !ok {
			return "", invalid("template %q does not exist", key)
		}
		return key, nil
	}
	if _, ok := builtin(kind); ok {
		return kind, nil
	}
	return "", invalid("a %s reminder has no template of its own; choose one", kind)
}

// Render drafts a reminder's message from a template ("" = the reminder's
// own or its kind's): subject, body and a mailto: link. The placeholders
// are filled from what the reminder names; {{you_said}} and
// {{what_changed}} are read now, so a draft tells the latest verdict or
// decision.
func (s *Service) Render(templateKey string, reminderID int64) (Draft, error) {
	d, err := s.render(templateKey, reminderID)
	if err != nil {
		return Draft{}, fmt.Errorf("draft for reminder %d: %w", reminderID, err)
	}
	return d, nil
}

func (s *Service) render(templateKey string, reminderID int64) (Draft, error) {
	c, err := s.clock(s.ctx, s.db)
	if err != nil {
		return Draft{}, err
	}
	r, err := getReminder(s.ctx, s.db, reminderID, c.today())
	if err != nil {
		return Draft{}, err
	}
	if templateKey == "" {
		templateKey = r.TemplateKey
	}
	key, err := templateFor(templateKey, string(r.Kind))
	if err != nil {
		return Draft{}, err
	}
	f := fields{member: r.Member, email: r.MemberEmail, team: c.st.TeamName}
	if f.session, err = namesOf(s.ctx, s.db, r.SessionID); err != nil {
		return Draft{}, err
	}
	if f.youSaid, err = youSaid(s.ctx, s.db, r.MemberID, r.SessionID, r.AssumptionID, r.DecisionID); err != nil {
		return Draft{}, err
	}
	if f.whatChanged, err = whatChanged(s.ctx, s.db, r.SessionID, r.AssumptionID, r.DecisionID); err != nil {
		return Draft{}, err
	}
	t, err := s.template(key)
	if err != nil {
		return Draft{}, err
	}
	return render(t, f), nil
}

// DraftForMember drafts a message to a member with no reminder behind it
// (a virtual stay-in-touch item): templateKey "" = stay_in_touch.
func (s *Service) DraftForMember(templateKey string, memberID int64) (Draft, error) {
	if templateKey == "" {
		templateKey = "stay_in_touch"
	}
	c, err := s.clock(s.ctx, s.db)
	if err != nil {
		return Draft{}, fmt.Errorf("draft for member %d: %w", memberID, err)
	}
	var m struct {
		Name  string `db:"name"`
		Email string `db:"email"`
	}
	if err := sqlx.GetContext(s.ctx, s.db, &m, `SELECT name, coalesce(email, '') AS email FROM members WHERE id = ?`, memberID); err != nil {
		return Draft{}, fmt.Errorf("draft for member %d: %w", memberID, store.Map(err, fmt.Sprintf("member %d", memberID)))
	}
	if _, ok := builtin(templateKey); !ok {
		return Draft{}, fmt.Errorf("draft for member %d: %w", memberID, invalid("template %q does not exist", templateKey))
	}
	t, err := s.template(templateKey)
	if err != nil {
		return Draft{}, fmt.Errorf("draft for member %d: %w", memberID, err)
	}
	return render(t, fields{member: m.Name, email: m.Email, team: c.st.TeamName}), nil
}

// stanceWords say a stance as a message does.
var stanceWords = map[string]string{
	"matches":        "it matched your reality",
	"partly":         "it partly matched your reality",
	"does_not_match": "it did not match your reality",
	"unsure":         "you were not sure about it",
}

// said is one thing a member said: a quote or a stance with notes.
type said struct {
	Quote  string `db:"quote"`
	Stance string `db:"stance"`
	Notes  string `db:"notes"`
	About  string `db:"about"` // the assumption's behaviour
	Whose  string `db:"whose"` // the assumption's customers
}

// whatTheySaid reads a member's quotes and responses about the assumptions
// matched by where ("a.id = ?" or "a.decision_id = ?"), in a session when
// sessionID is not 0; quotes first.
func whatTheySaid(ctx context.Context, q store.Queryer, memberID, sessionID int64, where string, arg int64) ([]said, error) {
	var out []said
	err := sqlx.SelectContext(ctx, q, &out, `SELECT quote, stance, notes, about, whose FROM (
		SELECT qu.text AS quote, '' AS stance, '' AS notes, a.behavior AS about, a.customers AS whose, 0 AS k, qu.id AS n
			FROM quote_entries qu JOIN assumptions a ON a.id = qu.assumption_id
			WHERE qu.member_id = ? AND `+where+` AND (? = 0 OR qu.session_id = ?)
		UNION ALL
		SELECT '' AS quote, coalesce(max(CASE r.kind WHEN 'stance' THEN r.text END), '') AS stance,
			coalesce(max(CASE r.kind WHEN 'note' THEN r.text END), '') AS notes,
			a.behavior AS about, a.customers AS whose, 1 AS k, min(r.id) AS n
			FROM response_entries r JOIN assumptions a ON a.id = r.assumption_id
			WHERE r.member_id = ? AND `+where+` AND (? = 0 OR r.session_id = ?) AND r.kind IN ('stance', 'note')
			GROUP BY r.item_id
			HAVING stance <> '' OR trim(notes) <> '')
		ORDER BY k, n`, memberID, arg, sessionID, sessionID, memberID, arg, sessionID, sessionID)
	return out, err
}

// sentenceOf turns what a member said into words for {{you_said}}: up to
// two quotes verbatim, else their stance and notes.
func sentenceOf(ss []said) string {
	var parts []string
	for _, x := range ss {
		if x.Quote != "" && len(parts) < 2 {
			parts = append(parts, wording.Quote(x.Quote))
		}
	}
	if len(parts) > 0 {
		return strings.Join(parts, " and ")
	}
	for _, x := range ss {
		if len(parts) == 2 {
			break
		}
		p := ""
		if w := stanceWords[x.Stance]; w != "" {
			p = fmt.Sprintf("that %s (%s)", w, wording.Quote(x.About))
		}
		if n := endless(x.Notes); n != "" {
			if p == "" {
				p = fmt.Sprintf("about %s: %s", wording.Quote(x.About), n)
			} else {
				p += ": " + n
			}
		}
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; and ")
}

// endless is notes without their closing full stop: the template's
// sentence goes on after {{you_said}} and ends with its own ("… their
// lists." would read "… their lists.."). An ellipsis stays.
func endless(notes string) string {
	n := strings.TrimSpace(notes)
	if strings.HasSuffix(n, ".") && !strings.HasSuffix(n, "..") {
		return strings.TrimSpace(strings.TrimSuffix(n, "."))
	}
	return n
}

// youSaid is {{you_said}} for a member and what a reminder names.
func youSaid(ctx context.Context, q store.Queryer, memberID, sessionID, assumptionID, decisionID int64) (string, error) {
	if memberID == 0 {
		return "", nil
	}
	var ss []said
	var err error
	switch {
	case assumptionID != 0:
		ss, err = whatTheySaid(ctx, q, memberID, 0, "a.id = ?", assumptionID)
	case decisionID != 0:
		ss, err = whatTheySaid(ctx, q, memberID, 0, "a.decision_id = ?", decisionID)
	case sessionID != 0:
		ss, err = whatTheySaid(ctx, q, memberID, sessionID, "1 = ?", 1)
	}
	if err != nil {
		return "", fmt.Errorf("what member %d said: %w", memberID, err)
	}
	if assumptionID == 0 { // a whole session or decision: leave out what was said about our own team
		ss = slices.DeleteFunc(ss, func(x said) bool { return session.OurOwn(x.Whose) })
	}
	return sentenceOf(ss), nil
}

// whatChanged is {{what_changed}}: what participants are told about the
// latest verdict of the assumption, or the latest decision-log entry of the
// decision; for a session alone, its decision's log entry, else its
// verdicts.
func whatChanged(ctx context.Context, q store.Queryer, sessionID, assumptionID, decisionID int64) (string, error) {
	var t session.Tell
	var err error
	switch {
	case assumptionID != 0:
		t, _, err = session.LatestVerdictTell(ctx, q, assumptionID)
		return t.Line, err
	case decisionID != 0:
		t, _, err = session.LatestDecisionTell(ctx, q, decisionID)
		return t.Line, err
	case sessionID == 0:
		return "", nil
	}
	var dec int64
	if err := sqlx.GetContext(ctx, q, &dec, `SELECT decision_id FROM sessions WHERE id = ?`, sessionID); err != nil {
		return "", store.Map(err, fmt.Sprintf("session %d", sessionID))
	}
	if t, _, err = session.LatestDecisionTell(ctx, q, dec); err != nil || t.Line != "" {
		return t.Line, err
	}
	tells, err := session.SessionTells(ctx, q, sessionID)
	if err != nil {
		return "", err
	}
	var parts []string
	for _, t := range tells {
		if t.Line != "" {
			parts = append(parts, t.Line)
		}
	}
	return strings.Join(parts, " "), nil
}
