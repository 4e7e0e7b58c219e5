// Package clauses is the versioned clause library: clauses with stable keys,
// immutable approved versions, alternative positions from
// municipality-favouring (A) to vendor-favouring (D), typed variables,
// bilingual text in a small markup, plain-language guidance and provenance.
//
// A version, once approved, never changes: a correction is a new version
// with a change note. Status is derived from the records of the clause's
// stream (draft, approval, retirement), never edited in place.
package clauses

import (
	"strconv"
	"time"
)

// Lang is a language of the legal text.
type Lang string

// The languages every text is written in.
const (
	EN Lang = "en"
	FR Lang = "fr"
)

// Langs lists the supported languages in their canonical order.
var Langs = []Lang{EN, FR}

// Text is a string in both languages.
type Text struct {
	EN string `json:"en" yaml:"en"`
	FR string `json:"fr" yaml:"fr"`
}

// In returns the text in lang.
func (t Text) In(lang Lang) string {
	if lang == FR {
		return t.FR
	}
	return t.EN
}

// Category groups clauses by topic (DOMAIN.md §3).
type Category string

// Categories lists every category, in display order.
var Categories = []Category{
	"ip", "data", "privacy", "security", "indemnity", "insurance", "liability",
	"confidentiality", "term", "pilot", "payment", "social", "accessibility",
	"law", "disputes", "language", "open-data", "algorithms", "exit",
	"subcontracting", "general",
}

// Route is a procurement route; each has its own template and defaults.
type Route string

// The procurement routes of DOMAIN.md §1.2.
const (
	RouteRFP        Route = "rfp"
	RouteChallenge  Route = "challenge"
	RoutePilot      Route = "pilot"
	RouteGrant      Route = "grant"
	RouteSoleSource Route = "sole_source"
)

// Routes lists the routes in display order.
var Routes = []Route{RouteRFP, RouteChallenge, RoutePilot, RouteGrant, RouteSoleSource}

// Status is the derived life-cycle state of a version.
type Status string

// Version statuses. Draft → Approved → Superseded (a later version was
// approved) or Retired (withdrawn without replacement).
const (
	StatusDraft      Status = "draft"
	StatusApproved   Status = "approved"
	StatusSuperseded Status = "superseded"
	StatusRetired    Status = "retired"
)

// Stance is the city's playbook position on an alternative.
type Stance string

// Stances, from comfortable to needing an approver's sign-off.
const (
	StancePreferred Stance = "preferred"
	StanceFallback  Stance = "fallback"
	StanceWalkAway  Stance = "walk_away"
)

// Clause is the stable identity of a library item.
type Clause struct {
	Key      string   `json:"key"` // SCL-<TOPIC>-<nn>
	Category Category `json:"category"`
	Title    Text     `json:"title"`
}

// Version is one immutable edition of a clause's wording and options.
type Version struct {
	Key            string           `json:"key"`
	N              int              `json:"version"`
	Effective      string           `json:"effective"` // YYYY-MM-DD
	Title          Text             `json:"title"`
	ChangeNote     Text             `json:"change_note"`
	NonSubstantive bool             `json:"non_substantive,omitempty"`
	Guidance       Text             `json:"guidance"` // one plain-language line; never rendered into a contract
	Remarks        Text             `json:"remarks"`  // drafting remarks for lawyers; never rendered
	Provenance     Provenance       `json:"provenance"`
	RouteDefaults  map[Route]string `json:"route_defaults,omitempty"` // route → position ID
	Variables      []Variable       `json:"variables,omitempty"`
	Positions      []Position       `json:"positions"`
	DraftedBy      string           `json:"drafted_by"`
	DraftedAt      time.Time        `json:"drafted_at"`
}

// Provenance records where the wording came from and under what licence.
type Provenance struct {
	Source  string `json:"source" yaml:"source"`
	Licence string `json:"licence" yaml:"licence"`
}

// Position is one alternative wording of a clause.
type Position struct {
	ID        string `json:"id"` // A, B, C, D; O for open source
	Label     Text   `json:"label"`
	Rationale Text   `json:"rationale"`
	Stance    Stance `json:"stance"`
	Body      Text   `json:"text"` // clause markup, see Parse
}

// Position returns the position with id, and whether it exists.
func (v *Version) Position(id string) (Position, bool) {
	for _, p := range v.Positions {
		if p.ID == id {
			return p, true
		}
	}
	return Position{}, false
}

// Variable returns the declared variable called name, and whether it exists.
func (v *Version) Variable(name string) (Variable, bool) {
	for _, d := range v.Variables {
		if d.Name == name {
			return d, true
		}
	}
	return Variable{}, false
}

// Citation is how a contract cites the version: "Title (YYYY-MM-DD) KEY vN".
func (v *Version) Citation(lang Lang) string {
	return v.Title.In(lang) + " (" + v.Effective + ") " + v.Key + " v" + strconv.Itoa(v.N)
}
