package library

import (
	"fmt"
	"slices"
	"time"

	"github.com/civicpact/civicpact/clauses"
)

// buildVersion converts versions[i] of the front matter, taking each
// position's texts from its sections.
func buildVersion(c clauses.Clause, i int, vy versionYAML, lay *layout, probs *problems) VersionFile {
	at := func(field string) string { return fmt.Sprintf("versions[%d].%s", i, field) }
	if vy.Version != i+1 {
		probs.add(lay.line(at("version")), "%s: versions are numbered 1, 2, 3 … in order: expected %d, got %d", at("version"), i+1, vy.Version)
	}
	vf := VersionFile{
		Version: clauses.Version{
			Key: c.Key, N: vy.Version, Effective: vy.Effective, Title: c.Title,
			ChangeNote: vy.ChangeNote.text(), NonSubstantive: vy.NonSubstantive,
			Guidance: vy.Guidance.text(), Remarks: vy.Remarks.text(),
			Provenance: clauses.Provenance{Source: vy.Provenance.Source, Licence: vy.Provenance.Licence},
			DraftedBy:  vy.DraftedBy,
		},
		Status:     clauses.Status(vy.Status),
		ApprovedBy: vy.ApprovedBy,
		RetiredBy:  vy.RetiredBy,
	}
	ts := func(field, s string, required bool) time.Time {
		return parseTimestamp(s, at(field), required, lay, probs)
	}
	vf.DraftedAt = ts("drafted_at", vy.DraftedAt, true)
	vf.ApprovedAt = ts("approved_at", vy.ApprovedAt, false)
	vf.RetiredAt = ts("retired_at", vy.RetiredAt, false)
	if len(vy.RouteDefaults) > 0 {
		vf.RouteDefaults = map[clauses.Route]string{}
		for r, id := range vy.RouteDefaults {
			vf.RouteDefaults[clauses.Route(r)] = id
		}
	}
	for j, vv := range vy.Variables {
		vf.Variables = append(vf.Variables, buildVariable(vv, fmt.Sprintf("%s[%d]", at("variables"), j), lay, probs))
	}
	for _, p := range vy.Positions {
		vf.Positions = append(vf.Positions, buildPosition(vy.Version, p, lay))
	}
	return vf
}

func parseTimestamp(s, path string, required bool, lay *layout, probs *problems) time.Time {
	if s == "" {
		if required {
			probs.add(lay.line(path), "%s: is required", path)
		}
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		probs.add(lay.line(path), "%s: must be a timestamp such as 2026-01-05T00:00:00Z, got %q", path, s)
	}
	return t.UTC()
}

func buildVariable(vv variableYAML, path string, lay *layout, probs *problems) clauses.Variable {
	v := clauses.Variable{
		Name: vv.Name, Type: clauses.VarType(vv.Type), Label: vv.Label.text(),
		Source: clauses.VarSource(vv.Source), Required: vv.Required, Default: vv.Default, Values: vv.Values,
	}
	bound := func(field string, x any) *float64 {
		f, ok := toFloat(x)
		if !ok {
			probs.add(lay.line(path+"."+field), "%s.%s: must be a number", path, field)
		}
		return f
	}
	v.Bounds = clauses.Range{Min: bound("min", vv.Min), Max: bound("max", vv.Max)}
	toRange := func(field string, r *rangeYAML) *clauses.Range {
		if r == nil {
			return nil
		}
		return &clauses.Range{Min: bound(field+".min", r.Min), Max: bound(field+".max", r.Max)}
	}
	v.Preferred = toRange("preferred", vv.Preferred)
	v.Fallback = toRange("fallback", vv.Fallback)
	return v
}

// buildPosition returns the position with its texts in canonical markup
// (a text that does not parse is kept as written, for the validator).
func buildPosition(n int, p positionYAML, lay *layout) clauses.Position {
	pos := clauses.Position{ID: p.ID, Label: p.Label.text(), Rationale: p.Rationale.text(), Stance: clauses.Stance(p.Stance)}
	en := lay.sections[sectionKey{n, p.ID, clauses.EN}].body
	fr := lay.sections[sectionKey{n, p.ID, clauses.FR}].body
	pos.Body = clauses.Text{EN: canonicalBody(en), FR: canonicalBody(fr)}
	return pos
}

func canonicalBody(s string) string {
	d, err := clauses.Parse(s)
	if err != nil {
		return s
	}
	return d.String()
}

var statuses = []clauses.Status{clauses.StatusDraft, clauses.StatusApproved, clauses.StatusSuperseded, clauses.StatusRetired}

// checkStatuses checks that approval and retirement metadata come in
// pairs and that each status is the one the metadata make it.
func checkStatuses(vs []VersionFile, lay *layout, probs *problems) {
	for i, v := range vs {
		at := func(field string) string { return fmt.Sprintf("versions[%d].%s", i, field) }
		if (v.ApprovedBy == "") != v.ApprovedAt.IsZero() {
			probs.add(lay.line(at("approved_by")), "%s: approved_by and approved_at go together", at("approved_by"))
		}
		if (v.RetiredBy == "") != v.RetiredAt.IsZero() {
			probs.add(lay.line(at("retired_by")), "%s: retired_by and retired_at go together", at("retired_by"))
		}
		if !v.RetiredAt.IsZero() && v.ApprovedAt.IsZero() {
			probs.add(lay.line(at("retired_at")), "%s: only an approved version can be retired", at("retired_at"))
		}
		want := DeriveStatus(vs, i)
		switch {
		case !slices.Contains(statuses, v.Status):
			probs.add(lay.line(at("status")), "%s: must be draft, approved, superseded or retired, got %q", at("status"), v.Status)
		case v.Status != want:
			probs.add(lay.line(at("status")), "%s: is %s but the approval and retirement dates make it %s", at("status"), v.Status, want)
		}
	}
}
