package contacts

import (
	"fmt"
	"strings"
	"unicode"
)

// Field names a column can map to. first_name, middle_name and last_name
// combine into name when a row has no full name; ignore drops the column.
const (
	Name           = "name"
	FirstName      = "first_name"
	MiddleName     = "middle_name"
	LastName       = "last_name"
	Email          = "email"
	Phone          = "phone"
	Company        = "company"
	Role           = "role"
	Segment        = "segment"
	Persona        = "persona"
	Timezone       = "timezone"
	Status         = "status"
	JoinedOn       = "joined_on"
	Source         = "source"
	Notes          = "notes"
	Tags           = "tags"
	UsageFrequency = "usage_frequency"
	Articulation   = "articulation"
	Tone           = "tone"
	CadenceDays    = "cadence_days"
	Ignore         = "ignore"

	// Consent columns: yes or no per kind, each with the date it was
	// given or withdrawn. ConsentDate is one date for every kind whose own
	// date column is missing or blank (a sheet with a single "Consent date").
	ConsentContact       = "consent_contact"
	ConsentContactDate   = "consent_contact_date"
	ConsentRecording     = "consent_recording"
	ConsentRecordingDate = "consent_recording_date"
	ConsentQuoting       = "consent_quoting"
	ConsentQuotingDate   = "consent_quoting_date"
	ConsentDate          = "consent_date"
)

// ConsentField is the yes/no field and the date field of one kind of
// consent (contact, recording, quoting).
type ConsentField struct{ Kind, Value, Date string }

// ConsentFields lists the consent kinds a file can carry.
var ConsentFields = []ConsentField{
	{"contact", ConsentContact, ConsentContactDate},
	{"recording", ConsentRecording, ConsentRecordingDate},
	{"quoting", ConsentQuoting, ConsentQuotingDate},
}

// Fields lists every field a column can map to, in the order a mapping
// screen offers them.
var Fields = []string{
	Name, FirstName, MiddleName, LastName, Email, Phone, Company, Role, Segment,
	Persona, Timezone, Status, JoinedOn, Source, Notes, Tags, UsageFrequency,
	Articulation, Tone, CadenceDays, ConsentContact, ConsentContactDate, ConsentRecording,
	ConsentRecordingDate, ConsentQuoting, ConsentQuotingDate, ConsentDate, Ignore,
}

// ExportHeaders are the columns WriteCSV writes, in order; each is a field name.
var ExportHeaders = []string{
	Name, Email, Phone, Company, Role, Segment, Persona, Timezone, Status, JoinedOn,
	Source, Notes, Tags, UsageFrequency, Articulation, Tone, CadenceDays,
}

// IsField reports whether f is a field a column can map to ("" counts: it
// means ignore).
func IsField(f string) bool {
	if f == "" {
		return true
	}
	for _, x := range Fields {
		if x == f {
			return true
		}
	}
	return false
}

// synonyms maps a normalised header (see headerKey) to a field. It covers
// our own export and those of Google Contacts (old and new layouts),
// Outlook and HubSpot-like CRMs. Headers those tools write that mean
// nothing to a board (addresses, birthdays, owners, …) map to ignore, so a
// raw export imports without a mapping step; only headers nobody knows
// come back as unmapped.
//
// Decisions worth knowing: HubSpot's "Lifecycle Stage" (lead, customer, …)
// is a sales stage, not a board status, so it becomes a tag; its "Lead
// Status" is pipeline state and is ignored. "Create Date" becomes the
// joined date. Outlook's bare "Title" is a name prefix ("Dr."), so it is
// ignored; only a file without any job-title column reads "Title" as role
// (see weakSynonyms).
var synonyms = map[string]string{
	// name
	"name": Name, "fullname": Name, "displayname": Name, "contactname": Name, "contact": Name,
	"membername": Name, "formattedname": Name, "fn": Name,
	"firstname": FirstName, "givenname": FirstName, "forename": FirstName, "first": FirstName,
	"middlename": MiddleName, "additionalname": MiddleName, "middle": MiddleName,
	"lastname": LastName, "familyname": LastName, "surname": LastName, "last": LastName,
	// email (Google "E-mail 1 - Value", Outlook "E-mail Address"/"E-mail 2 Address")
	"email": Email, "emailaddress": Email, "emailvalue": Email, "mail": Email, "workemail": Email,
	"personalemail": Email, "primaryemail": Email, "emailaddresses": Email,
	// phone
	"phone": Phone, "phonenumber": Phone, "phonevalue": Phone, "telephone": Phone, "tel": Phone,
	"mobile": Phone, "mobilephone": Phone, "mobilephonenumber": Phone, "mobilenumber": Phone,
	"businessphone": Phone, "homephone": Phone, "workphone": Phone, "cellphone": Phone,
	"primaryphone": Phone, "companymainphone": Phone, "otherphone": Phone,
	// company (Google "Organization 1 - Name" / "Organization Name")
	"company": Company, "companyname": Company, "organization": Company, "organisation": Company,
	"organizationname": Company, "organisationname": Company, "org": Company, "employer": Company,
	"accountname": Company, "associatedcompany": Company,
	// role
	"role": Role, "jobtitle": Role, "organizationtitle": Role, "organisationtitle": Role,
	"position": Role, "jobrole": Role,
	// board fields, as we export them and as people type them
	"segment": Segment, "customersegment": Segment, "marketsegment": Segment,
	"persona":  Persona,
	"timezone": Timezone, "tz": Timezone,
	"status": Status, "memberstatus": Status, "boardstatus": Status,
	"joinedon": JoinedOn, "joined": JoinedOn, "joindate": JoinedOn, "datejoined": JoinedOn,
	"joineddate": JoinedOn, "membersince": JoinedOn, "createdate": JoinedOn, "dateadded": JoinedOn,
	"source": Source, "originalsource": Source, "leadsource": Source, "contactsource": Source,
	"notes": Notes, "note": Notes, "comments": Notes, "comment": Notes, "description": Notes,
	"tags": Tags, "tag": Tags, "labels": Tags, "label": Tags, "categories": Tags,
	"groupmembership": Tags, "groups": Tags, "lifecyclestage": Tags,
	"usagefrequency": UsageFrequency, "usage": UsageFrequency, "frequency": UsageFrequency,
	"articulation": Articulation,
	"tone":         Tone,
	"cadencedays":  CadenceDays, "cadence": CadenceDays, "contactcadence": CadenceDays,
	"contactcadencedays": CadenceDays,
	// consent, as people head such columns ("Contact consent", "Consent to
	// quote", "Recording OK", "Contact consent date", "Consent given on")
	"contactconsent": ConsentContact, "consenttocontact": ConsentContact, "consentcontact": ConsentContact,
	"contactok": ConsentContact, "maycontact": ConsentContact, "contactpermission": ConsentContact,
	"contactconsentdate": ConsentContactDate, "contactconsenton": ConsentContactDate,
	"contactconsentgivenon": ConsentContactDate, "consenttocontactdate": ConsentContactDate,
	"consentcontactdate": ConsentContactDate, "contactconsentdated": ConsentContactDate,
	"recordingconsent": ConsentRecording, "consenttorecord": ConsentRecording, "consentrecording": ConsentRecording,
	"consenttorecording": ConsentRecording, "recordingok": ConsentRecording, "mayrecord": ConsentRecording,
	"recordingpermission":  ConsentRecording,
	"recordingconsentdate": ConsentRecordingDate, "recordingconsenton": ConsentRecordingDate,
	"recordingconsentgivenon": ConsentRecordingDate, "consenttorecorddate": ConsentRecordingDate,
	"consentrecordingdate": ConsentRecordingDate, "recordingconsentdated": ConsentRecordingDate,
	"quotingconsent": ConsentQuoting, "quoteconsent": ConsentQuoting, "consenttoquote": ConsentQuoting,
	"consentquoting": ConsentQuoting, "consentquote": ConsentQuoting, "quotingok": ConsentQuoting,
	"quoteok": ConsentQuoting, "mayquote": ConsentQuoting, "quotingpermission": ConsentQuoting,
	"quotingconsentdate": ConsentQuotingDate, "quoteconsentdate": ConsentQuotingDate,
	"quotingconsenton": ConsentQuotingDate, "quotingconsentgivenon": ConsentQuotingDate,
	"consenttoquotedate": ConsentQuotingDate, "consentquotingdate": ConsentQuotingDate,
	"quotingconsentdated": ConsentQuotingDate,
	"consentdate":         ConsentDate, "consenton": ConsentDate, "consentgivenon": ConsentDate,
	"consentgiven": ConsentDate, "consentdated": ConsentDate, "dateofconsent": ConsentDate,
	"ignore": Ignore,
}

// weakSynonyms map only when no other column maps to the same field.
var weakSynonyms = map[string]string{
	"title": Role,
}

// ignoredHeaders are known columns of common exports with nothing a board keeps.
var ignoredHeaders = strings.Fields(`
	nameprefix namesuffix prefix suffix nickname fileas shortname maidenname initials
	phoneticfirstname phoneticmiddlename phoneticlastname yominame givennameyomi
	additionalnameyomi familynameyomi birthday gender location photo sensitivity
	priority subject hobby mileage billinginformation directoryserver occupation
	emailtype emaillabel emaildisplayname phonetype phonelabel
	addresstype addresslabel addressformatted addressstreet addresscity addresspobox
	addressregion addresspostalcode addresscountry addressextendedaddress
	organizationtype organizationlabel organizationyominame organizationsymbol
	organizationlocation organizationjobdescription organizationdepartment department
	websitetype websitelabel websitevalue website websiteurl webpage
	eventtype eventlabel eventvalue relationtype relationlabel relationvalue
	customfieldtype customfieldlabel customfieldvalue imtype imlabel imservice imvalue
	externalidtype externalidlabel externalidvalue
	businessstreet businesscity businessstate businesspostalcode businesscountryregion
	businessaddresspobox homestreet homecity homestate homepostalcode homecountryregion
	homeaddresspobox otherstreet othercity otherstate otherpostalcode othercountryregion
	otheraddresspobox assistantsphone businessfax callback carphone homefax isdn otherfax
	pager radiophone ttytddphone telex account anniversary assistantsname children
	governmentidnumber internetfreebusy keywords language managersname officelocation
	organizationalidnumber private profession referredby spouse user
	recordid contactowner hubspotowner lastactivitydate lastmodifieddate lastcontacted
	marketingcontactstatus leadstatus city state stateregion country countryregion
	postalcode zip zipcode streetaddress address industry numberofemployees
	annualrevenue fax importproblems
`)

// headerKey normalises a header for lookup: lower case, letters only, so
// "E-mail 1 - Value", "e_mail_value" and "EmailValue" meet. Digits go too:
// numbered columns ("Phone 2 - Value") map like the first.
func headerKey(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// AutoField returns the field a header maps to without help: a field name,
// Ignore for a known column with nothing to keep, or "" when unknown.
func AutoField(header string) string {
	k := headerKey(header)
	if f, ok := synonyms[k]; ok {
		return f
	}
	if f, ok := weakSynonyms[k]; ok {
		return f
	}
	for _, x := range ignoredHeaders {
		if x == k {
			return Ignore
		}
	}
	return ""
}

// Column is one source column and what it maps to.
type Column struct {
	Header string // as in the file; "column N" when blank
	Field  string // a field name; "" when ignored or not understood
	Known  bool   // false when the header was not understood and no mapping was given
	Sample string // first non-empty value, shortened
}

// resolveColumns maps headers to fields: an explicit mapping entry wins
// (""/"ignore" = deliberately ignored), then the synonym table. A mapping
// naming an unknown field or a column the file lacks is an error.
func resolveColumns(headers []string, mapping map[string]string) ([]Column, error) {
	have := map[string]bool{}
	for _, h := range headers {
		have[h] = true
	}
	for src, f := range mapping {
		if !IsField(f) {
			return nil, fmt.Errorf("mapping for column %q: %q is not a field; use one of %s", src, f, strings.Join(Fields, ", "))
		}
		if !have[src] {
			return nil, fmt.Errorf("mapping names column %q, which the file does not have (columns: %s)", src, strings.Join(headers, ", "))
		}
	}
	cols := make([]Column, len(headers))
	strong := map[string]bool{}
	for i, h := range headers {
		cols[i].Header = h
		if f, ok := mapping[h]; ok {
			cols[i].Known = true
			if f != Ignore {
				cols[i].Field = f
				strong[f] = true
			}
			continue
		}
		k := headerKey(h)
		if f, ok := synonyms[k]; ok {
			cols[i].Known = true
			if f != Ignore {
				cols[i].Field = f
				strong[f] = true
			}
		}
	}
	for i, h := range headers {
		if cols[i].Known {
			continue
		}
		f := AutoField(h)
		if f == "" {
			continue
		}
		cols[i].Known = true
		if _, weak := weakSynonyms[headerKey(h)]; weak && strong[f] {
			continue // e.g. Outlook's "Title" next to "Job Title"
		}
		if f != Ignore {
			cols[i].Field = f
		}
	}
	return cols, nil
}
