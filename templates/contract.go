package templates

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/civicpact/civicpact/clauses"
)

// Contract is an assembled contract: the template's articles with the
// chosen clause versions and positions, variables substituted, numbered.
type Contract struct {
	ID             string         `json:"id"`
	ProcurementRef string         `json:"procurement_ref"`
	Route          clauses.Route  `json:"route"`
	Template       Ref            `json:"template"`
	Title          clauses.Text   `json:"title"`
	Province       string         `json:"province"`
	LegalSystem    LegalSystem    `json:"legal_system"`
	Languages      []clauses.Lang `json:"languages"`
	Prevailing     clauses.Lang   `json:"prevailing,omitempty"` // the version that governs, if any
	Parties        []Party        `json:"parties"`
	// Variables holds every checked value the contract uses: template
	// variables, clause variables (by name, or "KEY.name" when set for one
	// clause) and the contract variables city_name and vendor_name.
	// Jurisdiction texts are not repeated here: the province decides them.
	Variables map[string]clauses.Value `json:"variables"`
	Recitals  []clauses.Text           `json:"recitals"` // markup, variables substituted
	Articles  []Article                `json:"articles"`
	Schedules []Schedule               `json:"schedules"`
	// Warnings are advisory (thresholds, sign-offs, unverified statute
	// names); they are not part of the contract's text or fingerprint.
	Warnings    []Warning `json:"warnings"`
	Fingerprint string    `json:"fingerprint"`
	CreatedAt   time.Time `json:"created_at"`
}

// Article is a numbered article of a contract.
type Article struct {
	Number  int          `json:"number"`
	Title   clauses.Text `json:"title"`
	Clauses []Instance   `json:"clauses"`
}

// Instance is one clause of a contract: a clause version in a position,
// its text resolved for this contract.
type Instance struct {
	// ID is stable for the life of the contract (the lower-case clause key),
	// so that negotiation and diffs key on it, never on the number.
	ID        string       `json:"id"`
	ClauseKey string       `json:"clause_key"`
	Version   int          `json:"version"`
	Position  string       `json:"position"`
	Required  bool         `json:"required,omitempty"`
	Title     clauses.Text `json:"title"`
	Number    string       `json:"number"` // "7.2"
	// Text is the clause markup with variables replaced by their formatted
	// values; {{ref:KEY}} is kept and numbered when rendered (RefLabel).
	// Only the contract's languages are filled.
	Text clauses.Text `json:"text"`
	// LibrarySHA is the hex SHA-256 of the library position's text (both
	// languages, see LibrarySHA), so a later diff can tell a negotiated
	// change from the library wording.
	LibrarySHA string `json:"library_sha"`
}

// Schedule is a schedule attached to the contract.
type Schedule struct {
	Label string       `json:"label"`
	Title clauses.Text `json:"title"`
}

// Clause returns the instance of a clause key, and whether the contract
// has it.
func (c *Contract) Clause(key string) (Instance, bool) {
	for _, a := range c.Articles {
		for _, in := range a.Clauses {
			if in.ClauseKey == key {
				return in, true
			}
		}
	}
	return Instance{}, false
}

// RefLabel returns how a cross-reference to key reads in lang: "section 7.2"
// in English, « article 7.2 » in French. It reports false when the contract
// does not contain the clause.
func (c *Contract) RefLabel(key string, lang clauses.Lang) (string, bool) {
	in, ok := c.Clause(key)
	if !ok {
		return "", false
	}
	if lang == clauses.FR {
		return "article " + in.Number, true
	}
	return "section " + in.Number, true
}

// RefText is how a cross-reference reads in the contract: RefLabel when
// the contract has the clause, otherwise a neutral phrase that still reads
// as a sentence in both languages ("the applicable section of this
// Contract", « article applicable du présent contrat », which follows the
// « l’ » the French drafting puts before a reference). Assembly warns the
// city about such references; the signed text never shows a bare key.
func (c *Contract) RefText(key string, lang clauses.Lang) string {
	if label, ok := c.RefLabel(key, lang); ok {
		return label
	}
	if lang == clauses.FR {
		return "article applicable du présent contrat"
	}
	return "the applicable section of this Contract"
}

// LibrarySHA is the hex SHA-256 of a position's library text: the English
// text, a NUL byte, then the French text.
func LibrarySHA(p clauses.Position) string {
	h := sha256.New()
	h.Write([]byte(p.Body.EN))
	h.Write([]byte{0})
	h.Write([]byte(p.Body.FR))
	return hex.EncodeToString(h.Sum(nil))
}

// Fingerprint returns the hex SHA-256 of the contract's canonical JSON
// without its ID, creation time, warnings and fingerprint: two assemblies of
// the same input give the same fingerprint, and any change to the parties,
// values or text changes it. Go's JSON encoder writes struct fields in
// declaration order and map keys sorted, which makes the encoding canonical.
func Fingerprint(c *Contract) string {
	canon := *c
	canon.ID, canon.CreatedAt, canon.Warnings, canon.Fingerprint = "", time.Time{}, nil, ""
	raw, err := json.Marshal(&canon)
	if err != nil {
		// Every field is plain data or a clauses.Value, whose encoder
		// cannot fail; an error here is a programming error.
		panic("templates: encode contract for fingerprint: " + err.Error())
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}
