package board

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// The sample board: a team building ordering software for food and retail
// businesses keeps 35 people across four segments. It is fixed data (no
// randomness); dates count back from today so the board always looks alive:
// due follow-ups, a lapsed consent, a recent session.

type demoSegment struct {
	name, description string
	share             float64
}

var demoSegments = []demoSegment{
	{"Independent retailers", "Single-store shops ordering from several suppliers", 0.3},
	{"Restaurants & cafés", "Kitchens ordering fresh produce daily", 0.3},
	{"Wholesale distributors", "Suppliers receiving orders from our customers", 0.2},
	{"Online-first brands", "Direct-to-consumer brands with a warehouse", 0.2},
}

// demoPerson is one sample member. consent: "ok" (contact, recording and
// quoting), "contact" (contact only), "expired", "revoked" or "" (none).
type demoPerson struct {
	in       MemberInput
	joined   int // days ago; 0 = no join date
	consent  string
	sessions int // sessions attended (each with a thank-you and a reward)
	archived bool
}

func demoPeople() []demoPerson {
	seg := func(i int) string { return demoSegments[i].name }
	p := func(name, email, company, role string, segment int, status, tz, usage string, art int, tone string, tags ...string) MemberInput {
		return MemberInput{Name: name, Email: email, Company: company, Role: role, Segment: seg(segment),
			Status: status, Timezone: tz, UsageFrequency: usage, Articulation: art, Tone: tone, Tags: tags}
	}
	people := []demoPerson{
		// Active: 12, spread over the segments, mostly balanced.
		{p("Zoë Durand", "zoe@atelier-durand.example", "Atelier Durand", "Owner", 0, "active", "Europe/Paris", "daily", 5, "balanced", "pilot", "europe"), 420, "ok", 3, false},
		{p("Łukasz Nowak", "lukasz@nowak-sklep.example", "Sklep Nowak", "Manager", 0, "active", "Europe/Warsaw", "daily", 4, "too_negative", "europe", "power user"), 380, "ok", 3, false},
		{p("Ελένη Παπαδοπούλου", "eleni@kafeneio.example", "Καφενείο Ελένη", "Owner", 1, "active", "Europe/Athens", "weekly", 4, "balanced", "europe"), 300, "ok", 2, false},
		{p("李雷", "lilei@lileifoods.example", "Li Lei Foods", "Founder", 2, "active", "Asia/Shanghai", "daily", 3, "too_agreeable", "asia", "pilot"), 350, "ok", 2, false},
		{p("محمد الفارسي", "mohammed@gulftrading.example", "Gulf Trading", "Operations lead", 2, "active", "Asia/Dubai", "weekly", 4, "balanced", "middle east"), 260, "contact", 2, false},
		{p("Priya Raman", "priya@brightside.example", "Brightside", "Head of Ops", 3, "active", "Asia/Kolkata", "daily", 5, "balanced", "power user"), 240, "ok", 2, false},
		{p("Tom Baker", "tom@bakerybaker.example", "Baker's Bakery", "Owner", 1, "active", "Europe/London", "daily", 3, "too_agreeable"), 200, "ok", 1, false},
		{p("Ana Souza", "ana@souzamercado.example", "Mercado Souza", "Buyer", 0, "active", "America/Sao_Paulo", "weekly", 4, "balanced", "latam"), 180, "expired", 1, false},
		{p("Jörg Müller", "joerg@mueller-grosshandel.example", "Müller Großhandel", "Sales director", 2, "active", "Europe/Berlin", "monthly", 2, "too_negative", "europe"), 320, "ok", 2, false},
		{p("Kenji Watanabe", "kenji@kissa.example", "Kissa Watanabe", "Owner", 1, "active", "Asia/Tokyo", "weekly", 3, "balanced", "asia"), 150, "ok", 1, false},
		{p("Grace Okafor", "grace@okaforhome.example", "Okafor Home", "Founder", 3, "active", "Africa/Lagos", "daily", 5, "balanced", "pilot"), 120, "ok", 1, false},
		{p("Sofía Martínez", "sofia@tiendasofia.example", "Tienda Sofía", "Owner", 0, "active", "Europe/Madrid", "weekly", 4, "too_agreeable", "europe"), 90, "contact", 1, false},
		// Prospects: met once or recommended, no consent yet.
		{p("Daniel Kim", "daniel@seoulsupply.example", "Seoul Supply", "Procurement", 2, "prospect", "Asia/Seoul", "", 0, "", "asia"), 0, "", 0, false},
		{p("Emma Lindqvist", "emma@nordicbrew.example", "Nordic Brew", "Co-founder", 3, "prospect", "Europe/Stockholm", "monthly", 0, ""), 0, "", 0, false},
		{p("Carlos Hernández", "", "Taquería Hernández", "Chef", 1, "prospect", "America/Mexico_City", "", 0, ""), 0, "", 0, false},
		{p("Aisha Bello", "aisha@bellobeauty.example", "Bello Beauty", "CEO", 3, "prospect", "Africa/Lagos", "", 0, "", "referral"), 0, "", 0, false},
		// Invited: asked, waiting for an answer.
		{p("Noah Fischer", "noah@fischerfeinkost.example", "Fischer Feinkost", "Owner", 0, "invited", "Europe/Berlin", "weekly", 0, ""), 0, "contact", 0, false},
		{p("Mei Chen", "mei@teahouse.example", "Chen Tea House", "Manager", 1, "invited", "America/Los_Angeles", "daily", 0, ""), 0, "", 0, false},
		{p("Oliver Smith", "oliver@smithwholesale.example", "Smith Wholesale", "Account manager", 2, "invited", "America/Chicago", "rarely", 0, ""), 0, "", 0, false},
		{p("Fatma Yılmaz", "fatma@yilmazfirin.example", "Yılmaz Fırın", "Owner", 1, "invited", "Europe/Istanbul", "weekly", 0, ""), 0, "contact", 0, false},
		// Paused: busy season, asked to hear back later.
		{p("Lucas Moreau", "lucas@moreaucave.example", "Cave Moreau", "Owner", 0, "paused", "Europe/Paris", "monthly", 3, "balanced", "europe"), 500, "expired", 2, false},
		{p("Hannah Schulz", "hannah@schulzshop.example", "Schulz Online", "E-commerce lead", 3, "paused", "Europe/Berlin", "weekly", 4, "too_negative"), 410, "ok", 1, false},
		{p("Raj Patel", "raj@patelgrocers.example", "Patel Grocers", "Owner", 0, "paused", "Europe/London", "daily", 2, "too_agreeable"), 280, "contact", 1, false},
		// Alumni: served their term; one archived.
		{p("Isabella Rossi", "isabella@rossitrattoria.example", "Trattoria Rossi", "Owner", 1, "alumni", "Europe/Rome", "weekly", 5, "balanced", "pilot", "europe"), 720, "ok", 4, false},
		{p("William Johnson", "will@johnsondist.example", "Johnson Distribution", "COO", 2, "alumni", "America/New_York", "monthly", 3, "balanced"), 650, "expired", 3, false},
		{p("Chloé Lambert", "chloe@lambertfleurs.example", "Lambert Fleurs", "Owner", 3, "alumni", "Europe/Paris", "rarely", 4, "too_agreeable"), 800, "revoked", 2, true},
		// Declined and opted out: kept so nobody invites them again.
		{p("Jack Wilson", "jack@wilsonbikes.example", "Wilson Bikes", "Owner", 0, "declined", "Australia/Sydney", "never", 0, ""), 0, "", 0, false},
		{p("Olga Ivanova", "olga@ivanovadeli.example", "Ivanova Deli", "Manager", 1, "declined", "Europe/Warsaw", "", 0, ""), 0, "", 0, false},
		{p("Pedro Alves", "pedro@alvesatacado.example", "Alves Atacado", "Buyer", 2, "opted_out", "America/Sao_Paulo", "monthly", 2, "too_negative"), 540, "revoked", 1, false},
		{p("Sarah Cohen", "sarah@cohencandles.example", "Cohen Candles", "Founder", 3, "opted_out", "America/New_York", "weekly", 3, "balanced"), 460, "revoked", 1, false},
		// Joined for the round beyond English (see the sample sessions),
		// each setting up in their own language and script. Appended so the
		// members above keep their place in the round-robin details below.
		{p("ليلى حداد", "layla@haddadsoap.example", "صابون حداد", "Founder", 3, "active", "Asia/Beirut", "daily", 4, "balanced", "middle east", "pilot"), 210, "ok", 0, false},
		{p("ศิริพร วงศ์สวัสดิ์", "siriporn@kruasiriporn.example", "ครัวศิริพร", "Owner and head chef", 1, "active", "Asia/Bangkok", "daily", 3, "too_agreeable", "asia"), 190, "ok", 0, false},
		{p("山田 花子", "hanako@yamada-shokudo.example", "山田食堂", "Owner", 1, "paused", "Asia/Tokyo", "weekly", 4, "balanced", "asia"), 230, "ok", 0, false},
		{p("박서준", "seojun@hanbit-dist.example", "한빛유통", "Sales manager", 2, "paused", "Asia/Seoul", "weekly", 3, "too_negative", "asia"), 170, "ok", 0, false},
		{p("अनन्या शर्मा", "ananya@sharmakirana.example", "शर्मा किराना स्टोर", "Owner", 0, "alumni", "Asia/Kolkata", "daily", 5, "balanced", "pilot"), 400, "ok", 0, false},
	}
	notes := map[string]string{
		"Zoë Durand":    "Runs two shops; orders from 14 suppliers. Very clear about what slows her down.",
		"Łukasz Nowak":  "Sceptical of new tools; great at spotting what will not work in practice.",
		"李雷":            "Prefers video calls in the morning (Shanghai time). Interpreter not needed.",
		"Priya Raman":   "Uses the product every day across three warehouses.",
		"Tom Baker":     "Agrees with everything in sessions; ask for concrete examples.",
		"Jörg Müller":   "Distributor view: cares about order formats and cut-off times.",
		"Lucas Moreau":  "Harvest season Sept–Oct; back in November.",
		"Sarah Cohen":   "Asked not to be contacted again (2 months ago).",
		"Chloé Lambert": "Closed the shop; archived.",
		"山田 花子":         "Renovating the kitchen until spring; asked to pause sessions until then.",
		"박서준":           "Distributor view from Korea: one price list per customer, so many files.",
		"अनन्या शर्मा":  "Served her year on the board; happy to be asked about the pilot.",
		"ليلى حداد":     "Price lists in Arabic and English; wants both read.",
	}
	sources := []string{"Customer success", "Referral", "Conference", "Support ticket", "Newsletter"}
	for i := range people {
		in := &people[i].in
		in.Notes = notes[in.Name]
		in.Source = sources[i%len(sources)]
		in.Persona = []string{"Hands-on owner", "Process keeper", "Growth seeker"}[i%3]
		if in.Status == "active" {
			in.CadenceDays = []int{30, 45, 60}[i%3]
		}
		if in.Email != "" && i%4 == 0 {
			in.Phone = fmt.Sprintf("+1 555 01%02d", i)
		}
	}
	return people
}

// LoadDemo fills an empty board with a realistic sample board.
func (s *Service) LoadDemo() (DemoResult, error) {
	today := s.now()
	ago := func(days int) string { return today.AddDate(0, 0, -days).Format(time.DateOnly) }
	var res DemoResult
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(s.ctx, &n, `SELECT count(*) FROM members`); err != nil {
			return err
		}
		if n > 0 {
			return store.Conflict("the board already has members; the sample board loads only into an empty database")
		}
		stamp := s.stamp()
		for _, g := range demoSegments {
			id, err := store.NewID(s.ctx, tx)
			if err != nil {
				return err
			}
			_, err = tx.ExecContext(s.ctx,
				`INSERT INTO segments (id, name, description, target_share, created_at) VALUES (?, ?, ?, ?, ?)
				 ON CONFLICT (name) DO NOTHING`,
				id, g.name, g.description, g.share, stamp)
			if err != nil {
				return store.Map(err, fmt.Sprintf("segment %q", g.name))
			}
		}
		w := newMemberWriter(tx, stamp)
		for i, p := range demoPeople() {
			in := p.in
			if p.joined > 0 {
				in.JoinedOn = ago(p.joined)
			}
			if err := in.Validate(); err != nil {
				return fmt.Errorf("sample member %q: %w", in.Name, err)
			}
			id, err := w.insert(s.ctx, in)
			if err != nil {
				return fmt.Errorf("sample member %q: %w", in.Name, err)
			}
			if err := demoHistory(s.ctx, tx, id, i, p, ago, stamp); err != nil {
				return fmt.Errorf("sample member %q: %w", in.Name, err)
			}
			res.Members++
		}
		res.Segments = len(demoSegments)
		return nil
	})
	if err != nil {
		if isDomain(err) {
			return DemoResult{}, err
		}
		return DemoResult{}, fmt.Errorf("load sample board: %w", err)
	}
	return res, nil
}

// demoHistory adds consents, touchpoints and rewards for sample member i.
func demoHistory(ctx context.Context, tx *sqlx.Tx, id int64, i int, p demoPerson, ago func(int) string, stamp string) error {
	consent := func(kind, granted string, expires, revoked any, note string) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO consents (member_id, kind, granted_on, expires_on, revoked_on, note)
			VALUES (?, ?, ?, ?, ?, ?)`, id, kind, granted, expires, revoked, note)
		return err
	}
	touch := func(kind string, days int, summary string) error {
		_, err := InsertTouchpoint(ctx, tx, TouchpointInsert{MemberID: id, Kind: kind, HappenedOn: ago(days),
			Summary: summary, CreatedAt: stamp})
		return err
	}
	reward := func(days int, what string, cents int64, note string) error {
		rid, err := store.NewID(ctx, tx)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO rewards (id, member_id, what, value_cents, currency, given_on, note,
			created_at) VALUES (?, ?, ?, ?, 'EUR', ?, ?, ?)`, rid, id, what, cents, ago(days), note, stamp)
		return err
	}
	granted := max(p.joined, 30)
	var err error
	switch p.consent {
	case "ok":
		for _, k := range ConsentKinds {
			if err == nil {
				err = consent(k, ago(granted), ago(granted-730), nil, "signed board agreement")
			}
		}
	case "contact":
		err = consent("contact", ago(granted), nil, nil, "by email")
	case "expired":
		err = consent("contact", ago(granted+400), ago(20+i), nil, "one-year agreement, not renewed yet")
	case "revoked":
		if err = consent("contact", ago(granted), nil, ago(60), "asked to stop"); err == nil {
			err = consent("recording", ago(granted), nil, ago(60), "")
		}
	}
	if err != nil {
		return fmt.Errorf("consent: %w", err)
	}
	// Sessions count back from last month (or from when they left, for
	// paused and former members), one every two months.
	start := 10 + i
	if p.in.Status != "active" {
		start = 120 + i*3
	}
	topics := []string{"Assumption test: reorder reminders", "Assumption test: supplier catalogue import",
		"Prototype test: mobile ordering", "Problem mapping: month-end stock count"}
	for k := 0; k < p.sessions; k++ {
		d := start + k*60
		if d >= p.joined && p.joined > 0 {
			break
		}
		if err := touch("session", d, topics[(i+k)%len(topics)]); err != nil {
			return fmt.Errorf("touchpoint: %w", err)
		}
		if err := touch("email", d-1, "Thank-you note with a summary of what we heard"); err != nil {
			return fmt.Errorf("touchpoint: %w", err)
		}
		if err := reward(d-2, "Gift card", 5000, "for the session"); err != nil {
			return fmt.Errorf("reward: %w", err)
		}
	}
	switch p.in.Status {
	case "active":
		if i%2 == 0 {
			if err := touch("call", 3+i, "Follow-up call: what changed since the session"); err != nil {
				return fmt.Errorf("touchpoint: %w", err)
			}
		}
		if i%3 == 0 {
			if err := reward(5+i, "Early access to reorder reminders", 0, "share-back of what changed"); err != nil {
				return fmt.Errorf("reward: %w", err)
			}
		}
	case "invited":
		if err := touch("email", 5+i, "Invitation to join the advisory board"); err != nil {
			return fmt.Errorf("touchpoint: %w", err)
		}
	case "prospect":
		if err := touch("note", 15+i, "Suggested by customer success as a thoughtful voice"); err != nil {
			return fmt.Errorf("touchpoint: %w", err)
		}
	case "declined":
		if err := touch("message", 30+i, "Declined the invitation: no time this year"); err != nil {
			return fmt.Errorf("touchpoint: %w", err)
		}
	}
	if p.archived {
		if _, err := tx.ExecContext(ctx, `UPDATE members SET archived_at = ? WHERE id = ?`, stamp, id); err != nil {
			return fmt.Errorf("archive: %w", err)
		}
	}
	return nil
}
