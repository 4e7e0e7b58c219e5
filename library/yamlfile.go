package library

import (
	"strconv"
	"strings"

	"github.com/civicpact/civicpact/clauses"
)

// The front matter as YAML holds it. Fields whose YAML type varies (a
// default, a bound) are decoded as any and converted with a located error.

type fileYAML struct {
	Key      string        `yaml:"key"`
	Category string        `yaml:"category"`
	Title    textYAML      `yaml:"title"`
	Versions []versionYAML `yaml:"versions"`
}

type textYAML struct {
	EN string `yaml:"en"`
	FR string `yaml:"fr"`
}

func (t textYAML) text() clauses.Text { return clauses.Text{EN: t.EN, FR: t.FR} }

type versionYAML struct {
	Version        int               `yaml:"version"`
	Effective      string            `yaml:"effective"`
	Status         string            `yaml:"status"`
	DraftedBy      string            `yaml:"drafted_by"`
	DraftedAt      string            `yaml:"drafted_at"`
	ApprovedBy     string            `yaml:"approved_by"`
	ApprovedAt     string            `yaml:"approved_at"`
	RetiredBy      string            `yaml:"retired_by"`
	RetiredAt      string            `yaml:"retired_at"`
	NonSubstantive bool              `yaml:"non_substantive"`
	ChangeNote     textYAML          `yaml:"change_note"`
	Guidance       textYAML          `yaml:"guidance"`
	Remarks        textYAML          `yaml:"remarks"`
	Provenance     provenanceYAML    `yaml:"provenance"`
	RouteDefaults  map[string]string `yaml:"route_defaults"`
	Variables      []variableYAML    `yaml:"variables"`
	Positions      []positionYAML    `yaml:"positions"`
}

type provenanceYAML struct {
	Source  string `yaml:"source"`
	Licence string `yaml:"licence"`
}

type variableYAML struct {
	Name      string     `yaml:"name"`
	Type      string     `yaml:"type"`
	Source    string     `yaml:"source"`
	Label     textYAML   `yaml:"label"`
	Required  bool       `yaml:"required"`
	Values    []string   `yaml:"values"`
	Default   any        `yaml:"default"`
	Min       any        `yaml:"min"`
	Max       any        `yaml:"max"`
	Preferred *rangeYAML `yaml:"preferred"`
	Fallback  *rangeYAML `yaml:"fallback"`
}

type rangeYAML struct {
	Min any `yaml:"min"`
	Max any `yaml:"max"`
}

type positionYAML struct {
	ID        string   `yaml:"id"`
	Label     textYAML `yaml:"label"`
	Rationale textYAML `yaml:"rationale"`
	Stance    string   `yaml:"stance"`
}

// toFloat converts a bound written as a number or a numeric string.
func toFloat(x any) (*float64, bool) {
	var f float64
	var err error
	switch n := x.(type) {
	case nil:
		return nil, true
	case uint64:
		f = float64(n)
	case int64:
		f = float64(n)
	case int:
		f = float64(n)
	case float64:
		f = n
	case string:
		f, err = strconv.ParseFloat(strings.TrimSpace(n), 64)
	default:
		return nil, false
	}
	return &f, err == nil
}
