package clauses

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/civicpact/civicpact/apperr"
)

// JurisdictionVars are the variables a province's jurisdiction pack fills;
// they are declared with source jurisdiction.
var JurisdictionVars = []string{
	"province_name", "privacy_statute", "access_statute", "privacy_regulator",
	"arbitration_act", "accessibility_law", "ecommerce_statute", "courts",
}

// ContractVars are the variables filled from the contract's parties; they
// are declared with source contract.
var ContractVars = []string{"city_name", "vendor_name"}

// PositionIDs lists the valid position IDs, in order: A (municipality-
// favouring) to D (vendor-favouring), and O for open source.
var PositionIDs = []string{"A", "B", "C", "D", "O"}

// ValidateClause checks a clause's key, category and titles. Paths are
// "key", "category", "title.en" and "title.fr".
func ValidateClause(c Clause) apperr.FieldList {
	var l apperr.FieldList
	if !ValidKey(c.Key) {
		l.Add("key", "%q is not a clause key of the form SCL-<TOPIC>-<nn> (TOPIC 2-8 capital letters), such as SCL-IP-01", c.Key)
	}
	if !slices.Contains(Categories, c.Category) {
		l.Add("category", "unknown category %q", c.Category)
	}
	requireText(&l, "title", c.Title)
	return l
}

// ValidateVersion checks a version of clause c and returns every problem,
// with paths relative to the version ("positions[1].text.fr",
// "variables[0].default"), after the clause's own problems (see
// ValidateClause). A markup error's message starts with the markup's
// "line L, column C: ". Cross-references to other clauses are not
// resolved here: see VersionRefs.
func ValidateVersion(c Clause, v Version) apperr.FieldList {
	l := ValidateClause(c)
	if v.Key != "" && v.Key != c.Key {
		l.Add("key", "version's key %q is not the clause's key %q", v.Key, c.Key)
	}
	validateHeader(&l, v)
	used := validatePositions(&l, v)
	validateRouteDefaults(&l, v)
	validateVariables(&l, v, used)
	return l
}

// VersionRefs returns the distinct clause keys the version's texts
// cross-reference, in order of first use. Texts that do not parse are
// skipped.
func VersionRefs(v Version) []string {
	var out []string
	for _, p := range v.Positions {
		for _, lang := range Langs {
			if d, err := Parse(p.Body.In(lang)); err == nil {
				for _, r := range d.Refs() {
					if !slices.Contains(out, r) {
						out = append(out, r)
					}
				}
			}
		}
	}
	return out
}

func validateHeader(l *apperr.FieldList, v Version) {
	if v.N < 1 {
		l.Add("version", "must be 1 or more")
	}
	if _, err := time.Parse(time.DateOnly, v.Effective); err != nil {
		l.Add("effective", "must be a date written YYYY-MM-DD, got %q", v.Effective)
	}
	if strings.TrimSpace(v.DraftedBy) == "" {
		l.Add("drafted_by", "is required")
	}
	requireText(l, "guidance", v.Guidance)
	for _, lang := range Langs {
		if strings.Contains(v.Guidance.In(lang), "\n") {
			l.Add("guidance."+string(lang), "must be one line of plain language")
		}
	}
	if v.N > 1 || v.ChangeNote.EN != "" || v.ChangeNote.FR != "" {
		requireText(l, "change_note", v.ChangeNote)
	}
	if v.Provenance.Source == "" {
		l.Add("provenance.source", `is required ("civicpact" for the project's own wording)`)
	}
	if v.Provenance.Licence == "" {
		l.Add("provenance.licence", "is required")
	}
}

func requireText(l *apperr.FieldList, path string, t Text) {
	for _, lang := range Langs {
		if strings.TrimSpace(t.In(lang)) == "" {
			l.Add(path+"."+string(lang), "is required")
		}
	}
}

// validatePositions checks the positions and returns the variables their
// texts use.
func validatePositions(l *apperr.FieldList, v Version) map[string]bool {
	used := map[string]bool{}
	if len(v.Positions) == 0 {
		l.Add("positions", "at least one position is required")
	}
	seen := map[string]bool{}
	for i, p := range v.Positions {
		path := fmt.Sprintf("positions[%d]", i)
		switch {
		case !slices.Contains(PositionIDs, p.ID):
			l.Add(path+".id", "%q is not a position ID (A, B, C, D or O)", p.ID)
		case seen[p.ID]:
			l.Add(path+".id", "position %s is listed twice", p.ID)
		}
		seen[p.ID] = true
		requireText(l, path+".label", p.Label)
		if p.Rationale.EN != "" || p.Rationale.FR != "" {
			requireText(l, path+".rationale", p.Rationale)
		}
		if !slices.Contains([]Stance{StancePreferred, StanceFallback, StanceWalkAway}, p.Stance) {
			l.Add(path+".stance", "must be preferred, fallback or walk_away, got %q", p.Stance)
		}
		validateTexts(l, path+".text", p, v, used)
	}
	return used
}

// validateTexts parses both languages of a position's text, checks that
// every variable is declared and that both languages use the same
// variables and references.
func validateTexts(l *apperr.FieldList, path string, p Position, v Version, used map[string]bool) {
	var docs [2]*Doc
	for i, lang := range Langs {
		lp := path + "." + string(lang)
		d, err := Parse(p.Body.In(lang))
		switch {
		case err != nil:
			l.Add(lp, "%s", err.Error())
			continue
		case len(d.Blocks) == 0:
			l.Add(lp, "is required")
			continue
		}
		docs[i] = d
		for _, name := range d.Vars() {
			used[name] = true
			if _, ok := v.Variable(name); !ok {
				l.Add(lp, "variable {{%s}} is not declared in this version", name)
			}
		}
	}
	if docs[0] == nil || docs[1] == nil {
		return
	}
	sameNames(l, path+".fr", "variable {{%s}}", docs[0].Vars(), docs[1].Vars())
	sameNames(l, path+".fr", "cross-reference {{ref:%s}}", docs[0].Refs(), docs[1].Refs())
}

func sameNames(l *apperr.FieldList, path, what string, en, fr []string) {
	for _, n := range en {
		if !slices.Contains(fr, n) {
			l.Add(path, "the English text uses "+what+" but the French text does not", n)
		}
	}
	for _, n := range fr {
		if !slices.Contains(en, n) {
			l.Add(path, "the French text uses "+what+" but the English text does not", n)
		}
	}
}

func validateRouteDefaults(l *apperr.FieldList, v Version) {
	for _, r := range sortedRoutes(v.RouteDefaults) {
		id := v.RouteDefaults[r]
		path := "route_defaults." + string(r)
		if !slices.Contains(Routes, r) {
			l.Add(path, "unknown route %q (rfp, challenge, pilot, grant or sole_source)", r)
		}
		if _, ok := v.Position(id); !ok {
			l.Add(path, "position %q is not one of this version's positions", id)
		}
	}
}

// sortedRoutes returns the routes of m, known routes first in display
// order, then unknown ones sorted.
func sortedRoutes(m map[Route]string) []Route {
	var out, unknown []Route
	for _, r := range Routes {
		if _, ok := m[r]; ok {
			out = append(out, r)
		}
	}
	for r := range m {
		if !slices.Contains(Routes, r) {
			unknown = append(unknown, r)
		}
	}
	slices.Sort(unknown)
	return append(out, unknown...)
}

// SortedRoutes returns the routes that have a default, in display order
// (unknown routes last, sorted), so that output is deterministic.
func (v *Version) SortedRoutes() []Route { return sortedRoutes(v.RouteDefaults) }
