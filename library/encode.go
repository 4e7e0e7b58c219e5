package library

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/civicpact/civicpact/clauses"
)

// EncodeFile writes a clause and its versions in the canonical file format:
// fixed key order, block style, texts in canonical markup, statuses
// derived from the metadata (DeriveStatus), timestamps in UTC. Decoding
// and re-encoding the output gives the same bytes.
func EncodeFile(c clauses.Clause, versions []VersionFile) []byte {
	w := &yamlWriter{}
	w.b.WriteString("---\n")
	w.str(0, "key", c.Key)
	w.str(0, "category", string(c.Category))
	w.text(0, "title", c.Title)
	w.line(0, "versions", "")
	for i := range versions {
		writeVersion(w, versions, i)
	}
	w.b.WriteString("---\n")
	for _, v := range versions {
		for _, p := range v.Positions {
			for _, lang := range clauses.Langs {
				fmt.Fprintf(&w.b, "\n# v%d %s %s\n", v.N, p.ID, lang)
				if body := canonicalBody(p.Body.In(lang)); body != "" {
					w.b.WriteString("\n" + body + "\n")
				}
			}
		}
	}
	return w.b.Bytes()
}

func (w *yamlWriter) text(indent int, key string, t clauses.Text) {
	w.line(indent, key, "")
	w.str(indent+2, "en", t.EN)
	w.str(indent+2, "fr", t.FR)
}

func (w *yamlWriter) optText(indent int, key string, t clauses.Text) {
	if t.EN != "" || t.FR != "" {
		w.text(indent, key, t)
	}
}

func (w *yamlWriter) optStr(indent int, key, s string) {
	if s != "" {
		w.str(indent, key, s)
	}
}

func (w *yamlWriter) optTime(indent int, key string, t time.Time) {
	if !t.IsZero() {
		w.line(indent, key, t.UTC().Format(time.RFC3339Nano))
	}
}

func writeVersion(w *yamlWriter, versions []VersionFile, i int) {
	v := versions[i]
	w.line(2, "- version", strconv.Itoa(v.N))
	w.str(4, "effective", v.Effective)
	w.line(4, "status", string(DeriveStatus(versions, i)))
	w.str(4, "drafted_by", v.DraftedBy)
	w.optTime(4, "drafted_at", v.DraftedAt)
	w.optStr(4, "approved_by", v.ApprovedBy)
	w.optTime(4, "approved_at", v.ApprovedAt)
	w.optStr(4, "retired_by", v.RetiredBy)
	w.optTime(4, "retired_at", v.RetiredAt)
	w.line(4, "non_substantive", strconv.FormatBool(v.NonSubstantive))
	w.optText(4, "change_note", v.ChangeNote)
	w.text(4, "guidance", v.Guidance)
	w.optText(4, "remarks", v.Remarks)
	w.line(4, "provenance", "")
	w.str(6, "source", v.Provenance.Source)
	w.str(6, "licence", v.Provenance.Licence)
	if len(v.RouteDefaults) > 0 {
		w.line(4, "route_defaults", "")
		for _, r := range v.SortedRoutes() {
			w.str(6, scalar(string(r)), v.RouteDefaults[r])
		}
	}
	if len(v.Variables) > 0 {
		w.line(4, "variables", "")
		for _, d := range v.Variables {
			writeVariable(w, d)
		}
	}
	w.line(4, "positions", "")
	for _, p := range v.Positions {
		w.str(6, "- id", p.ID)
		w.text(8, "label", p.Label)
		w.optText(8, "rationale", p.Rationale)
		w.str(8, "stance", string(p.Stance))
	}
}

func writeVariable(w *yamlWriter, d clauses.Variable) {
	w.str(6, "- name", d.Name)
	w.str(8, "type", string(d.Type))
	w.optStr(8, "source", string(d.Source))
	if d.Label != (clauses.Text{}) {
		w.text(8, "label", d.Label)
	}
	if d.Required {
		w.line(8, "required", "true")
	}
	if len(d.Values) > 0 {
		writeValues(w, d.Values)
	}
	if d.Default != nil {
		writeDefault(w, d)
	}
	if d.Bounds.Min != nil {
		w.line(8, "min", number(*d.Bounds.Min))
	}
	if d.Bounds.Max != nil {
		w.line(8, "max", number(*d.Bounds.Max))
	}
	writeRange(w, "preferred", d.Preferred)
	writeRange(w, "fallback", d.Fallback)
}

// writeDefault writes a default in its type's canonical form: numbers
// plain, money and everything else as strings.
func writeDefault(w *yamlWriter, d clauses.Variable) {
	probe := clauses.Variable{Name: d.Name, Type: d.Type, Values: d.Values}
	val, err := probe.Check(d.Default)
	switch {
	case err != nil:
		w.line(8, "default", anyScalar(d.Default))
	case d.Type == clauses.TypeInteger || d.Type == clauses.TypeDecimal ||
		d.Type == clauses.TypePercent || d.Type == clauses.TypeBoolean:
		w.line(8, "default", val.Canonical())
	default:
		w.str(8, "default", val.Canonical())
	}
}

var flowSafe = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// writeValues writes an enum's values as a flow list, [a, b], when every
// value is a simple lower-case word, and as a block list otherwise.
func writeValues(w *yamlWriter, values []string) {
	simple := true
	for _, v := range values {
		simple = simple && flowSafe.MatchString(v) && plainSafe(v)
	}
	if simple {
		w.line(8, "values", "["+strings.Join(values, ", ")+"]")
		return
	}
	w.line(8, "values", "")
	for _, v := range values {
		w.b.WriteString(strings.Repeat(" ", 10) + "- " + scalar(v) + "\n")
	}
}

func anyScalar(x any) string {
	switch v := x.(type) {
	case string:
		return scalar(v)
	case bool, int, int64, uint64:
		return fmt.Sprint(v)
	case float64:
		return number(v)
	}
	return scalar(fmt.Sprint(x))
}

func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func writeRange(w *yamlWriter, key string, r *clauses.Range) {
	if r == nil || (r.Min == nil && r.Max == nil) {
		return
	}
	var parts []string
	if r.Min != nil {
		parts = append(parts, "min: "+number(*r.Min))
	}
	if r.Max != nil {
		parts = append(parts, "max: "+number(*r.Max))
	}
	w.line(8, key, "{"+strings.Join(parts, ", ")+"}")
}
