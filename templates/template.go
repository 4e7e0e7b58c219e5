package templates

import (
	"github.com/civicpact/civicpact/clauses"
)

// Template is one version of a contract template for a procurement route.
type Template struct {
	Key      string         `json:"key"` // TPL-<NAME>, e.g. TPL-RFP
	Version  int            `json:"version"`
	Route    clauses.Route  `json:"route"`
	Title    clauses.Text   `json:"title"`
	Recitals []clauses.Text `json:"recitals"` // clause markup, in order
	// Variables are the template-level flags and values that conditions
	// test and recitals may use: processes_personal_info, uses_ai_or_adm,
	// contract_value_cad and so on.
	Variables []clauses.Variable `json:"variables"`
	Articles  []ArticleSpec      `json:"articles"`
	Schedules []ScheduleSpec     `json:"schedules"`
}

// ArticleSpec is one article of a template: a title and its clause slots.
// An article whose slots are all excluded is left out of the contract.
type ArticleSpec struct {
	Title clauses.Text `json:"title"`
	Slots []Slot       `json:"slots"`
}

// Slot places one clause in an article.
type Slot struct {
	ClauseKey string `json:"clause"`
	// Position is the default position; empty means the clause version's
	// route default, then its first position.
	Position string `json:"position,omitempty"`
	// Pin fixes the clause version; 0 means the latest approved version at
	// assembly time.
	Pin int `json:"pin,omitempty"`
	// Required slots cannot be removed in negotiation; a condition still
	// decides whether the slot applies to the contract at all.
	Required bool `json:"required,omitempty"`
	// Condition, when set, includes the slot only when it evaluates to
	// true over the template variables (see Expr).
	Condition string `json:"condition,omitempty"`
}

// ScheduleSpec is a schedule attached to the contract (specification,
// success criteria, funder terms …). Its content is supplied per contract;
// the template fixes its label, title and when it applies.
type ScheduleSpec struct {
	Label       string       `json:"label"` // "A", "B" …
	Title       clauses.Text `json:"title"`
	Description clauses.Text `json:"description"` // what the schedule must contain; guidance, never rendered
	Condition   string       `json:"condition,omitempty"`
}

// Ref names a template version.
type Ref struct {
	Key     string `json:"key"`
	Version int    `json:"version"`
}

// Ref returns the template's key and version.
func (t *Template) Ref() Ref { return Ref{Key: t.Key, Version: t.Version} }

// Variable returns the template variable called name, and whether it exists.
func (t *Template) Variable(name string) (clauses.Variable, bool) {
	for _, v := range t.Variables {
		if v.Name == name {
			return v, true
		}
	}
	return clauses.Variable{}, false
}

// Slots returns every slot of the template in article order.
func (t *Template) Slots() []Slot {
	var out []Slot
	for _, a := range t.Articles {
		out = append(out, a.Slots...)
	}
	return out
}

// conditionKinds returns the kinds of the names a condition may use: the
// template variables plus the reserved names "province" and "route".
func (t *Template) conditionKinds() map[string]ValueKind {
	kinds := map[string]ValueKind{"province": KindString, "route": KindString}
	for _, v := range t.Variables {
		kinds[v.Name] = kindOfType(v.Type)
	}
	return kinds
}

// DefaultPosition is the library standard for clause version v in this
// template: the slot's position, else the version's default for the
// template's route, else its first position. Assembly starts from it, and
// the deviation report measures departures from it.
func (t *Template) DefaultPosition(v clauses.Version) string {
	for _, a := range t.Articles {
		for _, s := range a.Slots {
			if s.ClauseKey == v.Key && s.Position != "" {
				return s.Position
			}
		}
	}
	if id := v.RouteDefaults[t.Route]; id != "" {
		return id
	}
	if len(v.Positions) > 0 {
		return v.Positions[0].ID
	}
	return ""
}
