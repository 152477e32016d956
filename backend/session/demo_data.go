package session

// The sample sessions over the sample board (board.LoadDemo): the team
// behind the ordering software tests two product decisions with its
// advisory board. Three sessions are finished (with responses, quotes,
// verdicts, synthesis and a decision-log entry each), one is planned.
// Fixed data; dates count from today.

type demoDecision struct {
	key, title, question, owner string
	deadlineIn                  int // days from today
	createdAgo                  int
	assumptions                 []demoAssumption
	log                         demoLog
}

type demoAssumption struct {
	key, customers, behavior, reason, category string
	importance, evidence                       int
}

type demoLog struct {
	outcome, rationale string
	ago                int
}

type demoPerson struct{ email, state string }

type demoResponse struct{ who, stance, needs, reactions, notes string }

type demoQuote struct {
	who, text string
	themes    []string
}

type demoTest struct {
	assumption string
	seconds    int
	responses  []demoResponse
	quotes     []demoQuote
	verdict    string
	rationale  string
	confidence int
}

type demoOpportunity struct {
	hmw            string
	effort, impact int
	picked         bool
}

type demoAction struct {
	title, owner string
	dueIn        int // days from today (negative: past)
	doneAgo      int // days ago; -1 = open
}

type demoSession struct {
	title, customerTitle, decision, start, place, agenda string
	ago                                                  int // days ago; negative = ahead
	duration                                             int
	status                                               string
	prompts                                              []string
	people                                               []demoPerson
	assumptions                                          []string // for the planned session
	tests                                                []demoTest
	opportunities                                        []demoOpportunity
	actions                                              []demoAction
	format                                               string         // "" = assumption testing
	workshop                                             []demoActivity // the agenda of a workshop format
}

// Sample board members by email (see board/demo.go).
const (
	emailZoe    = "zoe@atelier-durand.example"
	emailLukasz = "lukasz@nowak-sklep.example"
	emailEleni  = "eleni@kafeneio.example"
	emailLilei  = "lilei@lileifoods.example"
	emailTom    = "tom@bakerybaker.example"
	emailPriya  = "priya@brightside.example"
	emailGrace  = "grace@okaforhome.example"
	emailJoerg  = "joerg@mueller-grosshandel.example"
	emailMo     = "mohammed@gulftrading.example"
	emailKenji  = "kenji@kissa.example"
	emailSofia  = "sofia@tiendasofia.example"
	emailNoah   = "noah@fischerfeinkost.example"
	// The round beyond English: one member per script.
	emailLayla    = "layla@haddadsoap.example"
	emailSiriporn = "siriporn@kruasiriporn.example"
	emailHanako   = "hanako@yamada-shokudo.example"
	emailSeojun   = "seojun@hanbit-dist.example"
	emailAnanya   = "ananya@sharmakirana.example"
)

func demoDecisions() []demoDecision {
	return []demoDecision{
		{key: "onboarding", title: "Should we build a self-serve supplier onboarding?",
			question: "Can shops and kitchens connect a new supplier on their own, without our onboarding team, and does that keep them with us?",
			owner:    "Mara Jensen", deadlineIn: 30, createdAgo: 55,
			assumptions: []demoAssumption{
				{"A1", "independent shop owners", "connect a new supplier on their own in under 15 minutes", "they already have the supplier's price list as a spreadsheet", "desirability", 5, 2},
				{"A2", "shop owners", "start onboarding without a call with our team", "they prefer to set things up after closing time", "desirability", 4, 2},
				{"A3", "wholesale distributors", "share their catalogue with us as a CSV file", "they already export it for other ordering platforms", "feasibility", 5, 1},
				{"A4", "restaurant kitchens", "map their usual products to a new supplier's catalogue once", "they order the same 30–50 items every week", "feasibility", 3, 3},
				{"A5", "new customers", "stay past the first month when onboarding is self-serve", "they see their first order go through on day one", "viability", 4, 1},
				{"A6", "our onboarding team", "spend the time saved on larger accounts", "self-serve handles the long tail of small shops", "viability", 2, 3},
			},
			log: demoLog{"test_further", "Setting up alone, after hours, is clearly wanted, but most price lists arrive as PDFs or photos and distributors won't send CSV files. " +
				"Before committing to self-serve we test a PDF price-list import with real supplier files in a second round.", 37},
		},
		{key: "pricing", title: "Usage-based pricing for the analytics add-on?",
			question: "Should the stock & spend analytics add-on be priced per order processed instead of a flat monthly fee?",
			owner:    "Jonas Berg", deadlineIn: 45, createdAgo: 30,
			assumptions: []demoAssumption{
				{"B1", "online-first brands", "accept paying per order processed", "their order volume swings with campaigns and seasons", "viability", 5, 1},
				{"B2", "independent retailers", "prefer a predictable flat fee over paying per order", "they budget month by month and dislike surprises", "viability", 4, 2},
				{"B3", "operations leads", "open the analytics dashboard at least once a week", "spend by supplier is what they report to the owner", "desirability", 4, 2},
				{"B4", "restaurant owners", "act on waste and over-ordering alerts", "food cost is their biggest expense they can control", "desirability", 3, 2},
				{"B5", "buyers", "understand a usage-based bill without contacting support", "the bill lists orders per supplier and week", "feasibility", 3, 3},
				{"B6", "wholesale distributors", "pay for reports on their customers' reorder patterns", "it helps them plan stock", "viability", 2, 1},
			},
			log: demoLog{"pivot", "Paying per order fits online-first brands only; retailers and distributors want one known number a month, nobody opens a dashboard weekly, " +
				"and the mock bill confused half the room. We offer volume tiers with a monthly summary email instead of pure per-order pricing.", 9},
		},
	}
}

func demoSessions() []demoSession {
	opener := "1. Welcome and opener (10 min)\n2. Assumptions, one at a time (60 min)\n3. What surprised you? (10 min)\n4. Thanks and next steps (5 min)"
	return []demoSession{
		{title: "Supplier onboarding: beyond English", customerTitle: "Setting up in your own language", decision: "onboarding", ago: 45, start: "08:00", duration: 90,
			place: "Video call · https://meet.example/sb-onboarding-world", agenda: opener, status: "finished",
			prompts: []string{"How might we read a price list in the supplier's own language and script?",
				"How might we help without a call across five time zones?"},
			people: []demoPerson{{emailHanako, "attended"}, {emailSeojun, "attended"}, {emailLayla, "attended"}, {emailAnanya, "attended"}, {emailSiriporn, "attended"}},
			tests: []demoTest{
				{assumption: "A1", seconds: 900,
					responses: []demoResponse{
						{emailHanako, "does_not_match", "An import that reads faxed lists", "frustration", "Most of her suppliers still fax their price lists, in Japanese."},
						{emailSeojun, "matches", "One agreed spreadsheet format", "excitement", "Would send an Excel file; prices differ per customer, so there are several."},
						{emailLayla, "partly", "Lists read in Arabic and English", "confusion", "Her suppliers send bilingual lists; the prototype showed the Arabic column reversed."},
						{emailAnanya, "does_not_match", "Photos from WhatsApp read into items", "frustration", "Suppliers send photos of handwritten lists on WhatsApp."},
						{emailSiriporn, "partly", "Prices she can correct every morning", "", "Market prices change daily; the list is only a starting point."},
					},
					quotes: []demoQuote{
						{emailHanako, "仕入れ先の価格表は、ほとんどFAXで届きます。15分では無理です。", []string{"Supplier price lists"}},
						{emailLayla, "قوائم الأسعار عندي بالعربية والإنجليزية، ويجب أن يقرأ النظام الاثنتين.", []string{"Supplier price lists", "Own language"}},
						{emailAnanya, "मेरे ज़्यादातर सप्लायर व्हाट्सऐप पर फ़ोटो भेजते हैं।", []string{"Supplier price lists"}},
						{emailSiriporn, "ราคาจากตลาดเปลี่ยนทุกเช้า ฉันต้องแก้เองได้ทันที", []string{"Supplier price lists"}},
					},
					verdict: "needs_research", confidence: 3,
					rationale: "Outside Europe even fewer price lists are spreadsheets: faxes, WhatsApp photos and bilingual lists. The import has to read them in their own script."},
				{assumption: "A2", seconds: 600,
					responses: []demoResponse{
						{emailHanako, "matches", "Set up alone after closing", "excitement", "Closes at 21:00; does the books afterwards."},
						{emailSeojun, "partly", "A chat to ask when stuck", "", "Would start alone; wants chat, not a phone call, because of the time difference."},
						{emailLayla, "matches", "A help button inside the setup", "", "No kick-off call; help on demand."},
						{emailAnanya, "matches", "Steps that work on the phone", "excitement", "Only free after the shop closes at 22:00."},
						{emailSiriporn, "matches", "", "", "Would never find the time to book a call."},
					},
					quotes: []demoQuote{
						{emailHanako, "閉店後に一人で設定したいです。電話はいりません。", []string{"After-hours setup"}},
						{emailSeojun, "처음엔 혼자 해 보고, 막히면 채팅으로 물어보고 싶어요.", []string{"Human backstop"}},
						{emailLayla, "لا أريد مكالمة. أريد زرًا للمساعدة عندما أحتاجه.", []string{"Human backstop"}},
						{emailSiriporn, "ถ้าต้องนัดโทรคุย ฉันคงไม่ได้เริ่มสักที", []string{"After-hours setup"}},
					},
					verdict: "validated", confidence: 4,
					rationale: "Everyone starts alone, after hours; help is wanted on demand, by chat across time zones."},
				{assumption: "A3", seconds: 480,
					responses: []demoResponse{
						{emailHanako, "unsure", "", "", "Doesn't know how her suppliers keep their lists."},
						{emailSeojun, "partly", "One file per customer price group", "", "Exports CSV already; per-customer prices make it several files."},
						{emailLayla, "does_not_match", "", "", "Her distributors send PDFs only."},
						{emailAnanya, "does_not_match", "", "frustration", "'My suppliers don't have a computer at the counter.'"},
						{emailSiriporn, "unsure", "", "", "Buys at the market; no catalogue at all."},
					},
					quotes: []demoQuote{
						{emailSeojun, "CSV는 문제없어요. 다만 거래처마다 단가가 달라서 파일이 여러 개예요.", []string{"Distributor effort"}},
					},
					verdict: "invalidated", confidence: 3,
					rationale: "Only the one distributor would send CSV files, one per price group; the shops' suppliers have no computer at the counter. Plan for reading their lists instead."},
				{assumption: "A4", seconds: 420,
					responses: []demoResponse{
						{emailHanako, "matches", "Item names in Japanese", "", "About 40 regular items a week."},
						{emailSeojun, "matches", "Customer item codes", "", "His restaurant customers reorder the same lists."},
						{emailLayla, "partly", "Variants by size and scent", "", "Orders packaging, not food; 20 items with many variants."},
						{emailAnanya, "matches", "Names as her suppliers write them", "", "Knows her 60 staples by heart."},
						{emailSiriporn, "matches", "Photos of the ingredients", "excitement", "Thirty-odd regular ingredients."},
					},
					quotes: []demoQuote{
						{emailHanako, "毎週ほぼ同じ四十品目です。一度登録すれば十分です。", []string{"Regular orders"}},
						{emailSiriporn, "วัตถุดิบที่สั่งประจำมีแค่สามสิบกว่าอย่าง", []string{"Regular orders"}},
					},
					verdict: "validated", confidence: 4,
					rationale: "Regular lists are short here too (20–60 items); mapping once works if item names stay in the supplier's language."},
				{assumption: "A5", seconds: 540,
					responses: []demoResponse{
						{emailHanako, "partly", "A confirmation from the supplier", "", "Would judge after the first month."},
						{emailSeojun, "unsure", "", "", "Speaks for distributors, not new shops."},
						{emailLayla, "matches", "The first order right", "excitement", "A correct first order would keep her."},
						{emailAnanya, "matches", "The first order right, and on time", "", "Agreed with Layla, in English and in Hindi."},
						{emailSiriporn, "partly", "", "", "Stays if the morning prices are right."},
					},
					quotes: []demoQuote{
						{emailLayla, "إذا وصل أول طلب صحيحًا، سأبقى.", []string{"Trust on delivery"}},
						{emailAnanya, "Like ليلى حداد said: if the first order arrives right, I stay.", []string{"Trust on delivery"}},
						{emailAnanya, "पहला ऑर्डर सही आया तो भरोसा हो जाएगा।", []string{"Trust on delivery"}},
					},
					verdict: "needs_research", confidence: 3,
					rationale: "The first correct order is what earns trust; only the pilot can show whether it keeps people past a month."},
			},
			opportunities: []demoOpportunity{
				{"How might we read a price list in any language and script, including faxes and photos?", 5, 5, true},
				{"How might we offer help by chat, across time zones, without booking a call?", 2, 4, true},
			},
			actions: []demoAction{
				{"Send thank-you notes in each member's language", "Mara Jensen", -44, 44},
				{"Collect sample price lists in Japanese, Korean, Arabic, Hindi and Thai", "Jonas Berg", -25, 27},
			},
		},
		{title: "Supplier onboarding: assumption test", customerTitle: "Getting your suppliers on board", decision: "onboarding", ago: 40, start: "10:00", duration: 90,
			place: "Video call · https://meet.example/sb-onboarding", agenda: opener, status: "finished",
			prompts: []string{"How might we get a new supplier connected before the shop closes?",
				"How might we make the first order feel safe?"},
			people: []demoPerson{{emailZoe, "attended"}, {emailLukasz, "attended"}, {emailEleni, "attended"}, {emailLilei, "attended"}, {emailTom, "no_show"}},
			tests: []demoTest{
				{assumption: "A1", seconds: 840,
					responses: []demoResponse{
						{emailZoe, "partly", "The import has to read the PDF price lists most of my suppliers send", "excitement", "Orders from 14 suppliers; 3 send spreadsheets, the rest PDFs or photos of paper lists."},
						{emailLukasz, "does_not_match", "A person to call when the import gets the units wrong", "frustration", "Tried a competitor's self-serve import last year; cases became single bottles and he gave up."},
						{emailEleni, "partly", "Works on the phone, in Greek, between lunch and dinner service", "confusion", "Wasn't sure what 'catalogue' means; calls it 'the list from the supplier'."},
						{emailLilei, "matches", "One template we fill once for all our customers", "excitement", "As a distributor he would send a spreadsheet if it is one format for everyone."},
					},
					quotes: []demoQuote{
						{emailZoe, "Three of my suppliers send Excel. The other eleven send a PDF, or a photo of a paper list.", []string{"Supplier price lists"}},
						{emailLukasz, "Last time the import turned cases into single bottles. I ordered 240 bottles of olive oil.", []string{"Supplier price lists", "Human backstop"}},
						{emailEleni, "I do this at four in the afternoon, on my phone, with flour on my hands.", []string{"After-hours setup"}},
					},
					verdict: "needs_research", confidence: 3,
					rationale: "Setting up alone is wanted, but most price lists arrive as PDFs or photos, not spreadsheets; the 15 minutes depend on an import we don't have yet."},
				{assumption: "A2", seconds: 610,
					responses: []demoResponse{
						{emailZoe, "matches", "A checklist that remembers where I stopped", "excitement", "Does her admin on Sunday evenings."},
						{emailLukasz, "partly", "An offer of a call when something goes wrong, not before", "", "No sales call up front, but he wants a human backstop."},
						{emailEleni, "matches", "Short steps, five minutes each", "excitement", "Closes at 23:00; admin happens after that."},
						{emailLilei, "matches", "", "", "Agrees; his own customers set things up at night too."},
					},
					quotes: []demoQuote{
						{emailZoe, "Don't make me book a call. I'll do it on Sunday night when the shop is quiet.", []string{"After-hours setup"}},
						{emailLukasz, "I don't need a call to start. I need one when it breaks.", []string{"Human backstop"}},
						{emailEleni, "After we close, that's my office hour.", []string{"After-hours setup"}},
					},
					verdict: "validated", confidence: 4,
					rationale: "All four prefer to start alone, after hours. What the sceptics want is a person to reach when something breaks, not a kick-off call."},
				{assumption: "A3", seconds: 720,
					responses: []demoResponse{
						{emailZoe, "does_not_match", "Distributors would need a reason to bother", "", "Her distributors email PDFs; one still faxes."},
						{emailLukasz, "does_not_match", "Someone to chase the distributor for us", "frustration", "'They won't change anything for a shop my size.'"},
						{emailEleni, "unsure", "", "confusion", "Doesn't know how her suppliers produce their lists."},
						{emailLilei, "partly", "One agreed format, and something in it for the distributor", "", "Exports to two platforms already, each in a different format; reluctant to add a third."},
					},
					quotes: []demoQuote{
						{emailLukasz, "A distributor won't change anything for a shop my size. Forget it.", []string{"Distributor effort"}},
						{emailLilei, "We already export for two platforms and each wants a different file. A third? Only if it pays.", []string{"Distributor effort"}},
						{emailZoe, "One of my suppliers still sends a fax. Every Monday.", []string{"Supplier price lists"}},
					},
					verdict: "invalidated", confidence: 4,
					rationale: "Shops don't expect distributors to change, and the one distributor in the room exports only for the big platforms. Plan for reading PDFs instead of asking for CSV files."},
				{assumption: "A4", seconds: 480,
					responses: []demoResponse{
						{emailZoe, "matches", "Suggestions based on product names", "", "Her regular list is about 60 items."},
						{emailLukasz, "partly", "Matching must handle different pack sizes", "", "Would map his top 20 by hand, not everything."},
						{emailEleni, "matches", "Photos next to the items", "excitement", "Same 35 items every week; knows them by heart."},
						{emailLilei, "matches", "Customer-specific item codes", "", "Sees the same reorder lists from his restaurant customers."},
					},
					quotes: []demoQuote{
						{emailEleni, "It's the same thirty-five things every week. I could do it with my eyes closed.", []string{"Regular orders"}},
						{emailLukasz, "Twenty items, fine. Not two hundred.", []string{"Regular orders"}},
					},
					verdict: "validated", confidence: 3,
					rationale: "Regular lists are short and stable (35–60 items); mapping them once is acceptable if pack sizes are handled."},
				{assumption: "A5", seconds: 540,
					responses: []demoResponse{
						{emailZoe, "partly", "The first order has to arrive correctly", "", "Trust comes from the delivery, not from the software."},
						{emailLukasz, "unsure", "", "", "Can't say; would judge after a month of deliveries."},
						{emailEleni, "matches", "A message when the supplier confirms", "excitement", "A first confirmed order would convince her."},
						{emailLilei, "partly", "Supplier confirmation built in", "", "From his side: orders that arrive clean keep customers."},
					},
					quotes: []demoQuote{
						{emailZoe, "I trust it when the boxes arrive right. Not before.", []string{"Trust on delivery"}},
						{emailEleni, "If the supplier says 'confirmed' on the first day, I'm in.", nil},
					},
					verdict: "needs_research", confidence: 2,
					rationale: "Plausible, but nobody can speak for retention before living with it; measure it in the pilot."},
			},
			opportunities: []demoOpportunity{
				{"How might we turn a supplier's PDF price list into a catalogue in minutes?", 4, 5, true},
				{"How might we let shop owners finish setup after closing time without waiting for us?", 2, 4, true},
				{"How might we show a first confirmed order on day one?", 3, 4, true},
				{"How might we get distributors to send updates without extra work for them?", 5, 3, false},
			},
			actions: []demoAction{
				{"Send thank-you notes with a summary of what we heard", "Mara Jensen", -39, 39},
				{"Prototype the PDF price-list import with three real supplier files", "Jonas Berg", -20, 22},
				{"Add 'call me when it breaks' to the setup checklist", "Mara Jensen", 5, -1},
			},
		},
		{title: "Analytics pricing: assumption test", customerTitle: "Paying for the reports you use", decision: "pricing", ago: 12, start: "15:00", duration: 90,
			place: "Video call · https://meet.example/sb-pricing", agenda: opener, status: "finished",
			prompts: []string{"How might we price analytics so that a busy month doesn't feel like a penalty?",
				"How might we put the numbers where people already look?"},
			people: []demoPerson{{emailPriya, "attended"}, {emailGrace, "attended"}, {emailJoerg, "attended"}, {emailZoe, "attended"}, {emailMo, "no_show"}},
			tests: []demoTest{
				{assumption: "B1", seconds: 780,
					responses: []demoResponse{
						{emailPriya, "matches", "A cap for campaign peaks", "excitement", "Black Friday week is six times a normal week; paying less in quiet months appeals."},
						{emailGrace, "matches", "The cost per order shown in the dashboard", "", "Already pays per order for her shipping software."},
						{emailJoerg, "does_not_match", "A flat fee per customer account", "frustration", "For a distributor, paying per order punishes growth."},
						{emailZoe, "partly", "To know the highest possible bill in advance", "", "Not an online brand; would accept it with a cap."},
					},
					quotes: []demoQuote{
						{emailPriya, "Black Friday week is six times a normal week. Paying less in February is the whole point.", []string{"Seasonal peaks"}},
						{emailGrace, "We already pay per order for shipping labels. This would feel normal.", []string{"Seasonal peaks"}},
						{emailJoerg, "Per order? So the better we do, the more you punish us.", []string{"Predictable costs"}},
					},
					verdict: "validated", confidence: 4,
					rationale: "Both online-first brands prefer paying per order, provided peaks are capped. The others don't, which B2 covers."},
				{assumption: "B2", seconds: 560,
					responses: []demoResponse{
						{emailPriya, "unsure", "", "", "Not her segment."},
						{emailGrace, "partly", "Tiers by order volume", "", "Sees the appeal of a flat fee in the first year."},
						{emailJoerg, "matches", "An annual contract", "", "Agrees strongly, for distributors too."},
						{emailZoe, "matches", "One number on the invoice every month", "excitement", "Plans the budget with her accountant every month."},
					},
					quotes: []demoQuote{
						{emailZoe, "My accountant wants one number every month. One.", []string{"Predictable costs"}},
						{emailJoerg, "Give me an annual price and leave me alone.", []string{"Predictable costs"}},
					},
					verdict: "validated", confidence: 3,
					rationale: "The retailer and the distributor want one known number a month; volume tiers could bridge both camps."},
				{assumption: "B3", seconds: 650,
					responses: []demoResponse{
						{emailPriya, "partly", "An export for her monthly report", "", "Reports monthly, not weekly."},
						{emailGrace, "does_not_match", "A monthly email summary", "", "Wouldn't log in just to look."},
						{emailJoerg, "does_not_match", "", "frustration", "'Dashboards are for people without work to do.'"},
						{emailZoe, "does_not_match", "Alerts instead of a dashboard", "", "Month-end is when she looks at numbers."},
					},
					quotes: []demoQuote{
						{emailGrace, "I won't log in to look at charts. Send me the three numbers that changed.", []string{"Month-end routine"}},
						{emailJoerg, "Dashboards are for people who have nothing to do.", []string{"Month-end routine"}},
						{emailPriya, "My report to the owner is monthly. Weekly is noise.", []string{"Month-end routine"}},
					},
					verdict: "invalidated", confidence: 3,
					rationale: "Nobody looks weekly; numbers are read at month end. Send a monthly summary and alerts instead of counting on visits."},
				{assumption: "B4", seconds: 420,
					responses: []demoResponse{
						{emailPriya, "unsure", "", "", "Not a restaurant; thinks it is plausible."},
						{emailGrace, "unsure", "", "", "Can't speak for kitchens."},
						{emailJoerg, "partly", "Alerts that don't blame the supplier", "", "His restaurant customers over-order on Fridays."},
						{emailZoe, "unsure", "", "other", "Shops waste less than kitchens; shrugged."},
					},
					quotes: []demoQuote{
						{emailJoerg, "My restaurant customers over-order every Friday and send it back on Monday. Everyone loses.", []string{"Over-ordering"}},
					},
					verdict: "needs_research", confidence: 2,
					rationale: "No restaurant owner in the room (the one invited couldn't come); only second-hand views. Ask kitchens directly."},
				{assumption: "B5", seconds: 600,
					responses: []demoResponse{
						{emailPriya, "matches", "One line per supplier and week", "", "Reads her shipping invoices like that already."},
						{emailGrace, "partly", "The same numbers as in the dashboard", "confusion", "Mock bill: didn't see whether cancelled orders count as processed."},
						{emailJoerg, "does_not_match", "A flat fee", "frustration", "Would call support every month."},
						{emailZoe, "does_not_match", "A total at the top and nothing else", "confusion", "Got lost on the mock bill's second page."},
					},
					quotes: []demoQuote{
						{emailGrace, "Does a cancelled order count as processed? I'd be on the phone to you.", []string{"Bill clarity"}},
						{emailZoe, "I stopped reading on the second page.", nil},
					},
					verdict: "invalidated", confidence: 3,
					rationale: "Two of four misread the mock bill (cancelled orders, second page); the bill needs a redesign before any usage pricing."},
			},
			opportunities: []demoOpportunity{
				{"How might we price analytics so that campaign peaks don't feel like a penalty?", 3, 5, true},
				{"How might we fit the numbers into the month-end routine?", 2, 4, true},
				{"How might we explain a usage-based bill at a glance?", 2, 3, false},
			},
			actions: []demoAction{
				{"Thank participants and share what we heard", "Jonas Berg", -11, 11},
				{"Draft volume tiers and a capped per-order model for the follow-up", "Jonas Berg", 3, -1},
				{"Interview two restaurant owners about waste alerts", "Mara Jensen", 10, -1},
			},
		},
		{title: "Supplier onboarding: second round", customerTitle: "Bring your own price list", decision: "onboarding", ago: -7, start: "16:00", duration: 75,
			place: "Video call · https://meet.example/sb-onboarding-2", status: "planned",
			agenda: "1. Welcome and opener (10 min)\n2. Walk through the PDF import prototype with your own price list (25 min)\n" +
				"3. Assumptions, one at a time (30 min)\n4. Thanks and next steps (10 min)",
			prompts: []string{"How might we turn a photo of a paper price list into a catalogue?",
				"How might we make the first order feel safe for a kitchen?",
				"How might we give sceptics a person to reach without slowing everyone else down?"},
			people:      []demoPerson{{emailKenji, "confirmed"}, {emailEleni, "confirmed"}, {emailSofia, "invited"}, {emailNoah, "invited"}, {emailTom, "invited"}},
			assumptions: []string{"A1", "A5", "A4", "A6", "A3"},
		},
	}
}
