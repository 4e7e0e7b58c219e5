package templates

import (
	"fmt"
	"slices"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

// Input is everything a user chooses to assemble a contract.
type Input struct {
	Template       Ref            `json:"template"` // Version 0: the latest
	Province       string         `json:"province"` // ON, QC, BC, AB, … (see PackFor)
	Languages      []clauses.Lang `json:"languages"`
	ProcurementRef string         `json:"procurement_ref"`
	Parties        []Party        `json:"parties"` // the city and one vendor (a company or a consortium)
	// Variables holds values as decoded from JSON, by variable name. A name
	// qualified with a clause key ("SCL-SUB-01.notice_days") sets the value
	// for that clause only, ahead of the plain name.
	Variables map[string]any `json:"variables"`
	// Positions chooses a position per clause key, overriding the
	// template's default.
	Positions map[string]string `json:"positions"`
}

// The party roles.
const (
	RoleCity   = "city"
	RoleVendor = "vendor"
)

// Party is one side of the contract.
type Party struct {
	Role    string `json:"role"` // RoleCity or RoleVendor
	Name    string `json:"name"` // legal name; for a consortium, the consortium's name
	Address string `json:"address"`
	// Members lists a consortium's members; empty for a single company.
	Members     []Member    `json:"members,omitempty"`
	Signatories []Signatory `json:"signatories"`
}

// Member is one company of a vendor consortium.
type Member struct {
	Name    string `json:"name"`
	Address string `json:"address"`
}

// Signatory is a person who signs for a party.
type Signatory struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	// AuthorityRef is what authorises the signature: for the city, the
	// by-law or council resolution (required); for a vendor, optional.
	AuthorityRef string `json:"authority_ref,omitempty"`
}

// party returns the first party with role, and whether there is one.
func party(ps []Party, role string) (Party, bool) {
	for _, p := range ps {
		if p.Role == role {
			return p, true
		}
	}
	return Party{}, false
}

func checkLanguages(l *apperr.FieldList, langs []clauses.Lang, pack Pack, havePack bool) {
	if len(langs) == 0 {
		l.Add("languages", "choose at least one language (en, fr)")
	}
	for i, lang := range langs {
		switch {
		case !slices.Contains(clauses.Langs, lang):
			l.Add(fmt.Sprintf("languages[%d]", i), "%q is not a contract language (en, fr)", lang)
		case slices.Index(langs, lang) < i:
			l.Add(fmt.Sprintf("languages[%d]", i), "%s is listed twice", lang)
		}
	}
	if !havePack {
		return
	}
	for _, req := range pack.RequiredLangs {
		if !slices.Contains(langs, req) {
			l.Add("languages", "a contract in %s must be drawn up in %s (%s)", pack.Name.EN, langName(req), pack.Note)
		}
	}
}

func langName(l clauses.Lang) string {
	if l == clauses.FR {
		return "French"
	}
	return "English"
}

func checkParties(l *apperr.FieldList, ps []Party) {
	counts := map[string]int{}
	for i, p := range ps {
		path := fmt.Sprintf("parties[%d]", i)
		if p.Role != RoleCity && p.Role != RoleVendor {
			l.Add(path+".role", "%q is not a role (city, vendor)", p.Role)
		}
		counts[p.Role]++
		requireField(l, path+".name", p.Name)
		requireField(l, path+".address", p.Address)
		for j, m := range p.Members {
			requireField(l, fmt.Sprintf("%s.members[%d].name", path, j), m.Name)
			requireField(l, fmt.Sprintf("%s.members[%d].address", path, j), m.Address)
		}
		if p.Role == RoleCity && len(p.Members) > 0 {
			l.Add(path+".members", "only a vendor can be a consortium")
		}
		checkSignatories(l, path, p)
	}
	for _, role := range []string{RoleCity, RoleVendor} {
		if counts[role] != 1 {
			l.Add("parties", "a contract has exactly one %s party, found %d", role, counts[role])
		}
	}
}

func checkSignatories(l *apperr.FieldList, path string, p Party) {
	if len(p.Signatories) == 0 {
		l.Add(path+".signatories", "at least one signatory is needed")
	}
	for j, s := range p.Signatories {
		sp := fmt.Sprintf("%s.signatories[%d]", path, j)
		requireField(l, sp+".name", s.Name)
		requireField(l, sp+".title", s.Title)
		if p.Role == RoleCity {
			requireField(l, sp+".authority_ref", s.AuthorityRef)
		}
	}
}

func requireField(l *apperr.FieldList, path, value string) {
	if value == "" {
		l.Add(path, "is required")
	}
}
